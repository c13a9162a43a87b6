"""The action log round trip: export, edit as a partner would, preview, apply, check the database."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sst_desktop.domain.enums import ActionStatus
from sst_desktop.exports.actions_xlsx import export_actions_xlsx
from sst_desktop.imports.actions_xlsx import (
    SpreadsheetError,
    apply_preview,
    parse_sheet_date,
    preview_actions_xlsx,
)
from sst_desktop.services import actions
from sst_desktop.services.errors import ServiceError
from sst_desktop.services.jobs import Cancelled, JobHooks
from tests.action_world import TODAY, build_world, confirm_minutes


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    return build_world(db)


@pytest.fixture
def exported(db, world, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "log.xlsx"
    export_actions_xlsx(db, path)
    return path


class Partner:
    """Edits the returned workbook the way a partner does in Excel (through openpyxl)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb = load_workbook(path)
        self.ws = self.wb.worksheets[0]
        self.h = {c.value: c.column for c in self.ws[1]}

    def row(self, reference: str) -> int:
        for r in range(2, self.ws.max_row + 1):
            if self.ws.cell(r, self.h["Reference"]).value == reference:
                return r
        raise AssertionError(reference)

    def set(self, reference: str, header: str, value: object) -> None:
        self.ws.cell(self.row(reference), self.h[header]).value = value

    def save(self, path: Path | None = None) -> Path:
        self.wb.save(path or self.path)
        return path or self.path


def test_round_trip_status_due_date_completion_and_new_update(db, world, exported: Path) -> None:
    prevent, asb, svd = (world.ref(db, n) for n in ("prevent", "asb", "svd"))
    partner = Partner(exported)
    partner.set(prevent, "Status", "Completed")
    partner.set(prevent, "Completed on", datetime(2022, 10, 3))
    partner.set(prevent, "New update", "Figures sent to all members — ✓ <done> & filed")
    partner.set(asb, "Due date", datetime(2023, 1, 31))
    partner.set(asb, "Status", "Deferred")
    partner.set(svd, "Due date", "15/02/2023")  # typed as text in a UK format
    partner.save()

    preview = preview_actions_xlsx(db, exported)
    assert not preview.problems and not preview.conflicts
    by_ref = {c.reference: c for c in preview.changes}
    assert set(by_ref) == {prevent, asb, svd}
    assert [(f.label, f.before, f.after) for f in by_ref[prevent].changes] == [
        ("Status", "Open", "Completed"),
        ("Completed on", "", "03/10/2022"),
        ("New update", "", "Figures sent to all members — ✓ <done> & filed"),
    ]
    assert ("Due date", "Next meeting", "15/02/2023") in [
        (f.label, f.before, f.after) for f in by_ref[svd].changes
    ]
    assert preview.unchanged == 3
    assert "3 to change" in preview.summary
    # nothing written by the preview
    assert actions.get_action(db, world.refs["prevent"]).status is ActionStatus.OPEN

    result = apply_preview(db, preview)
    assert result.actions_changed == 3 and result.updates_added == 1
    done = actions.get_action(db, world.refs["prevent"])
    assert done.status is ActionStatus.COMPLETED and done.completed_on == date(2022, 10, 3)
    assert done.latest_update_text == "Figures sent to all members — ✓ <done> & filed"
    assert done.latest_update_on == TODAY
    later = actions.get_action(db, world.refs["asb"])
    assert later.due_date == date(2023, 1, 31) and later.status is ActionStatus.DEFERRED
    dated = actions.get_action(db, world.refs["svd"])
    assert dated.due_date == date(2023, 2, 15) and not dated.due_next_meeting


def test_importing_the_same_file_twice_changes_nothing_the_second_time(db, world, exported: Path) -> None:
    prevent = world.ref(db, "prevent")
    partner = Partner(exported)
    partner.set(prevent, "Status", "In progress")
    partner.set(prevent, "New update", "Meeting with the Home Office booked")
    partner.save()
    first = preview_actions_xlsx(db, exported)
    apply_preview(db, first)
    history = [u.text for u in actions.list_updates(db, world.refs["prevent"])]
    version = actions.get_action(db, world.refs["prevent"]).version

    second = preview_actions_xlsx(db, exported)
    assert not second.changes and not second.conflicts and not second.problems
    assert second.unchanged == 6
    result = apply_preview(db, second)
    assert result.actions_changed == 0
    assert [u.text for u in actions.list_updates(db, world.refs["prevent"])] == history
    assert actions.get_action(db, world.refs["prevent"]).version == version


