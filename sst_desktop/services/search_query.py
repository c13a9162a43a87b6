"""What the officer typed, as search terms: every word must match, in any order; a bare word matches as a
prefix ("homic" finds "homicide", so results come while typing); a "quoted phrase" matches those words
together, exactly; accents and case never matter.

The same terms become an FTS5 ``MATCH`` expression on SQLite and a ``tsquery`` on PostgreSQL, so both
databases find the same documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sst_desktop.storage.search_text import words

_PIECE = re.compile(r'"([^"]*)("?)|([^\s"]+)')


@dataclass(frozen=True)
class Term:
    """One required match: a word, or several in a row; ``prefix``: the last may be the start of a word."""

    words: tuple[str, ...]
    prefix: bool

    def matches(self, position: int, word: str) -> bool:
        """Whether ``word`` can stand at ``position`` of this term (for highlighting)."""
        wanted = self.words[position]
        if self.prefix and position == len(self.words) - 1:
            return word.startswith(wanted)
        return word == wanted


def parse(text: str) -> tuple[Term, ...]:
    """The terms of a query; none when it has no letters or digits. A quote left open while typing is
    a phrase whose last word is still being typed."""
    terms: list[Term] = []
    for match in _PIECE.finditer(text):
        quoted, closed, bare = match.groups()
        if bare is not None:
            found = words(bare)
            prefix = True
        else:
            found = words(quoted)
            prefix = not closed and not quoted.endswith(" ")
        if found and Term(tuple(found), prefix) not in terms:
            terms.append(Term(tuple(found), prefix))
    return tuple(terms)


def fts5_match(terms: tuple[Term, ...]) -> str:
    """``"taxi"* AND "serious violence"`` (words are letters and digits only, so need no escaping)."""
    return " AND ".join(f'"{" ".join(t.words)}"' + ("*" if t.prefix else "") for t in terms)


def tsquery(terms: tuple[Term, ...]) -> str:
    """``'taxi':* & ('serious' <-> 'violence')`` for ``to_tsquery('simple', …)``."""

    def word(w: str, last: bool, prefix: bool) -> str:
        return f"'{w}'" + (":*" if last and prefix else "")

    parts = []
    for term in terms:
        inner = " <-> ".join(word(w, n == len(term.words) - 1, term.prefix) for n, w in enumerate(term.words))
        parts.append(f"({inner})")
    return " & ".join(parts)
