"""What the officer is about to type, guessed from the texts of the record (read by
``services.suggestions``) and those on screen. Pure: run at each key on the GUI thread.

``Predictor`` finds the longest stretch of text before the cursor that the record also holds, and
offers what followed it there: the rest of the word, or the rest of the phrase when every place the
record says it goes on the same way; at the end of a whole word, the words that mostly follow it
there. The stretch matched starts at a word. English word pairs rank the word being typed by the word
before (``word_ranking``); only where the record has nothing for a word being typed is a general
English word offered (``word_list``). A guess is only ever offered; nothing here changes the record.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sst_desktop.domain.snippets import SnippetRecord
from sst_desktop.domain.word_list import MIN_PREFIX, WordList
from sst_desktop.domain.word_pairs import WordPairs
from sst_desktop.domain.word_ranking import CHOICES, WordRanker

MIN_PARTIAL = 1  # letters typed before a word is completed (from the record; the list wants more)
MIN_CONTEXT = 4  # characters that must match before the next words are offered unasked
MIN_AGREEING = 2  # places agreeing before the words after a whole word are offered
MIN_OFFER = 2  # shorter guesses save nothing (the key that takes them costs one)
MAX_CONTEXT = 80
MAX_OFFER = 100
MAX_PLACES = 400  # places in the record looked at for one guess
_WORD_TAIL = re.compile(r"[\w'’]+$")
_WORD_HEAD = re.compile(r"[\w'’]+")
_TWO_WORDS = re.compile(r"[\w'’]+ [\w'’]+$")  # the word before and the one being typed
_LAST_WORD = re.compile(r"(?:^|\W)([\w'’]+) $")  # the word before a space that ends the text
ENDINGS = ("ing", "ed", "ly", "s")  # word forms told apart by the word before ("be noted", "is being")


def is_word_char(char: str) -> bool:
    """A letter, digit or apostrophe: part of a word a guess must not cut."""
    return char.isalnum() or char in "_'’"


# Every kind of space Python knows, and the boundary between texts, as one space.
_SPACES = {code: " " for code in range(0x3000 + 1) if chr(code).isspace() or code == 0}


def spaced(text: str) -> str:
    """Every kind of space (and the boundary between texts) as one space, keeping positions."""
    return text.translate(_SPACES)


def fold(text: str) -> str:
    """Lower case and one kind of space, keeping every position (a guess is copied from the original).
    Run at each key on what is on screen, so done by ``str`` methods, not a loop in Python."""
    plain = spaced(text)
    lower = plain.lower()
    if len(lower) == len(plain):
        return lower
    return "".join(low if len(low := char.lower()) == 1 else char for char in plain)  # "İ" grows


@dataclass(frozen=True)
class Vocabulary:
    """The texts guesses are made from, read once per item on the database worker; and what an
    empty box is offered, by agenda item: the opening of its narrative, its reports' recommendations
    as draft resolutions."""

    texts: tuple[str, ...]
    openings: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    recommendations: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    snippets: tuple[SnippetRecord, ...] = ()  # the committee's trigger words (``services.snippets``)
    words: WordList = field(default_factory=WordList)  # general English, asked last (``services.word_list``)
    pairs: WordPairs = field(default_factory=WordPairs)  # which English word follows which (``services.word_pairs``)


class Corpus:
    """Texts joined for searching (``\\x00`` between them: a guess never runs from one into the next)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.text = "\x00" + "\x00".join(texts)  # each text starts after a boundary
        self.folded = fold(self.text)

    def places(self, folded_suffix: str, typed: str, limit: int) -> list[tuple[str, bool]]:
        """What follows ``folded_suffix`` wherever it occurs (up to ``limit`` places), and whether
        the record has it in the case ``typed`` (the same stretch as typed, spaces made one kind)."""
        found: list[tuple[str, bool]] = []
        start = self.folded.find(folded_suffix)
        while start >= 0 and len(found) < limit:
            end = start + len(folded_suffix)
            stop = self.text.find("\x00", end, end + MAX_OFFER + 40)
            same_case = spaced(self.text[start:end]) == typed
            found.append((self.text[end : stop if stop >= 0 else end + MAX_OFFER + 40], same_case))
            start = self.folded.find(folded_suffix, start + 1)
        return found

    def holds(self, folded_suffix: str) -> bool:
        return folded_suffix in self.folded


