"""The few words around a match, with the matching words marked, and a simple score for ordering
results within one meeting — computed here, not by the database, so both backends show the same."""

from __future__ import annotations

from dataclasses import dataclass

from sst_desktop.domain import language_marks
from sst_desktop.services.search_query import Term
from sst_desktop.storage.search_text import spans

WORDS_BEFORE = 8
SNIPPET_CHARACTERS = 220


@dataclass(frozen=True)
class Snippet:
    """Pieces of text in order; ``marked`` pieces are matching words."""

    pieces: tuple[tuple[str, bool], ...]
    hits: int

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.pieces)

    def bracketed(self, left: str = "[", right: str = "]") -> str:
        """The snippet with matches set off, for a terminal: ``the [taxi] marshalling scheme``."""
        return "".join(f"{left}{text}{right}" if marked else text for text, marked in self.pieces)


def _hit_positions(words: list[str], terms: tuple[Term, ...]) -> set[int]:
    """Indexes of the words that match a term (phrases only where all their words stand in a row)."""
    hits: set[int] = set()
    for term in terms:
        size = len(term.words)
        for start in range(len(words) - size + 1):
            if all(term.matches(k, words[start + k]) for k in range(size)):
                hits.update(range(start, start + size))
    return hits


def snippet(text: str, terms: tuple[Term, ...]) -> Snippet:
    """The best short window of ``text`` (the first match, a few words of context before it)."""
    text = language_marks.plain(text)  # a passage marked as another language reads as typed
    found = list(spans(text))
    hits = _hit_positions([w for _, _, w in found], terms)
    first = min(hits) if hits else 0
    begin = found[max(0, first - WORDS_BEFORE)][0] if found else 0
    end = min(len(text), begin + SNIPPET_CHARACTERS)
    pieces: list[tuple[str, bool]] = [("…", False)] if begin > 0 else []
    cursor = begin
    for index, (start, stop, _) in enumerate(found):
        if start < begin or index not in hits:
            continue
        if start >= end:
            break
        pieces.append((_flat(text[cursor:start]), False))
        pieces.append((text[start:stop], True))
        cursor = stop
    if cursor < end:
        pieces.append((_flat(text[cursor:end]), False))
    if end < len(text):
        pieces.append(("…", False))
    return Snippet(tuple(p for p in pieces if p[0]), len(hits))


def _flat(text: str) -> str:
    """Line breaks and runs of spaces as single spaces: a snippet is one line."""
    core = " ".join(text.split())
    if not core:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() else "")


def label_hits(label: str, terms: tuple[Term, ...]) -> int:
    """How many words of a heading or title match: such a match counts for more than one in the text."""
    return len(_hit_positions([w for _, _, w in spans(label)], terms))
