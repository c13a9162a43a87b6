"""Guesses of what comes next, from the committee's record (no window)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from sst_desktop.domain import Action, ActionUpdate, AgendaItem, Committee, Person
from sst_desktop.domain.prediction import Guesses, Predictor, Vocabulary
from sst_desktop.domain.word_list import WordList
from sst_desktop.services import minutes
from sst_desktop.services.suggestions import vocabulary
from sst_desktop.services.word_list import english_words
from sst_desktop.services.word_pairs import english_pairs
from sst_desktop.storage.engine import Database
from tests.minutes_data import build_committee_and_meetings

RECORD = Vocabulary(
    (
        "Members considered a report on Domestic Violence and Violence against Women and Girls.",
        "the report be noted",
        "the update be noted",
        "the Minutes of the meeting held on 17 March 2022 be confirmed as a correct record",
    )
)


def test_a_word_is_completed_and_a_phrase_runs_on_while_the_record_agrees() -> None:
    predictor = Predictor(RECORD)
    assert (
        predictor.suggest("Members cons")
        == "idered a report on Domestic Violence and Violence against Women and Girls."
    )
    assert (
        predictor.suggest("the Minu")
        == "tes of the meeting held on 17 March 2022 be confirmed as a correct record"
    )
    assert predictor.suggest("the up") == "date be noted"
    assert predictor.suggest("the report be n") == "oted"


def test_nothing_is_offered_for_a_word_inside_another_or_an_unknown_word() -> None:
    predictor = Predictor(RECORD)
    assert predictor.suggest("xport") == ""  # "report" holds "port", but not as a word's start
    assert predictor.suggest("Quokka") == ""
    assert predictor.suggest("") == ""


def test_the_words_on_screen_count_and_case_follows_the_record() -> None:
    predictor = Predictor(RECORD)
    assert predictor.suggest("members cons").startswith("idered a report")
    on_screen = ["It was noted that the Serious Violence Duty consultation was open."]
    assert predictor.suggest("under the Serious Vi", on_screen) == "olence Duty consultation was open."


def test_the_vocabulary_holds_the_directory_the_agenda_and_openings_from_the_presenters(db: Database) -> None:
    seed = build_committee_and_meetings(db)
    texts = vocabulary(db, seed.meeting_id).texts
    assert "Superintendent Graeme Robson" in texts
    assert "Domestic Homicide Review (DHRs) Update" in texts
    assert "Steve Martlew gave an update on Prevent Local Partnerships Health Check." in texts
    assert "Rosanna Stanley presented a briefing paper on Youth Justice Service Update." in texts
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    minutes.set_text(db, minute.id, "Chairs were hard to recruit.")
    assert "Chairs were hard to recruit." in vocabulary(db, seed.meeting_id).texts


def test_the_word_list_completes_the_commonest_word_after_three_letters_where_it_saves_keys() -> None:
    words = WordList.by_frequency(["governor", "government", "gown", "involved", "investigation"])
    assert words.complete("gov") == "ernor"  # the commoner of the two
    assert words.complete("Gove") == "rnor"  # the case typed: a capital stays at the start
    assert words.complete("GOVERNM") == "ENT"  # all capitals stay capitals
    assert words.complete("go") == ""  # fewer than three letters typed
    assert words.complete("gow") == "n"  # one letter, and Tab puts the space in too: two keys for one
    assert words.complete("governo") == "r"
    assert words.complete("inv3") == "" and words.complete("café") == ""  # not a word of the list's letters
    assert words.complete("quo") == ""


def test_the_record_is_asked_first_and_the_word_list_only_where_it_has_nothing() -> None:
    words = WordList.by_frequency(["reports", "reputation", "involved"])
    predictor = Predictor(Vocabulary(RECORD.texts, words=words))
    assert predictor.suggest("the rep") == "ort be noted"  # the record's word, not the list's
    assert predictor.suggest("Steps were inv") == "olved "  # the record has no "inv…"
    assert Predictor(RECORD).suggest("Steps were inv") == ""  # (no list: nothing)


def test_the_shipped_word_list_is_read_once_from_the_resources(db: Database) -> None:
    words = english_words()
    assert len(words.words) > 40_000 and list(words.words) == sorted(words.words)
    assert words.complete("safeg") == "uard"
    assert {"fuck", "shit", "cunt"}.isdisjoint(words.words)
    seed = build_committee_and_meetings(db)
    assert vocabulary(db, seed.meeting_id).words is words  # the record's reading brings it, once


def test_after_a_whole_word_the_words_the_record_goes_on_with_are_offered_when_it_agrees() -> None:
    """Issue 14: at the end of a word the record goes on from the same way, the next words are
    offered with their space (Ctrl+Right takes " be"); not where it goes on differently."""
    predictor = Predictor(RECORD)
    assert predictor.suggest("the report") == " be noted"
    assert predictor.suggest("Members considered") == (
        " a report on Domestic Violence and Violence against Women and Girls."
    )
    assert predictor.suggest("the") == ""  # " report", " update", " Minutes": no agreement
    on_screen = ["The panel met twice.", "The panel met again.", "The panel was told."]
    assert Predictor().suggest("Then the panel", on_screen) == " met "  # two of three places
    assert Predictor().suggest("Then the panel", on_screen[1:]) == ""  # one against one
    # Mostly a longer word there ("reports"): the word is completed, not ended.
    longer = Vocabulary(("the reports were read", "the reports were noted", "the report be noted"))
    assert Predictor(longer).suggest("and the report") == "s were "


def test_a_word_is_completed_from_places_where_a_word_starts_not_from_inside_another() -> None:
    """The stretch matched before a word being typed starts at a word: "members dis" follows
    "… dis", not the "s dis" of "items discovered"."""
    record = Vocabulary(
        ("Items discovered were listed.", "They discussed it at length.", "We discussed it again.")
    )
    assert Predictor(record).suggest("and members dis") == "cussed "


def test_the_word_list_offers_the_form_the_word_before_calls_for_in_the_record() -> None:
    """Issue 14: where the record has no word for the letters typed, the English word offered is
    of the form the words after the word before mostly take there ("be noted", "be confirmed" →
    "be circ" is "circulated", not the commoner "circumstances")."""
    words = WordList.by_frequency(["circumstances", "circle", "circulated", "circulating"])
    assert words.complete("circ") == "umstances"
    assert words.complete("circ", "ed") == "ulated"
    assert words.complete("circ", "ly") == "umstances"  # none of that form: the commonest
    predictor = Predictor(Vocabulary(RECORD.texts, words=words))
    assert predictor.suggest("the plan be circ") == "ulated "  # "be noted" twice, "be confirmed"
    assert predictor.suggest("the plan is circ") == "umstances "  # nothing after "is" in the record
    assert predictor.suggest("a report on circ") == "umstances "  # "on Domestic" once: no form called for


def test_a_word_offered_brings_the_space_after_it_where_the_text_goes_on() -> None:
    """Issue 14: Tab saves the space after a word too — where the places mostly have one after it
    (and after a word of the English list); not where the record's text ends there."""
    predictor = Predictor(
        Vocabulary(("They discussed it.", "We discussed plans.", "They discussed."), words=english_words())
    )
    assert predictor.suggest("The board dis") == "cussed "  # two places of three go on with a space
    assert Predictor(RECORD).suggest("the report be n") == "oted"  # the record's text ends there
    assert Predictor(RECORD).suggest("the rep") == "ort be noted"
    assert predictor.suggest("The safeg") == "uard "  # a listed word: mostly a space after it


