"""The shipped English word list (``domain.word_list``), read from ``resources/words/english.txt``
once, the first time the record is read for suggestions (on the database worker, not at start-up)."""

from __future__ import annotations

from functools import cache

from sst_desktop.domain.word_list import WordList
from sst_desktop.paths import resource


@cache
def english_words() -> WordList:
    """The shipped list, read once; an empty list if it is missing (the record still completes)."""
    try:
        text = resource("words", "english.txt").read_text(encoding="utf-8")
    except OSError:
        return WordList()
    return WordList.by_frequency(text.split())
