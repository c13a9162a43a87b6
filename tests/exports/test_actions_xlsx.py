"""The action log workbook read back with openpyxl: values, types, formats, filter, rules, safety."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sst_desktop.domain.enums import ActionStatus
from sst_desktop.exports.actions_xlsx import export_actions_xlsx, safe_sheet_name
from sst_desktop.exports.atomic import ExportError
from sst_desktop.exports.xlsx_cells import EXCEL_CELL_LIMIT
from sst_desktop.services import actions
from sst_desktop.services.action_sheet import (
    COLUMNS,
    FORMAT_VERSION,
    MARK_SHEET,
    MARK_TITLE,
    STATUS_LABELS,
    SheetColumn,
)
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.jobs import Cancelled, JobHooks
from tests.action_world import TODAY, build_world


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    return build_world(db)


def header_map(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {cell.value: cell.column for cell in ws[1]}


def row_of(ws, reference: str) -> int:  # type: ignore[no-untyped-def]
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value == reference:
            return row
    raise AssertionError(reference)


def test_one_sheet_with_every_action_in_committee_meeting_minute_order(db, world, tmp_path: Path) -> None:
    result = export_actions_xlsx(db, tmp_path / "log.xlsx")
    assert result.rows == 6 and result.sheets == ("Action log",) and not result.truncated
    wb = load_workbook(tmp_path / "log.xlsx")
    assert wb.sheetnames == ["Action log", MARK_SHEET]
    ws = wb["Action log"]
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]
    refs = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    assert refs == [
        world.ref(db, "recommendation"),  # Peer Review Working Group sorts before Safer Sefton Together
        world.ref(db, "prevent"),
        world.ref(db, "formula"),
        world.ref(db, "svd"),
        world.ref(db, "asb"),
        world.ref(db, "done"),
    ]
    assert refs[1] == "SST/2022/001"


def test_cells_have_real_types_and_uk_date_format(db, world, tmp_path: Path) -> None:
    export_actions_xlsx(db, tmp_path / "log.xlsx")
    ws = load_workbook(tmp_path / "log.xlsx")["Action log"]
    h = header_map(ws)
    r = row_of(ws, world.ref(db, "prevent"))
    meeting = ws.cell(r, h["Meeting date"])
    assert meeting.value == datetime(2022, 6, 22) and meeting.is_date
    assert meeting.number_format == "DD/MM/YYYY"
    due = ws.cell(r, h["Due date"])
    assert due.value == datetime.combine(TODAY - timedelta(days=10), datetime.min.time())
    assert due.number_format == "DD/MM/YYYY"
    assert ws.cell(r, h["Minute"]).value == 5 and ws.cell(r, h["Minute"]).data_type == "n"
    assert ws.cell(r, h["Committee"]).value == "SST"
    assert ws.cell(r, h["Owner"]).value == "Dawn McNally"
    assert ws.cell(r, h["Organisation"]).value == "Merseyside Police"
    assert ws.cell(r, h["Status"]).value == "Open"
    assert ws.cell(r, h["Type"]).value == "Action"
    assert ws.cell(r, h["Latest update"]).value == "01/08/2022: Figures circulated in draft"
    prevent = actions.get_action(db, world.refs["prevent"])
    assert ws.cell(r, h["Version"]).value == f"{prevent.id}@{prevent.version}"  # the action's id, and when
    done = row_of(ws, world.ref(db, "done"))
    assert ws.cell(done, h["Status"]).value == "Completed"
    assert ws.cell(done, h["Completed on"]).value.date() == TODAY - timedelta(days=31)
    svd = row_of(ws, world.ref(db, "svd"))
    assert ws.cell(svd, h["Due date"]).value == "Next meeting"
    rec = row_of(ws, world.ref(db, "recommendation"))
    assert ws.cell(rec, h["Type"]).value == "Recommendation"
    assert ws.cell(rec, h["Response"]).value.startswith("Accepted.")
    assert ws.cell(rec, h["Meeting date"]).value is None


def test_text_that_looks_like_a_formula_stays_text(db, world, tmp_path: Path) -> None:
    export_actions_xlsx(db, tmp_path / "log.xlsx")
    ws = load_workbook(tmp_path / "log.xlsx")["Action log"]
    h = header_map(ws)
    formula = ws.cell(row_of(ws, world.ref(db, "formula")), h["Action"])
    assert formula.data_type == "s"
    assert formula.value == '=HYPERLINK("http://example.com") & café — 中文 العربية 😀 <b>'
    assert formula.quotePrefix
    owner = ws.cell(row_of(ws, world.ref(db, "formula")), h["Owner"])
    assert owner.value == "+Community Safety Team" and owner.data_type == "s" and owner.quotePrefix
    minus = ws.cell(row_of(ws, world.ref(db, "svd")), h["Action"])
    assert minus.value.startswith("-Report") and minus.data_type == "s" and minus.quotePrefix
    at = ws.cell(row_of(ws, world.ref(db, "asb")), h["Action"])
    assert at.value.startswith("@Arrange") and at.data_type == "s" and at.quotePrefix
    plain = ws.cell(row_of(ws, world.ref(db, "prevent")), h["Action"])
    assert not plain.quotePrefix


def test_header_filter_freeze_widths_wrap_and_hidden_version(db, world, tmp_path: Path) -> None:
    export_actions_xlsx(db, tmp_path / "log.xlsx")
    ws = load_workbook(tmp_path / "log.xlsx")["Action log"]
    h = header_map(ws)
    last = ws.cell(1, len(COLUMNS)).column_letter
    assert ws.auto_filter.ref == f"A1:{last}7"
    assert ws.freeze_panes == "B2"
    header = ws.cell(1, 1)
    assert header.font.b and header.font.color.rgb.endswith("FFFFFF")
    assert header.fill.fgColor.rgb.endswith("1F4E79")
    assert ws.cell(1, h["Status"]).fill.fgColor.rgb.endswith("375623")  # partners edit this one
    widths = {letter: dim.width for letter, dim in ws.column_dimensions.items()}
    action_letter = ws.cell(1, h["Action"]).column_letter
    assert widths[action_letter] >= 50
    assert widths["A"] >= 14
    prevent = row_of(ws, world.ref(db, "prevent"))
    assert ws.cell(prevent, h["Action"]).alignment.wrap_text
    assert ws.cell(prevent, h["Latest update"]).alignment.wrap_text
    assert ws.cell(prevent, h["New update"]).alignment.wrap_text  # ready for what partners type
    assert not ws.cell(prevent, h["Owner"]).alignment.wrap_text
    version_letter = ws.cell(1, h["Version"]).column_letter
    assert ws.column_dimensions[version_letter].hidden


def test_status_drop_down_and_date_validation(db, world, tmp_path: Path) -> None:
    export_actions_xlsx(db, tmp_path / "log.xlsx")
    ws = load_workbook(tmp_path / "log.xlsx")["Action log"]
    h = header_map(ws)
    status_letter = ws.cell(1, h["Status"]).column_letter
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    assert lists[0].formula1 == '"' + ",".join(STATUS_LABELS) + '"'
    assert str(lists[0].sqref) == f"{status_letter}2:{status_letter}7"
    assert not lists[0].allow_blank and lists[0].showErrorMessage
    dates = [dv for dv in ws.data_validations.dataValidation if dv.type == "date"]
    due_letter = ws.cell(1, h["Due date"]).column_letter
    assert f"{due_letter}2:{due_letter}7" in str(dates[0].sqref)


def test_overdue_rows_are_highlighted_by_a_formula_on_due_date_and_status(db, world, tmp_path: Path) -> None:
    export_actions_xlsx(db, tmp_path / "log.xlsx")
    ws = load_workbook(tmp_path / "log.xlsx")["Action log"]
    h = header_map(ws)
    due = ws.cell(1, h["Due date"]).column_letter
    status = ws.cell(1, h["Status"]).column_letter
    rules = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    last = ws.cell(1, len(COLUMNS)).column_letter
    row_rules = rules[f"A2:{last}7"]
    overdue = row_rules[0]
    assert overdue.type == "expression"
    formula = overdue.formula[0]
    assert f"${due}2<TODAY()" in formula
    assert f'${status}2<>"Completed"' in formula and f'${status}2<>"Closed without action"' in formula
    assert overdue.dxf.fill.fgColor.rgb.endswith("F8CBAD") or overdue.dxf.fill.bgColor.rgb.endswith("F8CBAD")
    assert any(f'${status}2="Completed"' in r.formula[0] for r in row_rules[1:])


def test_the_file_is_marked_as_ours(db, world, tmp_path: Path) -> None:
    export_actions_xlsx(db, tmp_path / "log.xlsx")
    wb = load_workbook(tmp_path / "log.xlsx")
    mark = wb[MARK_SHEET]
    assert mark.sheet_state == "veryHidden"
    assert mark["A1"].value == MARK_TITLE and mark["B1"].value == FORMAT_VERSION == 2
    assert wb.properties.creator == "SST Desktop"


def test_one_sheet_per_committee_with_safe_names(db, world, tmp_path: Path) -> None:
    from sst_desktop.services import committees

    committees.update_committee(db, world.prwg, CommitteePatch(short_name="PR/WG: [2022]?*"))
    result = export_actions_xlsx(db, tmp_path / "log.xlsx", per_committee=True)
    assert result.sheets == ("PR-WG- -2022---", "SST")
    wb = load_workbook(tmp_path / "log.xlsx")
    assert wb.sheetnames == ["PR-WG- -2022---", "SST", MARK_SHEET]
    assert wb["SST"].max_row == 6 and wb["PR-WG- -2022---"].max_row == 2
    assert wb["SST"].auto_filter.ref.endswith("6")


def test_safe_sheet_names_are_short_and_unique() -> None:
    used: set[str] = set()
    long = "Overview and Scrutiny Committee (Adult Social Care and Health)"
    first = safe_sheet_name(long, used)
    second = safe_sheet_name(long, used)
    assert len(first) <= 31 and len(second) <= 31 and first != second
    assert safe_sheet_name("a/b\\c:d?e[f]g*h", used) == "a-b-c-d-e-f-g-h"
    assert safe_sheet_name("", used) == "Sheet"
    assert safe_sheet_name("SST Desktop", used) != "SST Desktop"
    assert safe_sheet_name("history", used) == "History (log)"


def test_filters_by_committee_status_kind_and_ids(db, world, tmp_path: Path) -> None:
    only = export_actions_xlsx(db, tmp_path / "a.xlsx", committee_id=world.prwg)
    assert only.rows == 1
    done = export_actions_xlsx(db, tmp_path / "b.xlsx", statuses=[ActionStatus.COMPLETED])
    assert done.rows == 1
    picked = export_actions_xlsx(db, tmp_path / "c.xlsx", action_ids=[world.refs["svd"], world.refs["asb"]])
    ws = load_workbook(tmp_path / "c.xlsx")["Action log"]
    assert picked.rows == 2 and ws.max_row == 3
    none = export_actions_xlsx(
        db, tmp_path / "d.xlsx", kind="recommendation", statuses=[ActionStatus.DEFERRED]
    )
    assert none.rows == 0
    empty = load_workbook(tmp_path / "d.xlsx")["Action log"]
    assert empty["A1"].value == "Reference" and empty.max_row <= 2


def test_control_characters_removed_and_long_text_cut_visibly_and_reported(db, world, tmp_path: Path) -> None:
    long_text = "Lorem ipsum " * 3000  # 36,000 characters
    with db.write() as s:  # written as a partner's pasted text might arrive through an older version
        from sst_desktop.domain import Action

        action = s.get(Action, world.refs["svd"])
        action.text = "Bell\x07 and form feed\x0c gone" + long_text
    result = export_actions_xlsx(db, tmp_path / "log.xlsx")
    assert result.truncated == (f"{world.ref(db, 'svd')} (Action)",)
    assert "cut" in result.summary and world.ref(db, "svd") in result.summary
    ws = load_workbook(tmp_path / "log.xlsx")["Action log"]
    h = header_map(ws)
    cell = ws.cell(row_of(ws, world.ref(db, "svd")), h["Action"])
    assert cell.value.startswith("Bell and form feed gone")
    assert len(cell.value) == EXCEL_CELL_LIMIT
    assert cell.value.endswith("[cut: the full text is in SST Desktop]")


def test_cancel_leaves_no_file_and_a_bad_folder_is_a_clear_error(db, world, tmp_path: Path) -> None:
    target = tmp_path / "log.xlsx"
    with pytest.raises(Cancelled):
        export_actions_xlsx(db, target, hooks=JobHooks(is_cancelled=lambda: True))
    assert not target.exists() and not list(tmp_path.glob("*.part*"))
    with pytest.raises(ExportError, match="does not exist"):
        export_actions_xlsx(db, tmp_path / "missing" / "log.xlsx")


def test_progress_is_reported(db, world, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_actions_xlsx(db, tmp_path / "log.xlsx", hooks=JobHooks(progress=lambda d, t: seen.append((d, t))))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)


def test_sheet_columns_are_stable() -> None:
    assert SheetColumn.REFERENCE.header == "Reference"
    assert COLUMNS[0] is SheetColumn.REFERENCE
    assert date(2022, 1, 1)  # keeps the import list honest


def test_a_large_choice_of_actions_goes_through_a_temporary_table(db, world, tmp_path: Path) -> None:
    from sqlalchemy import insert

    from sst_desktop.domain import Action

    with db.write() as s:
        s.execute(
            insert(Action),
            [
                {
                    "reference": f"SST/2023/{n:04d}",
                    "committee_id": world.sst,
                    "text": f"Bulk action {n}",
                    "status": "open",
                }
                for n in range(1, 1501)
            ],
        )
    chosen = [r[0] for r in al_rows(db) if r[1].startswith("SST/2023/") and int(r[1][-4:]) % 2 == 0]
    assert len(chosen) == 750
    chosen += [world.refs["prevent"]] * 300 + list(range(900_000, 900_400))  # repeats and unknown ids
    result = export_actions_xlsx(db, tmp_path / "many.xlsx", action_ids=chosen)
    assert result.rows == 751
    workbook = load_workbook(tmp_path / "many.xlsx", read_only=True)  # (a read-only book keeps its file open)
    try:
        refs = [row[0] for row in workbook["Action log"].iter_rows(min_row=2, values_only=True)]
    finally:
        workbook.close()
    assert len(refs) == 751 and "SST/2023/0002" in refs and "SST/2023/0001" not in refs
    # the temporary table is gone: the next export sees every action
    assert export_actions_xlsx(db, tmp_path / "all.xlsx").rows == 1506


def al_rows(db):  # type: ignore[no-untyped-def]
    from sst_desktop.services import action_log

    return action_log.load_log(db).rows
