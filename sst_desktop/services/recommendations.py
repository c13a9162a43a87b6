"""A report's recommendations, worded as draft resolutions.

Council reports carry a "Recommendation(s)" section ("2 Recommendations / 2.1 SST notes the contents
of the report."; "Recommendation / That: SST members note …"; "6.1 SST are asked to • Agree …"). The
minute-taking window offers each as a draft resolution the officer adopts with one key and edits.
Read from the text stored when the report was attached; nothing here needs Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_HEADING = re.compile(r"^\s*(?:\d+\.?\s+)?recommendations?\s*:?\s*$", re.IGNORECASE)
_NEXT_HEADING = re.compile(r"^\s*\d+\.?\s+[A-Z][^.]{0,80}$")  # "3 Background", "1. Introduction"
_PARAGRAPH_NUMBER = re.compile(r"^\s*\d+\.\d+\s+")
_BULLET = re.compile(r"^\s*[•·\-–*]\s*")
_THAT = re.compile(r"^(?:that\s*:?\s*)", re.IGNORECASE)
MAX_LINES = 30


def section(text: str) -> list[str]:
    """The lines of the first Recommendation(s) section of a report's text ([] when it has none)."""
    lines = text.splitlines()
    for start, line in enumerate(lines):
        if _HEADING.match(line):
            found: list[str] = []
            for following in lines[start + 1 : start + 1 + MAX_LINES]:
                if _NEXT_HEADING.match(following) and not _PARAGRAPH_NUMBER.match(following):
                    break
                found.append(following)
            return found
    return []


def as_resolution(text: str) -> str:
    """A recommendation as a resolution's clause: no "That", no full stop, one line."""
    clause = " ".join(text.split())
    clause = _THAT.sub("", clause).strip()
    return clause.rstrip(".;").strip()


def drafts(text: str) -> list[str]:
    """Each recommendation of a report as a draft resolution: a bullet each, or a paragraph each
    (the lead-in before bullets, "SST are asked to", is left out)."""
    paragraphs: list[str] = []
    bullets: list[str] = []
    for line in section(text):
        if not line.strip():
            continue
        if _BULLET.match(line):
            bullets.append(_BULLET.sub("", line))
        elif _PARAGRAPH_NUMBER.match(line) or not (paragraphs or bullets):
            paragraphs.append(_PARAGRAPH_NUMBER.sub("", line))
        elif bullets:
            bullets[-1] += " " + line.strip()
        else:
            paragraphs[-1] += " " + line.strip()
    chosen = bullets or paragraphs
    return [clause for clause in (as_resolution(c) for c in chosen) if clause]


def report_drafts(reports: Iterable[str]) -> tuple[str, ...]:
    """The draft resolutions of an item's reports, in order, each once."""
    return tuple(dict.fromkeys(d for text in reports for d in drafts(text)))
