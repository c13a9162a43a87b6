"""The minute of each item: created from the agenda, text, outcome, resolutions, quick phrases, references."""

from __future__ import annotations

from datetime import date

import pytest

from sst_desktop.domain import AgendaItem, ForwardPlanItem, Minute
from sst_desktop.domain.enums import ForwardPlanStatus, MinuteOutcome
from sst_desktop.services import minutes
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.minutes import QuickPhrase
from tests.minutes_data import build_committee_and_meetings


@pytest.fixture
def seed(db):  # type: ignore[no-untyped-def]
    return build_committee_and_meetings(db)


def test_minute_created_on_demand_from_its_agenda_item(db, seed) -> None:  # type: ignore[no-untyped-def]
    record = minutes.minute_for_item(db, seed.item_ids[5])
    assert record.heading == "OFSTED Report on links with Domestic Abuse"
    assert record.number == 6 and record.agenda_item_id == seed.item_ids[5]
    assert record.presenters == ("Risthardh Hare",)
    # Asking again gives the same minute; the whole meeting got its minutes in agenda order.
    assert minutes.minute_for_item(db, seed.item_ids[5]).id == record.id
    listed = minutes.list_minutes(db, seed.meeting_id)
    assert [m.number for m in listed] == list(range(1, 14))
    assert [m.heading for m in listed][:3] == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Minutes of Previous Meeting",
    ]
    with pytest.raises(NotFoundError):
        minutes.minute_for_item(db, 999_999)


