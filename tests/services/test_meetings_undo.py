"""Every change to a meeting names the kinds it touched and takes itself back in one step, and the
step taken back puts it again (redo), without a window."""

from __future__ import annotations

from datetime import date, time

import pytest

from sst_desktop.domain.enums import MeetingStatus, ProceduralRole
from sst_desktop.services import agenda, meeting_series, meetings, minutes
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.meeting_series import SeriesRule
from sst_desktop.services.meetings import MeetingPatch
from sst_desktop.services.outcome import Changed
from sst_desktop.storage.engine import Database
from tests.meeting_factory import make_sst


def _next_meeting_text(db: Database, meeting_id: int) -> str:
    items = {i.procedural_role: i for i in agenda.list_agenda_items(db, meeting_id)}
    return items[ProceduralRole.NEXT_MEETING].description


def test_an_edit_is_undone_and_redone_field_by_field(db: Database) -> None:
    sst = make_sst(db)
    change = meetings.update_meeting(
        db, sst.september, MeetingPatch(venue="Bootle Town Hall", start_time=time(14, 30))
    )
    assert change.changed == Changed.MEETINGS
    meetings.update_meeting(db, sst.september, MeetingPatch(open_to_public=True))  # not in the patch

    assert change.undo is not None
    undone = change.undo(db)
    record = meetings.get_meeting(db, sst.september)
    assert (record.venue, record.start_time, record.open_to_public) == (
        "Remote Meeting - Microsoft Teams",
        time(10),
        True,
    )
    assert undone.undo is not None
    undone.undo(db)
    record = meetings.get_meeting(db, sst.september)
    assert (record.venue, record.start_time) == ("Bootle Town Hall", time(14, 30))


def test_moving_a_meeting_names_the_agendas_it_rewords_and_undo_puts_them_back(db: Database) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    moved = meetings.move_meeting(db, sst.december, date(2022, 12, 15), "Clash with Full Council")
    assert moved.changed == Changed.MEETINGS | Changed.AGENDA
    assert "15 December 2022" in _next_meeting_text(db, sst.september)

    assert moved.undo is not None
    back = moved.undo(db)
    record = meetings.get_meeting(db, sst.december)
    assert (record.date, record.status, record.status_reason) == (
        date(2022, 12, 8),
        MeetingStatus.SCHEDULED,
        "",
    )
    assert "8 December 2022" in _next_meeting_text(db, sst.september)
    assert back.changed == Changed.MEETINGS | Changed.AGENDA


def test_cancel_and_reinstate_are_undone(db: Database) -> None:
    sst = make_sst(db)
    cancelled = meetings.cancel_meeting(db, sst.december, "Not quorate")
    assert cancelled.undo is not None
    cancelled.undo(db)
    record = meetings.get_meeting(db, sst.december)
    assert (record.status, record.status_reason) == (MeetingStatus.SCHEDULED, "")


def test_scheduling_is_undone_and_redone_with_the_same_id(db: Database) -> None:
    sst = make_sst(db)
    made = meetings.schedule_meeting(db, sst.committee_id, date(2023, 3, 9))
    assert made.after is not None and made.changed & Changed.MEETINGS
    assert made.undo is not None
    removed = made.undo(db)
    with pytest.raises(NotFoundError):
        meetings.get_meeting(db, made.after.id)
    assert removed.undo is not None
    removed.undo(db)
    assert meetings.get_meeting(db, made.after.id).date == date(2023, 3, 9)


def test_undo_of_scheduling_never_takes_an_agenda_with_it(db: Database) -> None:
    sst = make_sst(db)
    made = meetings.schedule_meeting(db, sst.committee_id, date(2023, 3, 9))
    assert made.after is not None and made.undo is not None
    agenda.build_default_agenda(db, made.after.id)  # elsewhere, e.g. in another window

    with pytest.raises(ValidationError, match="holds 4 agenda items; cancel it instead"):
        made.undo(db)
    assert len(agenda.list_agenda_items(db, made.after.id)) == 4


def test_a_series_is_one_step_each_way(db: Database) -> None:
    sst = make_sst(db)
    rule = SeriesRule(weekday=3, ordinal=2, months=(3, 6, 9, 12))
    result = meeting_series.schedule_series(db, sst.committee_id, rule, date(2023, 1, 1), date(2023, 12, 31))
    ids = [m.id for m in result.created]
    assert len(ids) == 4 and result.changed & Changed.MEETINGS

    assert result.undo is not None
    removed = result.undo(db)
    assert [m.date.year for m in meetings.list_meetings(db, sst.committee_id)] == [2022, 2022, 2022]
    assert removed.undo is not None
    removed.undo(db)
    again = [m.id for m in meetings.list_meetings(db, sst.committee_id) if m.date.year == 2023]
    assert again == ids


def test_a_series_that_adds_nothing_has_nothing_to_undo(db: Database) -> None:
    sst = make_sst(db)
    rule = SeriesRule(weekday=3, ordinal=2, months=(9, 12))
    result = meeting_series.schedule_series(db, sst.committee_id, rule, date(2022, 9, 1), date(2022, 12, 31))
    assert result.created == () and len(result.skipped) == 2
    assert (result.changed, result.undo) == (Changed.NOTHING, None)


def test_first_minute_number_renumbers_and_is_undone(db: Database) -> None:
    sst = make_sst(db)
    agenda.build_default_agenda(db, sst.september)
    minutes.open_minutes(db, sst.september)
    change = meetings.set_first_minute_number(db, sst.september, 13)
    assert change.changed == Changed.MEETINGS | Changed.MINUTES
    assert change.after is not None and change.after.first_minute_number == 13
    assert minutes.list_minutes(db, sst.september)[0].number == 13

    assert change.undo is not None
    change.undo(db)
    assert meetings.get_meeting(db, sst.september).first_minute_number is None
    assert minutes.list_minutes(db, sst.september)[0].number == 1
