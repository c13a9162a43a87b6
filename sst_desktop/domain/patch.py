"""Typed partial edits: a frozen patch record names the fields an edit changes, and nothing else.

Each entity's service defines its patch (``CommitteePatch``…): every field defaults to ``UNSET``, so
``CommitteePatch(default_venue="Bootle Town Hall")`` changes the venue alone, and mypy checks the
name and type of every field an edit sets. The service validates the fields given in one place.
"""

from __future__ import annotations

import enum
from dataclasses import fields, replace
from typing import Any, TypeVar


class Unset(enum.Enum):
    """The value of a patch field the edit leaves alone."""

    UNSET = "unset"


UNSET = Unset.UNSET

P = TypeVar("P")


def given(patch: Any) -> dict[str, object]:
    """The fields a patch sets, by name."""
    return {f.name: getattr(patch, f.name) for f in fields(patch) if getattr(patch, f.name) is not UNSET}


def reverting(patch: P, before: object) -> P:
    """A patch that puts back, from the record ``before``, each field ``patch`` sets (its undo)."""
    return replace(patch, **{name: getattr(before, name) for name in given(patch)})  # type: ignore[type-var]
