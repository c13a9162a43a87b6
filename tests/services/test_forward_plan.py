from __future__ import annotations

from datetime import date

import pytest

from sst_desktop.domain import Minute
from sst_desktop.domain.enums import ForwardPlanStatus, ItemKind
from sst_desktop.services import agenda, forward_plan, standing_items
from sst_desktop.services.committees import CommitteePatch, create_committee
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.forward_plan import ForwardPlanPatch
from sst_desktop.services.meetings import schedule_meeting
from sst_desktop.services.standing_items import StandingItemPatch
from tests.meeting_factory import make_sst


def test_next_meeting_items_are_due_at_the_next_meeting_only_after_they_were_asked(db) -> None:
    sst = make_sst(db)
    with db.write() as session:
        minute = Minute(meeting_id=sst.june, heading="DOMESTIC HOMICIDE REVIEW (DHRS) UPDATE", number=4)
        session.add(minute)
        session.flush()
        minute_id = minute.id
    plan = forward_plan.add_forward_plan_item(
        db,
        sst.committee_id,
        "DHR Update",
        ForwardPlanPatch(
            presenters_text="Simon Burnett/Steve Martlew",
            source_minute_id=minute_id,
            source_text="a further report be submitted to the next meeting",
        ),
    ).after
    assert plan.requested_on == date(2022, 6, 22)
    assert plan.due_label == "Next meeting"
    assert plan.source_label == "Minute 4, 22 June 2022 — a further report be submitted to the next meeting"
    assert [p.id for p in forward_plan.items_due(db, sst.september)] == [plan.id]
    assert forward_plan.items_due(db, sst.june) == []


def test_target_meeting_and_carry_forward(db) -> None:
    sst = make_sst(db)
    dec = forward_plan.add_forward_plan_item(
        db, sst.committee_id, "Community Safety Strategy", ForwardPlanPatch(target_meeting_id=sst.december)
    ).after
    assert dec.due_label == "8 December 2022"
    assert forward_plan.items_due(db, sst.september) == []
    assert [p.id for p in forward_plan.items_due(db, sst.december)] == [dec.id]
    march = schedule_meeting(db, sst.committee_id, date(2023, 3, 9)).after
    # never taken in December: offered again in March
    assert [p.id for p in forward_plan.items_due(db, march.id)] == [dec.id]


def test_accept_into_agenda_then_remove_makes_it_pending_again(db) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    plan = forward_plan.add_forward_plan_item(
        db,
        sst.committee_id,
        "Serious Violence Duty",
        ForwardPlanPatch(
            description="Report on the duty", kind=ItemKind.REPORT, requested_on=date(2022, 6, 22)
        ),
    ).after
    accepted = forward_plan.accept_into_agenda(db, plan.id, sst.september)
    assert accepted.plan.after.status == ForwardPlanStatus.SCHEDULED
    assert accepted.plan.after.agenda_item_id == accepted.item.id
    assert accepted.plan.after.agenda_meeting_id == sst.september
    assert accepted.item.title == "Serious Violence Duty"
    assert accepted.item.number == 4
    assert accepted.item.forward_plan_item_id == plan.id
    assert agenda.list_agenda_items(db, sst.september)[-1].title == "Date of Next Meeting"
    assert forward_plan.items_due(db, sst.september) == []
    with pytest.raises(ValidationError, match="not waiting"):
        forward_plan.accept_into_agenda(db, plan.id, sst.september)
    with pytest.raises(ValidationError, match="on an agenda"):
        forward_plan.drop_forward_plan_item(db, plan.id)

    removed = agenda.remove_item(db, accepted.item.id)
    assert forward_plan.get_forward_plan_item(db, plan.id).status == ForwardPlanStatus.PENDING
    agenda.restore_item(db, removed)
    again = forward_plan.get_forward_plan_item(db, plan.id)
    assert again.status == ForwardPlanStatus.SCHEDULED
    assert again.agenda_item_id is not None


def test_list_update_drop_and_other_committee(db) -> None:
    sst = make_sst(db)
    other = create_committee(db, CommitteePatch(name="Overview and Scrutiny", short_name="OSC")).after
    other_meeting = schedule_meeting(db, other.id, date(2022, 9, 20)).after
    plan = forward_plan.add_forward_plan_item(db, sst.committee_id, "VAWG statement").after
    with pytest.raises(ValidationError, match="its own committee"):
        forward_plan.update_forward_plan_item(
            db, plan.id, ForwardPlanPatch(target_meeting_id=other_meeting.id)
        )
    with pytest.raises(ValidationError, match="another committee"):
        forward_plan.accept_into_agenda(db, plan.id, other_meeting.id)
    changed = forward_plan.update_forward_plan_item(
        db, plan.id, ForwardPlanPatch(title="VAWG Statement / Strategy")
    ).after
    assert changed.title == "VAWG Statement / Strategy"
    dropped = forward_plan.drop_forward_plan_item(db, plan.id)
    assert dropped.after.status == ForwardPlanStatus.DROPPED
    assert forward_plan.list_forward_plan(db, sst.committee_id) == []
    assert len(forward_plan.list_forward_plan(db, sst.committee_id, include_closed=True)) == 1
    dropped.undo(db)
    assert forward_plan.list_forward_plan(db, sst.committee_id)[0].status == ForwardPlanStatus.PENDING
    with pytest.raises(ValidationError, match="title is required"):
        forward_plan.add_forward_plan_item(db, sst.committee_id, "")


def test_standing_items_crud_and_order(db) -> None:
    sst = make_sst(db)
    a = standing_items.add_standing_item(db, sst.committee_id, "Prevent Update").after
    b = standing_items.add_standing_item(db, sst.committee_id, "Action Log", kind="action_log").after
    assert [s.title for s in standing_items.list_standing_items(db, sst.committee_id)] == [
        "Prevent Update",
        "Action Log",
    ]
    standing_items.move_standing_item(db, b.id, 0)
    assert [s.id for s in standing_items.list_standing_items(db, sst.committee_id)] == [b.id, a.id]
    standing_items.update_standing_item(db, a.id, StandingItemPatch(active=False))
    assert [s.id for s in standing_items.list_standing_items(db, sst.committee_id)] == [b.id]
    agenda.build_default_agenda(db, sst.september)
    assert "Prevent Update" not in [i.title for i in agenda.list_agenda_items(db, sst.september)]
    removed = standing_items.remove_standing_item(db, b.id)
    assert standing_items.list_standing_items(db, sst.committee_id, include_inactive=True)[0].id == a.id
    # the agenda item made from it stays
    assert "Action Log" in [i.title for i in agenda.list_agenda_items(db, sst.september)]
    removed.undo(db)
    assert [
        s.id for s in standing_items.list_standing_items(db, sst.committee_id, include_inactive=True)
    ] == [
        b.id,
        a.id,
    ]
