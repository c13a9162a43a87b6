"""Marking passages as another language in the stored text, and reading them back."""

from __future__ import annotations

import pytest

from sst_desktop.domain.language_marks import (
    LanguageMarkError,
    language_name,
    mark,
    normalise_tag,
    plain,
    segments,
    unmark,
)


def test_mark_segments_plain_and_unmark_round_trip_unicode() -> None:
    text = "Residents said الجمعية الخيرية and Zażółć gęślą."
    start = text.index("الجمعية")
    end = start + len("الجمعية الخيرية")
    marked = mark(text, start, end, "AR")
    assert marked == "Residents said ⟦ar|الجمعية الخيرية⟧ and Zażółć gęślą."
    assert segments(marked) == [
        ("Residents said ", ""),
        ("الجمعية الخيرية", "ar"),
        (" and Zażółć gęślą.", ""),
    ]
    assert plain(marked) == text
    assert unmark(marked, marked.index("الخيرية")) == text
    assert language_name("cy") == "Welsh (cy)" and normalise_tag("zh_hant_hk") == "zh-Hant-HK"


def test_overlapping_nested_or_empty_marks_are_refused_with_a_message() -> None:
    text = mark("Croeso i bawb heddiw", 0, 13, "cy")
    with pytest.raises(LanguageMarkError, match="already marked as Welsh"):
        mark(text, 3, 20, "pl")
    with pytest.raises(LanguageMarkError, match="already marked"):
        mark(text, 8, 12, "cy")  # inside the Welsh passage: marks do not nest
    with pytest.raises(LanguageMarkError, match="Select the words"):
        mark("abc", 1, 1, "cy")
    with pytest.raises(LanguageMarkError, match="not a language code"):
        mark("abc", 0, 3, "Welsh!")
