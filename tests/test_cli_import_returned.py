"""``sst-desktop import actions`` on workbooks as partners really return them, with the demo data:
formulas without saved values, another committee's reference typed in, over-long updates, files that
unpack to far more than they weigh. Each bad row is named and left out; --apply then exits 3."""

from __future__ import annotations

import re
import shutil
import sqlite3
import tracemalloc
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl.cell.cell import Cell

from sst_desktop.cli.main import main
from tests.imports.test_actions_import import Partner

DEMO_SST_ACTION = "SST/2022/001"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sst_desktop.demo.build import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    return path


@pytest.fixture
def board(demo: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "board.db"
    shutil.copyfile(demo, copy)
    return copy


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export(capsys, board: Path, out: Path, *options: str) -> Path:  # type: ignore[no-untyped-def]
    code, _out, err = run(capsys, "--database", str(board), "export", "actions", "--out", str(out), *options)
    assert code == 0, err
    return out


def query(board: Path, sql: str, *args: object) -> list[tuple]:
    connection = sqlite3.connect(f"file:{board}?mode=ro", uri=True)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


class Sheet(Partner):
    """The returned workbook as a partner's spreadsheet program leaves it, its cells by row number."""

    def at(self, row: int, header: str) -> Cell:
        return self.ws.cell(row, self.h[header])


def test_a_formula_without_a_saved_value_is_a_problem_row_never_an_empty_cell(
    capsys, board: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = Sheet(export(capsys, board, tmp_path / "log.xlsx", "--committee", "SST"))
    due_row, update_row, good_row = 2, 3, 4
    due_ref, update_ref, good_ref = (sheet.ws.cell(r, 1).value for r in (due_row, update_row, good_row))
    due_before = query(board, "SELECT due_date, due_next_meeting FROM actions WHERE reference = ?", due_ref)
    sheet.at(due_row, "Due date").value = "=TODAY()+14"  # saved by a program that does not calculate
    sheet.at(update_row, "New update").value = '=CONCAT("Visited ", "all schools")'
    sheet.at(good_row, "Status").value = "Deferred"
    sheet.save()

    code, out, err = run(
        capsys, "--database", str(board), "import", "actions", "--xlsx", str(sheet.path), "--apply"
    )

    assert code == 3
    assert f"problem  {due_ref} (Action log row {due_row}): the Due date is a formula" in out
    assert "no value saved in the file; type the date" in out
    assert f"problem  {update_ref} (Action log row {update_row}): the New update is a formula" in out
    assert "Imported: 1 action changed" in out
    assert "2 rows were not applied" in err
    # The due date was not cleared, no update was dropped or added, and the good row applied.
    assert (
        query(board, "SELECT due_date, due_next_meeting FROM actions WHERE reference = ?", due_ref)
        == due_before
    )
    assert query(board, "SELECT status FROM actions WHERE reference = ?", good_ref) == [("deferred",)]
    updated = query(
        board,
        "SELECT count(*) FROM action_updates u JOIN actions a ON a.id = u.action_id WHERE a.reference = ?",
        update_ref,
    )
    assert updated == query(board, "SELECT count(*) FROM action_updates WHERE action_id = "
                            "(SELECT id FROM actions WHERE reference = ?)", update_ref)  # fmt: skip


def _prwg_reference(board: Path) -> str:
    return query(board, "SELECT reference FROM actions WHERE reference LIKE 'PRWG/%' ORDER BY id LIMIT 1")[0][
        0
    ]


def test_a_reference_of_another_committee_typed_into_one_committees_log_is_refused(
    capsys, board: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = Sheet(export(capsys, board, tmp_path / "sst.xlsx", "--committee", "SST"))
    prwg = _prwg_reference(board)
    before = query(board, "SELECT status, updated_at FROM actions WHERE reference = ?", prwg)
    row = 2  # an SST row a partner overwrote, Version cell and all
    sheet.at(row, "Reference").value = prwg
    sheet.at(row, "Status").value = "Closed without action"
    sheet.save()

    code, out, _err = run(
        capsys, "--database", str(board), "import", "actions", "--xlsx", str(sheet.path), "--apply"
    )

    assert code == 3
    assert (
        f"problem  {prwg} (Action log row {row}): {prwg} is an action of Peer Review Working Group (PRWG)"
        in out
    )
    assert "this file is the action log of SST only; not applied" in out
    assert query(board, "SELECT status, updated_at FROM actions WHERE reference = ?", prwg) == before


def test_in_an_all_committee_log_the_row_must_agree_with_its_committee_and_its_version(
    capsys, board: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = Sheet(export(capsys, board, tmp_path / "all.xlsx"))
    prwg = _prwg_reference(board)
    for row in range(sheet.ws.max_row, 1, -1):  # the partner kept only the rows they work on
        if sheet.at(row, "Committee").value == "PRWG":
            sheet.ws.delete_rows(row)
    sst_row = sheet.row(DEMO_SST_ACTION)
    sheet.at(sst_row, "Reference").value = prwg  # the Committee cell still says SST
    sheet.at(sst_row, "Status").value = "Closed without action"
    blank_row = sheet.row("SST/2022/002")
    sheet.at(blank_row, "Reference").value = prwg.replace("/001", "/002") if prwg.endswith("/001") else prwg
    sheet.at(blank_row, "Committee").value = None  # and here nothing says whose it is: the Version does
    sheet.at(blank_row, "Status").value = "Closed without action"
    sheet.save()

    code, out, _err = run(
        capsys, "--database", str(board), "import", "actions", "--xlsx", str(sheet.path), "--apply"
    )

    assert code == 3
    assert f"{prwg} is an action of Peer Review Working Group (PRWG), not of SST as this row says" in out
    second = sheet.at(blank_row, "Reference").value
    assert (
        f"conflict {second} (Action log row {blank_row}): changed in SST Desktop since this file was exported"
        in out
    )
    assert query(board, "SELECT count(*) FROM actions WHERE status = 'closed'") == [(0,)]


def test_the_demo_actions_versions_differ_though_they_were_recorded_together(
    capsys, board: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = Sheet(export(capsys, board, tmp_path / "all.xlsx"))
    versions = [sheet.ws.cell(r, sheet.h["Version"]).value for r in range(2, sheet.ws.max_row + 1)]
    assert len(versions) == 20 and len(set(versions)) == 20
    assert len(query(board, "SELECT DISTINCT updated_at FROM actions")) == 1  # why the id is in the stamp


def test_an_update_longer_than_kept_is_named_in_the_preview_and_the_rest_applies(
    capsys, board: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = Sheet(export(capsys, board, tmp_path / "log.xlsx", "--committee", "SST"))
    long_row, good_row = 3, 5
    long_ref, good_ref = sheet.ws.cell(long_row, 1).value, sheet.ws.cell(good_row, 1).value
    sheet.at(long_row, "New update").value = (
        "The partnership reviewed the plan. " * 572
    )  # 20,019 once trimmed
    sheet.at(good_row, "New update").value = "Figures circulated on 3 October"
    sheet.save()

    code, out, _err = run(capsys, "--database", str(board), "import", "actions", "--xlsx", str(sheet.path))
    assert code == 0  # a preview changes nothing
    assert f"problem  {long_ref} (Action log row {long_row}): the update “The partnership reviewed" in out
    assert "The update is too long (20019 characters; at most 10000)" in out

    code, out, err = run(
        capsys, "--database", str(board), "import", "actions", "--xlsx", str(sheet.path), "--apply"
    )
    assert code == 3 and "1 row was not applied" in err
    assert "Imported: 1 action changed, 1 update added." in out
    texts = query(
        board, "SELECT a.reference, u.text FROM action_updates u JOIN actions a ON a.id = u.action_id "
        "WHERE u.text = 'Figures circulated on 3 October'"
    )  # fmt: skip
    assert texts == [(good_ref, "Figures circulated on 3 October")]


def test_a_clean_apply_exits_0(capsys, board: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = Sheet(export(capsys, board, tmp_path / "log.xlsx", "--committee", "SST"))
    sheet.at(2, "Status").value = "In progress"
    sheet.save()
    code, out, err = run(
        capsys, "--database", str(board), "import", "actions", "--xlsx", str(sheet.path), "--apply"
    )
    assert (code, err) == (0, "") and "Imported: 1 action changed" in out


# Files from outside: what Excel writes, and what it never does ------------------------------------
SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def as_excel_saves_it(path: Path, cached: dict[str, str] | None = None) -> Path:
    """Rewrite the workbook the way Excel saves it: texts in a shared-string table, and (``cached``:
    cell -> formula) formulas with their values saved beside them."""
    out = path.with_name("excel-" + path.name)
    strings: list[str] = []
    index: dict[str, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        text = match.group(2).decode("utf-8")
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return match.group(1) + b' t="s"><v>' + str(index[text]).encode() + b"</v></c>"

    inline = re.compile(
        rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>',
        re.S,
    )
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = inline.sub(shared, data)
                for cell, formula in (cached or {}).items():
                    data = _with_formula(data, cell, formula)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            target.writestr(info, data)
        body = "".join(f'<si><t xml:space="preserve">{s}</t></si>' for s in strings)
        target.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
            f'uniqueCount="{len(strings)}">{body}</sst>',
        )
    return out


def _with_formula(data: bytes, cell: str, formula: str) -> bytes:
    """Make ``cell`` a formula whose value (the one already in the cell) is saved beside it."""
    found = re.search(rb'<c r="' + cell.encode() + rb'"([^>]*)><v>([^<]*)</v></c>', data)
    assert found, cell
    replacement = b'<c r="%s"%s><f>%s</f><v>%s</v></c>' % (
        cell.encode(),
        found[1],
        formula.encode(),
        found[2],
    )
    return data[: found.start()] + replacement + data[found.end() :]


def test_a_workbook_saved_by_excel_with_shared_texts_and_calculated_formulas_reads(
    capsys, board: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = Sheet(export(capsys, board, tmp_path / "log.xlsx", "--committee", "SST"))
    sheet.at(2, "Status").value = "Completed"
    sheet.at(2, "Completed on").value = date(2022, 10, 3)
    sheet.at(3, "Due date").value = date(2023, 1, 31)
    sheet.save()
    due = sheet.h["Due date"]
    letter = "ABCDEFGHIJKLMNO"[due - 1]
    excel = as_excel_saves_it(sheet.path, {f"{letter}3": "DATE(2023,1,31)"})  # a formula, value saved
    with zipfile.ZipFile(excel) as archive:
        assert b't="s"' in archive.read("xl/worksheets/sheet1.xml")
    code, out, err = run(
        capsys, "--database", str(board), "import", "actions", "--xlsx", str(excel), "--apply"
    )
    assert code == 0, out + err
    assert "Imported: 2 actions changed" in out
    reference = sheet.ws.cell(3, 1).value
    assert query(board, "SELECT due_date FROM actions WHERE reference = ?", reference) == [("2023-01-31",)]


def _huge_text_workbook(exported: Path, target: Path, megabytes: int, *, shared: bool) -> Path:
    """The exported workbook with one cell holding ``megabytes`` MB of text: small on disk, huge inside."""
    chunk = b"All partners to note. " * 47_662  # about 1 MB
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                # The New update cell of the first action's row.
                empty = re.search(rb'<c r="N2"[^>]*/>', data)
                assert empty is not None
                head, tail = data[: empty.start()], data[empty.end() :]
                cell = b'<c r="N2" t="s"><v>0</v></c>' if shared else b'<c r="N2" t="inlineStr"><is><t>'
                with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
                    stream.write(head + cell)
                    if not shared:
                        for _ in range(megabytes):
                            stream.write(chunk)
                        stream.write(b"</t></is></c>")
                    stream.write(tail)
                continue
            if info.filename == "[Content_Types].xml" and shared:
                data = data.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
            if info.filename == "xl/_rels/workbook.xml.rels" and shared:
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            out.writestr(info, data)
        if shared:
            with out.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream:
                stream.write(
                    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                )
                for _ in range(megabytes):
                    stream.write(chunk)
                stream.write(b"</t></si></sst>")
    return target


@pytest.mark.parametrize(("megabytes", "shared"), [(64, True), (64, False), (400, True)])
def test_a_small_file_holding_a_huge_text_is_refused_in_bounded_memory(
    capsys, board: Path, tmp_path: Path, megabytes: int, shared: bool
) -> None:  # type: ignore[no-untyped-def]
    exported = export(capsys, board, tmp_path / "log.xlsx", "--committee", "SST")
    bomb = _huge_text_workbook(exported, tmp_path / "returned.xlsx", megabytes, shared=shared)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = query(board, "SELECT count(*), max(updated_at) FROM actions")
    tracemalloc.start()
    try:
        code, out, err = run(
            capsys, "--database", str(board), "import", "actions", "--xlsx", str(bomb), "--apply"
        )
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert code == 1 and out == ""
    assert err.startswith("sst-desktop: error: returned.xlsx ") and err.count("\n") == 1
    assert "so it cannot be imported" in err
    assert ("more than 32,767 characters" in err) or ("unpacks to" in err)
    assert peak < 64 * 1024 * 1024  # what Python held at most, whatever the file unpacks to
    assert query(board, "SELECT count(*), max(updated_at) FROM actions") == before
