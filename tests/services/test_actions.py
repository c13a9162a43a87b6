"""Actions and recommendations: references, status rules, progress updates, the confirmed-minutes guard."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sst_desktop.domain import Committee, Meeting, Minute, Organisation, Person
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.services import actions
from sst_desktop.services.actions import ActionPatch
from sst_desktop.services.errors import ConfirmedMinutesError, NotFoundError, ValidationError
from sst_desktop.storage.engine import Database


@pytest.fixture
def world(db: Database) -> dict[str, int]:
    with db.write() as s:
        police = Organisation(name="Merseyside Police")
        council = Organisation(name="Sefton Council")
        s.add_all([police, council])
        s.flush()
        dawn = Person(
            title="Superintendent", first_name="Dawn", last_name="McNally", organisation_id=police.id
        )
        s.add(dawn)
        sst = Committee(name="Safer Sefton Together", short_name="SST")
        other = Committee(name="Overview and Scrutiny Committee", short_name="O&S")
        s.add_all([sst, other])
        s.flush()
        june = Meeting(committee_id=sst.id, date=date(2022, 6, 22))
        sept = Meeting(committee_id=sst.id, date=date(2022, 9, 8))
        march = Meeting(committee_id=sst.id, date=date(2023, 3, 9))
        s.add_all([june, sept, march])
        s.flush()
        m5 = Minute(meeting_id=june.id, number=5, position=5, heading="PREVENT UPDATE")
        m6 = Minute(meeting_id=june.id, number=6, position=6, heading="SERIOUS VIOLENCE DUTY")
        m14 = Minute(meeting_id=sept.id, number=14, position=2, heading="ANTI-SOCIAL BEHAVIOUR")
        s.add_all([m5, m6, m14])
        s.flush()
        return {
            "police": police.id,
            "council": council.id,
            "dawn": dawn.id,
            "sst": sst.id,
            "other": other.id,
            "june": june.id,
            "sept": sept.id,
            "march": march.id,
            "m5": m5.id,
            "m6": m6.id,
            "m14": m14.id,
        }


def confirm(db: Database, meeting_id: int) -> None:
    with db.write() as s:
        s.get(Meeting, meeting_id).minutes_confirmed_at = datetime(2022, 9, 8, 11, 0)


def test_create_from_a_minute_fills_committee_meeting_and_owner_organisation(db, world) -> None:
    created = actions.create_action(
        db,
        minute_id=world["m5"],
        text="Circulate the Prevent referral figures",
        owner_person_id=world["dawn"],
    ).after
    assert created is not None
    assert created.reference == "SST/2022/001"
    assert created.committee_id == world["sst"]
    assert created.committee_short_name == "SST"
    assert created.meeting_id == world["june"]
    assert created.meeting_date == date(2022, 6, 22)
    assert created.minute_number == 5
    assert created.owner == "Dawn McNally"
    assert created.organisation_name == "Merseyside Police"
    assert created.status is ActionStatus.OPEN
    assert created.kind is ActionKind.ACTION


def test_references_run_per_committee_and_year_and_stay_unique(db, world) -> None:
    refs = [
        actions.create_action(db, minute_id=world["m5"], text="one").after.reference,
        actions.create_action(db, minute_id=world["m14"], text="two").after.reference,
        actions.create_action(db, meeting_id=world["march"], text="three").after.reference,
        actions.create_action(db, committee_id=world["other"], text="four").after.reference,
    ]
    assert refs[:3] == ["SST/2022/001", "SST/2022/002", "SST/2023/001"]
    assert refs[3] == f"O&S/{date.today().year}/001"
    # a deleted action's number is not reused while a later one exists
    first = actions.find_action(db, "sst/2022/001")
    actions.delete_action(db, first.id)
    assert actions.create_action(db, minute_id=world["m5"], text="five").after.reference == "SST/2022/003"
    with pytest.raises(ValidationError, match="already has the reference"):
        actions.create_action(db, committee_id=world["sst"], text="x", reference="SST/2022/002")


def test_text_is_required_and_cleaned(db, world) -> None:
    with pytest.raises(ValidationError, match="action is required"):
        actions.create_action(db, minute_id=world["m5"], text="  \x00 ")
    with pytest.raises(ValidationError, match="control character") as refused:
        actions.create_action(db, minute_id=world["m5"], text="  =SUM(A1) café\x07中文 <b>& ")
    assert refused.value.suggestion == "=SUM(A1) café 中文 <b>&"  # a space, never words run together
    made = actions.create_action(db, minute_id=world["m5"], text=refused.value.suggestion).after
    assert made.text == "=SUM(A1) café 中文 <b>&"


def test_unknown_committee_meeting_person_are_refused(db, world) -> None:
    with pytest.raises(ValidationError, match="belongs to a committee"):
        actions.create_action(db, text="x")
    with pytest.raises(NotFoundError):
        actions.create_action(db, meeting_id=9999, text="x")
    with pytest.raises(NotFoundError):
        actions.create_action(db, minute_id=world["m5"], text="x", owner_person_id=9999)
    with pytest.raises(ValidationError, match="another committee"):
        actions.create_action(db, meeting_id=world["june"], committee_id=world["other"], text="x")


def test_completed_carries_a_date_today_by_default_and_reopening_clears_it(db, world) -> None:
    action = actions.create_action(db, minute_id=world["m5"], text="x").after
    done = actions.set_status(db, action.id, ActionStatus.COMPLETED).after
    assert done.status is ActionStatus.COMPLETED
    assert done.completed_on == date.today()
    done = actions.set_status(db, action.id, "completed", date(2022, 7, 1)).after
    assert done.completed_on == date(2022, 7, 1)
    # setting completed again keeps the date it was done
    again = actions.set_status(db, action.id, "Completed").after
    assert again.completed_on == date(2022, 7, 1)
    reopened = actions.set_status(db, action.id, "In progress").after
    assert reopened.status is ActionStatus.IN_PROGRESS
    assert reopened.completed_on is None
    with pytest.raises(ValidationError, match="future"):
        actions.set_status(db, action.id, "completed", date.today() + timedelta(days=1))
    with pytest.raises(ValidationError, match="not a status"):
        actions.set_status(db, action.id, "finished")
    closed = actions.set_status(db, action.id, ActionStatus.CLOSED).after
    assert closed.status.label == "Closed without action"


def test_overdue_is_derived_from_due_date_and_status(db, world) -> None:
    past = date.today() - timedelta(days=3)
    action = actions.create_action(db, minute_id=world["m5"], text="x", due_date=past).after
    assert action.is_overdue
    assert not action.overdue_on(past)
    future = actions.update_action(
        db, action.id, ActionPatch(due_date=date.today() + timedelta(days=3))
    ).after
    assert not future.is_overdue
    back = actions.update_action(db, action.id, ActionPatch(due_date=past)).after
    assert back.is_overdue
    assert not actions.set_status(db, action.id, "completed").after.is_overdue
    no_date = actions.create_action(db, minute_id=world["m5"], text="y", due_next_meeting=True).after
    assert not no_date.is_overdue and no_date.due_next_meeting


def test_updates_are_dated_listed_in_order_and_latest_is_on_the_record(db, world) -> None:
    action = actions.create_action(db, minute_id=world["m5"], text="x").after
    stamp = action.updated_at
    actions.add_update(db, action.id, "Second visit booked", on=date(2022, 8, 1), author="JW")
    actions.add_update(db, action.id, "First contact made", on=date(2022, 7, 1))
    today = actions.add_update(db, action.id, "Report drafted — ✓").value
    assert today.on == date.today()
    history = actions.list_updates(db, action.id)
    assert [u.text for u in history] == ["First contact made", "Second visit booked", "Report drafted — ✓"]
    record = actions.get_action(db, action.id)
    assert record.latest_update_text == "Report drafted — ✓"
    assert record.latest_update_on == date.today()
    assert record.updated_at > stamp
    with pytest.raises(ValidationError, match="update is required"):
        actions.add_update(db, action.id, "   ")
    actions.delete_update(db, today.id)
    assert actions.get_action(db, action.id).latest_update_text == "Second visit booked"
    with pytest.raises(NotFoundError):
        actions.list_updates(db, 424242)


def test_confirmed_minutes_freeze_wording_and_owner_but_not_progress(db, world) -> None:
    action = actions.create_action(db, minute_id=world["m5"], text="Original wording").after
    confirm(db, world["june"])
    with pytest.raises(ConfirmedMinutesError):
        actions.update_action(db, action.id, ActionPatch(text="New wording"))
    with pytest.raises(ConfirmedMinutesError):
        actions.update_action(db, action.id, ActionPatch(owner_person_id=world["dawn"]))
    with pytest.raises(ConfirmedMinutesError):
        actions.create_action(db, minute_id=world["m6"], text="late addition")
    with pytest.raises(ConfirmedMinutesError):
        actions.delete_action(db, action.id)
    # the same wording is not a change
    assert (
        actions.update_action(db, action.id, ActionPatch(text="Original wording")).after.text
        == "Original wording"
    )
    moved = actions.update_action(
        db, action.id, ActionPatch(status=ActionStatus.IN_PROGRESS, due_date=date(2022, 12, 1))
    ).after
    assert moved.status is ActionStatus.IN_PROGRESS and moved.due_date == date(2022, 12, 1)
    actions.add_update(db, action.id, "Still allowed")
    assert actions.get_action(db, action.id).text == "Original wording"


def test_update_returns_before_and_after_and_rejects_unknown_fields(db, world) -> None:
    action = actions.create_action(
        db, minute_id=world["m5"], text="x", owner_text="Community Safety Team"
    ).after
    change = actions.update_action(db, action.id, ActionPatch(text="y", organisation_id=world["council"]))
    assert change.before.text == "x" and change.after.text == "y"
    assert change.after.organisation_name == "Sefton Council"
    assert change.after.owner == "Community Safety Team"
    with pytest.raises(TypeError, match="reference"):  # not a field an edit can set
        actions.update_action(db, action.id, ActionPatch(reference="SST/1"))  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="must be a date"):
        actions.update_action(db, action.id, ActionPatch(due_date="2022-01-01"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="whole number") as caught:
        actions.update_action(db, action.id, ActionPatch(owner_person_id="Dawn McNally"))  # type: ignore[arg-type]
    assert caught.value.field == "owner_person_id"
    assert actions.get_action(db, action.id).text == "y"


def test_lists_for_minute_meeting_and_open_actions_for_matters_arising(db, world) -> None:
    a = actions.create_action(db, minute_id=world["m6"], text="a").after
    b = actions.create_action(db, minute_id=world["m5"], text="b").after
    c = actions.create_action(db, minute_id=world["m5"], text="c").after
    d = actions.create_action(db, minute_id=world["m14"], text="d").after
    actions.create_action(db, committee_id=world["other"], text="elsewhere")
    assert [r.id for r in actions.list_actions_for_minute(db, world["m5"])] == [b.id, c.id]
    assert [r.id for r in actions.list_actions_for_meeting(db, world["june"])] == [b.id, c.id, a.id]
    actions.set_status(db, c.id, "completed")
    open_before_sept = actions.open_actions_for_committee(db, world["sst"], as_of=date(2022, 9, 8))
    assert [r.id for r in open_before_sept] == [b.id, a.id]
    everything_open = actions.open_actions_for_committee(db, world["sst"])
    assert [r.id for r in everything_open] == [b.id, a.id, d.id]


def test_recommendations_carry_a_response_and_are_signed_off(db, world) -> None:
    rec = actions.create_action(
        db,
        committee_id=world["other"],
        kind=ActionKind.RECOMMENDATION,
        text="That the Council adopts a peer review programme",
        response="Accepted: a programme will be agreed by March.",
    ).after
    actions.create_action(db, committee_id=world["other"], text="an ordinary action")
    assert rec.is_recommendation and not rec.signed_off
    listed = actions.list_recommendations(db, world["other"])
    assert [r.id for r in listed] == [rec.id]
    assert listed[0].response.startswith("Accepted")
    signed = actions.sign_off(db, rec.id, date(2023, 1, 5)).after
    assert signed.signed_off and signed.completed_on == date(2023, 1, 5)


def test_parse_status_accepts_values_and_labels() -> None:
    assert actions.parse_status("in_progress") is ActionStatus.IN_PROGRESS
    assert actions.parse_status(" In  Progress ") is ActionStatus.IN_PROGRESS
    assert actions.parse_status("closed without action") is ActionStatus.CLOSED
    with pytest.raises(ValidationError):
        actions.parse_status("")