def test_rows_changed_in_the_app_since_the_export_are_conflicts_not_overwritten(
    db, world, exported: Path
) -> None:
    prevent, asb = world.ref(db, "prevent"), world.ref(db, "asb")
    actions.set_status(db, world.refs["prevent"], ActionStatus.DEFERRED)  # the officer, meanwhile
    partner = Partner(exported)
    partner.set(prevent, "Status", "Completed")
    partner.set(asb, "Status", "Completed")
    partner.save()
    preview = preview_actions_xlsx(db, exported)
    assert [c.reference for c in preview.conflicts] == [prevent]
    assert "changed in SST Desktop since this file was exported" in preview.conflicts[0].message
    assert "Status “Completed”" in preview.conflicts[0].message
    assert [c.reference for c in preview.changes] == [asb]
    apply_preview(db, preview)
    assert actions.get_action(db, world.refs["prevent"]).status is ActionStatus.DEFERRED
    assert actions.get_action(db, world.refs["asb"]).status is ActionStatus.COMPLETED


def test_an_unchanged_row_is_no_conflict_even_if_the_app_changed_it(db, world, exported: Path) -> None:
    actions.add_update(db, world.refs["asb"], "Officer note")
    preview = preview_actions_xlsx(db, exported)
    assert not preview.conflicts and not preview.changes


def test_edits_between_preview_and_apply_refuse_the_whole_batch(db, world, exported: Path) -> None:
    prevent, asb = world.ref(db, "prevent"), world.ref(db, "asb")
    partner = Partner(exported)
    partner.set(prevent, "Status", "Completed")
    partner.set(asb, "Status", "Completed")
    partner.save()
    preview = preview_actions_xlsx(db, exported)
    assert len(preview.changes) == 2
    actions.add_update(db, world.refs["asb"], "Changed after the preview")
    with pytest.raises(ServiceError, match="after the preview"):
        apply_preview(db, preview)
    assert actions.get_action(db, world.refs["prevent"]).status is ActionStatus.OPEN  # nothing half-applied


def test_cancelled_apply_changes_nothing(db, world, exported: Path) -> None:
    partner = Partner(exported)
    partner.set(world.ref(db, "prevent"), "Status", "Completed")
    partner.save()
    preview = preview_actions_xlsx(db, exported)
    with pytest.raises(Cancelled):
        apply_preview(db, preview, hooks=JobHooks(is_cancelled=lambda: True))
    assert actions.get_action(db, world.refs["prevent"]).status is ActionStatus.OPEN


def test_bad_rows_are_reported_row_by_row_and_the_rest_applies(db, world, exported: Path) -> None:
    prevent, asb, svd, done = (world.ref(db, n) for n in ("prevent", "asb", "svd", "done"))
    partner = Partner(exported)
    partner.set(prevent, "Status", "Finished")
    partner.set(asb, "Due date", "next tuesday")
    partner.set(svd, "Due date", "31/02/2023")
    partner.set(done, "Completed on", datetime.combine(TODAY + timedelta(days=3), datetime.min.time()))
    rec = world.ref(db, "recommendation")
    partner.set(rec, "Status", "In progress")
    # a row a partner added, and one whose reference was mistyped
    partner.ws.append(["", "SST", None, None, "Action", "A new action from the police"])
    partner.ws.append(["SST/1999/999", "SST", None, None, "Action", "x", None, None, None, None, "Open"])
    partner.save()
    preview = preview_actions_xlsx(db, exported)
    messages = {p.reference: p.message for p in preview.problems}
    assert "“Finished” is not a status" in messages[prevent]
    assert "“next tuesday” is not a date" in messages[asb]
    assert "“31/02/2023” is not a date" in messages[svd]
    assert "in the future" in messages[done]
    assert "no action has this reference" in messages["SST/1999/999"]
    assert "new actions cannot be added" in messages[""]
    assert all(p.row > 1 for p in preview.problems)
    assert [c.reference for c in preview.changes] == [rec]
    lines = "\n".join(preview.lines())
    assert f"problem  {prevent} (Action log row" in lines
    apply_preview(db, preview)
    assert actions.get_action(db, world.refs["recommendation"]).status is ActionStatus.IN_PROGRESS


def test_columns_moved_renamed_case_and_extra_columns_are_fine(db, world, exported: Path) -> None:
    prevent = world.ref(db, "prevent")
    wb = load_workbook(exported)
    ws = wb.worksheets[0]
    ws.insert_cols(1)  # a partner's own column in front
    ws.cell(1, 1).value = "Our notes"
    ws.move_range("L1:L7", rows=0, cols=5)  # Status (now column L) moved to the far right
    ws.cell(1, 17).value = "  STATUS "
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 2).value == prevent:
            ws.cell(r, 17).value = "in progress"
    wb.save(exported)
    preview = preview_actions_xlsx(db, exported)
    assert not preview.problems
    assert [(c.reference, c.changes[0].after) for c in preview.changes] == [(prevent, "In progress")]


def test_the_latest_update_cell_rewritten_counts_as_a_new_update(db, world, exported: Path) -> None:
    asb = world.ref(db, "asb")
    partner = Partner(exported)
    partner.set(asb, "Latest update", "Briefing delivered to ward councillors")
    partner.save()
    preview = preview_actions_xlsx(db, exported)
    assert [(f.label, f.after) for f in preview.changes[0].changes] == [
        ("New update", "Briefing delivered to ward councillors")
    ]
    apply_preview(db, preview)
    assert (
        actions.get_action(db, world.refs["asb"]).latest_update_text
        == "Briefing delivered to ward councillors"
    )
    assert not preview_actions_xlsx(db, exported).changes


