"""The shipped English word pairs (``domain.word_pairs``), read from
``resources/words/english_pairs.txt.gz`` once, on the database worker, never at start-up."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import cache
from sys import intern

from sst_desktop.domain.word_pairs import WordPairs
from sst_desktop.paths import resource


@cache
def english_pairs() -> WordPairs:
    """The shipped pairs, read once; none if the file is missing (completion goes on without them)."""
    try:
        with gzip.open(resource("words", "english_pairs.txt.gz"), "rt", encoding="utf-8") as lines:
            return WordPairs.from_counts(_triples(lines))
    except (OSError, ValueError, EOFError):
        return WordPairs()


def _triples(lines: Iterable[str]) -> Iterable[tuple[str, str, int]]:
    for line in lines:
        first, second, count = line.split()
        yield intern(first), intern(second), int(count)  # one string per word, not one per pair
