"""No lost edit: a minute's text saved on the basis of an older copy is not applied, and the officer
is told whose text is there now (on both backends)."""

from __future__ import annotations

import pytest

from sst_desktop.services import minutes
from sst_desktop.services.errors import EditConflictError
from sst_desktop.storage import audit
from tests.minutes_data import build_committee_and_meetings


def test_a_save_based_on_an_older_copy_is_refused_and_says_whose_text_is_there(db) -> None:  # type: ignore[no-untyped-def]
    seed = build_committee_and_meetings(db)
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    assert minute is not None
    with audit.acting_as("ibarton"):
        minutes.set_text(db, minute.id, "Members considered the report.", based_on=minute.text)
    with audit.acting_as("jsmith"):  # another officer, who had read it
        minutes.set_text(
            db, minute.id, "Members considered the DHR report.", based_on="Members considered the report."
        )
    with audit.acting_as("ibarton"), pytest.raises(EditConflictError) as refused:
        minutes.set_text(
            db,
            minute.id,
            "Members considered the report and noted it.",
            based_on="Members considered the report.",
        )
    assert refused.value.theirs == "Members considered the DHR report."
    # (a server's audit names the database login, which the test server's officers share)
    expected = "jsmith" if db.engine.dialect.name == "sqlite" else db.engine.url.username
    assert refused.value.who == expected
    assert minutes.get_minute(db, minute.id).text == "Members considered the DHR report."  # nothing lost


def test_the_same_text_or_no_basis_is_saved(db) -> None:  # type: ignore[no-untyped-def]
    seed = build_committee_and_meetings(db)
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    assert minute is not None
    minutes.set_text(db, minute.id, "Noted.", based_on=minute.text)
    minutes.set_text(
        db, minute.id, "Noted.", based_on="something older"
    )  # what is there already: no conflict
    minutes.set_text(db, minute.id, "Noted and agreed.")  # no basis (the command line): saved as before
    assert minutes.get_minute(db, minute.id).text == "Noted and agreed."