def test_a_whole_word_is_not_stretched_into_a_rarer_one_unless_the_word_before_calls_for_it() -> None:
    """Issue 14: "were" is not offered as "werewolf"; "develop" is offered as "developed" only where
    the words after the word before mostly end so."""
    words = WordList.by_frequency(["were", "develop", "developed", "werewolf"])
    assert words.complete("were") == ""
    assert words.complete("develop") == ""
    assert words.complete("develop", "ed") == "ed"


def test_one_letter_with_its_space_is_offered_two_keys_for_one() -> None:
    predictor = Predictor(Vocabulary(("the reports read well", "the reports noted it")))
    assert predictor.suggest("and report") == "s "  # "s" and the space: Tab saves a key
    assert Predictor(Vocabulary(("the reports", "the reports"))).suggest("and report") == ""  # "s" alone: no


def test_a_word_is_completed_from_its_first_letter_where_the_record_has_words_so_begun() -> None:
    """Issue 14: one letter at a word's start is enough for the record's word ("M" → "Members")."""
    predictor = Predictor(RECORD)
    assert predictor.suggest("M") == "embers "
    assert predictor.suggest("Later, M") == "embers "
    assert predictor.suggest("Later, Q") == ""  # no word of the record begins so


def test_english_pairs_rank_the_word_being_typed_by_the_word_before() -> None:
    """Issue 14: which English word follows which (shipped, read once) picks the word a few letters
    begin ("of t" → "the") and offers the word that mostly comes next after a space ("to " → "the ");
    a word typed whole is not stretched into a longer one, and the record's own phrase still wins
    where the record has the words typed."""
    pairs = english_pairs()
    assert pairs is english_pairs() and len(pairs.after) > 10_000
    assert pairs.followers("of") is not None and pairs.followers("Of") is pairs.followers("of")
    predictor = Predictor(Vocabulary(RECORD.texts, words=english_words(), pairs=pairs))
    assert predictor.suggest("a review in t") == "he "
    assert predictor.suggest("It was agreed to ") == "the "
    assert predictor.suggest("It was agreed to the ") == "report "  # no English word mostly follows
    # "the": the record's word stands
    assert predictor.suggest("the report be n") == "oted"  # the record has "report be n…"
    assert predictor.suggest("Members considered a r") == "eport on Domestic Violence and Violence against Women and Girls."
    assert predictor.suggest("It was sug") == "gested "  # English: "was suggested"
    assert predictor.suggest("Then the panel") == ""  # a whole word: not "panels"
    assert Predictor(RECORD).suggest("It was agreed to ") == ""  # (without the pairs: nothing)


