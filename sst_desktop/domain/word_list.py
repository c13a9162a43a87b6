"""General English words: the last source of word completion, for words the committee's record
has never held (a first "safeguarding" of a new topic, a "tendered" the record never said).

``resources/words/english.txt`` lists the commonest English words, the commonest first (see its
SOURCES.txt); ``services.word_list`` reads it once, on the database worker. It is kept sorted so
a prefix is found by bisection. A word is offered only
after a few letters, and only where it saves keys: the officer's plain typing is never in the way.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

MIN_PREFIX = 3  # letters typed before the list is asked
MIN_REST = 1  # letters a word from the list must add (Tab puts in the space too: two keys for one)


@dataclass(frozen=True)
class WordList:
    """Words sorted for bisection, each with its rank by frequency (0 the commonest)."""

    words: tuple[str, ...] = ()
    ranks: tuple[int, ...] = ()

    @classmethod
    def by_frequency(cls, words: Iterable[str]) -> WordList:
        """The list made from ``words`` given the commonest first (lower case, letters only)."""
        ranked = sorted((word, rank) for rank, word in enumerate(words))
        return cls(tuple(word for word, _rank in ranked), tuple(rank for _word, rank in ranked))

    def complete(self, partial: str, ending: str = "") -> str:
        """The rest of the commonest listed word that ``partial`` (the word being typed) begins and
        that adds at least ``MIN_REST`` letters — of those ending in ``ending`` if any does (the form
        the word before calls for: "be circ" → "circulated") — in the case typed (all capitals stay
        capitals); or ""."""
        if len(partial) < MIN_PREFIX or not (partial.isascii() and partial.isalpha()):
            return ""
        prefix = partial.lower()
        start = bisect_left(self.words, prefix)
        end = bisect_left(self.words, prefix + "{", start)  # "{" follows "z"
        shortest = len(prefix) + MIN_REST
        found = [index for index in range(start, end) if len(self.words[index]) >= shortest]
        if ending:
            found = [index for index in found if self.words[index].endswith(ending)] or found
        if not found:
            return ""
        best = min(found, key=self.ranks.__getitem__)
        whole = self.words[start] == prefix and prefix.endswith(ending)  # of the form called for
        if whole and self.ranks[start] < self.ranks[best]:
            return ""  # a whole word already, and commoner than any it begins ("were", not "werewolf")
        rest = self.words[best][len(prefix) :]
        return rest.upper() if partial.isupper() else rest
