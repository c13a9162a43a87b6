"""No lost edit: a minute's text saved on the basis of an older copy is not applied, and the officer
is told whose text is there now (on both backends)."""

from __future__ import annotations

import pytest

from sst_desktop.domain.enums import MinuteOutcome
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


# The rest of what officers edit in a minute, and its undo ----------------------------------------------


def _minute(db):  # type: ignore[no-untyped-def]
    seed = build_committee_and_meetings(db)
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    assert minute is not None
    return minute


def test_a_heading_changed_since_it_was_read_is_kept(db) -> None:  # type: ignore[no-untyped-def]
    minute = _minute(db)
    with audit.acting_as("jsmith"):
        minutes.set_heading(db, minute.id, "DHR report", based_on=minute.heading)
    with pytest.raises(EditConflictError) as refused:
        minutes.set_heading(db, minute.id, "Domestic homicide review", based_on=minute.heading)
    assert refused.value.theirs == "DHR report"
    assert "heading" in str(refused.value) and refused.value.who in str(refused.value)
    assert minutes.get_minute(db, minute.id).heading == "DHR report"
    minutes.set_heading(db, minute.id, "Domestic homicide review", based_on="DHR report")
    assert minutes.get_minute(db, minute.id).heading == "Domestic homicide review"


def test_a_resolution_reworded_since_it_was_read_is_kept_and_its_undo_too(db) -> None:  # type: ignore[no-untyped-def]
    minute = _minute(db)
    added = minutes.add_resolution(db, minute.id, "the report be noted")
    assert added.after is not None
    resolution_id = added.after.resolutions[0].id
    with audit.acting_as("jsmith"):
        minutes.set_resolution_text(
            db, resolution_id, "the report be noted and agreed", based_on="the report be noted"
        )
    with audit.acting_as("ibarton"), pytest.raises(EditConflictError) as refused:
        minutes.set_resolution_text(
            db, resolution_id, "the report be deferred", based_on="the report be noted"
        )
    assert refused.value.theirs == "the report be noted and agreed"
    with pytest.raises(EditConflictError):
        minutes.update_resolution(db, resolution_id, "the report be deferred", based_on="the report be noted")
    # undoing the addition would remove the other officer's wording: refused, naming them
    assert added.undo is not None
    with pytest.raises(EditConflictError) as undo_refused:
        added.undo(db)
    assert undo_refused.value.who in str(undo_refused.value)
    assert [r.text for r in minutes.get_minute(db, minute.id).resolutions] == [
        "the report be noted and agreed"
    ]


def test_undo_of_a_heading_after_another_officers_edit_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    minute = _minute(db)
    mine = minutes.set_heading(db, minute.id, "DHR report", based_on=minute.heading)
    with audit.acting_as("jsmith"):
        minutes.set_heading(db, minute.id, "DHR report (revised)", based_on="DHR report")
    assert mine.undo is not None
    with pytest.raises(EditConflictError):
        mine.undo(db)
    assert minutes.get_minute(db, minute.id).heading == "DHR report (revised)"
    # with nobody in between, undo and redo work as before
    again = minutes.set_heading(db, minute.id, "DHR", based_on="DHR report (revised)")
    assert again.undo is not None
    redo = again.undo(db)
    assert minutes.get_minute(db, minute.id).heading == "DHR report (revised)"
    assert redo.undo is not None
    redo.undo(db)
    assert minutes.get_minute(db, minute.id).heading == "DHR"


def test_undo_of_an_outcome_another_officer_changed_since_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    minute = _minute(db)
    mine = minutes.set_outcome(db, minute.id, MinuteOutcome.DEFERRED)
    with audit.acting_as("jsmith"):
        minutes.set_outcome(db, minute.id, MinuteOutcome.WITHDRAWN, based_on=MinuteOutcome.DEFERRED)
    assert mine.undo is not None
    with pytest.raises(EditConflictError) as refused:
        mine.undo(db)
    assert refused.value.theirs == "Withdrawn"
    assert minutes.get_minute(db, minute.id).outcome is MinuteOutcome.WITHDRAWN
