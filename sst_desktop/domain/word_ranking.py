"""Which word the officer is most likely typing, by the word before it.

The record's guess (``prediction``) follows the longest stretch of the record that matches what is
typed; with one letter typed after a word the record rarely says, that is mostly the record's
commonest word of those letters ("t" → "the", after "this" as much as after "of"). Here every word
the letters could begin is weighed by how often English puts it after the word before
(``word_pairs``) and how often the committee's record and the screen use it, and the likeliest
offered, the next two beside it. After a space, the word English mostly puts next is offered ("to "
→ "the "), the next two beside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sst_desktop.domain.word_pairs import WordPairs

PAIR_WEIGHT = 1.0  # a follower's share of what comes after the word before
RECORD_WEIGHT = 0.5  # a word's share of the record's and the screen's words
NEXT_SHARE = 0.1  # the share of what follows a word its commonest follower needs to be offered unasked
CHOICES = 3  # words ranked: the one offered, and the others the officer may take with Ctrl+2, Ctrl+3
_WORDS = re.compile(r"[\w'’]+")
_WORD_BEFORE = re.compile(r"(?:^|[^\w'’])([\w'’]+) $")  # a word, then the one space before the cursor


@dataclass(frozen=True)
class Ranking:
    """Words ranked for the cursor: the rests of the likeliest, best first, each with its space."""

    rests: tuple[str, ...] = ()
    whole: bool = False  # none of them is likely enough to be offered in the text itself


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

    def ranked(self, before: str, partial: str, on_screen: Sequence[str]) -> Ranking:
        """The rests of the words ``partial`` most likely begins, likeliest first (each with the space
        after it, at most ``CHOICES``); none where English says nothing of the word before and the
        letters typed."""
        word_before = _WORD_BEFORE.search(before[: len(before) - len(partial)][-80:])
        followers = self.pairs.followers(word_before.group(1)) if word_before else None
        if followers is None:
            return Ranking()
        prefix = partial.lower()
        scores: dict[str, float] = {}
        for word, share in followers.beginning(prefix):
            scores[word] = scores.get(word, 0.0) + PAIR_WEIGHT * share
        if not scores:
            return Ranking()
        screen = Counter(w.lower() for text in on_screen for w in _WORDS.findall(text))
        for word in {*self._known_beginning(prefix), *(w for w in screen if w.startswith(prefix))}:
            if len(word) > len(prefix):
                used = self.counts[word] + screen[word]
                scores[word] = scores.get(word, 0.0) + RECORD_WEIGHT * used / self.total
        best = sorted(scores, key=lambda word: (-scores[word], word))[:CHOICES]
        return Ranking(
            tuple(self._rest(word, partial) for word in best),
            # the letters typed are likelier a whole word ("panel", not "panels")
            whole=followers.share(prefix) >= scores[best[0]],
        )

    def next_words(self, before: str) -> Ranking:
        """The words English mostly puts after the last word of ``before`` (ending in one space),
        likeliest first (at most ``CHOICES``); ``whole`` where the first is too rare to offer unasked."""
        word_before = _WORD_BEFORE.search(before[-80:])
        followers = self.pairs.followers(word_before.group(1)) if word_before else None
        if followers is None:
            return Ranking()
        return Ranking(
            tuple(word + " " for word in followers.likeliest[:CHOICES]),
            whole=followers.share(followers.likeliest[0]) < NEXT_SHARE,
        )

    def _rest(self, word: str, partial: str) -> str:
        """The rest of ``word`` after ``partial``, as the record writes it or in the case typed."""
        form = self.form.get(word, word)
        if form.startswith(partial):
            return form[len(partial) :] + " "
        rest = word[len(partial) :]
        return (rest.upper() if partial.isupper() and len(partial) > 1 else rest) + " "

    def _known_beginning(self, prefix: str) -> list[str]:
        start = bisect_left(self.known, prefix)
        end = bisect_left(self.known, prefix + "\U0010ffff", start)
        return self.known[start:end]
