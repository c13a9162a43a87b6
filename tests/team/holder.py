"""Another officer caught half way through a change: a separate process that runs one SQL statement
in a transaction, says "ready", and commits only when told (a line on stdin)."""

from __future__ import annotations

import sys

from sqlalchemy import create_engine, text


def main(url: str, statement: str) -> None:
    engine = create_engine(url)
    with engine.connect() as connection:
        transaction = connection.begin()
        connection.execute(text(statement))
        print("ready", flush=True)
        sys.stdin.readline()
        transaction.commit()
    engine.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
