from __future__ import annotations

from datetime import date, time

import pytest

from sst_desktop.domain.enums import MeetingStatus, ProceduralRole
from sst_desktop.domain.meeting_texts import clock, long_date, next_meeting_text, ordinal
from sst_desktop.services import agenda, meeting_series, meetings
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.committees import CommitteePatch, create_committee
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.meeting_series import SeriesRule
from sst_desktop.services.meetings import MeetingPatch
from tests.meeting_factory import make_sst


def test_house_wording_of_dates_and_times() -> None:
    assert long_date(date(2022, 9, 8)) == "Thursday 8th September, 2022"
    assert long_date(date(2022, 6, 22)) == "Wednesday 22nd June, 2022"
    assert [ordinal(d) for d in (1, 2, 3, 4, 11, 12, 13, 21, 23, 31)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "23rd", "31st",
    ]  # fmt: skip
    assert clock(time(10, 0)) == "10.00 am"
    assert clock(time(14, 30)) == "2.30 pm"
    assert clock(time(12, 0)) == "12.00 noon"
    assert clock(None) == ""
    assert (
        next_meeting_text(date(2022, 12, 8), time(10), "Remote Meeting - Microsoft Teams")
        == "The next meeting will be held on Thursday, 8 December 2022 (Remote Meeting - Microsoft Teams), "
        "commencing at 10.00 am."
    )
    assert (
        next_meeting_text(date(2022, 9, 8), time(10), "Bootle Town Hall")
        == "The next meeting will be held on Thursday, 8 September 2022 at Bootle Town Hall, commencing at 10.00 am."
    )


def test_schedule_uses_committee_defaults_and_refuses_a_second_meeting_that_day(db) -> None:
    sst = make_sst(db)
    record = meetings.get_meeting(db, sst.september)
    assert record.start_time == time(10, 0)
    assert record.venue == "Remote Meeting - Microsoft Teams"
    assert record.open_to_public is False
    assert record.status == MeetingStatus.SCHEDULED
    assert meetings.meeting_ref(record) == "SST@2022-09-08"
    with pytest.raises(ValidationError, match="already has a meeting on 8 September 2022"):
        meetings.schedule_meeting(db, sst.committee_id, date(2022, 9, 8))


def test_find_meeting_by_id_and_reference(db) -> None:
    sst = make_sst(db)
    assert meetings.find_meeting(db, "SST@2022-09-08").id == sst.september
    assert meetings.find_meeting(db, "sst@2022-09-08").id == sst.september
    assert meetings.find_meeting(db, str(sst.june)).date == date(2022, 6, 22)
    with pytest.raises(NotFoundError, match="has no meeting on 9 September 2022"):
        meetings.find_meeting(db, "SST@2022-09-09")
    with pytest.raises(NotFoundError, match="no committee with the short name “XYZ”"):
        meetings.find_meeting(db, "XYZ@2022-09-08")
    with pytest.raises(NotFoundError, match="YYYY-MM-DD"):
        meetings.find_meeting(db, "SST@8/9/2022")
    with pytest.raises(NotFoundError, match="SHORTNAME@YYYY-MM-DD"):
        meetings.find_meeting(db, "September")
    with pytest.raises(NotFoundError, match="no meeting with id 999"):
        meetings.find_meeting(db, "999")


def test_quarterly_series_second_thursday(db) -> None:
    committee = create_committee(
        db, CommitteePatch(name="Board", short_name="B", default_start_time=time(14))
    ).after
    rule = SeriesRule(weekday=3, ordinal=2, months=(3, 6, 9, 12))
    assert rule.dates(date(2023, 1, 1), date(2023, 12, 31)) == [
        date(2023, 3, 9),
        date(2023, 6, 8),
        date(2023, 9, 14),
        date(2023, 12, 14),
    ]
    meetings.schedule_meeting(db, committee.id, date(2023, 6, 8))
    result = meeting_series.schedule_series(db, committee.id, rule, date(2023, 1, 1), date(2023, 12, 31))
    assert [m.date for m in result.created] == [date(2023, 3, 9), date(2023, 9, 14), date(2023, 12, 14)]
    assert result.skipped == (date(2023, 6, 8),)
    assert all(m.start_time == time(14) for m in result.created)
    assert len(meetings.list_meetings(db, committee.id)) == 4


def test_last_weekday_rule_and_bad_rules() -> None:
    assert SeriesRule(weekday=0, ordinal=-1, months=(5,)).dates(date(2024, 1, 1), date(2024, 12, 31)) == [
        date(2024, 5, 27)
    ]
    with pytest.raises(ValidationError):
        SeriesRule(weekday=7, ordinal=1, months=(1,))
    with pytest.raises(ValidationError):
        SeriesRule(weekday=1, ordinal=5, months=(1,))
    with pytest.raises(ValidationError):
        SeriesRule(weekday=1, ordinal=1, months=())


def test_upcoming_and_past(db) -> None:
    sst = make_sst(db)
    today = date(2022, 9, 8)
    upcoming = meetings.list_meetings(db, sst.committee_id, when="upcoming", today=today)
    past = meetings.list_meetings(db, sst.committee_id, when="past", today=today)
    assert [m.id for m in upcoming] == [sst.september, sst.december]
    assert [m.id for m in past] == [sst.june]


