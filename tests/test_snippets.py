"""A committee's snippets: stored, checked, undone, and found by trigger word."""

from __future__ import annotations

import pytest

from sst_desktop.domain.snippets import SnippetRecord, expansion
from sst_desktop.services import snippets
from sst_desktop.services.errors import ValidationError
from sst_desktop.storage.engine import Database
from tests.minutes_data import build_committee_and_meetings


def test_snippets_are_stored_per_committee_and_undone_as_one_step(db: Database) -> None:
    seed = build_committee_and_meetings(db)
    done = snippets.set_snippets(
        db, seed.committee_id, [("rtbn", "the report be noted"), ("", ""), ("nxt", "the next meeting — ✓")]
    )
    expected = (
        SnippetRecord("nxt", "the next meeting — ✓"),
        SnippetRecord("rtbn", "the report be noted"),
    )
    assert snippets.snippets(db, seed.committee_id) == expected  # Unicode kept, empty rows dropped
    assert expansion(expected, "RTBN") == "the report be noted"
    assert expansion(expected, "rtb") == ""
    snippets.set_snippets(db, seed.committee_id, [("rtbn", "the update be noted")])
    assert done.undo is not None
    done.undo(db)
    assert snippets.snippets(db, seed.committee_id) == ()


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ([("two words", "x")], "one word"),
        ([("rtbn", "a"), ("RTBN", "b")], "used twice"),
        ([("rtbn", "   ")], "text"),
    ],
)
def test_a_bad_list_is_refused_with_a_clear_message_and_nothing_changes(  # type: ignore[no-untyped-def]
    db: Database, pairs, message: str
) -> None:
    seed = build_committee_and_meetings(db)
    snippets.set_snippets(db, seed.committee_id, [("keep", "kept")])
    with pytest.raises(ValidationError, match=message):
        snippets.set_snippets(db, seed.committee_id, pairs)
    assert snippets.snippets(db, seed.committee_id) == (SnippetRecord("keep", "kept"),)
