"""``export minutes``: a meeting's minutes as PDF or Word.

sst-desktop export minutes --meeting SST@2022-06-22 --out minutes.pdf
sst-desktop export minutes --meeting 12 --out minutes.docx --full

What is missing (no one present in the register, nothing minuted, a meeting not yet held) does not stop
the export: it is printed as "warning: …" lines, as ``export agenda`` does.
"""

from __future__ import annotations

import argparse

from sst_desktop.cli.common import add_database_option, open_for, output_path, print_warnings

MEETING_HELP = "the meeting: its id or SHORTNAME@YYYY-MM-DD (for example SST@2022-06-22)"


def register_export(kinds: argparse._SubParsersAction) -> None:
    parser = kinds.add_parser("minutes", help="a meeting's minutes as PDF or Word (.docx)")
    parser.add_argument("--meeting", required=True, metavar="REF", help=MEETING_HELP)
    parser.add_argument(
        "--out",
        required=True,
        metavar="FILE.pdf|FILE.docx",
        help="the file to write; its ending chooses the format",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="the full minutes with exempt items' discussion, marked CONFIDENTIAL (default: the public minutes)",
    )
    add_database_option(parser)
    parser.set_defaults(handler=run_minutes)


def run_minutes(args: argparse.Namespace) -> int:
    from sst_desktop.services.meetings import find_meeting

    target = output_path(args.out, ".pdf", ".docx")
    db = open_for(args)
    try:
        meeting = find_meeting(db, args.meeting)
        if target.suffix.lower() == ".docx":
            from sst_desktop.exports.minutes_docx import write_minutes_docx as write
        else:
            from sst_desktop.exports.minutes_pdf import write_minutes_pdf as write
        written = write(db, meeting.id, target, public=not args.full)
    finally:
        db.dispose()
    print_warnings(written.warnings)
    kind = "full (confidential)" if args.full else "public"
    print(f"wrote the {kind} minutes of {meeting.title} to {target}")
    return 0
