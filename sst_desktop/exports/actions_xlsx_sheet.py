"""The action log workbook around its rows: column widths, the styled header, the filter, the
conditional formatting that keeps overdue and done rows marked as partners edit, the drop-downs and
date checks, and the very hidden sheet that marks the file as SST Desktop's."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from sst_desktop.exports.xlsx_cells import set_text
from sst_desktop.services.action_sheet import (
    COLUMNS,
    DONE_LABELS,
    EDITABLE,
    FORMAT_VERSION,
    HELP_TEXT,
    MARK_COMMITTEE,
    MARK_SHEET,
    MARK_TITLE,
    STATUS_LABELS,
    SheetColumn,
)

WIDTHS = {
    SheetColumn.REFERENCE: 15,
    SheetColumn.COMMITTEE: 12,
    SheetColumn.MEETING: 12,
    SheetColumn.MINUTE: 8,
    SheetColumn.KIND: 15,
    SheetColumn.ACTION: 55,
    SheetColumn.RESPONSE: 40,
    SheetColumn.OWNER: 20,
    SheetColumn.ORGANISATION: 24,
    SheetColumn.DUE: 12,
    SheetColumn.STATUS: 20,
    SheetColumn.COMPLETED: 13,
    SheetColumn.LATEST_UPDATE: 50,
    SheetColumn.NEW_UPDATE: 40,
    SheetColumn.VERSION: 26,
}

HEADER_FILL = PatternFill("solid", start_color="1F4E79", end_color="1F4E79")
EDITABLE_HEADER_FILL = PatternFill("solid", start_color="375623", end_color="375623")
HEADER_FONT = Font(bold=True, color="FFFFFF")
OVERDUE_FILL = PatternFill("solid", start_color="F8CBAD", end_color="F8CBAD", bgColor="F8CBAD")
OVERDUE_FONT = Font(color="9C0006")
DONE_FONT = Font(color="808080")
THIN = Side(style="thin", color="BFBFBF")


def sheet_setup(ws, rows: int) -> None:  # type: ignore[no-untyped-def]
    """Widths, frozen header, print setup, header row, filter and rules: all but the data rows."""
    last_col = get_column_letter(len(COLUMNS))
    for index, column in enumerate(COLUMNS, 1):
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = WIDTHS[column]
        if column is SheetColumn.VERSION:
            dimension.hidden = True
    ws.freeze_panes = "B2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    header: list[Cell] = []
    for column in COLUMNS:
        cell = Cell(ws, 1, 1)
        set_text(cell, column.header)
        cell.font = HEADER_FONT
        cell.fill = EDITABLE_HEADER_FILL if column in EDITABLE else HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cell.border = Border(bottom=THIN)
        header.append(cell)
    ws.row_dimensions[1].height = 30
    ws.append(header)
    last_row = max(rows + 1, 2)
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    _add_rules(ws, last_row)


def _letter(column: SheetColumn) -> str:
    return get_column_letter(COLUMNS.index(column) + 1)


def _add_rules(ws, last_row: int) -> None:  # type: ignore[no-untyped-def]
    due, status, completed = (
        _letter(SheetColumn.DUE),
        _letter(SheetColumn.STATUS),
        _letter(SheetColumn.COMPLETED),
    )
    everything = f"A2:{get_column_letter(len(COLUMNS))}{last_row}"
    not_done = ",".join(f'${status}2<>"{label}"' for label in DONE_LABELS)
    overdue = f"AND(ISNUMBER(${due}2),${due}2<TODAY(),{not_done})"
    ws.conditional_formatting.add(
        everything, FormulaRule(formula=[overdue], fill=OVERDUE_FILL, font=OVERDUE_FONT, stopIfTrue=True)
    )
    finished = "OR(" + ",".join(f'${status}2="{label}"' for label in DONE_LABELS) + ")"
    ws.conditional_formatting.add(everything, FormulaRule(formula=[finished], font=DONE_FONT))

    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_LABELS) + '"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Status",
        error="Choose a status from the list: " + ", ".join(STATUS_LABELS) + ".",
        showInputMessage=True,
        promptTitle="Status",
        prompt="Choose from the list. Completed: put the date in Completed on.",
    )
    choices.add(f"{status}2:{status}{last_row}")
    ws.data_validations.append(choices)
    dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Date",
        error="Enter a date as dd/mm/yyyy.",
    )
    dates.add(f"{due}2:{due}{last_row}")
    dates.add(f"{completed}2:{completed}{last_row}")
    ws.data_validations.append(dates)
    new_update = _letter(SheetColumn.NEW_UPDATE)
    hint = DataValidation(
        allow_blank=True,
        showInputMessage=True,
        promptTitle="New update",
        prompt="Write progress here; SST Desktop adds it, dated, to the action's history.",
    )
    hint.add(f"{new_update}2:{new_update}{last_row}")
    ws.data_validations.append(hint)


def add_mark_sheet(wb: Workbook, rows: int, *, committee: str = "") -> None:
    """The very hidden sheet that tells the import this file is ours (and, when every row is one
    committee's, which committee: the import refuses another committee's reference typed in)."""
    ws = wb.create_sheet(MARK_SHEET)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    lines: list[tuple[str, str | int]] = [
        (MARK_TITLE, FORMAT_VERSION),
        ("Exported at", datetime.now().strftime("%Y-%m-%d %H:%M:%S")),
        ("Rows", rows),
        ("Help", HELP_TEXT),
    ]
    if committee:
        lines.append((MARK_COMMITTEE, committee))
    for label, value in lines:
        first = Cell(ws, 1, 1)
        set_text(first, label)
        if isinstance(value, str):
            second = Cell(ws, 1, 2)
            set_text(second, value)
        else:
            second = Cell(ws, 1, 2, value=value)
        ws.append([first, second])
