"""Every change to an agenda, its reports, the forward plan and standing items names the kinds it
touched and takes itself back in one step (one transaction), without a window."""

from __future__ import annotations

from datetime import date

from sst_desktop.domain import Minute
from sst_desktop.domain.enums import ForwardPlanStatus, ItemKind, ReportStatus
from sst_desktop.services import actions, agenda, agenda_offers, attachments, forward_plan, standing_items
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.forward_plan import ForwardPlanPatch
from sst_desktop.services.outcome import Changed
from sst_desktop.services.standing_items import StandingItemPatch
from sst_desktop.storage.engine import Database
from tests.meeting_factory import make_sst, pdf_bytes


def titles(db: Database, meeting_id: int) -> list[str]:
    return [i.title for i in agenda.list_agenda_items(db, meeting_id)]


def test_add_edit_move_and_remove_are_each_undone_and_redone(db: Database) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    added = agenda.add_item(db, sst.september, "DHR10 report")
    assert added.after is not None and added.changed == Changed.AGENDA
    item_id = added.after.id

    edited = agenda.update_item(db, item_id, AgendaItemPatch(title="DHR10", exempt_paragraphs=(7,)))
    assert edited.changed == Changed.AGENDA and edited.undo is not None
    redo = edited.undo(db)
    record = agenda.get_item(db, item_id)
    assert (record.title, record.exempt_paragraphs) == ("DHR10 report", ())
    assert redo.undo is not None
    redo.undo(db)
    assert agenda.get_item(db, item_id).exempt_paragraphs == (7,)

    moved = agenda.move_item(db, item_id, 0)
    assert moved.undo is not None
    moved.undo(db)
    assert titles(db, sst.september)[3] == "DHR10"

    removed = agenda.remove_item(db, item_id)
    assert removed.undo is not None
    back = removed.undo(db)
    assert agenda.get_item(db, item_id).number == 4
    assert back.undo is not None
    back.undo(db)  # redo: off again
    assert "DHR10" not in titles(db, sst.september)

    assert added.undo is not None  # the first step, once the item is back
    removed.undo(db)
    added.undo(db)
    assert "DHR10" not in titles(db, sst.september)


def test_moving_an_item_names_the_minutes_whose_numbers_follow(db: Database) -> None:
    sst = make_sst(db)
    first = agenda.add_item(db, sst.september, "First").after
    second = agenda.add_item(db, sst.september, "Second").after
    assert first is not None and second is not None
    assert agenda.move_item(db, second.id, 0).changed == Changed.AGENDA  # no minutes yet
    with db.write() as session:
        session.add(Minute(meeting_id=sst.september, agenda_item_id=first.id, heading="FIRST", number=2))
    assert agenda.move_item(db, second.id, 1).changed == Changed.AGENDA | Changed.MINUTES


def test_removing_several_items_is_one_step_that_puts_each_back_at_its_number(db: Database) -> None:
    sst = make_sst(db)
    ids = [agenda.add_item(db, sst.september, t).after.id for t in ("One", "Two", "Three", "Four")]  # type: ignore[union-attr]
    removed = agenda.remove_items(db, [ids[0], ids[2]])
    assert titles(db, sst.september) == ["Two", "Four"]
    assert removed.undo is not None
    redo = removed.undo(db)
    assert titles(db, sst.september) == ["One", "Two", "Three", "Four"]
    assert [i.id for i in agenda.list_agenda_items(db, sst.september)] == ids
    assert redo.undo is not None
    redo.undo(db)
    assert titles(db, sst.september) == ["Two", "Four"]


def test_reordering_is_undone(db: Database) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    ids = [i.id for i in agenda.list_agenda_items(db, sst.september)]
    change = agenda.reorder_items(db, sst.september, list(reversed(ids)))
    assert change.undo is not None
    change.undo(db)
    assert [i.id for i in agenda.list_agenda_items(db, sst.september)] == ids


def test_a_removed_item_brings_back_its_reports_and_forward_plan_link(db: Database) -> None:
    sst = make_sst(db)
    plan = forward_plan.add_forward_plan_item(db, sst.committee_id, "Prevent Update").after
    assert plan is not None
    accepted = forward_plan.accept_into_agenda(db, plan.id, sst.september)
    assert accepted.changed == Changed.AGENDA | Changed.FORWARD_PLAN
    attachments.attach_pdf(db, accepted.item.id, pdf_bytes("Prevent"), "prevent.pdf")

    removed = agenda.remove_item(db, accepted.item.id)
    assert removed.changed == Changed.AGENDA | Changed.ATTACHMENTS | Changed.FORWARD_PLAN
    assert forward_plan.get_forward_plan_item(db, plan.id).status == ForwardPlanStatus.PENDING
    assert removed.undo is not None
    back = removed.undo(db)
    assert back.changed == Changed.AGENDA | Changed.ATTACHMENTS | Changed.FORWARD_PLAN
    assert forward_plan.get_forward_plan_item(db, plan.id).status == ForwardPlanStatus.SCHEDULED
    assert len(agenda.get_item(db, accepted.item.id).attachments) == 1


