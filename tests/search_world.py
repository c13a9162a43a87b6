"""A small record to search: two committees, minutes over several meetings and years, an exempt item,
an action with an update, a report attached as a PDF, a declaration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sst_desktop.services import agenda, attachments, minutes
from sst_desktop.services.actions import add_update, create_action
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.committees import CommitteePatch, create_committee
from sst_desktop.services.declarations import DeclarationPatch, add_declaration
from sst_desktop.services.meetings import schedule_meeting
from sst_desktop.storage.engine import Database
from tests.meeting_factory import make_sst, pdf_bytes


@dataclass(frozen=True)
class Record:
    sst: int
    prevent: int
    taxi_minute: int
    exempt_item: int
    exempt_minute: int
    december_minute: int
    action: int
    report: int
    person: int


def minute_with(db: Database, meeting_id: int, title: str, text: str, **details: object) -> tuple[int, int]:
    item = agenda.add_item(db, meeting_id, title, AgendaItemPatch(**details)).after  # type: ignore[arg-type]
    assert item is not None
    minute = minutes.minute_for_item(db, item.id)
    minutes.set_text(db, minute.id, text)
    return item.id, minute.id


def build(db: Database) -> Record:
    sst = make_sst(db)
    prevent = create_committee(db, CommitteePatch(name="Prevent Steering Group", short_name="PREVENT")).after
    assert prevent is not None
    old = schedule_meeting(db, prevent.id, date(2019, 3, 14)).after
    assert old is not None
    _, taxi = minute_with(
        db, sst.june, "Night-time economy", "The board discussed taxi marshalling in Southport town centre."
    )
    minutes.add_resolution(db, taxi, "That the taxi marshalling pilot be extended.")
    minute_with(db, sst.september, "Licensing", "Marshalling of every taxi rank was reviewed.")
    minute_with(db, old.id, "Prevent update", "The Café résumé of Prevent referrals by Zoë Núñez.")
    exempt_item, exempt_minute = minute_with(
        db,
        sst.september,
        "Domestic Homicide Review",
        "Details of the homicide of a resident in Bootle.",
        exempt_paragraphs="1,2",
        description="Report of the DHR chair on the safeguarding findings.",
    )
    minutes.set_public_summary(db, exempt_minute, "Members noted the review.")
    _, december = minute_with(
        db, sst.december, "Taxi marshalling evaluation", "A final taxi report was noted."
    )
    action = create_action(
        db, text="Circulate the taxi marshalling figures", committee_id=sst.committee_id, meeting_id=sst.june
    ).after
    assert action is not None
    add_update(db, action.id, "Figures sent to the licensing team", on=date(2022, 7, 1))
    report_item = agenda.add_item(db, sst.december, "Prevent annual report").after
    assert report_item is not None
    report = attachments.attach_pdf(
        db,
        report_item.id,
        pdf_bytes("Prevent annual report", "Referrals against national benchmarks rose."),
        "prevent.pdf",
    ).after
    assert report is not None
    add_declaration(
        db,
        sst.september,
        DeclarationPatch(
            person_id=sst.people["Kelly"],
            kind="other_registrable",
            nature="Governor of Bootle High",
            action="withdrew",
        ),
    )
    return Record(
        sst.committee_id,
        prevent.id,
        taxi,
        exempt_item,
        exempt_minute,
        december,
        action.id,
        report.id,
        sst.people["Burnett"],
    )