def test_text_is_saved_as_typed_any_unicode(db, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.open_minutes(db, seed.meeting_id)[3]
    text = "Members <b>noted</b> & agreed 😀 مرحبا 你好\n\n=SUM(A1)  \x00trailing space "
    saved = minutes.set_text(db, minute.id, text)
    assert saved.minute_id == minute.id and saved.field == "text"
    stored = minutes.get_minute(db, minute.id)
    assert stored.text == text.replace("\x00", " ")  # a space: the words never run together
    minutes.set_public_summary(db, minute.id, "The Board considered an exempt report.")
    assert minutes.get_minute(db, minute.id).public_summary == "The Board considered an exempt report."
    with pytest.raises(NotFoundError):
        minutes.set_text(db, 999_999, "x")


def test_outcome_and_heading(db, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.open_minutes(db, seed.meeting_id)[9]
    change = minutes.set_outcome(db, minute.id, "deferred")
    assert change.before.outcome == MinuteOutcome.TAKEN and change.after.outcome == MinuteOutcome.DEFERRED
    assert (
        minutes.set_outcome(db, minute.id, MinuteOutcome.WITHDRAWN).after.outcome == MinuteOutcome.WITHDRAWN
    )
    with pytest.raises(ValidationError):
        minutes.set_outcome(db, minute.id, "postponed forever")
    assert minutes.set_heading(db, minute.id, "Unauthorised Encampments (PCSC Act)").after.heading.endswith(
        "Act)"
    )
    with pytest.raises(ValidationError):
        minutes.set_heading(db, minute.id, "   ")


def test_resolutions_add_update_remove_reorder(db, seed) -> None:  # type: ignore[no-untyped-def]
    minute = minutes.open_minutes(db, seed.meeting_id)[5]
    minutes.add_resolution(db, minute.id, "the report be noted")
    minutes.add_resolution(db, minute.id, "a Sefton Bid be developed")
    after = minutes.add_resolution(db, minute.id, "a report be submitted", position=1).after
    assert [r.text for r in after.resolutions] == [
        "the report be noted",
        "a report be submitted",
        "a Sefton Bid be developed",
    ]
    assert [r.position for r in after.resolutions] == [0, 1, 2]
    bid = after.resolutions[2]
    assert minutes.update_resolution(db, bid.id, "a Sefton Bid be developed & costed").after.resolutions[
        2
    ].text == ("a Sefton Bid be developed & costed")
    moved = minutes.move_resolution(db, bid.id, 0).after
    assert next(r.id for r in moved.resolutions) == bid.id
    order = [r.id for r in reversed(moved.resolutions)]
    assert [r.id for r in minutes.reorder_resolutions(db, minute.id, order).after.resolutions] == order
    with pytest.raises(ValidationError):
        minutes.reorder_resolutions(db, minute.id, order[:2])
    removed = minutes.remove_resolution(db, order[1]).after
    assert [r.id for r in removed.resolutions] == [order[0], order[2]]
    assert [r.position for r in removed.resolutions] == [0, 1]
    with pytest.raises(ValidationError):
        minutes.add_resolution(db, minute.id, "  ")


def test_quick_phrases(db, seed) -> None:  # type: ignore[no-untyped-def]
    listed = minutes.open_minutes(db, seed.meeting_id)
    youth = listed[6]
    options = minutes.quick_phrases(db, youth.id)
    texts = [o.text for o in options]
    assert "the report be noted" in texts and "the update be noted" in texts
    assert "Rosanna Stanley be thanked for their informative update" in texts
    assert "a further report be submitted to the next meeting" in texts
    minutes.insert_quick_phrase(db, youth.id, QuickPhrase.UPDATE_NOTED)
    minutes.insert_quick_phrase(db, youth.id, QuickPhrase.THANKED, presenter="Rosanna Stanley")
    after = minutes.insert_quick_phrase(db, youth.id, QuickPhrase.FURTHER_REPORT).after
    assert [r.text for r in after.resolutions] == [
        "the update be noted",
        "Rosanna Stanley be thanked for their informative update",
        "a further report be submitted to the next meeting",
    ]
    with db.read() as session:
        plan = session.query(ForwardPlanItem).filter(ForwardPlanItem.source_minute_id == youth.id).one()
        assert plan.title == "Youth Justice Service Update"
        assert plan.committee_id == seed.committee_id
        assert plan.requested_on == date(2022, 6, 22)
        assert plan.status == ForwardPlanStatus.PENDING
    # Procedural items offer their own phrases.
    previous_options = minutes.quick_phrases(db, listed[2].id)
    assert (
        previous_options[0].text
        == "the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record"
    )
    next_options = minutes.quick_phrases(db, listed[12].id)
    assert next_options[0].text == (
        "the next meeting be held on Thursday, 8 September 2022 at the Town Hall Bootle, commencing at 10.00 am"
    )
    with pytest.raises(ValidationError):
        minutes.insert_quick_phrase(db, youth.id, "shout")


def test_references_to_earlier_minutes(db, seed) -> None:  # type: ignore[no-untyped-def]
    earlier = minutes.open_minutes(db, seed.previous_id)
    june = minutes.open_minutes(db, seed.meeting_id)
    september = minutes.open_minutes(db, seed.next_id)  # no agenda yet: no minutes
    assert september == []
    candidates = minutes.reference_candidates(db, june[3].id)
    assert [(c.number, c.heading, c.meeting_date) for c in candidates] == [
        (1, "Apologies for Absence", date(2022, 3, 17))
    ]
    assert candidates[0].label == "Minute No. 1 — Apologies for Absence — 17 March 2022"
    assert minutes.reference_candidates(db, june[3].id, search="nothing like it") == []
    after = minutes.add_reference(db, june[3].id, earlier[0].id).after
    assert after.references[0].text == "Further to Minute No. 1 of the meeting held on 17 March 2022"
    # Adding the same reference twice keeps one.
    assert len(minutes.add_reference(db, june[3].id, earlier[0].id).after.references) == 1
    with pytest.raises(ValidationError):
        minutes.add_reference(db, june[3].id, june[4].id)  # same meeting: not earlier
    with pytest.raises(ValidationError):
        minutes.add_reference(db, earlier[0].id, june[3].id)  # later meeting
    removed = minutes.remove_reference(db, after.references[0].id).after
    assert removed.references == ()


def test_reference_sentence_wording() -> None:
    ref = minutes.ReferenceRecord(1, 2, 3, 29, "Project ADDER", 4, date(2017, 12, 11))
    assert ref.text == "Further to Minute No. 29 of the meeting held on 11 December 2017"
    other = minutes.ReferenceRecord(2, 2, 5, 4, "Prevent", 6, date(2018, 3, 1))
    assert minutes.reference_sentence([ref, other]) == (
        "Further to Minute No. 29 of the meeting held on 11 December 2017 "
        "and Minute No. 4 of the meeting held on 1 March 2018"
    )


def test_stored_numbers_match_listed_numbers(db, seed) -> None:  # type: ignore[no-untyped-def]
    listed = minutes.open_minutes(db, seed.meeting_id)
    with db.read() as session:
        stored = {m.id: m.number for m in session.query(Minute).filter(Minute.meeting_id == seed.meeting_id)}
        titles = [i.title for i in session.query(AgendaItem).filter(AgendaItem.meeting_id == seed.meeting_id)]
    assert {m.id: m.number for m in listed} == stored
    assert sorted(m.heading for m in listed) == sorted(titles)


def test_delete_and_restore_a_minute(db, seed) -> None:  # type: ignore[no-untyped-def]
    from sst_desktop.services import actions, agenda, forward_plan

    listed = minutes.open_minutes(db, seed.meeting_id)
    target = listed[10]
    minutes.set_text(db, target.id, "Bid explored.")
    minutes.add_resolution(db, target.id, "the possible submission of a bid be further explored")
    change, plan = minutes.insert_further_report(db, target.id)
    assert plan.source_minute_id == target.id and plan.title == "Project ADDER"
    assert change.after.resolutions[-1].text == "a further report be submitted to the next meeting"
    action = actions.create_action(db, minute_id=target.id, text="Explore a co-ordinated bid").after
    removed = minutes.delete_minute(db, target.id)
    assert actions.get_action(db, action.id).minute_id is None
    # With its minute gone the agenda service lets the item go too, and the numbers close up.
    removed_item = agenda.remove_item(db, seed.item_ids[10])
    after = minutes.list_minutes(db, seed.meeting_id)
    assert [m.number for m in after] == list(range(1, 13))
    assert "Project ADDER" not in [m.heading for m in after]
    # Undo both.
    agenda.restore_item(db, removed_item)
    restored = minutes.restore_minute(db, removed)
    assert restored.text == "Bid explored." and len(restored.resolutions) == 2
    assert restored.agenda_item_id == seed.item_ids[10]
    assert actions.get_action(db, action.id).minute_id == restored.id
    assert forward_plan.get_forward_plan_item(db, plan.id).source_minute_id == restored.id
    assert [m.number for m in minutes.list_minutes(db, seed.meeting_id)] == list(range(1, 14))
