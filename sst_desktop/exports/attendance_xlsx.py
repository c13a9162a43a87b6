"""The attendance register as a workbook: members by meetings, with each member's attendance rate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from sst_desktop.domain.enums import AttendanceStatus
from sst_desktop.exports.atomic import atomic_path
from sst_desktop.exports.xlsx_cells import set_text
from sst_desktop.services.attendance_register import STATUS_LABELS, AttendanceRegister, attendance_register
from sst_desktop.services.jobs import JobHooks
from sst_desktop.storage.engine import Database

DATE_FORMAT = "DD/MM/YYYY"
HEADER_FILL = PatternFill("solid", start_color="1F4E79", end_color="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
FILLS = {
    AttendanceStatus.PRESENT: PatternFill("solid", start_color="C6EFCE", end_color="C6EFCE"),
    AttendanceStatus.APOLOGIES: PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C"),
    AttendanceStatus.ABSENT: PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE"),
    AttendanceStatus.SUBSTITUTE: PatternFill("solid", start_color="BDD7EE", end_color="BDD7EE"),
}
NOT_MEMBER_FILL = PatternFill("solid", start_color="EDEDED", end_color="EDEDED")
THIN = Side(style="thin", color="BFBFBF")
FIXED = ("Member", "Organisation", "Role")
TOTALS = ("Meetings expected", "Present", "Apologies", "Absent", "Sent a substitute", "Attendance rate")


@dataclass(frozen=True)
class AttendanceExport:
    path: Path
    members: int
    meetings: int

    @property
    def summary(self) -> str:
        return (
            f"Wrote the attendance register ({self.members} people by {self.meetings} meeting"
            f"{'' if self.meetings == 1 else 's'}) to {self.path.name}."
        )


def export_attendance_xlsx(
    db: Database,
    committee_id: int,
    target: Path,
    *,
    since: date | None = None,
    until: date | None = None,
    hooks: JobHooks | None = None,
) -> AttendanceExport:
    hooks = hooks or JobHooks()
    register = attendance_register(db, committee_id, since=since, until=until)
    hooks.step(0, 1)
    target = Path(target)
    with atomic_path(target) as temporary:
        wb = Workbook()
        ws = wb.active
        _fill(ws, register)
        wb.properties.creator = "SST Desktop"
        wb.properties.title = f"Attendance register: {register.committee.name}"[:250]
        wb.save(temporary)
    hooks.progress(1, 1)
    return AttendanceExport(path=target, members=len(register.rows), meetings=len(register.meetings))


def _text(cell, value: str) -> None:  # type: ignore[no-untyped-def]
    set_text(cell, value)


def _fill(ws, register: AttendanceRegister) -> None:  # type: ignore[no-untyped-def]
    ws.title = "Attendance"
    title = ws.cell(1, 1)
    _text(title, f"{register.committee.name}: attendance register")
    title.font = Font(bold=True, size=14)
    if register.meetings:
        span = ws.cell(2, 1)
        first, last = register.meetings[0].date, register.meetings[-1].date
        _text(span, f"{len(register.meetings)} meetings from {first:%d/%m/%Y} to {last:%d/%m/%Y}")
    else:
        _text(ws.cell(2, 1), "No meetings held in this period.")
    header_row = 4
    meetings = register.meetings
    n_fixed = len(FIXED)
    headers: list[object] = [*FIXED, *(m.date for m in meetings), *TOTALS]
    for col, value in enumerate(headers, 1):
        cell = ws.cell(header_row, col)
        if isinstance(value, date):
            cell.value = value
            cell.number_format = DATE_FORMAT
        else:
            _text(cell, str(value))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(
            horizontal="center",
            vertical="center",
            wrap_text=True,
            text_rotation=90 if isinstance(value, date) else 0,
        )
        cell.border = Border(bottom=THIN)
    ws.row_dimensions[header_row].height = 70
    first_total = n_fixed + len(meetings) + 1
    for r, row in enumerate(register.rows, header_row + 1):
        _text(ws.cell(r, 1), row.name)
        _text(ws.cell(r, 2), row.organisation)
        _text(ws.cell(r, 3), row.role)
        for c, cell_data in enumerate(row.cells, n_fixed + 1):
            cell = ws.cell(r, c)
            if cell_data.text:
                _text(cell, cell_data.text)
            if cell_data.status is not None:
                cell.fill = FILLS[cell_data.status]
            elif not cell_data.expected:
                cell.fill = NOT_MEMBER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
        values = [
            row.expected,
            sum(1 for x in row.cells if x.expected and x.status is AttendanceStatus.PRESENT),
            row.count(AttendanceStatus.APOLOGIES),
            row.count(AttendanceStatus.ABSENT),
            row.substituted,
            row.rate,
        ]
        for offset, value in enumerate(values):
            cell = ws.cell(r, first_total + offset, value)
            cell.alignment = Alignment(horizontal="center")
            if offset == len(values) - 1:
                cell.number_format = "0%"
                cell.font = Font(bold=True)
    # a totals line per meeting
    if register.rows:
        total_row = header_row + len(register.rows) + 1
        _text(ws.cell(total_row, 1), "Present at the meeting")
        ws.cell(total_row, 1).font = Font(bold=True)
        for c in range(n_fixed + 1, n_fixed + 1 + len(meetings)):
            count = sum(
                1
                for row in register.rows
                if row.cells[c - n_fixed - 1].status
                in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
            )
            cell = ws.cell(total_row, c, count)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center")
        legend_row = total_row + 2
    else:
        legend_row = header_row + 2
    _text(ws.cell(legend_row, 1), "Key")
    ws.cell(legend_row, 1).font = Font(bold=True)
    for i, (status, fill) in enumerate(FILLS.items(), 1):
        cell = ws.cell(legend_row + i, 1)
        _text(cell, STATUS_LABELS[status])
        cell.fill = fill
    note = ws.cell(legend_row + len(FILLS) + 1, 1)
    _text(note, "Grey: not a member on that date. Rate: present ÷ meetings held while a member.")
    note.font = Font(italic=True, color="595959")

    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["C"].width = 12
    for c in range(n_fixed + 1, first_total):
        ws.column_dimensions[get_column_letter(c)].width = 13
    for c in range(first_total, first_total + len(TOTALS)):
        ws.column_dimensions[get_column_letter(c)].width = 11
    ws.freeze_panes = ws.cell(header_row + 1, n_fixed + 1).coordinate
    last_column = get_column_letter(first_total + len(TOTALS) - 1)
    if register.rows:
        ws.auto_filter.ref = f"A{header_row}:{last_column}{header_row + len(register.rows)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
