"""``sst-desktop style export|import``: a committee's document style as a file a council can share.

sst-desktop style export --committee SST --out sefton.toml
sst-desktop style import --committee OSC-RS sefton.toml

A file that cannot be used (not TOML, an unknown setting, a bad value) is refused in one line and the
committee's style is left as it was.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sst_desktop.cli.common import CommandError, add_database_option, open_for, output_path

COMMITTEE_HELP = "the committee: its short name (SST), name or id"


def register(subparsers: argparse._SubParsersAction) -> None:
    style = subparsers.add_parser("style", help="export or import a committee's document style")
    actions = style.add_subparsers(dest="style_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the committee's document style to a TOML file")
    export.add_argument("--committee", required=True, metavar="NAME", help=COMMITTEE_HELP)
    export.add_argument("--out", required=True, metavar="FILE.toml", help="the file to write")
    add_database_option(export)
    export.set_defaults(handler=run_export)
    imported = actions.add_parser("import", help="give the committee the document style in a TOML file")
    imported.add_argument("--committee", required=True, metavar="NAME", help=COMMITTEE_HELP)
    imported.add_argument("file", metavar="FILE.toml", help="a style file written by style export")
    add_database_option(imported)
    imported.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    from sst_desktop.exports.style_file import write_style_file
    from sst_desktop.services.committees import find_committee

    target = output_path(args.out, ".toml")
    db = open_for(args)
    try:
        committee = find_committee(db, args.committee)
        write_style_file(db, committee.id, target)
    finally:
        db.dispose()
    print(f"wrote the document style of {committee.name} to {target}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sst_desktop.services.committees import find_committee
    from sst_desktop.services.document_style import changed_settings
    from sst_desktop.services.document_styles import import_committee_style

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise CommandError(f"no style file at {source}")
    db = open_for(args)
    try:
        committee = find_committee(db, args.committee)
        style = import_committee_style(db, committee.id, source).value
    finally:
        db.dispose()
    changed = len(changed_settings(style))
    print(
        f"{committee.name} now uses the document style in {source} ({changed} settings differ from the default)"
    )
    return 0
