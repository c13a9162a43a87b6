"""Minute numbers run on through the municipal year and stay right until the minutes are confirmed."""

from __future__ import annotations

from datetime import date

import pytest

from sst_desktop.domain import AgendaItem, Committee, Meeting, Minute
from sst_desktop.domain.enums import MeetingStatus, ProceduralRole
from sst_desktop.exports.minutes_copy import copy_minutes
from sst_desktop.services import minute_numbers, minutes
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.minute_numbers import municipal_year


def _committee(db, start_month: int = 5) -> int:  # type: ignore[no-untyped-def]
    with db.write() as session:
        committee = Committee(
            name="Safer Sefton Together", short_name="SST", municipal_year_start_month=start_month
        )
        session.add(committee)
        session.flush()
        return committee.id


def _meeting(db, committee_id: int, day: date, count: int, **extra) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    with db.write() as session:
        meeting = Meeting(committee_id=committee_id, date=day, **extra)
        session.add(meeting)
        session.flush()
        items = [AgendaItem(meeting_id=meeting.id, position=i, title=f"Item {i + 1}") for i in range(count)]
        session.add_all(items)
        session.flush()
        return meeting.id, [i.id for i in items]


def _numbers(db, meeting_id: int) -> list[int | None]:  # type: ignore[no-untyped-def]
    return [m.number for m in minutes.list_minutes(db, meeting_id)]


def _stored(db, meeting_id: int) -> list[int | None]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        rows = session.query(Minute).filter(Minute.meeting_id == meeting_id).order_by(Minute.position).all()
        return [m.number for m in rows]


@pytest.mark.parametrize(
    ("day", "month", "start", "end"),
    [
        (date(2022, 6, 22), 5, date(2022, 5, 1), date(2023, 4, 30)),
        (date(2022, 4, 30), 5, date(2021, 5, 1), date(2022, 4, 30)),
        (date(2022, 5, 1), 5, date(2022, 5, 1), date(2023, 4, 30)),
        (date(2022, 12, 31), 1, date(2022, 1, 1), date(2022, 12, 31)),
        (date(2023, 3, 1), 9, date(2022, 9, 1), date(2023, 8, 31)),
    ],
)
def test_municipal_year_bounds(day: date, month: int, start: date, end: date) -> None:
    year = municipal_year(day, month)
    assert (year.start, year.end) == (start, end)
    assert day in year


def test_september_continues_after_june(db) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee(db)
    june, _ = _meeting(db, committee_id, date(2022, 6, 22), 12)
    september, _ = _meeting(db, committee_id, date(2022, 9, 8), 9)
    assert _numbers(db, june) == []  # nothing created by reading
    minutes.open_minutes(db, june)
    minutes.open_minutes(db, september)
    assert _stored(db, june) == list(range(1, 13))
    assert _stored(db, september) == list(range(13, 22))


def test_new_municipal_year_starts_again_at_one(db) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee(db)
    march, _ = _meeting(db, committee_id, date(2022, 3, 17), 10)
    june, _ = _meeting(db, committee_id, date(2022, 6, 22), 3)
    minutes.open_minutes(db, march)
    minutes.open_minutes(db, june)
    assert _numbers(db, march) == list(range(1, 11))
    assert _numbers(db, june) == [1, 2, 3]


def test_committee_start_month_is_respected(db) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee(db, start_month=9)
    june, _ = _meeting(db, committee_id, date(2022, 6, 22), 4)
    september, _ = _meeting(db, committee_id, date(2022, 9, 8), 2)
    minutes.open_minutes(db, june)
    minutes.open_minutes(db, september)
    assert _numbers(db, september) == [1, 2]


def test_adding_removing_and_moving_items_renumbers_this_and_later_meetings(db) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee(db)
    june, june_items = _meeting(db, committee_id, date(2022, 6, 22), 3)
    september, _ = _meeting(db, committee_id, date(2022, 9, 8), 2)
    minutes.open_minutes(db, june)
    minutes.open_minutes(db, september)
    # An item added at the top of June's agenda (positions shift as the agenda service does it).
    with db.write() as session:
        for item in session.query(AgendaItem).filter(AgendaItem.meeting_id == june):
            item.position += 1
        session.add(AgendaItem(meeting_id=june, position=0, title="Urgent item"))
    listed = minutes.list_minutes(db, june)
    # Read-time numbers are right even before anything renumbered: the new item has no minute yet.
    assert [m.number for m in listed] == [2, 3, 4]
    assert _numbers(db, september) == [5, 6]
    records = minutes.open_minutes(db, june)
    assert next((m.number, m.heading) for m in records) == (1, "Urgent item")
    assert _stored(db, september) == [5, 6]
    # Remove an item: its empty minute goes, later numbers close up.
    with db.write() as session:
        session.delete(session.get(AgendaItem, june_items[1]))
    minute_numbers.renumber_meeting(db, june)
    records = minutes.open_minutes(db, june)
    assert [m.heading for m in records] == ["Urgent item", "Item 1", "Item 3"]
    assert [m.number for m in records] == [1, 2, 3]
    assert _stored(db, september) == [4, 5]
    # Reorder: numbers follow the agenda order.
    with db.write() as session:
        a, b = session.get(AgendaItem, june_items[0]), session.get(AgendaItem, june_items[2])
        a.position, b.position = b.position, a.position
    records = minutes.open_minutes(db, june)
    assert [(m.number, m.heading) for m in records] == [(1, "Urgent item"), (2, "Item 3"), (3, "Item 1")]


