"""``export agenda``, ``export pack`` and ``export calendar``: a meeting's agenda and agenda pack, and a
committee's meetings as an .ics file.

    sst-desktop export agenda --meeting SST@2022-09-08 --out agenda.pdf
    sst-desktop export pack --meeting SST@2022-09-08 --out pack.pdf [--full]
    sst-desktop export calendar --committee SST --out meetings.ics
"""

from __future__ import annotations

import argparse

from sst_desktop.cli.common import add_database_option, open_for, output_path, print_warnings

MEETING_HELP = "the meeting: its id or SHORTNAME@YYYY-MM-DD (for example SST@2022-09-08)"


def register_export(kinds: argparse._SubParsersAction) -> None:
    agenda = kinds.add_parser("agenda", help="a meeting's agenda as PDF")
    agenda.add_argument("--meeting", required=True, metavar="REF", help=MEETING_HELP)
    agenda.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    agenda.add_argument(
        "--full", action="store_true", help="print exempt items' descriptions (not for publication)"
    )
    add_database_option(agenda)
    agenda.set_defaults(handler=run_agenda)

    pack = kinds.add_parser("pack", help="a meeting's agenda pack (agenda and reports) as PDF")
    pack.add_argument("--meeting", required=True, metavar="REF", help=MEETING_HELP)
    pack.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    pack.add_argument(
        "--full",
        action="store_true",
        help="include exempt reports; every page is marked CONFIDENTIAL (default: the public pack)",
    )
    add_database_option(pack)
    pack.set_defaults(handler=run_pack)

    calendar = kinds.add_parser("calendar", help="a committee's meetings as an .ics calendar file")
    calendar.add_argument(
        "--committee", required=True, metavar="NAME", help="the committee's short name or name"
    )
    calendar.add_argument("--out", required=True, metavar="FILE.ics", help="the .ics file to write")
    add_database_option(calendar)
    calendar.set_defaults(handler=run_calendar)


def run_agenda(args: argparse.Namespace) -> int:
    from sst_desktop.exports.agenda_pdf import export_agenda
    from sst_desktop.services.meetings import find_meeting

    target = output_path(args.out, ".pdf")
    db = open_for(args)
    try:
        meeting = find_meeting(db, args.meeting)
        result = export_agenda(db, meeting.id, target, public=not args.full)
    finally:
        db.dispose()
    print_warnings(result.warnings)
    print(f"wrote the agenda of {meeting.title} ({counted(result.page_count, 'page')}) to {result.path}")
    return 0


def run_pack(args: argparse.Namespace) -> int:
    from sst_desktop.exports.agenda_pack import export_agenda_pack
    from sst_desktop.services.meetings import find_meeting

    target = output_path(args.out, ".pdf")
    db = open_for(args)
    try:
        meeting = find_meeting(db, args.meeting)
        result = export_agenda_pack(db, meeting.id, target, full=args.full)
    finally:
        db.dispose()
    print_warnings(result.warnings)
    kind = "full (CONFIDENTIAL)" if args.full else "public"
    restricted = sum(s.restricted for s in result.sections)
    note = f", {restricted} restricted" if restricted and not args.full else ""
    print(
        f"wrote the {kind} agenda pack of {meeting.title} ({counted(result.page_count, 'page')}, "
        f"{counted(len(result.sections), 'report')}{note}) to {result.path}"
    )
    return 0


def run_calendar(args: argparse.Namespace) -> int:
    from sst_desktop.exports.calendar_ics import export_calendar
    from sst_desktop.services.committees import find_committee

    target = output_path(args.out, ".ics")
    db = open_for(args)
    try:
        committee = find_committee(db, args.committee)
        result = export_calendar(db, committee.id, target)
    finally:
        db.dispose()
    cancelled = f" ({result.cancelled} cancelled or postponed)" if result.cancelled else ""
    print(f"wrote {counted(result.events, 'meeting')} of {committee.name}{cancelled} to {result.path}")
    return 0


def counted(number: int, noun: str) -> str:
    """ "1 page", "20 pages"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
