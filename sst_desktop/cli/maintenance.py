"""``check`` and ``demo-db``: the health of a database, and the demo database."""

from __future__ import annotations

import argparse
from pathlib import Path

from sst_desktop.cli.common import CommandError, add_database_option, database_url, open_with_password
from sst_desktop.storage.health import check_database
from sst_desktop.storage.server import is_server_url


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("check", help="check a database's integrity and schema version")
    add_database_option(check)
    check.set_defaults(handler=run_check)

    demo = subparsers.add_parser(
        "demo-db", help="write the Safer Sefton Together demo database to PATH (or an empty server database)"
    )
    demo.add_argument(
        "path",
        metavar="PATH|URL",
        help="the database file to create, or the URL of an empty server database (postgresql://user@host/db)",
    )
    demo.add_argument(
        "--force", action="store_true", help="replace PATH if it exists (never a server's records)"
    )
    demo.set_defaults(handler=run_demo_db)


def run_check(args: argparse.Namespace) -> int:
    report = check_database(database_url(args))
    if not report.healthy:
        raise CommandError(report.problems[0])
    for note in report.notes:
        print(f"note: {note}")
    if report.checked:  # a server: say exactly what was checked
        print(f"ok: {'; '.join(report.checked)}")
        return 0
    print(f"ok: integrity check passed, schema {report.revision} (current {report.head})")
    return 0


def run_demo_db(args: argparse.Namespace) -> int:
    from sst_desktop.demo.build import build_demo_database

    if is_server_url(args.path):
        return _demo_on_server(args)
    path = Path(args.path).expanduser()
    if path.exists() and not args.force:
        raise CommandError(f"{path} already exists (use --force to replace it)")
    if not path.parent.exists():
        raise CommandError(f"the folder {path.parent} does not exist")
    build_demo_database(path, replace=args.force)
    print(f"wrote the demo database to {path}")
    return 0


def _demo_on_server(args: argparse.Namespace) -> int:
    """The demo into an empty server database: migrated first (under its lock), then filled."""
    from sst_desktop.demo.build import fill_server_database

    if args.force:
        raise CommandError(
            "--force does not apply to a server database: SST Desktop never empties a team's database. "
            "Give the URL of a new, empty database."
        )
    database = open_with_password(args.path)
    try:
        fill_server_database(database)
    finally:
        database.dispose()
    print(f"wrote the demo data to {database.display_name}")
    return 0
