from __future__ import annotations

from datetime import datetime

import pytest

from sst_desktop.domain import Meeting, Minute
from sst_desktop.domain.enums import ItemKind, ProceduralRole, ReportStatus
from sst_desktop.domain.meeting_texts import DECLARATIONS_TEXT
from sst_desktop.services import agenda, attachments, meetings, standing_items
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.errors import ConfirmedMinutesError, NotFoundError, ValidationError
from tests.meeting_factory import make_sst, pdf_bytes


def titles(db, meeting_id: int) -> list[str]:
    return [f"{i.number}. {i.title}" for i in agenda.list_agenda_items(db, meeting_id)]


def test_default_agenda_has_procedural_items_standing_items_and_next_meeting_last(db) -> None:
    sst = make_sst(db)
    standing_items.add_standing_item(db, sst.committee_id, "Prevent Update", presenters_text="Steve Martlew")
    standing_items.add_standing_item(db, sst.committee_id, "Youth Justice Service Update")
    created = agenda.build_default_agenda(db, sst.september).value
    assert len(created) == 6
    items = agenda.list_agenda_items(db, sst.september)
    assert [(i.number, i.title) for i in items] == [
        (1, "Apologies for Absence"),
        (2, "Declarations of Interest"),
        (3, "Minutes of Previous Meeting"),
        (4, "Prevent Update"),
        (5, "Youth Justice Service Update"),
        (6, "Date of Next Meeting"),
    ]
    assert items[1].description == DECLARATIONS_TEXT
    assert items[1].description.startswith("Members are requested at a meeting where a disclosable pecuniary")
    assert items[2].description == "Minutes of the meeting held on 22 June 2022"
    assert items[3].presenters_text == "Steve Martlew"
    assert items[3].standing_item_id is not None
    assert items[5].description == (
        "The next meeting will be held on Thursday, 8 December 2022 (Remote Meeting - Microsoft Teams), "
        "commencing at 10.00 am."
    )
    assert all(i.kind == ItemKind.PROCEDURAL for i in (items[0], items[1], items[2], items[5]))

    # building again adds nothing; a new standing item slots in before Date of Next Meeting
    assert agenda.build_default_agenda(db, sst.september).value == []
    standing_items.add_standing_item(db, sst.committee_id, "Action Log")
    agenda.build_default_agenda(db, sst.september)
    assert titles(db, sst.september)[-2:] == ["6. Action Log", "7. Date of Next Meeting"]


def test_add_move_remove_keep_numbers_right(db) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    dhr = agenda.add_item(
        db, sst.september, "DHR10 report", AgendaItemPatch(description="Overview of the case")
    ).after
    prevent = agenda.add_item(
        db, sst.september, "Prevent Update", AgendaItemPatch(presenters_text="Steve Martlew")
    ).after
    assert (dhr.number, prevent.number) == (4, 5)
    assert titles(db, sst.september)[-1] == "6. Date of Next Meeting"

    change = agenda.move_item(db, prevent.id, 3)
    assert change.before.number == 5 and change.after.number == 4
    assert titles(db, sst.september)[3:] == [
        "4. Prevent Update",
        "5. DHR10 report",
        "6. Date of Next Meeting",
    ]
    agenda.move_item(db, prevent.id, change.before.position)  # undo
    assert titles(db, sst.september)[3:5] == ["4. DHR10 report", "5. Prevent Update"]

    # explicit move of the closing item is allowed; new items then go at the end
    last = agenda.list_agenda_items(db, sst.september)[-1]
    agenda.move_item(db, last.id, 3)
    added = agenda.add_item(db, sst.september, "Any Other Business").after
    assert added.number == 7

    removed = agenda.remove_item(db, dhr.id)
    numbers = [i.number for i in agenda.list_agenda_items(db, sst.september)]
    assert numbers == list(range(1, 7))
    restored = agenda.restore_item(db, removed).after
    assert restored.number == removed.before.number == 5 and restored.title == "DHR10 report"
    assert [i.number for i in agenda.list_agenda_items(db, sst.september)] == list(range(1, 8))


def test_add_at_position_and_out_of_range(db) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    first = agenda.add_item(db, sst.september, "Welcome", position=0).after
    assert first.number == 1
    far = agenda.add_item(db, sst.september, "Late", position=99).after
    assert far.number == 6
    agenda.move_item(db, far.id, -5)
    assert agenda.get_item(db, far.id).number == 1


def test_reorder_whole_agenda(db) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    ids = [i.id for i in agenda.list_agenda_items(db, sst.september)]
    records = agenda.reorder_items(db, sst.september, list(reversed(ids))).value
    assert [r.id for r in records] == list(reversed(ids))
    assert [r.number for r in records] == [1, 2, 3, 4]
    with pytest.raises(ValidationError, match="every item"):
        agenda.reorder_items(db, sst.september, ids[:2])