def test_status_and_update_allowed_on_confirmed_minutes(db, world, exported: Path) -> None:
    confirm_minutes(db, world.june)
    prevent = world.ref(db, "prevent")
    partner = Partner(exported)
    partner.set(prevent, "Status", "Completed")
    partner.set(prevent, "New update", "Done")
    partner.save()
    apply_preview(db, preview_actions_xlsx(db, exported))
    assert actions.get_action(db, world.refs["prevent"]).status is ActionStatus.COMPLETED


def test_per_committee_workbook_comes_back(db, world, tmp_path: Path) -> None:
    path = tmp_path / "per.xlsx"
    export_actions_xlsx(db, path, per_committee=True)
    wb = load_workbook(path)
    ws = wb["PRWG"]
    ws.cell(2, 11).value = "Completed"
    wb.save(path)
    preview = preview_actions_xlsx(db, path)
    assert [(c.sheet, c.reference) for c in preview.changes] == [("PRWG", world.ref(db, "recommendation"))]
    apply_preview(db, preview)
    assert actions.get_action(db, world.refs["recommendation"]).signed_off


def test_foreign_corrupt_and_missing_files_are_refused_clearly(db, world, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.xlsx"
    wb = Workbook()
    wb.active.append(["Reference", "Status", "Due date"])
    wb.active.append(["SST/2022/001", "Completed", None])
    wb.save(foreign)
    with pytest.raises(SpreadsheetError, match="not an action log exported by SST Desktop"):
        preview_actions_xlsx(db, foreign)
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip file at all")
    with pytest.raises(SpreadsheetError, match="not an Excel workbook"):
        preview_actions_xlsx(db, corrupt)
    text = tmp_path / "notes.xlsx"
    text.write_text("Reference,Status\n")
    with pytest.raises(SpreadsheetError, match="not an Excel workbook"):
        preview_actions_xlsx(db, text)
    with pytest.raises(SpreadsheetError, match="does not exist"):
        preview_actions_xlsx(db, tmp_path / "missing.xlsx")


def test_a_file_whose_key_columns_were_deleted_is_refused(db, world, exported: Path) -> None:
    wb = load_workbook(exported)
    ws = wb.worksheets[0]
    ws.delete_cols(len(list(ws[1])))  # the hidden Version column
    wb.save(exported)
    with pytest.raises(SpreadsheetError, match="Version"):
        preview_actions_xlsx(db, exported)


def test_an_emptied_version_cell_is_a_conflict(db, world, exported: Path) -> None:
    prevent = world.ref(db, "prevent")
    partner = Partner(exported)
    partner.set(prevent, "Version", None)
    partner.set(prevent, "Status", "Completed")
    partner.save()
    preview = preview_actions_xlsx(db, exported)
    assert [c.reference for c in preview.conflicts] == [prevent]
    assert "Version cell is empty" in preview.conflicts[0].message


def test_duplicate_references_are_a_problem(db, world, exported: Path) -> None:
    prevent = world.ref(db, "prevent")
    partner = Partner(exported)
    r = partner.row(prevent)
    partner.ws.append([c.value for c in partner.ws[r]])
    partner.save()
    preview = preview_actions_xlsx(db, exported)
    assert [p.reference for p in preview.problems] == [prevent]
    assert "appears twice" in preview.problems[0].message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2022, 9, 8, 0, 0), (True, date(2022, 9, 8))),
        (date(2022, 9, 8), (True, date(2022, 9, 8))),
        ("08/09/2022", (True, date(2022, 9, 8))),
        ("8.9.22", (True, date(2022, 9, 8))),
        ("2022-09-08", (True, date(2022, 9, 8))),
        (44812, (True, date(2022, 9, 8))),
        ("", (True, None)),
        (None, (True, None)),
        ("Next meeting", (True, None)),
        ("soon", (False, None)),
        ("32/01/2022", (False, None)),
        (-5, (False, None)),
    ],
)
def test_dates_partners_type_are_understood(value: object, expected: tuple[bool, date | None]) -> None:
    assert parse_sheet_date(value) == expected


def test_a_file_that_misstates_its_size_is_read_whole(db, world, exported: Path, tmp_path: Path) -> None:
    import re
    import zipfile

    partner = Partner(exported)
    partner.set(world.ref(db, "done"), "Status", "Open")
    partner.save()
    shrunk = tmp_path / "shrunk.xlsx"
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(shrunk, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', data)
            out.writestr(info, data)
    preview = preview_actions_xlsx(db, shrunk)
    assert [c.reference for c in preview.changes] == [world.ref(db, "done")]
    assert preview.unchanged == 5
