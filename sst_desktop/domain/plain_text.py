"""Text as documents and spreadsheets can hold it: line breaks made one kind, characters nothing can
show made spaces. Pure, so the services' checks and the screens' fields judge text the same way."""

from __future__ import annotations

import re
import unicodedata

# Characters that end a line, whatever program the text came from: Windows and old Mac line ends,
# Word's manual line break (vertical tab) and page break (form feed), Unicode's line separators.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")


def _is_control(ch: str) -> bool:
    """A character no document or spreadsheet can show: controls, lone surrogates, non-characters."""
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff"


def cleaned_parts(value: str, *, multiline: bool) -> tuple[str, bool, list[str]]:
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
    text = cleaned_parts(value, multiline=multiline)[0]
    return text.strip() if strip else text


def cleaned_form_of(typed: str, suggestion: str) -> bool:
    """Is ``suggestion`` (from a refusal) what ``typed`` becomes once cleaned, so a box holding
    ``typed`` may show it instead? (Not so for one line of a box holding several names.)"""
    return typed != suggestion and suggestion in (clean_text(typed), clean_text(typed, multiline=False))
