"""Small checks every service uses, so a rule is written once."""

from __future__ import annotations

import re

from sst_desktop.domain.plain_text import cleaned_parts
from sst_desktop.services.errors import ValidationError

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}$")


_CONTROL_NAMES = {"\t": "a tab", "\x00": "a NUL character", "\x1b": "an escape character"}


def checked_text(value: str | None, label: str, *, field: str = "", multiline: bool = False) -> str:
    """Typed text, cleaned as ``clean_text`` does, but the officer is told what changed: a line break
    in one-line text (a name, a venue, a title) is refused, and so is a control character (usually
    pasted with the text). The error carries the cleaned text as ``suggestion``, which the field then
    shows in place of what was typed, for the officer to check and save again."""
    if not value:
        return ""
    text, broken, replaced = cleaned_parts(value, multiline=multiline)
    if not text.strip():
        return ""  # nothing but blanks: as good as empty
    if broken and not multiline:
        raise ValidationError(
            f"{label} must be on one line, so it was not saved with a line break. The lines are now "
            "joined by a space: check and save again.",
            field=field,
            suggestion=text.strip(),
        )
    if replaced:
        names = sorted({_CONTROL_NAMES.get(ch, f"a control character (U+{ord(ch):04X})") for ch in replaced})
        raise ValidationError(
            f"{label} had {' and '.join(names)} in it, which a document cannot show (it often comes with "
            "pasted text), so it was not saved. It is now a space: check and save again.",
            field=field,
            suggestion=text.strip(),
        )
    return text.strip()


def as_text(value: object) -> str:
    """A field's value as text: nothing given is the empty text (a form sends None, a sheet a number)."""
    return "" if value is None else str(value)


def required(
    value: str | None, label: str, *, field: str = "", max_length: int | None = None, multiline: bool = False
) -> str:
    """Typed text that must not be empty (see ``checked_text``; one line unless ``multiline``)."""
    text = checked_text(value, label, field=field, multiline=multiline)
    if not text:
        raise ValidationError(f"{label} is required.", field=field)
    if max_length is not None and len(text) > max_length:
        raise ValidationError(
            f"{label} is too long ({len(text)} characters; at most {max_length}).", field=field
        )
    return text


def optional(
    value: str | None, label: str, *, field: str = "", max_length: int | None = None, multiline: bool = False
) -> str:
    """Typed text that may be empty (see ``checked_text``; one line unless ``multiline``)."""
    text = checked_text(value, label, field=field, multiline=multiline)
    if max_length is not None and len(text) > max_length:
        raise ValidationError(
            f"{label} is too long ({len(text)} characters; at most {max_length}).", field=field
        )
    return text


def email(value: str | None, *, field: str = "email") -> str:
    text = checked_text(value, "The email address", field=field)
    if text and not _EMAIL.match(text):
        raise ValidationError(f"“{text}” is not an email address (like name@sefton.gov.uk).", field=field)
    return text


def whole_number(value: object, label: str, *, field: str = "") -> int:
    """An id or count as forms and undo records pass it (an int or its digits); anything else is refused
    with a message rather than a traceback."""
    if isinstance(value, int | str):
        try:
            return int(value)
        except ValueError:
            pass
    raise ValidationError(f"{label} must be a whole number, not “{value}”.", field=field)


def optional_id(value: object, label: str, *, field: str = "") -> int | None:
    """A link to another row: None or "" for no link, else the row's id."""
    return None if value is None or value == "" else whole_number(value, label, field=field)




def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
