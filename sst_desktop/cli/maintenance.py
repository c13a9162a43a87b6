"""``check`` and ``demo-db``: the health of a database, and the demo database."""

from __future__ import annotations

import argparse
from pathlib import Path

from sst_desktop.cli.common import CommandError, add_database_option, database_url
from sst_desktop.storage.health import check_database


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("check", help="check a database's integrity and schema version")
    add_database_option(check)
    check.set_defaults(handler=run_check)

    demo = subparsers.add_parser("demo-db", help="write the Safer Sefton Together demo database to PATH")
    demo.add_argument("path", metavar="PATH", help="the database file to create")
    demo.add_argument("--force", action="store_true", help="replace PATH if it exists")
    demo.set_defaults(handler=run_demo_db)


def run_check(args: argparse.Namespace) -> int:
    report = check_database(database_url(args))
    if not report.healthy:
        raise CommandError(report.problems[0])
    for note in report.notes:
        print(f"note: {note}")
    print(f"ok: integrity check passed, schema {report.revision} (current {report.head})")
    return 0


def run_demo_db(args: argparse.Namespace) -> int:
    from sst_desktop.demo.build import build_demo_database

    path = Path(args.path).expanduser()
    if path.exists() and not args.force:
        raise CommandError(f"{path} already exists (use --force to replace it)")
    if not path.parent.exists():
        raise CommandError(f"the folder {path.parent} does not exist")
    build_demo_database(path, replace=args.force)
    print(f"wrote the demo database to {path}")
    return 0
