"""Small checks every service uses, so a rule is written once."""

from __future__ import annotations

import re
import unicodedata

from sst_desktop.services.errors import ValidationError

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]{2,}$")


# Characters that end a line, whatever program the text came from: Windows and old Mac line ends,
# Word's manual line break (vertical tab) and page break (form feed), Unicode's line separators.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_CONTROL_NAMES = {"\t": "a tab", "\x00": "a NUL character", "\x1b": "an escape character"}


def _is_control(ch: str) -> bool:
    """A character no document or spreadsheet can show: controls, lone surrogates, non-characters."""
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff"


def _cleaned(value: str, *, multiline: bool) -> tuple[str, bool, list[str]]:
    """(text, had a line break, control characters replaced): line breaks made "\n" (or, in one-line
    text, a space), every other control character a space, so words never run together."""
    text = _LINE_BREAK.sub("\n", value)
    broken = "\n" in text.strip()
    if not multiline:
        text = text.replace("\n", " ")
    keep = "\n\t" if multiline else ""
    replaced = [ch for ch in text if ch not in keep and _is_control(ch)]
    if replaced:
        text = "".join(" " if ch not in keep and _is_control(ch) else ch for ch in text)
    return text, broken, replaced


def clean_text(value: str | None, *, multiline: bool = True, strip: bool = True) -> str:
    """Text with each character no document can hold replaced by a space (never simply removed, which
    joins words) and line breaks made "\n" (a space where ``multiline`` is False), surrounding white
    space stripped unless ``strip`` is False. For text that arrives without an officer to tell (a
    spreadsheet, the minutes typed live); typed fields go through ``required`` and ``optional``."""
    if not value:
        return ""
    text = _cleaned(value, multiline=multiline)[0]
    return text.strip() if strip else text


def cleaned_form_of(typed: str, suggestion: str) -> bool:
    """Is ``suggestion`` (from a refusal) what ``typed`` becomes once cleaned, so a box holding
    ``typed`` may show it instead? (Not so for one line of a box holding several names.)"""
    return typed != suggestion and suggestion in (clean_text(typed), clean_text(typed, multiline=False))


def checked_text(value: str | None, label: str, *, field: str = "", multiline: bool = False) -> str:
    """Typed text, cleaned as ``clean_text`` does, but the officer is told what changed: a line break
    in one-line text (a name, a venue, a title) is refused, and so is a control character (usually
    pasted with the text). The error carries the cleaned text as ``suggestion``, which the field then
    shows in place of what was typed, for the officer to check and save again."""
    if not value:
        return ""
    text, broken, replaced = _cleaned(value, multiline=multiline)
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
