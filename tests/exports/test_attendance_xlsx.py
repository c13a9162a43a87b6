"""The attendance register workbook: members by meetings, statuses, substitutes and rates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sst_desktop.domain import Attendance, Committee, Meeting, Membership, Person
from sst_desktop.domain.enums import AttendanceStatus, MeetingStatus, MembershipRole
from sst_desktop.exports.attendance_xlsx import export_attendance_xlsx
from sst_desktop.services.attendance_register import attendance_register


@pytest.fixture
def register_db(db):  # type: ignore[no-untyped-def]
    with db.write() as s:
        sst = Committee(name="Safer Sefton Together", short_name="SST")
        s.add(sst)
        people = {
            key: Person(title=t, first_name=f, last_name=last)
            for key, (t, f, last) in {
                "hardy": ("Councillor", "Janet", "Hardy"),
                "maher": ("Councillor", "Ian", "Maher"),
                "nuñez": ("Ms", "Zoë", "=Núñez"),
                "sub": ("Mr", "Peter", "Lee"),
                "late": ("Dr", "Lina", "Wu"),
            }.items()
        }
        s.add_all(people.values())
        s.flush()
        for key, role, start in (
            ("hardy", MembershipRole.CHAIR, date(2020, 5, 1)),
            ("maher", MembershipRole.MEMBER, date(2020, 5, 1)),
            ("nuñez", MembershipRole.MEMBER, date(2020, 5, 1)),
            ("late", MembershipRole.MEMBER, date(2022, 7, 1)),
        ):
            s.add(Membership(committee_id=sst.id, person_id=people[key].id, role=role, start_date=start))
        meetings = [
            Meeting(committee_id=sst.id, date=d, status=MeetingStatus.HELD)
            for d in (date(2022, 3, 17), date(2022, 6, 22), date(2022, 9, 8))
        ]
        cancelled = Meeting(committee_id=sst.id, date=date(2022, 12, 1), status=MeetingStatus.CANCELLED)
        s.add_all([*meetings, cancelled])
        s.flush()
        P, A, X, S = (
            AttendanceStatus.PRESENT,
            AttendanceStatus.APOLOGIES,
            AttendanceStatus.ABSENT,
            AttendanceStatus.SUBSTITUTE,
        )
        marks = {
            "hardy": [P, P, P],
            "maher": [P, A, X],
            "nuñez": [A, P, None],
            "late": [None, None, P],
        }
        for key, statuses in marks.items():
            for meeting, status in zip(meetings, statuses, strict=True):
                if status is not None:
                    s.add(Attendance(meeting_id=meeting.id, person_id=people[key].id, status=status))
        s.add(
            Attendance(
                meeting_id=meetings[2].id,
                person_id=people["sub"].id,
                status=S,
                substitute_for_id=people["nuñez"].id,
            )
        )
        s.add(Attendance(meeting_id=meetings[0].id, person_id=people["sub"].id, status=P, also_present=True))
        return sst.id


def test_register_rows_cells_and_rates(db, register_db) -> None:
    register = attendance_register(db, register_db)
    assert [m.date for m in register.meetings] == [date(2022, 3, 17), date(2022, 6, 22), date(2022, 9, 8)]
    rows = {r.name: r for r in register.rows}
    assert [r.name for r in register.rows] == [
        "Councillor Janet Hardy",  # the Chair first
        "Councillor Ian Maher",
        "Ms Zoë =Núñez",  # sorted as Nunez
        "Dr Lina Wu",
        "Mr Peter Lee",  # substitutes after members
    ]
    assert rows["Councillor Janet Hardy"].rate == 1.0
    assert rows["Councillor Ian Maher"].rate == pytest.approx(1 / 3)
    wu = rows["Dr Lina Wu"]
    assert wu.expected == 1 and wu.rate == 1.0 and not wu.cells[0].expected
    nunez = rows["Ms Zoë =Núñez"]
    assert nunez.cells[2].text == "Apologies (Substitute: Mr Peter Lee)"
    assert nunez.substituted == 1 and nunez.rate == pytest.approx(1 / 3)
    lee = rows["Mr Peter Lee"]
    assert lee.role == "Substitute" and lee.cells[2].text == "Substitute (for Ms Zoë =Núñez)"
    assert lee.cells[0].status is None  # "also present" as an officer is not attendance as a member


def test_register_workbook(db, register_db, tmp_path: Path) -> None:
    result = export_attendance_xlsx(db, register_db, tmp_path / "register.xlsx")
    assert result.members == 5 and result.meetings == 3
    ws = load_workbook(tmp_path / "register.xlsx")["Attendance"]
    assert ws["A1"].value == "Safer Sefton Together: attendance register"
    header = [c.value for c in ws[4]]
    assert header[:3] == ["Member", "Organisation", "Role"]
    assert header[3].date() == date(2022, 3, 17) and ws.cell(4, 4).number_format == "DD/MM/YYYY"
    assert header[-1] == "Attendance rate"
    assert ws.freeze_panes == "D5"
    rows = {ws.cell(r, 1).value: r for r in range(5, 10)}
    maher = rows["Councillor Ian Maher"]
    assert [ws.cell(maher, c).value for c in (4, 5, 6)] == ["Present", "Apologies", "Absent"]
    assert ws.cell(maher, 4).fill.fgColor.rgb.endswith("C6EFCE")
    rate = ws.cell(maher, len(header))
    assert rate.value == pytest.approx(1 / 3) and rate.number_format == "0%"
    nunez = ws.cell(rows["Ms Zoë =Núñez"], 1)
    assert nunez.data_type == "s"
    assert ws.cell(rows["Dr Lina Wu"], 4).fill.fgColor.rgb.endswith("EDEDED")  # not yet a member
    totals = ws.cell(10, 1)
    assert totals.value == "Present at the meeting"
    assert [ws.cell(10, c).value for c in (4, 5, 6)] == [2, 2, 3]


def test_register_period(db, register_db) -> None:
    register = attendance_register(db, register_db, since=date(2022, 6, 1), until=date(2022, 6, 30))
    assert [m.date for m in register.meetings] == [date(2022, 6, 22)]
    assert "Dr Lina Wu" not in [r.name for r in register.rows]
