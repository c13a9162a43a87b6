"""Dates as officers type them, read without a window."""

from __future__ import annotations

from datetime import date

import pytest

from sst_desktop.domain.dates import check_limits, date_text, parse_date_text

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    "typed",
    [
        "15/01/2027",
        "15/1/27",
        "15/1/2027",
        " 15 / 01 / 2027 ",
        "15-01-2027",
        "15.01.2027",
        "15 1 2027",
        "15012027",
        "150127",
        "15 Jan 2027",
        "15 jan 27",
        "15 January 2027",
        "15th January 2027",
        "15th of January, 2027",
        "15 Jan. 2027",
        "January 15, 2027",
        "Friday 15 January 2027",
        "Fri 15/01/2027",
        "2027-01-15",
        "2027/1/15",
    ],
)
def test_the_ways_a_date_is_typed(typed: str) -> None:
    assert parse_date_text(typed, today=TODAY) == date(2027, 1, 15)


def test_september_and_a_year_left_out() -> None:
    assert parse_date_text("8 Sept 2022", today=TODAY) == date(2022, 9, 8)
    assert parse_date_text("Thu 8 Sep 2022", today=TODAY) == date(2022, 9, 8)  # the meeting dialogs' form
    assert parse_date_text("15/1", today=TODAY) == date(2026, 1, 15)
    assert parse_date_text("15 Jan", today=TODAY) == date(2026, 1, 15)


def test_words_for_today_and_for_no_date() -> None:
    assert parse_date_text("today", today=TODAY) == TODAY
    assert parse_date_text("Tomorrow", today=TODAY) == date(2026, 3, 11)
    assert parse_date_text("yesterday", today=TODAY) == date(2026, 3, 9)
    for empty in ("", "   ", "No date", "none", "-"):
        assert parse_date_text(empty, today=TODAY) is None
    with pytest.raises(ValueError, match="A date is needed here"):
        parse_date_text("", required=True)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2027", "There is no 31 February 2027: February 2027 has 28 days."),
        ("29/02/2027", "There is no 29 February 2027"),
        ("31/04/2027", "April 2027 has 30 days"),
        ("01/15/2027", "there is no month 15. Type the day first: 15/01/2027."),
        ("15/13/2027", "there is no month 13."),
        ("0/1/2027", "There is no 0 January 2027"),
        ("No date5012027", "is not a date: type it like 15/01/2027 or 15 Jan 2027"),
        ("15 Janvier 2027", "is not a date"),
        ("15/01", None),
        ("15 Jan 2027 Jan", "is not a date"),
        ("1/2/3/4", "is not a date"),
        ("15/01/202", "write the year with two or four figures"),
        ("15/01/1027", "1027 is not a year this record can hold"),
        ("Monday 15 January 2027", "15 January 2027 is a Friday, not a Monday"),
        ("15/01/2027 <b>", "is not a date"),
        ("2027 Jan 15", "is not a date"),
    ],
)
def test_what_is_not_a_date_is_explained(typed: str, message: str | None) -> None:
    if message is None:  # a control: accepted
        assert parse_date_text(typed, today=TODAY) == date(2026, 1, 15)
        return
    with pytest.raises(ValueError) as raised:
        parse_date_text(typed, today=TODAY)
    assert message in str(raised.value)


def test_leap_day_and_unicode_digits() -> None:
    assert parse_date_text("29/02/2028") == date(2028, 2, 29)
    assert parse_date_text("١٥/٠١/٢٠٢٧") == date(2027, 1, 15)  # Arabic-Indic digits are digits


def test_shown_as_the_council_writes_it() -> None:
    assert date_text(date(2027, 1, 5)) == "05/01/2027"
    assert date_text(None) == ""
    assert parse_date_text(date_text(date(2027, 1, 5))) == date(2027, 1, 5)


def test_limits() -> None:
    check_limits(date(2027, 1, 15), date(2027, 1, 15), date(2027, 1, 15))
    with pytest.raises(ValueError, match="cannot be before 01/05/2022"):
        check_limits(date(2022, 4, 30), earliest=date(2022, 5, 1))
    with pytest.raises(ValueError, match="is in the future: the date cannot be after today"):
        check_limits(date.fromordinal(date.today().toordinal() + 1), latest=date.today())
    with pytest.raises(ValueError, match="cannot be after 31/12/2027"):
        check_limits(date(2028, 1, 1), latest=date(2027, 12, 31))
