"""The demo database: built from seeds 000–002, reopened, and checked fact by fact."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from sst_desktop.demo.build import build_demo_database
from sst_desktop.demo.report_texts import EXEMPT_MARKER
from sst_desktop.domain import (
    Action,
    AgendaItem,
    Attachment,
    Attendance,
    Committee,
    ForwardPlanItem,
    Meeting,
    Membership,
    Minute,
    Person,
    StandingItem,
)
from sst_desktop.domain.enums import (
    ActionKind,
    ActionStatus,
    AttendanceStatus,
    CommitteeKind,
    ForwardPlanStatus,
    ItemKind,
    MeetingStatus,
    MembershipRole,
    ProceduralRole,
    ReportStatus,
)
from sst_desktop.storage.engine import Database
from sst_desktop.storage.opening import open_path

ROOT = Path(__file__).resolve().parent.parent

# The 22 June 2022 minutes' headings, as seed 002 prints them.
JUNE_HEADINGS = [
    "APOLOGIES FOR ABSENCE",
    "DECLARATIONS OF INTEREST",
    "MINUTES OF PREVIOUS MEETING",
    "DOMESTIC HOMICIDE REVIEW (DHRS) UPDATE",
    "PREVENT LOCAL PARTNERSHIPS HEALTH CHECK",
    "OFSTED REPORT ON LINKS WITH DOMESTIC ABUSE",
    "YOUTH JUSTICE SERVICE UPDATE",
    "SEFTON LOCAL PROFILE",
    "COMMUNITY SAFETY STRATEGY - STRATEGIC NEEDS ASSESSMENT",
    "UNAUTHORISED ENCAMPMENTS",
    "PROJECT ADDER",
    "PUBLIC CONSULTATION FOR THE SERIOUS VIOLENCE DUTY",
    "DATE OF NEXT MEETING",
]
# The 8 September 2022 agenda's items, as seed 002 prints them.
SEPTEMBER_TITLES = [
    "Apologies for Absence",
    "Declarations of Interest",
    "Minutes of Previous Meeting",
    "DHR10 report",
    "DHR Update",
    "Prevent Update",
    "Presentation of Sefton VAWG Statement / Strategy",
    "Presentation of Community Safety Strategy / Plan",
    "Serious Violence Duty",
    "Draft Victim Bill",
    "Interdependencies Report",
    "Youth Justice Service Update",
    "Date of Next Meeting",
]
SEPTEMBER_MEMBERS = {
    "Trish Hardy",
    "Sonya Kelly",
    "Robinson",
    "Armitage",
    "Jenny Currie",
    "Simon Burnett",
    "Forshaw",
    "Neil Frackleton",
    "Siobhan Grainger",
    "Dawn McNally",
    "Karen Rooney",
    "Kevin Sexton",
    "Kevin Hollis",
    "Andrea Watts",
    "Nigel Bellamy",
}


def name(person: Person) -> str:
    return " ".join(p for p in (person.first_name, person.last_name) if p)


BUILT_SHA256: dict[Path, str] = {}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_database(path)
    BUILT_SHA256[path] = hashlib.sha256(path.read_bytes()).hexdigest()  # before opening turns WAL on
    return path


@pytest.fixture(scope="module")
def demo(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = open_path(demo_path, backup_dir=tmp_path_factory.mktemp("backups"))
    yield database
    database.dispose()


def committee(session, short_name: str) -> Committee:  # type: ignore[no-untyped-def]
    found = session.scalar(select(Committee).where(Committee.short_name == short_name))
    assert found is not None
    return found


def meeting_on(session, short_name: str, day: date) -> Meeting:  # type: ignore[no-untyped-def]
    found = session.scalar(
        select(Meeting).join(Committee).where(Committee.short_name == short_name, Meeting.date == day)
    )
    assert found is not None
    return found


def test_safer_sefton_together_committee(demo: Database) -> None:
    with demo.read() as s:
        sst = committee(s, "SST")
        assert sst.name == "Safer Sefton Together"
        assert sst.kind is CommitteeKind.PARTNERSHIP
        assert [f.name for f in sst.former_names] == ["Sefton Safer Communities Partnership"]
        assert sst.default_venue == "Bootle Town Hall"
        assert sst.default_start_time == time(10, 0)
        assert sst.uses_call_in is False  # "THIS SET OF MINUTES IS NOT SUBJECT TO CALL-IN"
        assert sst.municipal_year_start_month == 5
        officer = sst.officer
        assert officer is not None
        assert (name(officer), officer.telephone, officer.email) == (
            "Ian Barton",
            "0151 934 2788",
            "ian.barton@sefton.gov.uk",
        )


def test_members_and_chair(demo: Database) -> None:
    with demo.read() as s:
        sst = committee(s, "SST")
        rows = s.scalars(select(Membership).where(Membership.committee_id == sst.id)).all()
        assert {name(m.person) for m in rows} == SEPTEMBER_MEMBERS
        chairs = [m.person for m in rows if m.role is MembershipRole.CHAIR]
        assert [(c.title, name(c)) for c in chairs] == [("Councillor", "Trish Hardy")]
        mcnally = next(m.person for m in rows if m.person.last_name == "McNally")
        assert (mcnally.title, mcnally.organisation.name) == ("Superintendent", "Merseyside Police")
        # One person, however the seeds spell him.
        assert s.scalar(select(func.count()).where(Person.last_name.in_(["Frackleton", "Frackelton"]))) == 1


def test_people_carry_ranks_and_jobs(demo: Database) -> None:
    with demo.read() as s:
        people = {name(p): p for p in s.scalars(select(Person))}
    assert people["Graeme Robson"].title == "Superintendent"
    assert people["Tracy Trubshaw"].title == "Chief Inspector"
    assert people["Simon Burnett"].job_title == "Assistant Director Communities"
    assert people["Steve Martlew"].job_title == "Localities Service Manager"
    assert people["Chris White"].job_title == "Locality Team Manager"
    assert people["Robinson"].first_name == ""  # the seed gives only a surname


def test_june_meeting_minutes_in_order(demo: Database) -> None:
    with demo.read() as s:
        june = meeting_on(s, "SST", date(2022, 6, 22))
        assert (june.status, june.venue, june.start_time) == (
            MeetingStatus.HELD,
            "Bootle Town Hall",
            time(10),
        )
        minutes = s.scalars(
            select(Minute)
            .options(selectinload(Minute.resolutions), selectinload(Minute.agenda_item))
            .where(Minute.meeting_id == june.id)
            .order_by(Minute.position)
        ).all()
        assert [m.number for m in minutes] == list(range(1, 14))
        assert [m.heading.upper() for m in minutes] == JUNE_HEADINGS
        assert [m.agenda_item.position for m in minutes] == list(range(13))
        assert [m.agenda_item.title for m in minutes] == [m.heading for m in minutes]
        by_number = {m.number: m for m in minutes}
        assert [r.text for r in by_number[3].resolutions] == [
            "the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record"
        ]
        assert [len(by_number[n].resolutions) for n in range(1, 14)] == [
            0,
            0,
            1,
            2,
            2,
            3,
            1,
            1,
            3,
            1,
            1,
            1,
            1,
        ]
        assert by_number[9].resolutions[1].text.endswith("complete that spreadsheet by Friday 8 July 2022")
        assert by_number[4].text.startswith(
            "Members considered a report giving an update on the carrying out"
        )
        assert "42 week programme by SWACCA" in by_number[6].text
        assert "https://www.gov.uk/government/consultations/serious-violence-duty" in by_number[12].text
        roles = [m.agenda_item.procedural_role for m in minutes]
        assert roles[:3] == [
            ProceduralRole.APOLOGIES,
            ProceduralRole.DECLARATIONS,
            ProceduralRole.PREVIOUS_MINUTES,
        ]
        assert roles[12] is ProceduralRole.NEXT_MEETING


def test_june_register(demo: Database) -> None:
    with demo.read() as s:
        june = meeting_on(s, "SST", date(2022, 6, 22))
        rows = s.scalars(
            select(Attendance).where(Attendance.meeting_id == june.id).order_by(Attendance.position)
        ).all()
        by_status = {
            status: [name(r.person) for r in rows if r.status is status] for status in AttendanceStatus
        }
        chair = [r.person for r in rows if r.in_chair]
    assert [(c.title, c.last_name) for c in chair] == [("Councillor", "Hardy")]
    assert by_status[AttendanceStatus.PRESENT] == [
        "Trish Hardy",
        "Simon Burnett",
        "Risthardh Hare",
        "Kevin Hollis",
        "Graeme Robson",
        "Rosanna Stanley",
        "Tracy Trubshaw",
        "Chris White",
        "Steve Martlew",
    ]
    assert by_status[AttendanceStatus.APOLOGIES] == [
        "Nigel Bellamy",
        "Neil Frackleton",
        "Siobhan Grainger",
        "Kevin Sexton",
        "Janette Maxwell",
        "Andrea Watts",
    ]
    assert set(by_status[AttendanceStatus.ABSENT]) == {
        "Sonya Kelly",
        "Robinson",
        "Armitage",
        "Jenny Currie",
        "Forshaw",
        "Dawn McNally",
        "Karen Rooney",
    }


def test_march_minutes_confirmed_by_june(demo: Database) -> None:
    with demo.read() as s:
        march = meeting_on(s, "SST", date(2022, 3, 17))
        june = meeting_on(s, "SST", date(2022, 6, 22))
        assert march.status is MeetingStatus.HELD
        assert march.minutes_confirmed_by_id == june.id
        assert march.minutes_confirmed_at is not None and march.minutes_confirmed_at.date() == june.date
        assert june.minutes_confirmed_at is None
        texts = s.scalars(select(Minute.text).where(Minute.meeting_id == march.id)).all()
        assert any("Violence Against Women and Girls" in t for t in texts)


def test_june_actions_and_forward_plan(demo: Database) -> None:
    with demo.read() as s:
        june = meeting_on(s, "SST", date(2022, 6, 22))
        september = meeting_on(s, "SST", date(2022, 9, 8))
        actions = s.scalars(
            select(Action)
            .options(selectinload(Action.minute))
            .where(Action.meeting_id == june.id)
            .order_by(Action.reference)
        ).all()
        assert [a.reference for a in actions] == [f"SST/2022/{n:03d}" for n in range(1, 13)]
        assert {a.committee_id for a in actions} == {june.committee_id}
        minute4 = [a.text for a in actions if a.minute.number == 4]
        assert minute4[:4] == [
            "Discuss at LCR SD VAG - risk to lack of chairs",
            "Need to request further funds from partners for DHR's",
            "Share process with MFRS in relation to Retirees from the service",
            "Check what the cost is to take part in the training - could the SST fund this.",
        ]
        next_meeting = [a for a in actions if a.due_next_meeting]
        assert next_meeting and all(a.due_date == september.date for a in next_meeting)
        prevent = next(a for a in actions if a.minute.number == 5)
        assert prevent.status is ActionStatus.IN_PROGRESS
        assert (prevent.owner_person.last_name, prevent.organisation.name) == ("White", "Sefton Council")
        assert [u.on for u in prevent.updates] == [date(2022, 8, 31)]

        plans = s.scalars(select(ForwardPlanItem).order_by(ForwardPlanItem.id)).all()
        numbers = [s.get(Minute, p.source_minute_id).number for p in plans]
        assert numbers == [4, 6, 6, 9]
        scheduled = {p.title: s.get(AgendaItem, p.agenda_item_id).title for p in plans if p.agenda_item_id}
        assert scheduled == {
            "Domestic Homicide Reviews – recruitment of independent chairs": "DHR Update",
            "Draft Community Safety Strategy": "Presentation of Community Safety Strategy / Plan",
        }
        assert {p.status for p in plans if not p.agenda_item_id} == {ForwardPlanStatus.PENDING}


def test_september_agenda(demo: Database) -> None:
    with demo.read() as s:
        september = meeting_on(s, "SST", date(2022, 9, 8))
        assert september.status is MeetingStatus.SCHEDULED
        assert (september.start_time, september.venue) == (time(10), "Remote Meeting - Microsoft Teams")
        items = s.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == september.id).order_by(AgendaItem.position)
        ).all()
        assert [i.title for i in items] == SEPTEMBER_TITLES
        assert [i.position for i in items] == list(range(13))
        assert [i.procedural_role for i in items if i.procedural_role] == [
            ProceduralRole.APOLOGIES,
            ProceduralRole.DECLARATIONS,
            ProceduralRole.PREVIOUS_MINUTES,
            ProceduralRole.NEXT_MEETING,
        ]
        assert items[2].description == "Minutes of the meeting held on 22 June 2022"
        assert items[1].description.startswith("Members are requested at a meeting where a disclosable")
        assert items[12].description == (
            "The next meeting will be held on Thursday, 8 December 2022, commencing at 10:00 am."
        )
        assert [i.title for i in items if i.is_exempt] == ["DHR10 report"]
        assert items[3].exempt_paragraphs == "7"
        assert items[3].presenters_text == "Mary Mason and Monica Touhey"
        # "Simon Burnett/Steve Martlew": people from the directory, not typed text.
        assert [(p.last_name, i.presenters_text) for i in items[4:9:2] for p in i.presenters] == [
            ("Burnett", ""),
            ("Martlew", ""),
            ("Burnett", ""),
            ("Martlew", ""),
            ("Burnett", ""),
            ("Martlew", ""),
        ]
        assert [p.last_name for p in items[5].presenters] == ["Martlew"]
        assert (items[7].description, items[7].report_status) == ("Report to follow.", ReportStatus.TO_FOLLOW)
        assert items[9].description == "Report on the Draft Bill published by the MOJ"
        assert items[6].kind is ItemKind.PRESENTATION

        december = meeting_on(s, "SST", date(2022, 12, 8))
        assert (december.status, december.start_time) == (MeetingStatus.SCHEDULED, time(10))
        standing = s.scalars(
            select(StandingItem).where(StandingItem.committee_id == september.committee_id)
        ).all()
        assert [i.title for i in standing] == ["Prevent Update"]


def _pdf_text(content: bytes) -> str:
    """The PDF's words, with line breaks and runs of spaces made single spaces."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def test_reports_are_readable_pdfs_on_the_right_items(demo: Database) -> None:
    with demo.read() as s:
        september = meeting_on(s, "SST", date(2022, 9, 8))
        rows = s.execute(
            select(AgendaItem.position, AgendaItem.report_status, Attachment)
            .join(Attachment, Attachment.agenda_item_id == AgendaItem.id)
            .where(AgendaItem.meeting_id == september.id)
            .order_by(AgendaItem.position)
        ).all()
        found = {}
        for position, status, attachment in rows:
            content = attachment.content
            assert status is ReportStatus.ATTACHED
            assert attachment.media_type == "application/pdf"
            assert attachment.filename.endswith(".pdf")
            assert attachment.size == len(content)
            assert attachment.sha256 == hashlib.sha256(content).hexdigest()
            assert attachment.page_count == len(PdfReader(io.BytesIO(content)).pages)
            found[position + 1] = (attachment.page_count, _pdf_text(content))
    assert sorted(found) == [4, 6, 7, 9, 10, 11]
    subjects = {
        6: "Prevent Update",
        7: "Violence Against Women & Girls",
        9: "Serious Violence Duty",
        10: "Draft Victims Bill",
        11: "Strategic & Governance Interdependencies",
    }
    for number, subject in subjects.items():
        _pages, text = found[number]
        assert subject in text
        assert "8 September 2022" in text
        assert EXEMPT_MARKER not in text
    assert found[7][0] >= 3  # the VAWG report runs to several pages
    assert "Safer Sefton Together is committed to ending Violence Against Women and Girls" in found[7][1]
    assert "I suggest that Prevent becomes a standing item" in found[6][1]
    assert "Multi Agency Partnership Board" in found[6][1]
    assert "Author:" in found[9][1] and "Report of:" in found[9][1]
    assert EXEMPT_MARKER in found[4][1]
    assert "DEMONSTRATION CONTENT" in found[4][1]


