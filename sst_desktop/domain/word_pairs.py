"""Which English words follow which: what word completion knows of English beyond single words.

A committee's record is small next to the language its minutes are written in: "to" is mostly
followed by "the", "in" by "the", "be" by a past participle. ``resources/words/english_pairs.txt.gz``
holds 235,904 pairs of English words with how often the second follows the first in print (from
Google Books, see its SOURCES.txt). Completion uses them to rank the words a few typed letters could
begin by the word before ("of t" → "the", "it was rep" → "reported"), and to offer the word that
mostly comes next after a space. ``services.word_pairs`` reads them once, on the database worker,
never at start-up.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

LIKELIEST = 5  # followers kept in order of frequency, for the words offered after a space


@dataclass(frozen=True)
class Followers:
    """The words seen after one word, sorted for bisection, each with its share of what follows."""

    words: tuple[str, ...]
    shares: Sequence[float]  # (an array of 4-byte floats: the pairs are kept for the whole session)
    likeliest: tuple[str, ...]  # the words most often next, the commonest first (a few)

    def share(self, word: str) -> float:
        """The share of what follows that is ``word`` (0 where it is never seen there)."""
        index = bisect_left(self.words, word)
        return self.shares[index] if index < len(self.words) and self.words[index] == word else 0.0

    def beginning(self, prefix: str) -> Iterable[tuple[str, float]]:
        """(word, share) for each follower that begins with ``prefix`` and is longer than it."""
        start = bisect_left(self.words, prefix)
        end = bisect_left(self.words, prefix + "{", start)  # "{" follows "z"
        return (
            (self.words[i], self.shares[i]) for i in range(start, end) if len(self.words[i]) > len(prefix)
        )


@dataclass(frozen=True)
class WordPairs:
    """Each first word (lower case) with its followers."""

    after: dict[str, Followers] = field(default_factory=dict)

    @classmethod
    def from_counts(cls, triples: Iterable[tuple[str, str, int]]) -> WordPairs:
        counts: dict[str, dict[str, int]] = {}
        for first, second, count in triples:
            counts.setdefault(first, {})[second] = counts.setdefault(first, {}).get(second, 0) + count
        after: dict[str, Followers] = {}
        for first, seconds in counts.items():
            total = sum(seconds.values())
            ordered = sorted(seconds)
            likeliest = sorted(seconds, key=lambda word: (-seconds[word], word))[:LIKELIEST]
            after[first] = Followers(
                tuple(ordered), array("f", (seconds[word] / total for word in ordered)), tuple(likeliest)
            )
        return cls(after)

    def followers(self, word: str) -> Followers | None:
        return self.after.get(word.lower())
