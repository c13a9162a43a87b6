"""``export actions`` and ``export attendance``: the action log and the attendance register as .xlsx.

sst-desktop export actions --out actions.xlsx
sst-desktop export actions --committee SST --status open --per-committee --out sst.xlsx
sst-desktop export attendance --committee SST --out attendance.xlsx
"""

from __future__ import annotations

import argparse

from sst_desktop.cli.common import CommandError, add_database_option, date_option, open_for, output_path
from sst_desktop.domain.enums import ActionKind, ActionStatus

STATUS_CHOICES = ", ".join([*(s.value for s in ActionStatus), "not-done"])


def register_export(kinds: argparse._SubParsersAction) -> None:
    parser = kinds.add_parser("actions", help="the action log as an Excel workbook partners can update")
    parser.add_argument("--committee", metavar="NAME", help="only this committee (name, short name or id)")
    parser.add_argument(
        "--status",
        metavar="STATUS",
        action="append",
        help=f"only actions with this status ({STATUS_CHOICES}); repeat for several",
    )
    parser.add_argument(
        "--kind", choices=[k.value for k in ActionKind], help="only actions or only recommendations"
    )
    parser.add_argument("--per-committee", action="store_true", help="one sheet per committee")
    parser.add_argument("--out", required=True, metavar="FILE.xlsx", help="the workbook to write")
    add_database_option(parser)
    parser.set_defaults(handler=run_actions)

    register = kinds.add_parser("attendance", help="a committee's attendance register as an Excel workbook")
    register.add_argument(
        "--committee", required=True, metavar="NAME", help="the committee (name, short name or id)"
    )
    register.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="meetings on or after this date")
    register.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="meetings on or before this date")
    register.add_argument("--out", required=True, metavar="FILE.xlsx", help="the workbook to write")
    add_database_option(register)
    register.set_defaults(handler=run_attendance)


def parse_statuses(values: list[str] | None) -> set[ActionStatus] | None:
    if not values:
        return None
    from sst_desktop.services.actions import parse_status
    from sst_desktop.services.errors import ValidationError

    found: set[ActionStatus] = set()
    for value in values:
        for part in value.split(","):
            key = part.strip().casefold().replace("_", "-")
            if key in ("not-done", "notdone", "outstanding"):
                found.update(s for s in ActionStatus if not s.is_done)
                continue
            try:
                found.add(parse_status(part))
            except ValidationError as error:
                raise CommandError(
                    f"unknown status “{part.strip()}” (use one of: {STATUS_CHOICES})"
                ) from error
    return found


def run_actions(args: argparse.Namespace) -> int:
    from sst_desktop.exports.actions_xlsx import export_actions_xlsx
    from sst_desktop.services.committees import find_committee

    target = output_path(args.out, ".xlsx")
    statuses = parse_statuses(args.status)
    db = open_for(args)
    try:
        committee_id = find_committee(db, args.committee).id if args.committee else None
        result = export_actions_xlsx(
            db,
            target,
            committee_id=committee_id,
            statuses=statuses,
            kind=args.kind,
            per_committee=args.per_committee,
        )
    finally:
        db.dispose()
    print(result.summary)
    return 0


def run_attendance(args: argparse.Namespace) -> int:
    from sst_desktop.exports.attendance_xlsx import export_attendance_xlsx
    from sst_desktop.services.committees import find_committee

    target = output_path(args.out, ".xlsx")
    since, until = date_option(args.since, "--from"), date_option(args.until, "--to")
    if since and until and since > until:
        raise CommandError("--from must not be after --to")
    db = open_for(args)
    try:
        committee = find_committee(db, args.committee)
        result = export_attendance_xlsx(db, committee.id, target, since=since, until=until)
    finally:
        db.dispose()
    print(result.summary)
    return 0
