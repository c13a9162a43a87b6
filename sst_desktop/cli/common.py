"""What every subcommand shares: the ``--database`` option, opening the database, one-line errors."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sst_desktop.services.errors import ServiceError
from sst_desktop.storage.engine import Database
from sst_desktop.storage.errors import StorageError
from sst_desktop.storage.files import first_damage
from sst_desktop.storage.locate import existing_database_url
from sst_desktop.storage.opening import open_database
from sst_desktop.storage.server import PasswordNeededError, display_url

Handler = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A failure to report as one line and exit 1."""


def add_database_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """``--database PATH``, before the subcommand or after it. A subcommand's option is left out of
    the namespace when not given, so it does not hide the one given before the subcommand."""
    parser.add_argument(
        "--database",
        metavar="PATH|URL",
        default=None if top_level else argparse.SUPPRESS,
        help="SQLite database file, or a team database's URL (postgresql://user@host/db; the password "
        "comes from ~/.pgpass or is asked for) (default: $SST_DATABASE_URL, else the file in your data folder)",
    )


def database_url(args: argparse.Namespace) -> str:
    """The database a command works on, which must exist: only ``demo-db`` (and the GUI) create one."""
    url, problem = existing_database_url(getattr(args, "database", None))
    if problem is not None:
        raise CommandError(problem)
    return url


def open_for(args: argparse.Namespace) -> Database:
    database = open_with_password(database_url(args))
    if database.damage:
        print(
            f"warning: {database.display_name} is damaged (its integrity check found: "
            f"{first_damage(database.damage)}); it was opened read-only. Restore a backup: "
            "sst-desktop restore --from FILE (the damaged file is kept).",
            file=sys.stderr,
        )
    return database


def open_with_password(url: str, **options: Any) -> Database:
    """Open ``url``; a server that wants a password not in ``.pgpass`` gets it asked for at the
    terminal (never echoed), when there is one to ask at."""
    try:
        return open_database(url, **options)
    except PasswordNeededError:
        if not sys.stdin.isatty():
            raise
    password = getpass.getpass(f"Password for {display_url(url)}: ")
    return open_database(url, password=password, **options)


def output_path(value: str, *suffixes: str) -> Path:
    """Validate an ``--out`` path: the folder exists and the suffix is one we write."""
    path = Path(value).expanduser()
    if suffixes and path.suffix.lower() not in suffixes:
        raise CommandError(f"{path} must end in {' or '.join(suffixes)}")
    if not path.parent.exists():
        raise CommandError(f"the folder {path.parent} does not exist")
    return path


def date_option(value: str | None, option: str) -> date | None:
    """A ``--from``/``--to`` date, or a ``CommandError`` showing the form it takes."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"{option} must be a date like 2022-09-08, not “{value}”") from error


def print_warnings(warnings: tuple[str, ...]) -> None:
    """What an export left out or could not know ("warning: …" lines); none of it is an error."""
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def run_handler(handler: Handler, args: argparse.Namespace) -> int:
    """Run a subcommand, turning every expected failure into a one-line message."""
    try:
        return handler(args)
    except (CommandError, ServiceError, StorageError, OSError) as error:
        print(f"sst-desktop: error: {_one_line(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sst-desktop: interrupted", file=sys.stderr)
        return 130


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        name = f": {error.filename}" if error.filename else ""
        return f"{error.strerror}{name}"
    return " ".join(str(error).split())
