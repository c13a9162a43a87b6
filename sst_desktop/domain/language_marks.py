"""Passages the officer marked as another language, kept inline in the stored text as ``⟦cy|…⟧``.

Inline markup rather than a separate spans column: the text is the one thing that already round-trips
through the database, undo, History, export and import, and conflict merging, so a mark travels with
its words through every edit and merge without offsets to keep in step. Everything that reads or writes
the markers does it here; outputs ask for ``segments`` (tagged documents) or ``plain`` (search, CSV,
calendars) and never see the brackets.
"""

from __future__ import annotations

import re

OPEN, BAR, CLOSE = "⟦", "|", "⟧"
# A BCP 47 tag as officers need it: language (2-3 letters) then optional script/region/variant subtags.
TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
MARK = re.compile(r"⟦([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\|([^⟦⟧]*)⟧")

# Common community languages in the UK, in the order the dialog offers them.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("cy", "Welsh"),
    ("gd", "Scottish Gaelic"),
    ("ga", "Irish"),
    ("pl", "Polish"),
    ("ro", "Romanian"),
    ("ur", "Urdu"),
    ("pa", "Punjabi"),
    ("bn", "Bengali"),
    ("gu", "Gujarati"),
    ("ar", "Arabic"),
    ("so", "Somali"),
    ("pt", "Portuguese"),
    ("es", "Spanish"),
    ("lt", "Lithuanian"),
    ("tr", "Turkish"),
    ("zh", "Chinese"),
    ("fr", "French"),
    ("de", "German"),
)


class LanguageMarkError(ValueError):
    """A mark that cannot be made; the message is meant for the officer."""


def language_name(tag: str) -> str:
    """ "Welsh (cy)", or the tag alone when it is not one of the listed languages."""
    primary = tag.split("-")[0].lower()
    for code, name in LANGUAGES:
        if code == primary:
            return f"{name} ({tag})"
    return tag


def normalise_tag(tag: str) -> str:
    """``tag`` checked and in its usual case ("zh-hant-hk" → "zh-Hant-HK"), or LanguageMarkError."""
    tag = tag.strip().replace("_", "-")
    if not TAG.match(tag):
        raise LanguageMarkError(f"“{tag}” is not a language code such as cy, pl or zh-Hant.")
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part.lower())
    return "-".join(out)


def segments(text: str) -> list[tuple[str, str]]:
    """``text`` as (words, language) pieces in order; language "" where the document's own applies."""
    pieces: list[tuple[str, str]] = []
    at = 0
    for found in MARK.finditer(text):
        if found.start() > at:
            pieces.append((text[at : found.start()], ""))
        if found.group(2):
            pieces.append((found.group(2), found.group(1)))
        at = found.end()
    if at < len(text):
        pieces.append((text[at:], ""))
    return pieces


def plain(text: str) -> str:
    """``text`` without any markers: what search, spreadsheets and calendars show."""
    return MARK.sub(lambda m: m.group(2), text) if OPEN in text else text


def marked_ranges(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of each whole marker in ``text`` (positions in the stored text)."""
    return [(m.start(), m.end(), m.group(1)) for m in MARK.finditer(text)]


def mark(text: str, start: int, end: int, tag: str) -> str:
    """``text`` with ``text[start:end]`` marked as language ``tag``.

    Marks do not nest or overlap: a selection that touches a marker is refused with a message."""
    tag = normalise_tag(tag)
    start, end = sorted((start, end))
    chosen = text[start:end]
    if not chosen.strip():
        raise LanguageMarkError("Select the words in the other language first.")
    for m_start, m_end, m_tag in marked_ranges(text):
        if start < m_end and m_start < end:
            raise LanguageMarkError(
                f"Part of the selection is already marked as {language_name(m_tag)}: "
                "remove that mark first (marks cannot overlap or nest)."
            )
    if any(c in chosen for c in (OPEN, CLOSE)):
        raise LanguageMarkError("The selection contains a broken marker (⟦ or ⟧); remove it first.")
    return f"{text[:start]}{OPEN}{tag}{BAR}{chosen}{CLOSE}{text[end:]}"


def mark_at(text: str, position: int) -> tuple[int, int, str] | None:
    """The marker around ``position`` (start, end, tag), if there is one."""
    for m_start, m_end, tag in marked_ranges(text):
        if m_start <= position <= m_end:
            return m_start, m_end, tag
    return None


def unmark(text: str, position: int) -> str:
    """``text`` with the marker around ``position`` removed (its words stay); unchanged when none."""
    found = mark_at(text, position)
    if found is None:
        return text
    start, end, _tag = found
    return text[:start] + plain(text[start:end]) + text[end:]