def test_accepting_from_the_forward_plan_is_undone(db: Database) -> None:
    sst = make_sst(db)
    plans = [
        forward_plan.add_forward_plan_item(db, sst.committee_id, t).after.id  # type: ignore[union-attr]
        for t in ("Prevent Update", "VAWG Strategy")
    ]
    accepted = forward_plan.accept_several(db, plans, sst.september)
    assert [r.title for r in accepted.value] == ["Prevent Update", "VAWG Strategy"]
    assert accepted.undo is not None
    redo = accepted.undo(db)
    assert titles(db, sst.september) == []
    assert {forward_plan.get_forward_plan_item(db, p).status for p in plans} == {ForwardPlanStatus.PENDING}
    assert redo.undo is not None
    redo.undo(db)
    assert titles(db, sst.september) == ["Prevent Update", "VAWG Strategy"]
    assert {forward_plan.get_forward_plan_item(db, p).status for p in plans} == {ForwardPlanStatus.SCHEDULED}


def test_create_agenda_with_what_was_offered_is_one_step(db: Database) -> None:
    sst = make_sst(db)
    standing_items.add_standing_item(db, sst.committee_id, "Prevent Update")
    actions.create_action(db, text="Share process", committee_id=sst.committee_id, meeting_id=sst.june)
    plan = forward_plan.add_forward_plan_item(
        db, sst.committee_id, "DHR chairs", ForwardPlanPatch(requested_on=date(2022, 6, 22))
    ).after
    assert plan is not None
    offer = agenda_offers.agenda_offer(db, sst.september)
    assert (offer.open_actions, [p.id for p in offer.plans]) == (1, [plan.id])

    made = agenda_offers.create_agenda(db, sst.september, matters_arising_item=True, plan_ids=[plan.id])
    expected = [
        "Apologies for Absence",
        "Declarations of Interest",
        "Minutes of Previous Meeting",
        "Action Log / Matters Arising",
        "Prevent Update",
        "DHR chairs",
        "Date of Next Meeting",
    ]
    assert [r.title for r in made.value] == expected == titles(db, sst.september)
    assert made.changed & (Changed.AGENDA | Changed.FORWARD_PLAN) == Changed.AGENDA | Changed.FORWARD_PLAN
    ids = [r.id for r in made.value]
    assert not agenda_offers.agenda_offer(db, sst.september)  # nothing left to offer

    assert made.undo is not None
    redo = made.undo(db)
    assert titles(db, sst.september) == []
    assert forward_plan.get_forward_plan_item(db, plan.id).status == ForwardPlanStatus.PENDING
    assert redo.undo is not None
    redo.undo(db)
    assert [i.id for i in agenda.list_agenda_items(db, sst.september)] == ids


def test_forward_plan_edits_are_undone(db: Database) -> None:
    sst = make_sst(db)
    added = forward_plan.add_forward_plan_item(
        db, sst.committee_id, "VAWG statement", ForwardPlanPatch(target_meeting_id=sst.december)
    )
    assert added.after is not None and added.changed == Changed.FORWARD_PLAN
    plan_id = added.after.id
    edited = forward_plan.update_forward_plan_item(db, plan_id, ForwardPlanPatch(target_meeting_id=None))
    dropped = forward_plan.drop_forward_plan_item(db, plan_id)
    assert dropped.undo is not None and edited.undo is not None and added.undo is not None
    dropped.undo(db)
    edited.undo(db)
    record = forward_plan.get_forward_plan_item(db, plan_id)
    assert (record.status, record.target_meeting_id) == (ForwardPlanStatus.PENDING, sst.december)
    redo = added.undo(db)
    assert forward_plan.list_forward_plan(db, sst.committee_id, include_closed=True) == []
    assert redo.undo is not None
    redo.undo(db)
    assert forward_plan.get_forward_plan_item(db, plan_id).title == "VAWG statement"


def test_reports_are_attached_renamed_and_removed_undoably(db: Database) -> None:
    sst = make_sst(db)
    item = agenda.add_item(db, sst.september, "Prevent Update").after
    assert item is not None
    attached = attachments.attach_pdf(db, item.id, pdf_bytes("one"), "prevent.pdf")
    assert attached.after is not None and attached.changed == Changed.ATTACHMENTS | Changed.AGENDA
    renamed = attachments.rename_attachment(db, attached.after.id, "Prevent report")
    assert renamed.undo is not None
    renamed.undo(db)
    assert attachments.get_attachment(db, attached.after.id).title == ""

    assert attached.undo is not None
    removed = attached.undo(db)
    assert attachments.list_attachments(db, item.id) == []
    assert agenda.get_item(db, item.id).report_status == ReportStatus.NONE
    assert removed.undo is not None
    removed.undo(db)
    assert [a.id for a in attachments.list_attachments(db, item.id)] == [attached.after.id]
    assert agenda.get_item(db, item.id).report_status == ReportStatus.ATTACHED


def test_standing_items_are_edited_moved_and_removed_undoably(db: Database) -> None:
    sst = make_sst(db)
    a = standing_items.add_standing_item(db, sst.committee_id, "Prevent Update").after
    b = standing_items.add_standing_item(db, sst.committee_id, "Youth Justice").after
    assert a is not None and b is not None
    paused = standing_items.update_standing_item(
        db, a.id, StandingItemPatch(active=False, kind=ItemKind.BRIEFING)
    )
    moved = standing_items.move_standing_item(db, b.id, 0)
    assert paused.undo is not None and moved.undo is not None
    moved.undo(db)
    paused.undo(db)
    listed = standing_items.list_standing_items(db, sst.committee_id)
    assert [(s.title, s.kind) for s in listed] == [
        ("Prevent Update", ItemKind.REPORT),
        ("Youth Justice", ItemKind.REPORT),
    ]

    removed = standing_items.remove_standing_item(db, a.id)
    assert removed.undo is not None
    removed.undo(db)
    assert [s.id for s in standing_items.list_standing_items(db, sst.committee_id)] == [a.id, b.id]
