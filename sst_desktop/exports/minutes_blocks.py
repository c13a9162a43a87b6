"""The minutes as blocks of runs: what ``minutes_content`` words once and every writer (PDF, Word,
the confirmed copy, the website) lays out in its own way."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sst_desktop.domain import language_marks


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    lang: str = ""  # a passage the officer marked as another language (BCP 47), "" for the document's


@dataclass(frozen=True)
class Block:
    """One paragraph of the minutes.

    kind: ``notice`` (centred bold line), ``committee`` (centred bold, large), ``held`` (centred bold),
    ``attendance`` (``label`` in the left column, ``runs`` beside it), ``heading`` (``label`` = the
    minute number, text in capitals), ``body`` (indented under the heading), ``list`` (``label`` such
    as "(1)" or "•", hanging), ``resolved`` (a body paragraph that starts with RESOLVED:), ``table``
    (``cells``: rows of plain text, the first a header).
    """

    kind: str
    runs: tuple[Run, ...] = ()
    label: str = ""
    keep_with_next: bool = False
    cells: tuple[tuple[str, ...], ...] = ()

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class MinutesContent:
    meeting_id: int
    committee_name: str
    meeting_date: date
    running_header: str  # "SAFER SEFTON TOGETHER- WEDNESDAY 22ND JUNE, 2022"
    public: bool
    draft: bool
    confidential: bool
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    title: str = ""  # document title (PDF metadata, Word core properties)
    warnings: tuple[str, ...] = ()  # what the officer should know; none of it stops the export

    def plain_text(self) -> str:
        lines = []
        for block in self.blocks:
            prefix = f"{block.label} " if block.label else ""
            lines.append(prefix + block.text)
            lines.extend(" | ".join(row) for row in block.cells)
        return "\n".join(lines)


def body(*runs: Run) -> Block:
    return Block("body", tuple(runs))


def plain(text: str) -> Run:
    return Run(language_marks.plain(text))


def marked(text: str) -> tuple[Run, ...]:
    """Typed text as runs, each passage marked as another language a run of its own with ``lang``."""
    return tuple(Run(words, lang=lang) for words, lang in language_marks.segments(text))