def test_removed_item_with_written_minute_keeps_its_minute(db) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee(db)
    june, items = _meeting(db, committee_id, date(2022, 6, 22), 3)
    records = minutes.open_minutes(db, june)
    minutes.set_text(db, records[1].id, "Discussion that must not be lost.")
    with db.write() as session:
        session.delete(session.get(AgendaItem, items[1]))
    records = minutes.open_minutes(db, june)
    assert [m.heading for m in records] == ["Item 1", "Item 2", "Item 3"]
    assert records[1].text == "Discussion that must not be lost."
    assert [m.number for m in records] == [1, 2, 3]


def test_confirmed_numbers_never_change(db) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee(db)
    june, _june_items = _meeting(db, committee_id, date(2022, 6, 22), 3)
    september, _ = _meeting(db, committee_id, date(2022, 9, 8), 0)
    with db.write() as session:
        session.add(
            AgendaItem(
                meeting_id=september,
                position=0,
                title="Minutes of Previous Meeting",
                procedural_role=ProceduralRole.PREVIOUS_MINUTES,
            )
        )
    minutes.open_minutes(db, june)
    sept = minutes.open_minutes(db, september)
    assert [m.number for m in sept] == [4]
    minutes.confirm_previous_minutes(db, sept[0].id, copy_minutes)
    # Someone changes June's agenda after confirmation (the agenda is not the record): numbers hold.
    with db.write() as session:
        session.add(AgendaItem(meeting_id=june, position=-1, title="Late addition"))
    minute_numbers.renumber_meeting(db, june)
    minutes.open_minutes(db, june)
    assert _stored(db, june) == [1, 2, 3]
    assert _numbers(db, june) == [1, 2, 3]
    assert [m.number for m in minutes.open_minutes(db, september)] == [4]


def test_cancelled_meetings_take_no_numbers(db) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee(db)
    _meeting(db, committee_id, date(2022, 6, 22), 3, status=MeetingStatus.CANCELLED)
    september, _ = _meeting(db, committee_id, date(2022, 9, 8), 2)
    assert _numbers(db, september) == []
    assert [m.number for m in minutes.open_minutes(db, september)] == [1, 2]


def test_agenda_service_edits_keep_stored_numbers_right(db) -> None:  # type: ignore[no-untyped-def]
    """The action log reads stored numbers: an agenda change must update them at once."""
    from sst_desktop.services import agenda

    committee_id = _committee(db)
    june, june_items = _meeting(db, committee_id, date(2022, 6, 22), 3)
    september, _ = _meeting(db, committee_id, date(2022, 9, 8), 2)
    minutes.open_minutes(db, june)
    minutes.open_minutes(db, september)
    assert _stored(db, september) == [4, 5]

    added = agenda.add_item(db, june, "Urgent item", position=0)
    assert _stored(db, september) == [5, 6]

    agenda.move_item(db, june_items[2], 0)
    with db.read() as session:
        first = session.query(Minute).filter(Minute.agenda_item_id == june_items[2]).one()
        assert first.number == 1

    agenda.remove_item(db, added.after.id)
    assert _stored(db, september) == [4, 5]


def test_first_minute_number_for_a_year_begun_elsewhere(db) -> None:  # type: ignore[no-untyped-def]
    committee_id = _committee(db)
    september, _ = _meeting(db, committee_id, date(2022, 9, 8), 2)
    december, _ = _meeting(db, committee_id, date(2022, 12, 8), 2)
    minutes.open_minutes(db, september)
    minutes.open_minutes(db, december)
    assert _stored(db, september) == [1, 2]

    minute_numbers.set_first_minute_number(db, september, 13)
    assert _stored(db, september) == [13, 14]
    assert _stored(db, december) == [15, 16]

    minute_numbers.set_first_minute_number(db, september, None)
    assert _stored(db, december) == [3, 4]
    with pytest.raises(ValidationError):
        minute_numbers.set_first_minute_number(db, september, 0)
