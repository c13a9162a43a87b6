"""A committee's snippets: trigger words the officer chose for text typed often in its minutes.

The officer edits them as a list (the Snippets dialog); ``set_snippets`` stores the list whole, and
its undo puts the previous list back, so one edit of the dialog is one undo step. ``expansion`` says
what a trigger word stands for; the minute-taking window only offers it (Tab takes it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import delete, select

from sst_desktop.domain import Committee
from sst_desktop.domain.snippets import Snippet, SnippetRecord
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.outcome import Changed, Outcome
from sst_desktop.services.validation import required
from sst_desktop.storage.engine import Database

MAX_TRIGGER = 40
MAX_TEXT = 4000
_TRIGGER = re.compile(r"^[\w'’.-]+$")


def snippets(db: Database, committee_id: int) -> tuple[SnippetRecord, ...]:
    """The committee's snippets, by trigger word."""
    with db.read() as session:
        rows = session.scalars(
            select(Snippet).where(Snippet.committee_id == committee_id).order_by(Snippet.trigger)
        )
        return tuple(SnippetRecord(row.trigger, row.text) for row in rows)


def checked(pairs: Iterable[tuple[str, str]]) -> tuple[SnippetRecord, ...]:
    """The list as typed, checked: each trigger one word, used once (whatever its case), each with text.
    Rows left wholly empty are dropped."""
    kept: list[SnippetRecord] = []
    seen: set[str] = set()
    for number, (trigger, text) in enumerate(pairs, 1):
        if not trigger.strip() and not text.strip():
            continue
        trigger = required(
            trigger, f"The trigger of snippet {number}", field="trigger", max_length=MAX_TRIGGER
        )
        if not _TRIGGER.match(trigger):
            raise ValidationError(
                f"The trigger “{trigger}” must be one word (letters and digits, no spaces).", field="trigger"
            )
        if trigger.casefold() in seen:
            raise ValidationError(f"The trigger “{trigger}” is used twice.", field="trigger")
        seen.add(trigger.casefold())
        text = required(text, f"The text of “{trigger}”", field="text", max_length=MAX_TEXT, multiline=True)
        kept.append(SnippetRecord(trigger, text))
    return tuple(sorted(kept, key=lambda s: s.trigger))


def set_snippets(
    db: Database, committee_id: int, pairs: Iterable[tuple[str, str]]
) -> Outcome[tuple[SnippetRecord, ...]]:
    """Store the committee's snippets as this list (see ``checked``); undo puts the old list back."""
    wanted = checked(pairs)
    before = snippets(db, committee_id)
    if wanted == before:
        return Outcome(before, Changed.NOTHING)
    with db.write() as session:
        if session.get(Committee, committee_id) is None:
            raise NotFoundError(f"No committee with id {committee_id}.")
        session.execute(delete(Snippet).where(Snippet.committee_id == committee_id))
        session.flush()
        session.add_all(Snippet(committee_id=committee_id, trigger=s.trigger, text=s.text) for s in wanted)
    undo_pairs = [(s.trigger, s.text) for s in before]
    return Outcome(wanted, Changed.STYLE, lambda db: set_snippets(db, committee_id, undo_pairs))
