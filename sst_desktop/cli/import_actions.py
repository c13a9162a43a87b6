"""``import actions``: read back the action log spreadsheet partners edited.

sst-desktop import actions --xlsx returned.xlsx            # show what would change
sst-desktop import actions --xlsx returned.xlsx --apply    # and apply it (all or nothing)

Exit codes: 0 every row was applied (or had nothing to change); 1 the file or the database was
refused and nothing was applied; 2 bad arguments; 3 (with --apply) the other rows were applied but
some were not: each is listed as a conflict or a problem, with its sheet and row.
"""

from __future__ import annotations

import argparse
import sys

from sst_desktop.cli.common import CommandError, add_database_option, open_for

ROWS_SKIPPED = 3  # the exit status when --apply left rows out


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="read back a spreadsheet partners updated")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    actions = kinds.add_parser(
        "actions",
        help="the action log workbook exported by `export actions`",
        epilog="exit status: 0 every row applied or unchanged; 1 file or database refused, nothing applied; "
        "2 bad arguments; 3 with --apply, some rows not applied (listed as conflicts and problems)",
    )
    actions.add_argument("--xlsx", required=True, metavar="FILE", help="the returned workbook")
    actions.add_argument(
        "--apply", action="store_true", help="apply the changes (without it, only show what would change)"
    )
    add_database_option(actions)
    actions.set_defaults(handler=run_import_actions)


def run_import_actions(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sst_desktop.imports.actions_xlsx import apply_preview, preview_actions_xlsx

    path = Path(args.xlsx).expanduser()
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise CommandError(f"{path} is not an Excel workbook (.xlsx)")
    db = open_for(args)
    try:
        preview = preview_actions_xlsx(db, path)
        for line in preview.lines():
            print(line)
        print(preview.summary)
        if not args.apply:
            if preview.has_changes:
                print("nothing was changed; run again with --apply to apply these changes")
            return 0
        print(apply_preview(db, preview).summary if preview.has_changes else "nothing to apply")
    finally:
        db.dispose()
    skipped = len(preview.conflicts) + len(preview.problems)
    if skipped:
        print(
            f"sst-desktop: {skipped} row{'s were' if skipped != 1 else ' was'} not applied "
            "(the conflicts and problems listed above)",
            file=sys.stderr,
        )
        return ROWS_SKIPPED
    return 0
