"""Dates as officers type them: 15/01/2027, 15/1/27, 15 Jan 2027, 15 January 2027, Thu 8 Sep 2022.

Every date box reads its text here, so each accepts the same forms and a refusal is explained the same
way. The day comes first, as in the UK; a month written as a word may come first ("January 15, 2027").
Two-digit years are 20xx. Nothing is guessed silently: 31/02/2027 or 01/15/2027 is refused with why.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

EXAMPLE = "15/01/2027 or 15 Jan 2027"
NO_DATE_WORDS = frozenset({"", "no date", "none", "-", "–", "—", "n/a"})
EARLIEST_YEAR, LATEST_YEAR = 1900, 2199

_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _MONTHS[calendar.month_name[_number].casefold()] = _number
    _MONTHS[calendar.month_abbr[_number].casefold()] = _number
_MONTHS["sept"] = 9
_WEEKDAYS: dict[str, int] = {}
for _number in range(7):
    _WEEKDAYS[calendar.day_name[_number].casefold()] = _number
    _WEEKDAYS[calendar.day_abbr[_number].casefold()] = _number
_WEEKDAYS.update({"tues": 1, "wed": 2, "weds": 2, "thur": 3, "thurs": 3})
_RELATIVE = {"today": 0, "tomorrow": 1, "yesterday": -1}
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_ALLOWED = re.compile(r"^[\w\s/.,\-]+$")


def date_text(value: date | None) -> str:
    """ "15/01/2027"; "" for no date. What a date box shows once a date is accepted."""
    return f"{value:%d/%m/%Y}" if value is not None else ""


def parse_date_text(text: str, *, today: date | None = None, required: bool = False) -> date | None:
    """The date ``text`` means; None for an empty box or "No date" (refused when ``required``).

    Raises ValueError with a sentence for the officer when the text is not a date.
    """
    shown = " ".join(text.split())
    cleaned = shown.casefold().rstrip(".")
    if cleaned in NO_DATE_WORDS:
        if required:
            raise ValueError(f"A date is needed here: type it like {EXAMPLE}.")
        return None
    today = today or date.today()
    if cleaned in _RELATIVE:
        return today + timedelta(days=_RELATIVE[cleaned])
    if not _ALLOWED.match(cleaned) or "_" in cleaned:
        raise _not_a_date(shown)
    tokens = re.findall(r"[^\W\d_]+|\d+", cleaned)
    weekday = _WEEKDAYS.get(tokens[0]) if tokens else None
    if weekday is not None:
        tokens = tokens[1:]
    tokens = [
        t
        for i, t in enumerate(tokens)
        if not (t in _ORDINAL_SUFFIXES and i > 0 and tokens[i - 1].isdigit()) and t != "of"
    ]
    day, month, year = _fields(shown, tokens, today)
    return _checked(shown, year, month, day, weekday)


def check_limits(value: date, earliest: date | None = None, latest: date | None = None) -> None:
    """Refuse (ValueError with a sentence) a date outside what a box allows."""
    if earliest is not None and value < earliest:
        raise ValueError(f"{date_text(value)} is too early: the date cannot be before {date_text(earliest)}.")
    if latest is not None and value > latest:
        if latest == date.today():
            raise ValueError(f"{date_text(value)} is in the future: the date cannot be after today.")
        raise ValueError(f"{date_text(value)} is too late: the date cannot be after {date_text(latest)}.")


def _fields(shown: str, tokens: list[str], today: date) -> tuple[int, int, int]:
    """(day, month, year) from the words and numbers typed, day first unless a month word leads."""
    words = [t for t in tokens if not t.isdigit()]
    if len(words) > 1 or (words and words[0] not in _MONTHS):
        raise _not_a_date(shown)
    if words:
        month = _MONTHS[words[0]]
        numbers = [t for t in tokens if t.isdigit()]
        if not 1 <= len(numbers) <= 2 or len(numbers[0]) > 2 or words[0] not in tokens[:2]:
            raise _not_a_date(shown)
        year = _year(shown, numbers[1]) if len(numbers) == 2 else today.year
        return int(numbers[0]), month, year
    if len(tokens) == 1 and len(tokens[0]) in (6, 8):  # 150127 or 15012027, typed without separators
        digits = tokens[0]
        tokens = [digits[:2], digits[2:4], digits[4:]]
    if len(tokens) == 3 and len(tokens[0]) == 4:  # 2027/01/15: the year first, as ISO has it
        tokens = tokens[::-1]
    if len(tokens) not in (2, 3) or len(tokens[0]) > 2 or len(tokens[1]) > 2:
        raise _not_a_date(shown)
    year = _year(shown, tokens[2]) if len(tokens) == 3 else today.year
    return int(tokens[0]), int(tokens[1]), year


def _year(shown: str, digits: str) -> int:
    if len(digits) == 2:
        return 2000 + int(digits)
    if len(digits) != 4:
        raise ValueError(f"“{shown}”: write the year with two or four figures (27 or 2027).")
    return int(digits)


def _checked(shown: str, year: int, month: int, day: int, weekday: int | None) -> date:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValueError(f"“{shown}”: {year} is not a year this record can hold; check the year.")
    if not 1 <= month <= 12:
        hint = f" Type the day first: {month:02d}/{day:02d}/{year}." if 1 <= day <= 12 < month <= 31 else ""
        raise ValueError(f"“{shown}”: there is no month {month}.{hint}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = f"{calendar.month_name[month]} {year}"
        raise ValueError(f"There is no {day} {name}: {name} has {last} days.")
    value = date(year, month, day)
    if weekday is not None and value.weekday() != weekday:
        raise ValueError(
            f"{value.day} {value:%B %Y} is a {value:%A}, not a {calendar.day_name[weekday]}; check the date."
        )
    return value


def _not_a_date(shown: str) -> ValueError:
    return ValueError(f"“{shown}” is not a date: type it like {EXAMPLE}.")