def test_exempt_paragraphs_are_validated(db) -> None:
    sst = make_sst(db)
    item = agenda.add_item(db, sst.september, "DHR10 report", AgendaItemPatch(exempt_paragraphs="7")).after
    assert item.exempt_paragraphs == (7,)
    assert item.is_exempt
    assert agenda.update_item(
        db, item.id, AgendaItemPatch(exempt_paragraphs=[3, 1, 3])
    ).after.exempt_paragraphs == (1, 3)
    assert agenda.update_item(
        db, item.id, AgendaItemPatch(exempt_paragraphs="1, 2")
    ).after.exempt_paragraphs == (1, 2)
    for bad in ("8", "0", "seven", [1, 9]):
        with pytest.raises(ValidationError, match="paragraph") as raised:
            agenda.update_item(db, item.id, AgendaItemPatch(exempt_paragraphs=bad))
        assert raised.value.field == "exempt_paragraphs"
    assert agenda.get_item(db, item.id).exempt_paragraphs == (1, 2)
    assert agenda.update_item(db, item.id, AgendaItemPatch(exempt_paragraphs=())).after.is_exempt is False


def test_update_fields_presenters_and_undo(db) -> None:
    sst = make_sst(db)
    item = agenda.add_item(db, sst.september, "Serious Violence Duty").after
    change = agenda.update_item(
        db,
        item.id,
        AgendaItemPatch(
            title="Serious Violence Duty <draft> & more",
            description="Report of the Assistant Director\nCommunities",
            kind="presentation",
            presenter_ids=[sst.people["Burnett"], sst.people["McNally"]],
            presenters_text="Steve Martlew",
            report_status=ReportStatus.TO_FOLLOW,
        ),
    )
    after = change.after
    assert after.title == "Serious Violence Duty <draft> & more"
    assert after.kind == ItemKind.PRESENTATION
    assert after.presenter_names == ("Simon Burnett", "Superintendent Dawn McNally")
    assert after.presenters_display == "Simon Burnett/Superintendent Dawn McNally/Steve Martlew"
    assert after.report_status == ReportStatus.TO_FOLLOW
    change.undo(db)
    again = agenda.get_item(db, item.id)
    assert again.title == "Serious Violence Duty" and again.presenter_ids == ()
    with pytest.raises(ValidationError, match="title is required"):
        agenda.update_item(db, item.id, AgendaItemPatch(title="   "))
    with pytest.raises(ValidationError, match="not a kind of item"):
        agenda.update_item(db, item.id, AgendaItemPatch(kind="song"))
    with pytest.raises(NotFoundError):
        agenda.update_item(db, item.id, AgendaItemPatch(presenter_ids=[12345]))


def test_removing_an_item_keeps_its_attachments_for_undo(db) -> None:
    sst = make_sst(db)
    item = agenda.add_item(db, sst.september, "Prevent Update").after
    data = pdf_bytes("Prevent page one", "Prevent page two")
    attachments.attach_pdf(db, item.id, data, "prevent.pdf", title="Prevent report")
    removed = agenda.remove_item(db, item.id)
    with pytest.raises(NotFoundError):
        agenda.get_item(db, item.id)
    restored = agenda.restore_item(db, removed).after
    assert [a.display_title for a in restored.attachments] == ["Prevent report"]
    assert attachments.attachment_bytes(db, restored.attachments[0].id) == data
    assert restored.report_status == ReportStatus.ATTACHED


def test_item_with_a_minute_cannot_be_removed_and_confirmed_agendas_are_frozen(db) -> None:
    sst = make_sst(db)
    item = agenda.add_item(db, sst.june, "Project ADDER").after
    with db.write() as session:
        session.add(Minute(meeting_id=sst.june, agenda_item_id=item.id, heading="PROJECT ADDER", number=11))
    with pytest.raises(ValidationError, match="has a minute"):
        agenda.remove_item(db, item.id)
    with db.write() as session:
        session.get(Meeting, sst.june).minutes_confirmed_at = datetime(2022, 9, 8, 11)
    with pytest.raises(ConfirmedMinutesError):
        agenda.add_item(db, sst.june, "Late item")
    with pytest.raises(ConfirmedMinutesError):
        agenda.move_item(db, item.id, 0)


def test_previous_minutes_text_when_there_is_no_previous_meeting(db) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.june)
    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, sst.june)}
    assert items[ProceduralRole.PREVIOUS_MINUTES].description.startswith("There is no previous meeting")
    assert "8 September 2022" in items[ProceduralRole.NEXT_MEETING].description
    meetings.cancel_meeting(db, sst.september, "Summer")
    meetings.cancel_meeting(db, sst.december, "Winter")
    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, sst.june)}
    assert (
        items[ProceduralRole.NEXT_MEETING].description == "The date of the next meeting is to be confirmed."
    )


def test_unicode_round_trips(db) -> None:
    sst = make_sst(db)
    text = "Cyfarfod ŵyr — Zażółć gęślą jaźń — Ελληνικά — Кириллица — اجتماع — 会议 — 🎉 — =SUM(A1) <b>&amp;"
    item = agenda.add_item(db, sst.september, text, AgendaItemPatch(description=text)).after
    assert agenda.get_item(db, item.id).title == text
    assert agenda.get_item(db, item.id).description == text
