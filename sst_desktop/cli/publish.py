"""``publish``: a committee's public record as a static website.

    sst-desktop publish --committee SST --out site/ [--from 2020-05-01] [--actions]

Writes an index of meetings by municipal year, a page per meeting (agenda, public minutes, links to
the public PDFs and the reports) and, with ``--actions``, a page of open actions. Publishing again to
the same folder rewrites only what changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sst_desktop.cli.common import CommandError, add_database_option, date_option, open_for, print_warnings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("publish", help="publish a committee's public record as a static website")
    parser.add_argument(
        "--committee", required=True, metavar="NAME", help="the committee (name, short name or id)"
    )
    parser.add_argument("--out", required=True, metavar="FOLDER", help="the folder to write the website to")
    parser.add_argument(
        "--from", dest="since", metavar="YYYY-MM-DD", help="only meetings on or after this date"
    )
    parser.add_argument("--actions", action="store_true", help="add a page of the committee's open actions")
    add_database_option(parser)
    parser.set_defaults(handler=run_publish)


def run_publish(args: argparse.Namespace) -> int:
    from sst_desktop.exports.website.writer import publish_site
    from sst_desktop.services.committees import find_committee

    since = date_option(args.since, "--from")
    folder = Path(args.out).expanduser()
    if not folder.parent.exists():
        raise CommandError(f"the folder {folder.parent} does not exist")
    db = open_for(args)
    try:
        committee = find_committee(db, args.committee)
        result = publish_site(db, committee.id, folder, since=since, with_actions=args.actions)
    finally:
        db.dispose()
    print_warnings(result.warnings)
    removed = f", {len(result.removed)} removed" if result.removed else ""
    print(
        f"published {committee.name} to {folder}: {len(result.written)} files written, "
        f"{result.unchanged} unchanged{removed}"
    )
    return 0
