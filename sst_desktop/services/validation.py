"""Small checks every service uses, so a rule is written once."""

from __future__ import annotations

import re
import unicodedata

from sst_desktop.services.errors import ValidationError

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}$")


def clean_text(value: str | None) -> str:
    """Strip surrounding white space and characters no document or spreadsheet can hold (NUL etc.)."""
    if value is None:
        return ""
    value = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))
    return value.strip()


def required(value: str | None, label: str, *, field: str = "", max_length: int | None = None) -> str:
    text = clean_text(value)
    if not text:
        raise ValidationError(f"{label} is required.", field=field)
    if max_length is not None and len(text) > max_length:
        raise ValidationError(
            f"{label} is too long ({len(text)} characters; at most {max_length}).", field=field
        )
    return text


def optional(value: str | None, label: str, *, field: str = "", max_length: int | None = None) -> str:
    text = clean_text(value)
    if max_length is not None and len(text) > max_length:
        raise ValidationError(
            f"{label} is too long ({len(text)} characters; at most {max_length}).", field=field
        )
    return text


def email(value: str | None, *, field: str = "email") -> str:
    text = clean_text(value)
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


def name_key(value: str) -> str:
    """A name folded for comparison: case, accents and punctuation ignored."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


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
