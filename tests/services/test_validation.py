"""The one place typed text is cleaned: control characters become spaces (never dropped, which runs
words together), line breaks are refused in one-line text, and the officer is offered the cleaned text."""

from __future__ import annotations

import pytest

from sst_desktop.domain.plain_text import clean_text, cleaned_form_of
from sst_desktop.services.errors import ValidationError
from sst_desktop.services.validation import optional, required


@pytest.mark.parametrize(
    ("typed", "multiline", "expected"),
    [
        ("vertical\x0btab", True, "vertical\ntab"),  # Word's manual line break stays a line break
        ("vertical\x0btab", False, "vertical tab"),
        ("nul\x00byte", True, "nul byte"),
        ("bell\x07 and\x1bescape", False, "bell  and escape"),
        ("windows\r\nline\rends", True, "windows\nline\nends"),
        ("tab\tkept", True, "tab\tkept"),
        ("tab\tnot kept", False, "tab not kept"),
        ("para\u2029graph", True, "para\ngraph"),
        ("  \x00 ", True, ""),
    ],
)
def test_clean_text_never_runs_words_together(typed: str, multiline: bool, expected: str) -> None:
    assert clean_text(typed, multiline=multiline) == expected


def test_one_line_text_refuses_a_line_break_and_offers_the_joined_text() -> None:
    with pytest.raises(ValidationError, match="The venue must be on one line") as refused:
        optional("Bootle Town Hall\nOriel Road", "The venue", field="venue")
    assert refused.value.field == "venue" and refused.value.suggestion == "Bootle Town Hall Oriel Road"
    assert optional(refused.value.suggestion, "The venue") == "Bootle Town Hall Oriel Road"


def test_a_control_character_is_named_and_offered_as_a_space() -> None:
    with pytest.raises(ValidationError, match=r"had a control character \(U\+0002\) in it") as refused:
        required("Community\x02Safety", "The item's title")
    assert refused.value.suggestion == "Community Safety"
    with pytest.raises(ValidationError, match="had a NUL character in it") as refused:
        optional("Notes\x00 here\nand there", "The description", multiline=True)
    assert refused.value.suggestion == "Notes  here\nand there"


def test_several_lines_are_kept_where_several_lines_belong() -> None:
    assert optional(" First line\n\tSecond\x0bThird ", "The description", multiline=True) == (
        "First line\n\tSecond\nThird"
    )
    with pytest.raises(ValidationError, match="is required"):
        required("  \x00  ", "The name")


def test_a_suggestion_fits_a_box_only_when_it_is_that_box_cleaned() -> None:
    assert cleaned_form_of("Safer\nSefton", "Safer Sefton")
    assert not cleaned_form_of("Safer Sefton", "Safer Sefton")
    assert not cleaned_form_of("SSCP\nSafer\x07Communities", "Safer Communities")  # one line of several
