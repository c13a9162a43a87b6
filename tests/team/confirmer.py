"""Another officer confirming minutes, caught half way: a separate process that marks a meeting's
minutes confirmed in a transaction, says "ready", and commits only when told (a line on stdin)."""

from __future__ import annotations

import sys

from sqlalchemy import create_engine, text


def main(url: str, meeting_id: str) -> None:
    engine = create_engine(url)
    with engine.connect() as connection:
        transaction = connection.begin()
        connection.execute(
            text("UPDATE meetings SET minutes_confirmed_at = now() WHERE id = :id"), {"id": int(meeting_id)}
        )
        print("ready", flush=True)
        sys.stdin.readline()
        transaction.commit()
    engine.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
