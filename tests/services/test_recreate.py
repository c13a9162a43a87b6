"""Redo after undo puts deleted meetings and forward-plan items back with their ids."""

from __future__ import annotations

from datetime import date

import pytest

from sst_desktop.domain.enums import ForwardPlanStatus, MeetingStatus
from sst_desktop.services import forward_plan, meetings
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.forward_plan import ForwardPlanPatch
from sst_desktop.storage.engine import Database
from tests.meeting_factory import make_sst


def test_recreated_meeting_keeps_its_id_and_details(db: Database) -> None:
    sst = make_sst(db)
    created = meetings.schedule_meeting(
        db, sst.committee_id, date(2023, 3, 9), venue="Bootle Town Hall", open_to_public=True
    ).after
    assert created is not None
    meetings.postpone_meeting(db, created.id, "Awaiting the strategy")
    removed = meetings.delete_meeting(db, created.id).before
    assert removed is not None

    back = meetings.recreate_meeting(db, removed).after

    assert back is not None and back.id == created.id
    assert (back.date, back.venue, back.status, back.status_reason) == (
        date(2023, 3, 9),
        "Bootle Town Hall",
        MeetingStatus.POSTPONED,
        "Awaiting the strategy",
    )
    assert meetings.get_meeting(db, created.id).open_to_public is True


def test_recreating_refuses_a_taken_date(db: Database) -> None:
    sst = make_sst(db)
    record = meetings.delete_meeting(db, sst.june).before  # not the highest id: it is not reused
    assert record is not None
    meetings.schedule_meeting(db, sst.committee_id, record.date)
    with pytest.raises(ValidationError, match="already has a meeting"):
        meetings.recreate_meeting(db, record)


def test_recreated_forward_plan_item_keeps_its_id(db: Database) -> None:
    sst = make_sst(db)
    added = forward_plan.add_forward_plan_item(
        db,
        sst.committee_id,
        "Recruiting DHR chairs",
        ForwardPlanPatch(target_meeting_id=sst.december, source_text="June"),
    ).after
    assert added is not None
    record = forward_plan.delete_forward_plan_item(db, added.id).before
    assert record is not None

    back = forward_plan.recreate_forward_plan_item(db, record).after

    assert back is not None and back.id == added.id
    assert (back.title, back.target_meeting_id, back.status) == (
        "Recruiting DHR chairs",
        sst.december,
        ForwardPlanStatus.PENDING,
    )
    with pytest.raises(ValidationError):
        forward_plan.recreate_forward_plan_item(db, record)
