"""A committee's document style: stored, read, copied, undone, written to and read from a file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sst_desktop.services.committees import CommitteePatch, create_committee
from sst_desktop.services.document_style import (
    DEFAULT_STYLE,
    DocumentStyle,
    changed_settings,
    style_from_text,
    style_to_text,
)
from sst_desktop.services.document_styles import (
    committee_style,
    committee_style_text,
    copy_committee_style,
    import_committee_style,
    meeting_sentences,
    meeting_style,
    set_committee_style,
    set_meeting_sentence,
)
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.meetings import schedule_meeting
from sst_desktop.services.outcome import Changed

HOUSE = DocumentStyle(
    held_at="MEETING HELD AT THE",
    group_councillors=True,
    agenda_title="A G E N D A",
    summons_template="Dear Member,\n\nYou are summoned to {committee} — “Sefton” ½ ünïcödé.",
    first_page_number=117,
)


def _committee(db, name: str, short: str) -> int:  # type: ignore[no-untyped-def]
    record = create_committee(db, CommitteePatch(name=name, short_name=short)).after
    assert record is not None
    return record.id


def test_a_committee_without_a_style_has_the_default(db) -> None:  # type: ignore[no-untyped-def]
    sst = _committee(db, "Safer Sefton Together", "SST")
    assert committee_style(db, sst) == DEFAULT_STYLE
    with pytest.raises(NotFoundError):
        committee_style(db, sst + 99)


def test_set_read_and_undo(db) -> None:  # type: ignore[no-untyped-def]
    sst = _committee(db, "Safer Sefton Together", "SST")
    meeting = schedule_meeting(db, sst, date(2022, 9, 8)).after
    assert meeting is not None
    outcome = set_committee_style(db, sst, HOUSE)
    assert outcome.changed == Changed.STYLE
    assert committee_style(db, sst) == HOUSE
    assert meeting_style(db, meeting.id) == HOUSE
    assert outcome.undo is not None
    undone = outcome.undo(db)
    assert committee_style(db, sst) == DEFAULT_STYLE
    assert undone.undo is not None
    undone.undo(db)
    assert committee_style(db, sst) == HOUSE
    assert set_committee_style(db, sst, HOUSE).changed == Changed.NOTHING


def test_a_bad_setting_is_refused_and_nothing_changes(db) -> None:  # type: ignore[no-untyped-def]
    sst = _committee(db, "Safer Sefton Together", "SST")
    with pytest.raises(ValidationError, match="apologies_text must contain"):
        set_committee_style(db, sst, replace(HOUSE, apologies_text="Apologies were received."))
    with pytest.raises(ValidationError, match="one of"):
        set_committee_style(db, sst, replace(HOUSE, present_order="alphabetical"))
    assert committee_style(db, sst) == DEFAULT_STYLE


def test_copy_from_another_committee(db) -> None:  # type: ignore[no-untyped-def]
    sst = _committee(db, "Safer Sefton Together", "SST")
    scrutiny = _committee(db, "Overview and Scrutiny Committee", "OSC")
    set_committee_style(db, sst, HOUSE)
    outcome = copy_committee_style(db, scrutiny, sst)
    assert committee_style(db, scrutiny) == HOUSE
    assert outcome.undo is not None
    outcome.undo(db)
    assert committee_style(db, scrutiny) == DEFAULT_STYLE
    assert committee_style(db, sst) == HOUSE


def test_the_file_round_trips_every_setting_and_unicode(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sst = _committee(db, "Safer Sefton Together", "SST")
    scrutiny = _committee(db, "Overview and Scrutiny Committee", "OSC")
    set_committee_style(db, sst, HOUSE)
    path = tmp_path / "sefton.toml"
    path.write_text(committee_style_text(db, sst), encoding="utf-8")
    assert "# exported from Safer Sefton Together" in path.read_text(encoding="utf-8")
    import_committee_style(db, scrutiny, path)
    assert committee_style(db, scrutiny) == HOUSE
    assert set(changed_settings(HOUSE)) == {
        "held_at",
        "group_councillors",
        "agenda_title",
        "summons_template",
        "first_page_number",
    }


def test_a_short_file_sets_only_what_it_names() -> None:
    style = style_from_text('[agenda]\nagenda_title = "A G E N D A"\n')
    assert style == replace(DEFAULT_STYLE, agenda_title="A G E N D A")
    assert style_from_text(style_to_text(DEFAULT_STYLE)) == DEFAULT_STYLE


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("this is not toml", "Not a style file"),
        ("format = 7", "format 7"),
        ("[minutes]\nheld_at = 'x'", "Unknown section [minutes]"),
        ("[opening]\nheld_on = 'x'", "Unknown setting opening.held_on"),
        ("[agenda]\nheld_at = 'x'", "Unknown setting agenda.held_at"),
        ("[opening]\ncall_in_statement = 'yes'", "opening.call_in_statement must be true or false"),
        ("[pages]\nfirst_page_number = 0", "pages.first_page_number must be between 1 and 99999"),
        ("[pages]\nfirst_page_number = 'one'", "must be a whole number"),
        ("[resolved]\nresolved_that = 'Thus'", "resolved.resolved_that must be one of: That, That:"),
        ("[pack]\nsummons_template = '{nonsense}'", "may hold only {committee}"),
        ('[agenda]\nagenda_title = "A\\u0007B"', "control character"),
    ],
)
def test_bad_files_are_refused_in_one_line(db, tmp_path, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    sst = _committee(db, "Safer Sefton Together", "SST")
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        import_committee_style(db, sst, path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert committee_style(db, sst) == DEFAULT_STYLE


def test_a_binary_file_is_refused(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sst = _committee(db, "Safer Sefton Together", "SST")
    path = tmp_path / "picture.toml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(ValidationError, match="not a style file"):
        import_committee_style(db, sst, path)


def test_a_meeting_sentence_is_set_cleared_and_undone(db) -> None:  # type: ignore[no-untyped-def]
    sst = _committee(db, "Safer Sefton Together", "SST")
    meeting = schedule_meeting(db, sst, date(2022, 9, 8)).after
    assert meeting is not None
    outcome = set_meeting_sentence(db, meeting.id, "apologies", "  All partners sent apologies.  ")
    assert meeting_sentences(db, meeting.id) == {"apologies": "All partners sent apologies."}
    assert outcome.changed == Changed.MINUTES and outcome.undo is not None
    outcome.undo(db)
    assert meeting_sentences(db, meeting.id) == {}
    with pytest.raises(ValidationError):
        set_meeting_sentence(db, meeting.id, "actions", "x")