def test_exempt_phrase_is_only_in_the_exempt_report(demo: Database) -> None:
    """Nothing but the exempt attachment holds the placeholder's phrase, so a public pack cannot get it
    from any other text."""
    assert demo.path is not None
    with demo.read() as s:
        texts = [
            *s.scalars(select(AgendaItem.title)),
            *s.scalars(select(AgendaItem.description)),
            *s.scalars(select(Minute.text)),
            *s.scalars(select(Action.text)),
        ]
    assert not any(EXEMPT_MARKER in t for t in texts)


def test_peer_review_working_group(demo: Database) -> None:
    with demo.read() as s:
        group = committee(s, "PRWG")
        assert group.name == "Peer Review Working Group"
        assert group.kind is CommitteeKind.WORKING_GROUP
        assert group.parent is not None
        assert group.parent.name == "Overview and Scrutiny Committee (Regeneration and Skills)"
        members = s.scalars(select(Membership).where(Membership.committee_id == group.id)).all()
        assert {(m.role, name(m.person)) for m in members} == {
            (MembershipRole.CHAIR, "Dan T. Lewis"),
            (MembershipRole.MEMBER, "Claire Carragher"),
            (MembershipRole.MEMBER, "Michael O'Brien"),
            (MembershipRole.MEMBER, "Anne Thompson"),
        }
        recs = s.scalars(
            select(Action)
            .options(selectinload(Action.updates))
            .where(Action.committee_id == group.id)
            .order_by(Action.position)
        ).all()
        assert len(recs) == 8
        assert all(r.kind is ActionKind.RECOMMENDATION for r in recs)
        assert recs[0].text.startswith("That tribute be extended to all those Partnership Members")
        assert recs[7].text.startswith("That the Head of Communities, on behalf of the MARSOC")
        assert all(r.response.strip() for r in recs)
        assert "Operation Hagrid" in recs[2].response
        assert "Adverse Child Experiences" in recs[5].response
        assert all([u.on for u in r.updates] == [date(2018, 9, 18)] for r in recs)
        done = [r for r in recs if r.status is ActionStatus.COMPLETED]
        assert done and all(r.completed_on == date(2018, 9, 18) for r in done)
        assert {r.status for r in recs} == {ActionStatus.COMPLETED, ActionStatus.IN_PROGRESS}
        dated = s.scalars(
            select(Meeting.date).where(Meeting.committee_id == group.id).order_by(Meeting.date)
        ).all()
        assert dated[0] == date(2016, 8, 12) and len(dated) == 9


