"""Which minute each officer is typing in: a line per running copy of SST Desktop, renewed while
they type and removed when they stop. A copy that dies leaves its line behind; it expires
``EXPIRY_SECONDS`` after it was last renewed. Times are the database's own clock, so officers'
computers need not agree on the time.

Written and read on a connection of the caller's (the change-feed watcher's thread), outside the
change feed: presence is not a change to the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Connection, DateTime, Table, delete, func, insert, select, update
from sqlalchemy.sql.functions import Function

from sst_desktop.domain import PresenceEntry
from sst_desktop.storage.audit import current_user
from sst_desktop.storage.change_feed import INSTANCE
from sst_desktop.storage.server import session_user

EXPIRY_SECONDS = 8.0  # a line not renewed for this long is gone (a copy that died, a lost network)
_presence = cast(Table, PresenceEntry.__table__)


@dataclass(frozen=True)
class Editing:
    """Another officer typing in a minute."""

    minute_id: int
    officer: str  # "Jane Smith (jsmith)"


def _now(connection: Connection) -> Function[Any]:
    if connection.dialect.name == "postgresql":
        return func.localtimestamp(type_=DateTime)
    return func.current_timestamp(type_=DateTime)


def officer_name(connection: Connection) -> str:
    """How other officers see this one: the full name of their computer account, when it has one,
    and their login (the server's, on a team database): "Jane Smith (jsmith)"."""
    account = current_user()  # (the computer's account, as the audit names it on a file)
    login = session_user(connection) if connection.dialect.name == "postgresql" else account
    full = ""
    try:
        import pwd  # (not on Windows)

        full = pwd.getpwnam(account).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError, OSError):
        pass
    return f"{full} ({login})" if full and full != login else login


def announce(connection: Connection, minute_id: int, officer: str, instance: str = INSTANCE) -> None:
    """Say (again) that ``officer`` is typing in ``minute_id``; the caller commits."""
    values = {"minute_id": minute_id, "officer": officer[:300], "seen_at": _now(connection)}
    renewed = connection.execute(update(_presence).where(_presence.c.instance == instance).values(**values))
    if not renewed.rowcount:
        connection.execute(insert(_presence).values(instance=instance, **values))


def withdraw(connection: Connection, instance: str = INSTANCE) -> None:
    """This copy is typing in no minute now; the caller commits."""
    connection.execute(delete(_presence).where(_presence.c.instance == instance))


def others(connection: Connection) -> frozenset[Editing]:
    """Who else is typing in which minute now (lines renewed within ``EXPIRY_SECONDS``)."""
    rows = connection.execute(
        select(_presence.c.minute_id, _presence.c.officer, _presence.c.seen_at, _now(connection)).where(
            _presence.c.instance != INSTANCE
        )
    ).all()
    found = set()
    for minute_id, officer, seen_at, now in rows:
        if _as_naive(now) - _as_naive(seen_at) <= timedelta(seconds=EXPIRY_SECONDS):
            found.add(Editing(int(minute_id), str(officer)))
    return frozenset(found)


def _as_naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)