def test_the_vocabulary_draws_on_the_councils_wider_record_and_names_people_as_minutes_do(
    db: Database,
) -> None:
    """Issue 14: another committee's actions, their responses and progress updates are words the
    council writes in; an opening names a titled presenter by title and surname."""
    seed = build_committee_and_meetings(db)
    with db.write() as session:
        other = Committee(name="Peer Review Working Group", short_name="PRWG")
        session.add(other)
        session.flush()
        action = Action(
            reference="PRWG-1",
            committee_id=other.id,
            text="That the MARSOC investigate an information sharing system",
            response="A robust information sharing agreement is in place.",
        )
        action.updates.append(ActionUpdate(on=date(2018, 9, 18), text="Regular partnership meetings continue."))
        session.add(action)
        profile = session.get(AgendaItem, seed.item_ids[7])
        assert profile is not None and profile.title == "Sefton Local Profile"
        robson = session.scalars(select(Person).where(Person.last_name == "Robson")).one()
        profile.presenters_text = ""  # the presenter linked from the directory, not typed
        profile.presenters.append(robson)
    read = vocabulary(db, seed.meeting_id)
    assert "A robust information sharing agreement is in place." in read.texts
    assert "Regular partnership meetings continue." in read.texts
    assert "That the MARSOC investigate an information sharing system" in read.texts
    assert "Superintendent Robson" in read.texts
    assert Predictor(read).suggest("a robust info") == "rmation sharing agreement is in place."
    openings = [text for texts in read.openings.values() for text in texts]
    assert "Superintendent Robson gave an update on Sefton Local Profile." in openings
    assert "Rosanna Stanley presented a briefing paper on Youth Justice Service Update." in openings


def test_the_next_likeliest_words_come_with_the_guess() -> None:
    """Issue 14: beside what is offered, the next two words English ranks there, never the one
    offered again."""
    predictor = Predictor(Vocabulary(RECORD.texts, words=english_words(), pairs=english_pairs()))
    assert predictor.guesses("It was agreed to ") == Guesses("the ", ("be ", "a "))
    guesses = predictor.guesses("It was sug")
    assert guesses.offer == "gested " and "gested " not in guesses.others
    assert predictor.guesses("Then the panel").offer == ""  # a whole word, yet "panels" is beside it
    assert predictor.guesses("Then the panel").others == ("s ",)
    assert Predictor(RECORD).guesses("It was agreed to ") == Guesses()  # (without the pairs: nothing)
