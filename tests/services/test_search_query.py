"""How typed text becomes search terms, and how snippets mark what matched (no database needed)."""

from __future__ import annotations

from sst_desktop.services.search_query import Term, fts5_match, parse, tsquery
from sst_desktop.services.search_snippets import snippet


def test_bare_words_are_prefixes_and_quotes_make_exact_phrases() -> None:
    assert parse('Homic "Serious Violence" duty') == (
        Term(("homic",), True),
        Term(("serious", "violence"), False),
        Term(("duty",), True),
    )


def test_a_quote_still_open_while_typing_is_a_phrase_ending_in_a_prefix() -> None:
    assert parse('"taxi marsh') == (Term(("taxi", "marsh"), True),)


def test_punctuation_joins_words_into_a_phrase_and_accents_fold() -> None:
    assert parse("O'Brien Zoë SST/2022/004") == (
        Term(("o", "brien"), True),
        Term(("zoe",), True),
        Term(("sst", "2022", "004"), True),
    )
    assert parse(' " " -- ') == ()


def test_the_same_terms_for_both_databases() -> None:
    terms = parse('taxi "serious violence"')
    assert fts5_match(terms) == '"taxi"* AND "serious violence"'
    assert tsquery(terms) == "('taxi':*) & ('serious' <-> 'violence')"


def test_snippet_marks_the_matching_words_around_the_first_match() -> None:
    text = "Introductory words. " * 20 + "The board reviewed Taxi\nmarshalling in Southport."
    found = snippet(text, parse("taxi marsh"))
    assert found.hits == 2
    assert found.pieces[0] == ("…", False)
    assert ("Taxi", True) in found.pieces and ("marshalling", True) in found.pieces
    assert "[Taxi] [marshalling] in Southport." in found.bracketed()


def test_a_phrase_is_marked_only_where_its_words_stand_together() -> None:
    found = snippet("marshalling of taxi; taxi marshalling", parse('"taxi marshalling"'))
    assert found.bracketed() == "marshalling of taxi; [taxi] [marshalling]"
