"""Finding people by what is typed: every word matched, case and accents ignored ("sian" finds
"Siân"). Pure, so the directory screens and the services' lists find people the same way."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Findable(Protocol):
    """A person as far as finding them goes."""

    @property
    def title(self) -> str: ...
    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def job_title(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def telephone(self) -> str: ...
    @property
    def organisation_name(self) -> str: ...


P = TypeVar("P", bound=Findable)


def filter_people(people: Sequence[P], search: str) -> list[P]:
    """The people matching every word of ``search`` (case and accents ignored: "sian" finds "Siân")."""
    words = [fold(w) for w in search.split()]
    if not words:
        return list(people)
    return [p for p in people if all(w in _haystack(p) for w in words)]


def fold(text: str) -> str:
    """Text folded for searching: case ignored and accents dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(value: str) -> str:
    """A name folded for comparison: case, accents and punctuation ignored."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _haystack(p: Findable) -> str:
    return fold(
        " ".join((p.title, p.first_name, p.last_name, p.job_title, p.email, p.telephone, p.organisation_name))
    )
