"""A small Safer Sefton Together, as seed 002 has it, for tests of meetings, agendas and their documents."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, time

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from sst_desktop.domain.enums import MembershipRole
from sst_desktop.services.committees import CommitteePatch, create_committee
from sst_desktop.services.meetings import schedule_meeting
from sst_desktop.services.memberships import add_membership
from sst_desktop.services.people import PersonPatch, create_person
from sst_desktop.storage.engine import Database

MEMBERS = (
    ("Councillor", "Trish", "Hardy", MembershipRole.CHAIR),
    ("Councillor", "Sonya", "Kelly", MembershipRole.MEMBER),
    ("", "Simon", "Burnett", MembershipRole.MEMBER),
    ("Superintendent", "Dawn", "McNally", MembershipRole.MEMBER),
    ("", "Nigel", "Bellamy", MembershipRole.MEMBER),
)


@dataclass(frozen=True)
class SST:
    committee_id: int
    officer_id: int
    people: dict[str, int]
    june: int
    september: int
    december: int


def make_sst(db: Database, *, officer: bool = True, venue: str = "Remote Meeting - Microsoft Teams") -> SST:
    officer_id = create_person(
        db,
        PersonPatch(
            title="Mr",
            first_name="Ian",
            last_name="Barton",
            telephone="0151 934 2788",
            email="ian.barton@sefton.gov.uk",
        ),
    ).after.id  # type: ignore[union-attr]
    committee = create_committee(
        db,
        CommitteePatch(
            name="Safer Sefton Together",
            short_name="SST",
            default_venue=venue,
            default_start_time=time(10, 0),
            officer_id=officer_id if officer else None,
            open_to_public=False,
        ),
    ).after
    assert committee is not None
    people: dict[str, int] = {}
    for title, first, last, role in MEMBERS:
        person = create_person(db, PersonPatch(title=title, first_name=first, last_name=last)).after
        assert person is not None
        people[last] = person.id
        add_membership(db, committee.id, person.id, role=role, start_date=date(2022, 5, 1))
    june = schedule_meeting(db, committee.id, date(2022, 6, 22), venue="Bootle Town Hall").after
    september = schedule_meeting(db, committee.id, date(2022, 9, 8)).after
    december = schedule_meeting(db, committee.id, date(2022, 12, 8)).after
    assert june and september and december
    return SST(committee.id, officer_id, people, june.id, september.id, december.id)


def pdf_bytes(*pages: str, title: str = "") -> bytes:
    """A PDF whose pages carry the given texts (one line each, or several separated by newlines)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    if title:
        canvas.setTitle(title)
    for text in pages:
        y = 780
        for line in text.splitlines() or [""]:
            canvas.drawString(72, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