@dataclass(frozen=True)
class Guesses:
    """What is offered at the cursor (Tab takes it) and the next likeliest words beside it (Ctrl+2,
    Ctrl+3 take them), each the rest of a word with its space."""

    offer: str = ""
    others: tuple[str, ...] = ()


def _first_word(text: str) -> str:
    match = _WORD_HEAD.match(text)
    return match.group().lower() if match else ""


class Predictor:
    """Guesses from the record (read once) and from the texts on screen (given with each guess)."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or Vocabulary(())
        self.record = Corpus(self.vocabulary.texts)
        self.words = self.vocabulary.words
        self.ranker = WordRanker(self.record.text, self.vocabulary.pairs)

    def suggest(self, before: str, on_screen: Sequence[str] = ()) -> str:
        """The text to offer after ``before`` (the box's text up to the cursor), or ""."""
        return self.guesses(before, on_screen).offer

    def guesses(self, before: str, on_screen: Sequence[str] = ()) -> Guesses:
        """What to offer after ``before``: from the record and the screen, unless English makes
        another word likelier (``word_ranking``), and only where they have nothing, from the English
        word list; with the next likeliest words beside it."""
        partial_match = _WORD_TAIL.search(before)
        partial = partial_match.group() if partial_match else ""
        corpora = [self.record, Corpus(on_screen)] if on_screen else [self.record]
        offer = self._from_texts(before, partial, corpora)
        ranked, others = self._ranked(before, partial, offer, on_screen, corpora)
        if ranked is not None:
            offer = ranked
        elif offer is None:
            offer = self._from_word_list(before, partial, corpora)
        shown = _first_word(offer)
        return Guesses(offer, tuple(o for o in others if _first_word(o) != shown)[: CHOICES - 1])

    def _from_word_list(self, before: str, partial: str, corpora: Sequence[Corpus]) -> str:
        if len(partial) < MIN_PREFIX:
            return ""
        word = self.words.complete(partial, _usual_ending(before[: len(before) - len(partial)], corpora))
        return word + " " if word else ""  # a word of the list is mostly followed by a space

    def _ranked(
        self, before: str, partial: str, offer: str | None, on_screen: Sequence[str], corpora: Sequence[Corpus]
    ) -> tuple[str | None, tuple[str, ...]]:
        """(the likeliest word by the word before, where it is not what the record offers, else
        None; the words ranked): for a word being typed, unless the record has these words and runs
        on into a phrase of its own; after a space, the word English mostly puts next."""
        offered = _WORD_HEAD.match(offer or "")
        if partial:
            ranking = self.ranker.ranked(before, partial, on_screen)
            two_words = _TWO_WORDS.search(before[-MAX_CONTEXT:])
            in_record = two_words and any(c.holds(fold(two_words.group())) for c in corpora)
            record_phrase = offer and " " in offer.strip() and (in_record or not two_words)
            if not ranking.rests or ranking.whole or record_phrase:
                return None, ranking.rests
            if offered and offered.group() == ranking.rests[0].rstrip():
                return None, ranking.rests
            return ranking.rests[0], ranking.rests
        if not before.endswith(" "):
            return None, ()
        ranking = self.ranker.next_words(before)
        if not ranking.rests or ranking.whole:
            return None, ranking.rests
        word = ranking.rests[0].rstrip()
        if offered and offered.group().lower() == word and offer and offer[:1] != " ":
            return None, ranking.rests
        return ranking.rests[0], ranking.rests

    def _from_texts(self, before: str, partial: str, corpora: Sequence[Corpus]) -> str | None:
        """What the record and the screen offer; None where they have nothing for the word being
        typed ("" where they have it, but only as a whole word: it is not stretched into a longer one)."""
        if not partial and not before[-1:].isspace():
            return ""
        context = fold(" " + before[-MAX_CONTEXT:])  # a box's start is a word's start
        # A word is completed from its first letter; the next words only where a longer stretch
        # before them matches.
        shortest = len(partial) + 1 if len(partial) >= MIN_PARTIAL else max(MIN_CONTEXT, len(partial) + 1)
        if len(context) < shortest or not any(c.holds(context[-shortest:]) for c in corpora):
            return None
        low, high = shortest, len(context)  # the longest tail of the context the record holds
        while low < high:
            middle = (low + high + 1) // 2
            if any(c.holds(context[-middle:]) for c in corpora):
                low = middle
            else:
                high = middle - 1
        # From the start of a word: "members dis" follows "… dis", not "items dis".
        low = next((n for n in range(low, shortest - 1, -1) if not is_word_char(context[-n])), low)
        suffix = context[-low:]
        typed = spaced((" " + before[-MAX_CONTEXT:])[-low:])
        found = [(p, same) for c in corpora for p, same in c.places(suffix, typed, MAX_PLACES) if p]
        # Where the record has it as typed ("the next meeting", not "Date of Next Meeting"), follow those.
        places = [p for p, same in found if same] or [p for p, _same in found]
        if partial:
            longer = [p for p in places if is_word_char(p[0])]
            if low > len(partial) and (following := _next_words(places, len(longer))):
                return following  # a whole word the record goes on from
            if places and not longer:
                return ""
            places = longer
        if not places:
            return None
        return _offer(places, completing_word=bool(partial))


def _ending(word: str) -> str:
    """The ending of ``word`` among ``ENDINGS`` (a stem of three letters or more before it), or ""."""
    return next((end for end in ENDINGS if word.endswith(end) and len(word) >= len(end) + 3), "")


def _usual_ending(before: str, corpora: Sequence[Corpus]) -> str:
    """The ending the words after the last word of ``before`` mostly have in the record and on
    screen ("be" → "ed": "be noted", "be submitted"): at least ``MIN_AGREEING`` and two in three."""
    match = _LAST_WORD.search(before[-MAX_CONTEXT:])
    if not match:
        return ""
    after = fold(" " + match.group(1) + " ")
    endings = Counter(
        _ending(word.group().lower())
        for corpus in corpora
        for place, _same in corpus.places(after, after, MAX_PLACES)
        if (word := _WORD_HEAD.match(place))
    )
    if not endings:
        return ""
    ending, count = endings.most_common(1)[0]
    return ending if count >= MIN_AGREEING and count * 3 > endings.total() * 2 else ""


def _next_words(places: Sequence[str], going_on: int) -> str:
    """At the end of a whole word, the words that follow it there (with the space before them):
    only where most places end the word there rather than go on into a longer word, and at least
    ``MIN_AGREEING`` of them (or the only one) go on as offered."""
    after = [p[1:] for p in places if p[:1] == " " and is_word_char(p[1:2])]
    if len(after) <= going_on:
        return ""
    offer = _offer(after, completing_word=False)
    words = offer.rstrip()
    agreeing = sum(
        1 for p in after if p == words or (p.startswith(words) and not is_word_char(p[len(words)]))
    )
    if not offer or agreeing * 2 <= len(places) or (agreeing < MIN_AGREEING and len(places) > 1):
        return ""
    return " " + offer


def _common_prefix(texts: Sequence[str]) -> str:
    first = min(texts)
    last = max(texts)
    size = 0
    while size < len(first) and first[size] == last[size]:
        size += 1
    return first[:size]


def _offer(places: Sequence[str], *, completing_word: bool) -> str:
    shared = _common_prefix(places)[:MAX_OFFER]
    whole = any(len(p) == len(shared) for p in places)  # a text ends there
    if not whole:
        # Cut back to the end of a word: a guess never stops halfway through one.
        cut = len(shared)
        following = [p[cut] if cut < len(p) else " " for p in places]
        if cut and is_word_char(shared[cut - 1]) and any(is_word_char(c) for c in following):
            match = _WORD_TAIL.search(shared)
            cut = match.start() if match else 0
        shared = shared[:cut]
    shared = shared.rstrip()
    if not (shared and is_word_char(shared[0])):
        # The places go on differently within the word (or the next): the commonest one.
        endings = Counter(m.group() for p in places if (m := _WORD_HEAD.match(p)))
        shared = endings.most_common(1)[0][0] if endings else ""
    if not shared:
        return ""
    # The space after the last word where the places mostly have one (Tab saves that key too).
    ends = [p[len(shared) : len(shared) + 1] for p in places if p.startswith(shared)]
    if is_word_char(shared[-1]) and ends.count(" ") * 2 > len(ends):
        shared += " "
    return shared if len(shared) >= MIN_OFFER else ""
