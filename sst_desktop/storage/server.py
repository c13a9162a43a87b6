"""A team's database on a PostgreSQL server, reached the way a desktop program should reach one.

- The password is never part of the URL the program keeps, shows, logs or stores: it is taken out
  of a URL that carries one (``without_password``) and handed to the driver alone; without one,
  libpq reads the officer's ``.pgpass`` or service file, and the window asks for it when that fails.
- Connection failures a person can act on (server down, wrong database or login, TLS refused, a
  password needed) become ``StorageError``s in one sentence, never a driver traceback.
- A server that stops answering ends the work waiting on it in seconds (``storage.stalled``), and
  TCP keepalives notice a network that went away.
- A new, empty database is migrated under an advisory lock, so two first starts at once do not
  both create the tables: one migrates, the other waits for it and finds the schema current.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from sst_desktop.storage.errors import StorageError

DRIVER = "psycopg"
# A server on the council network answers a new connection in a second or two; a stalled one holds
# the window's database work up no longer than this (see storage.stalled).
CONNECT_TIMEOUT_SECONDS = 5
SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable", "allow")
# pg_advisory_lock key held while the schema is created or upgraded ("SSTD" as a number).
MIGRATION_LOCK = 0x53535444


class ServerUnavailableError(StorageError):
    """The server could not be reached or refused the connection (not a password matter)."""


class PasswordNeededError(StorageError):
    """The server wants a password that was not given, or refused the one given."""

    def __init__(self, message: str, *, advice: str = "", wrong: bool = False) -> None:
        super().__init__(message, advice=advice)
        self.wrong = wrong  # a password was given and refused (not merely missing)


class DriverMissingError(StorageError):
    """This installation has no PostgreSQL driver."""


class InvalidUrlError(StorageError):
    """A database URL that cannot be read."""


def checked_url(url: str) -> str:
    """``url`` if it can be read as a database URL; else an ``InvalidUrlError`` that does not repeat
    it (it may hold a password)."""
    try:
        make_url(url)
    except Exception as error:  # (SQLAlchemy raises ArgumentError or ValueError, with the URL in it)
        raise InvalidUrlError(
            "The database URL is not valid"
            + (" (its port is not a number)." if isinstance(error, ValueError) else "."),
            advice="Write it as postgresql://user@host:port/database (the password is asked for, "
            "or read from your .pgpass file), or give the path of a database file.",
        ) from None
    return url


def is_server_url(url: str | URL) -> bool:
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except Exception:  # (a malformed URL is not a server URL; opening it says why)
        return False


def without_password(url: str | URL) -> tuple[str, str | None]:
    """``url`` with any password taken out (rendered so it can be kept and shown), and the password."""
    parsed = make_url(url)
    password = parsed.password
    # (URL.set ignores None, so the URL is built again without it.)
    kept = URL.create(
        parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query
    )
    return kept.render_as_string(hide_password=False), (str(password) if password is not None else None)


def display_url(url: str | URL) -> str:
    """How a database URL is shown and logged: never with its password, not even masked."""
    return without_password(url)[0]


def scrub(message: str, password: str | None) -> str:
    """``message`` with ``password`` masked, should a driver ever repeat it."""
    return message.replace(password, "***") if password else message


def team_url(host: str, port: int | None, dbname: str, user: str, sslmode: str = "prefer") -> str:
    """The URL File → Connect to a team database… opens (no password: see ``without_password``)."""
    query = {"sslmode": sslmode} if sslmode and sslmode != "prefer" else {}
    url = URL.create(
        f"postgresql+{DRIVER}",
        username=user.strip() or None,
        host=host.strip() or None,
        port=port or None,
        database=dbname.strip() or None,
        query=query,
    )
    return url.render_as_string(hide_password=False)


def describe(url: str | URL) -> str:
    """ "sst on db.council.local" — a server database named for a title or a status bar."""
    parsed = make_url(url)
    where = parsed.host or "this computer"
    return f"{parsed.database or 'database'} on {where}"


def check_driver(url: str | URL) -> None:
    """A ``DriverMissingError`` saying how to add PostgreSQL support, instead of ``No module named``."""
    parsed = make_url(url)
    driver = parsed.get_driver_name()
    module = {"psycopg": "psycopg", "psycopg2": "psycopg2", "asyncpg": "asyncpg", "pg8000": "pg8000"}.get(
        driver, driver
    )
    if importlib.util.find_spec(module) is None:
        raise DriverMissingError(
            f"This copy of SST Desktop cannot open PostgreSQL databases: the driver {module} is not installed.",
            advice="Install SST Desktop with PostgreSQL support (pip install 'sst-desktop[postgres]'), "
            "or use the packaged application, which includes it.",
        )


def create_server_engine(url: str, password: str | None) -> Engine:
    """An engine for ``url`` (which carries no password); ``password`` goes to the driver alone."""
    check_driver(url)
    connect_args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "application_name": "SST Desktop",
        # A network that went away is noticed by the operating system within about a minute.
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
    }
    if password is not None:
        connect_args["password"] = password
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    if make_url(url).get_driver_name() == DRIVER:
        event.listen(engine, "do_connect", _answering_connection)
    return engine


def _answering_connection(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
    """Every connection gives up on a server that stopped answering (``storage.stalled``)."""
    from sst_desktop.storage.stalled import AnsweringConnection  # (psycopg is optional)

    return AnsweringConnection.connect(*cargs, **cparams)


# Errors --------------------------------------------------------------------------------------------
_FAILED_AT = re.compile(
    r'^(?:connection failed: )?connection to server at "[^"]*"(?:, port \d+)? failed: ', re.I
)
_PASSWORD_WORDS = ("no password supplied", "password authentication failed", "password is required")


def _driver_message(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    first = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    return " ".join(_FAILED_AT.sub("", first).replace("FATAL:", "").split())


def connection_problem(error: BaseException, url: str, password: str | None = None) -> StorageError | None:
    """A ``StorageError`` for a failure to reach or log in to the server at ``url``; None for others."""
    original = getattr(error, "orig", None) or error
    if not type(original).__module__.startswith("psycopg"):
        return None
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate is not None and not str(sqlstate).startswith(("08", "28", "3D", "57P")):
        return None  # a statement failed: not a connection matter
    kinds = {kind.__name__ for kind in type(original).__mro__}  # (ConnectionTimeout is an OperationalError)
    if not kinds & {"OperationalError", "InterfaceError"} and sqlstate is None:
        return None
    message = scrub(_driver_message(error), password)
    name = describe(url)
    lowered = message.lower()
    if any(words in lowered for words in _PASSWORD_WORDS):
        wrong = password is not None or "authentication failed" in lowered
        return PasswordNeededError(
            f"The server holding {name} wants a password"
            + (" and did not accept the one given." if wrong else "."),
            advice="Type your database password (ask IT if you do not have one), or add it to your .pgpass file.",
            wrong=wrong,
        )
    if "does not exist" in lowered and "database" in lowered:
        advice = "Check the database name, or ask IT to create it (an empty database is set up on first use)."
    elif "role" in lowered and "does not exist" in lowered:
        advice = "Check the user name, or ask IT to give you a login on the server."
    elif "ssl" in lowered:
        advice = "Check the TLS setting (sslmode) with IT: the server and this setting must agree."
    elif "permission denied" in lowered or "not permitted" in lowered or "pg_hba" in lowered:
        advice = "Ask IT to allow your login to connect to this database from this computer."
    else:
        advice = "Check the server name and port, that this computer is on the council's network, and that the server is running; then try again."
    return ServerUnavailableError(f"SST Desktop could not connect to {name}: {message}.", advice=advice)


def server_failure(error: DBAPIError, url: str, *, writing: bool) -> StorageError | None:
    """A ``StorageError`` for a server failure during work (the connection dropped, the server
    stopping or in recovery); None for anything else, which stays a bug."""
    problem = connection_problem(error, url)
    if problem is None:
        return None
    lost = "This change was not saved. " if writing else ""
    return ServerUnavailableError(problem.message, advice=f"{lost}{problem.advice}")


# First use -----------------------------------------------------------------------------------------
@contextmanager
def migration_lock(engine: Engine) -> Iterator[Connection]:
    """Hold the database's migration lock for the block: a second program opening it waits here."""
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        connection.commit()
        try:
            yield connection
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
            connection.commit()


def session_user(connection: Connection) -> str:
    """The database role this connection logged in as: who the audit trail names on a server."""
    cached = connection.info.get("sst_session_user")
    if cached is None:
        cached = str(connection.execute(text("SELECT session_user")).scalar() or "unknown")
        connection.info["sst_session_user"] = cached
    return cached