def test_cancel_postpone_move_and_neighbours(db) -> None:
    sst = make_sst(db)
    assert meetings.previous_meeting(db, sst.september).id == sst.june
    assert meetings.next_meeting(db, sst.september).id == sst.december
    with pytest.raises(ValidationError, match="Say why"):
        meetings.cancel_meeting(db, sst.december, "  ")
    change = meetings.cancel_meeting(db, sst.december, "Not quorate")
    assert change.before.status == MeetingStatus.SCHEDULED
    assert change.after.status == MeetingStatus.CANCELLED
    assert change.after.status_reason == "Not quorate"
    assert meetings.next_meeting(db, sst.september) is None
    change.undo(db)
    assert meetings.get_meeting(db, sst.december).status == MeetingStatus.SCHEDULED

    postponed = meetings.postpone_meeting(db, sst.december, "Chair unavailable").after
    assert postponed.status == MeetingStatus.POSTPONED
    moved = meetings.move_meeting(db, sst.december, date(2022, 12, 15)).after
    assert moved.date == date(2022, 12, 15)
    assert moved.status == MeetingStatus.SCHEDULED
    assert moved.status_reason == "Moved from 8 December 2022."
    with pytest.raises(ValidationError, match="already has a meeting"):
        meetings.move_meeting(db, sst.december, date(2022, 9, 8))

    meetings.mark_held(db, sst.june)
    with pytest.raises(ValidationError, match="has been held"):
        meetings.cancel_meeting(db, sst.june, "too late")
    assert meetings.previous_meeting(db, sst.september).id == sst.june


def test_moving_meetings_rewords_builder_texts_but_not_typed_ones(db) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, sst.september)}
    assert items[ProceduralRole.NEXT_MEETING].description.startswith(
        "The next meeting will be held on Thursday, 8 December 2022"
    )
    meetings.move_meeting(db, sst.december, date(2022, 12, 15))
    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, sst.september)}
    assert "Thursday, 15 December 2022" in items[ProceduralRole.NEXT_MEETING].description
    meetings.cancel_meeting(db, sst.june, "Storm")
    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, sst.september)}
    assert items[ProceduralRole.PREVIOUS_MINUTES].description.startswith("There is no previous meeting")

    agenda.update_item(
        db, items[ProceduralRole.NEXT_MEETING].id, AgendaItemPatch(description="To be agreed at the meeting.")
    )
    meetings.move_meeting(db, sst.december, date(2022, 12, 8))
    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, sst.september)}
    assert items[ProceduralRole.NEXT_MEETING].description == "To be agreed at the meeting."


def test_update_meeting_validates(db) -> None:
    sst = make_sst(db)
    with pytest.raises(TypeError, match="colour"):  # an unknown field is refused by the patch's type
        meetings.update_meeting(db, sst.june, MeetingPatch(colour="red"))  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="time of day"):
        meetings.update_meeting(db, sst.june, MeetingPatch(start_time="ten"))
    change = meetings.update_meeting(
        db,
        sst.june,
        MeetingPatch(venue="Bootle Town Hall <Room 1> & Annexe", remote_link="https://teams.example/x"),
    )
    assert change.after.venue == "Bootle Town Hall <Room 1> & Annexe"
    assert change.after.updated_at >= change.before.updated_at


def test_delete_meeting_for_undo_of_scheduling(db) -> None:
    sst = make_sst(db)
    created = meetings.schedule_meeting(db, sst.committee_id, date(2023, 3, 9)).after
    meetings.delete_meeting(db, created.id)
    with pytest.raises(NotFoundError):
        meetings.get_meeting(db, created.id)


def test_typed_wording_of_procedural_items_survives_an_unrelated_meeting_update(db) -> None:
    """The officer's own text is kept even where it reads like the builder's; the builder's text still
    follows the meetings it names."""
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, sst.september)}
    typed_next = "The next meeting will be held on Thursday, 8 December 2022, commencing at 10:00 am."
    typed_minutes = "Minutes of the meeting held on 22 June 2022 (attached)"
    agenda.update_item(db, items[ProceduralRole.NEXT_MEETING].id, AgendaItemPatch(description=typed_next))
    agenda.update_item(
        db, items[ProceduralRole.PREVIOUS_MINUTES].id, AgendaItemPatch(description=typed_minutes)
    )

    meetings.update_meeting(
        db, sst.september, MeetingPatch(open_to_public=True)
    )  # nothing to do with either text
    meetings.update_meeting(db, sst.december, MeetingPatch(venue="Bootle Town Hall"))
    meetings.move_meeting(db, sst.june, date(2022, 6, 23))

    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, sst.september)}
    assert items[ProceduralRole.NEXT_MEETING].description == typed_next
    assert items[ProceduralRole.PREVIOUS_MINUTES].description == typed_minutes

    # The builder's own wording, put back, follows the meetings again.
    agenda.update_item(
        db,
        items[ProceduralRole.NEXT_MEETING].id,
        AgendaItemPatch(description=next_meeting_text(date(2022, 12, 8), time(10), "Bootle Town Hall")),
    )
    meetings.update_meeting(db, sst.december, MeetingPatch(venue="Southport Town Hall"))
    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, sst.september)}
    assert items[ProceduralRole.NEXT_MEETING].description == (
        "The next meeting will be held on Thursday, 8 December 2022 at Southport Town Hall, "
        "commencing at 10.00 am."
    )
