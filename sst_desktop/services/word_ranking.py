"""Which word the officer is most likely typing, by the word before it.

The record's guess (``suggestions``) follows the longest stretch of the record that matches what is
typed; with one letter typed after a word the record rarely says, that is mostly the record's
commonest word of those letters ("t" → "the", after "this" as much as after "of"). Here every word
the letters could begin is weighed by how often English puts it after the word before
(``word_pairs``) and how often the committee's record and the screen use it, and the likeliest
offered. After a space, the word English mostly puts next is offered ("to " → "the ").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from sst_desktop.services.word_pairs import WordPairs

PAIR_WEIGHT = 1.0  # a follower's share of what comes after the word before
RECORD_WEIGHT = 0.5  # a word's share of the record's and the screen's words
NEXT_SHARE = 0.1  # the share of what follows a word its commonest follower needs to be offered unasked
_WORDS = re.compile(r"[\w'’]+")
_WORD_BEFORE = re.compile(r"(?:^|[^\w'’])([\w'’]+) $")  # a word, then the one space before the cursor


class WordRanker:
    """The record's words counted once (on the database worker), and the English pairs."""

    def __init__(self, record_text: str, pairs: WordPairs) -> None:
        self.pairs = pairs
        forms = Counter(_WORDS.findall(record_text))
        self.counts: Counter[str] = Counter()
        self.form: dict[str, str] = {}  # lower case → as the record mostly writes it
        for word, count in forms.most_common():
            low = word.lower()
            self.counts[low] += count
            self.form.setdefault(low, word)
        self.known = sorted(self.counts)
        self.total = max(1, self.counts.total())

    def likeliest(self, before: str, partial: str, on_screen: Sequence[str]) -> str | None:
        """The rest of the word ``partial`` most likely begins (with the space after it), or None
        where English says nothing of the word before and the letters typed."""
        word_before = _WORD_BEFORE.search(before[: len(before) - len(partial)][-80:])
        followers = self.pairs.followers(word_before.group(1)) if word_before else None
        if followers is None:
            return None
        prefix = partial.lower()
        scores: dict[str, float] = {}
        for word, share in followers.beginning(prefix):
            scores[word] = scores.get(word, 0.0) + PAIR_WEIGHT * share
        if not scores:
            return None
        screen = Counter(w.lower() for text in on_screen for w in _WORDS.findall(text))
        for word in [*self._known_beginning(prefix), *(w for w in screen if w.startswith(prefix))]:
            if len(word) > len(prefix):
                scores[word] = scores.get(word, 0.0) + RECORD_WEIGHT * (self.counts[word] + screen[word]) / self.total
        best = max(scores, key=lambda word: (scores[word], word))
        if followers.share(prefix) >= scores[best]:
            return None  # the letters typed are likelier a whole word ("panel", not "panels")
        form = self.form.get(best, best)
        if form.startswith(partial):
            rest = form[len(partial) :]
        else:
            rest = best[len(prefix) :]
            rest = rest.upper() if partial.isupper() and len(partial) > 1 else rest
        return rest + " "

    def next_word(self, before: str) -> str:
        """The word English mostly puts after the last word of ``before`` (ending in one space), or ""."""
        word_before = _WORD_BEFORE.search(before[-80:])
        followers = self.pairs.followers(word_before.group(1)) if word_before else None
        if followers is None:
            return ""
        word, share = followers.commonest
        return word if share >= NEXT_SHARE else ""

    def _known_beginning(self, prefix: str) -> list[str]:
        start = bisect_left(self.known, prefix)
        end = bisect_left(self.known, prefix + "\U0010ffff", start)
        return self.known[start:end]