def test_building_twice_gives_the_same_file(demo_path: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    build_demo_database(again)
    assert [p.name for p in tmp_path.iterdir()] == ["again.db"]  # no log, no half-built file beside it
    assert hashlib.sha256(again.read_bytes()).hexdigest() == BUILT_SHA256[demo_path]


def test_existing_file_kept_unless_replaced(tmp_path: Path) -> None:
    path = tmp_path / "mine.db"
    path.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        build_demo_database(path)
    assert path.read_bytes() == b"precious"
    with pytest.raises(IsADirectoryError):
        build_demo_database(tmp_path, replace=True)
    (tmp_path / "mine.db-wal").write_bytes(b"an old database's log")  # must not reach the new file
    build_demo_database(path, replace=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.db"]
    database = open_path(path, backup_dir=tmp_path / "backups")
    try:
        with database.read() as s:
            assert committee(s, "SST").name == "Safer Sefton Together"
    finally:
        database.dispose()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sst_desktop", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_demo_db_command(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    first = _cli("demo-db", str(path))
    assert first.returncode == 0, first.stderr
    assert str(path) in first.stdout
    stamp = path.stat().st_mtime_ns

    refused = _cli("demo-db", str(path))
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "already exists" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert path.stat().st_mtime_ns == stamp

    forced = _cli("demo-db", str(path), "--force")
    assert forced.returncode == 0, forced.stderr
    check = _cli("check", "--database", str(path))
    assert check.returncode == 0, check.stdout + check.stderr


def test_demo_db_into_missing_folder(tmp_path: Path) -> None:
    result = _cli("demo-db", str(tmp_path / "nowhere" / "demo.db"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_timestamps_are_fixed(demo: Database) -> None:
    with demo.read() as s:
        stamps = set(s.scalars(select(Action.updated_at))) | set(s.scalars(select(Minute.created_at)))
    assert stamps == {datetime(2022, 9, 1, 9, 0)}
