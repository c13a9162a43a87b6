from __future__ import annotations

import time as clock
from datetime import UTC, date, datetime, time

import pytest

from sst_desktop.domain import Meeting
from sst_desktop.exports.calendar_ics import calendar_text, escape_text, export_calendar, fold
from sst_desktop.services import meetings
from sst_desktop.services.meetings import MeetingPatch
from tests.meeting_factory import make_sst

NOW = datetime(2022, 8, 1, 9, 30, tzinfo=UTC)


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def events(text: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            found.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return found


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def test_calendar_of_a_committee(db) -> None:
    sst = make_sst(db)
    meetings.cancel_meeting(db, sst.december, "Not quorate; moved to January, 2023")
    text = calendar_text(db, sst.committee_id, now=NOW)
    lines = unfold(text)
    assert lines[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//SST Desktop//Committee meetings//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert lines[-1] == "END:VCALENDAR"
    assert "BEGIN:VTIMEZONE" in lines and "TZID:Europe/London" in lines
    found = events(text)
    assert [e["UID"] for e in found] == [
        f"meeting-{i}@sst-desktop" for i in (sst.june, sst.september, sst.december)
    ]
    september = found[1]
    assert september["DTSTART;TZID=Europe/London"] == "20220908T100000"
    assert september["DTEND;TZID=Europe/London"] == "20220908T120000"
    assert september["SUMMARY"] == "Safer Sefton Together"
    assert september["LOCATION"] == "Remote Meeting - Microsoft Teams"
    assert september["STATUS"] == "CONFIRMED"
    assert september["DTSTAMP"] == "20220801T093000Z"
    assert found[0]["LOCATION"] == "Bootle Town Hall"
    december = found[2]
    assert december["STATUS"] == "CANCELLED"
    assert december["TRANSP"] == "TRANSPARENT" and september["TRANSP"] == "OPAQUE"
    assert december["SUMMARY"] == "Safer Sefton Together (CANCELLED)"
    assert "Not quorate\\; moved to January\\, 2023" in december["DESCRIPTION"]
    assert "This meeting has been cancelled: Not quorate; moved to January, 2023" in unescape(
        december["DESCRIPTION"]
    )


def test_lines_are_folded_at_75_octets_and_text_escaped(db) -> None:
    sst = make_sst(db)
    venue = "Neuadd y Dref, Ystafell ŵ; Bwrdd \\ Cyfarfod\n" + "Ελληνικά Кириллица 会议 🎉 " * 6
    with db.write() as session:  # (typed venues are one line now; one stored before may not be)
        session.get(Meeting, sst.september).venue = venue.strip()
    text = calendar_text(db, sst.committee_id, now=NOW)
    for physical in text.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
    september = events(text)[1]
    assert unescape(september["LOCATION"]) == venue.strip()
    assert (
        "\\;" in september["LOCATION"] and "\\," in september["LOCATION"] and "\\n" in september["LOCATION"]
    )
    assert fold("A" * 200).split("\r\n ")[0] == "A" * 75
    assert escape_text("a,b;c\\d\ne\x07") == "a\\,b\\;c\\\\d\\ne"


def test_uid_stays_and_sequence_grows_when_a_meeting_changes(db) -> None:
    sst = make_sst(db)
    before = events(calendar_text(db, sst.committee_id, now=NOW))[1]
    clock.sleep(1.1)
    meetings.move_meeting(db, sst.september, date(2022, 9, 15))
    after = events(calendar_text(db, sst.committee_id, now=NOW))[1]
    assert after["UID"] == before["UID"]
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after["DTSTART;TZID=Europe/London"] == "20220915T100000"


def test_meeting_without_a_time_is_an_all_day_event(db) -> None:
    sst = make_sst(db)
    meetings.update_meeting(db, sst.june, MeetingPatch(start_time=None))
    meetings.update_meeting(db, sst.september, MeetingPatch(start_time=time(23, 30)))
    found = events(calendar_text(db, sst.committee_id, now=NOW))
    assert found[0]["DTSTART;VALUE=DATE"] == "20220622"
    assert found[0]["DTEND;VALUE=DATE"] == "20220623"
    assert found[1]["DTEND;TZID=Europe/London"] == "20220909T013000"


def test_parses_with_an_independent_reader(db, tmp_path) -> None:
    icalendar = pytest.importorskip("icalendar")
    sst = make_sst(db)
    meetings.update_meeting(
        db, sst.september, MeetingPatch(remote_link="https://teams.example/meet?id=1&x=2")
    )
    meetings.postpone_meeting(db, sst.december, "Chair unavailable")
    result = export_calendar(db, sst.committee_id, tmp_path / "sst.ics", now=NOW)
    assert (result.events, result.cancelled) == (3, 1)
    calendar = icalendar.Calendar.from_ical(result.path.read_bytes())
    parsed = [c for c in calendar.walk("VEVENT")]
    assert [str(e["UID"]) for e in parsed] == [
        f"meeting-{i}@sst-desktop" for i in (sst.june, sst.september, sst.december)
    ]
    september = parsed[1]
    start = september.decoded("DTSTART")
    assert (start.year, start.month, start.day, start.hour) == (2022, 9, 8, 10)
    assert start.utcoffset().total_seconds() == 3600  # BST
    assert str(september["URL"]) == "https://teams.example/meet?id=1&x=2"
    assert str(parsed[2]["STATUS"]) == "CANCELLED"
    assert "Chair unavailable" in str(parsed[2]["DESCRIPTION"])
