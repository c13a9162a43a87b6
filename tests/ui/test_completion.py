"""Word and phrase completion in the minute-taking window's text boxes, typed with real keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from sst_desktop.services import minutes
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from tests.minutes_data import SeedMeeting
from tests.ui.test_minute_taking import key, saved, seed, window  # noqa: F401 (fixtures: the window, its meeting)
from tests.ui.waiting import settle

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def on_item_4(qtbot, window: MinuteTakingWindow, seed: SeedMeeting) -> MinuteTakingWindow:  # type: ignore[no-untyped-def]  # noqa: F811
    """The minute-taking window on item 4, typing in its narrative."""
    window.activateWindow()
    window.go_to(seed.item_ids[3])
    settle(qtbot)
    window.editor.narrative.setFocus()
    return window


def test_tab_takes_the_rest_of_the_title_and_it_is_saved(qtbot, on_item_4, db, seed) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "Members considered a report on Dom")
    assert win.completion.offered(narrative) == "estic Homicide Review (DHRs) Update."
    assert win.completion.ghost.isVisible()
    assert narrative.toPlainText() == "Members considered a report on Dom"  # shown, not inserted
    key(qtbot, narrative, Qt.Key.Key_Tab)
    expected = "Members considered a report on Domestic Homicide Review (DHRs) Update."
    assert narrative.toPlainText() == expected
    assert narrative.hasFocus()  # Tab took the suggestion instead of moving on
    qtbot.waitUntil(lambda: saved(win), timeout=3000)
    assert minutes.minute_for_item(db, seed.item_ids[3]).text == expected

    # One undo step takes the whole insertion back.
    key(qtbot, narrative, Qt.Key.Key_Z, CTRL)
    assert narrative.toPlainText() == "Members considered a report on Dom"


def test_typing_on_wins_and_ctrl_right_takes_one_word(qtbot, on_item_4) -> None:  # type: ignore[no-untyped-def]
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "Steve Mar")
    assert win.completion.offered(narrative).startswith("tlew")
    qtbot.keyClicks(narrative, "x")  # not what was offered: typed as typed, the suggestion goes
    assert narrative.toPlainText() == "Steve Marx"
    assert win.completion.offered(narrative) == ""
    key(qtbot, narrative, Qt.Key.Key_Tab)  # with nothing offered, Tab moves on as before
    assert not narrative.hasFocus()

    narrative.setFocus()
    narrative.selectAll()
    qtbot.keyClicks(narrative, "Members considered ")
    assert win.completion.offered(narrative).startswith("a report on")
    key(qtbot, narrative, Qt.Key.Key_Right, CTRL)
    key(qtbot, narrative, Qt.Key.Key_Right, CTRL)
    assert narrative.toPlainText() == "Members considered a report"
    key(qtbot, narrative, Qt.Key.Key_Escape)
    assert win.completion.offered(narrative) == ""
    assert not win.completion.ghost.isVisible()


def test_a_resolution_completes_from_the_narrative_on_screen(qtbot, on_item_4, db, seed) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    win = on_item_4
    editor = win.editor
    qtbot.keyClicks(editor.narrative, "Chairs for reviews were hard to attract.")
    key(qtbot, editor.narrative, Qt.Key.Key_Return, CTRL)
    new = editor.resolutions.new_edit
    assert new.hasFocus()
    qtbot.keyClicks(new, "independent Chairs for rev")
    assert win.completion.offered(new) == "iews were hard to attract."
    key(qtbot, new, Qt.Key.Key_Right, CTRL)
    key(qtbot, new, Qt.Key.Key_Return)
    settle(qtbot)
    assert [r.text for r in minutes.minute_for_item(db, seed.item_ids[3]).resolutions] == [
        "independent Chairs for reviews"
    ]


def test_nothing_is_offered_on_confirmed_minutes_or_inside_a_word(qtbot, on_item_4) -> None:  # type: ignore[no-untyped-def]
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "Domestic Homicide Review")
    cursor = narrative.textCursor()
    cursor.setPosition(3)  # inside "Domestic"
    narrative.setTextCursor(cursor)
    assert win.completion.offered(narrative) == ""


def test_an_attached_reports_recommendation_is_adopted_with_one_key_then_edited(  # type: ignore[no-untyped-def]
    qtbot,
    on_item_4,
    db,
    seed,  # noqa: F811
) -> None:
    from sst_desktop.demo.report_texts import VAWG
    from sst_desktop.demo.reports import render_report
    from sst_desktop.services.attachments import attach_pdf

    report = render_report(VAWG)
    attach_pdf(db, seed.item_ids[3], report.content, report.filename, title=report.title)
    win = on_item_4
    win.go_to(seed.item_ids[4])
    settle(qtbot)
    win.go_to(seed.item_ids[3])  # the record, and the report with it, is read at each item
    settle(qtbot)
    key(qtbot, win.editor.narrative, Qt.Key.Key_Return, CTRL)
    new = win.editor.resolutions.new_edit
    assert new.hasFocus() and new.toPlainText() == ""
    assert win.completion.offered(new) == "Agree to the priorities for a VAWG action plan"
    key(qtbot, new, Qt.Key.Key_Tab)  # adopted as the draft
    assert new.toPlainText() == "Agree to the priorities for a VAWG action plan"
    qtbot.keyClicks(new, " for 2023")  # then edited like anything typed
    key(qtbot, new, Qt.Key.Key_Return)
    settle(qtbot)
    assert (
        win.completion.offered(new) == "Agree the VAWG statement"
    )  # the next one, once the first is resolved
    assert [r.text for r in minutes.minute_for_item(db, seed.item_ids[3]).resolutions] == [
        "Agree to the priorities for a VAWG action plan for 2023"
    ]


def test_an_empty_narrative_is_offered_the_items_opening(qtbot, on_item_4, seed) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    win = on_item_4
    win.go_to(seed.item_ids[4])  # Prevent, a verbal update by Steve Martlew
    settle(qtbot)
    narrative = win.editor.narrative
    narrative.setFocus()
    assert (
        win.completion.offered(narrative)
        == "Steve Martlew gave an update on Prevent Local Partnerships Health Check."
    )
    for _ in range(6):
        key(qtbot, narrative, Qt.Key.Key_Right, CTRL)
    assert narrative.toPlainText() == "Steve Martlew gave an update on"


def test_an_empty_action_is_offered_the_latest_resolution_worded_as_an_action(  # type: ignore[no-untyped-def]
    qtbot,
    on_item_4,
    db,
    seed,  # noqa: F811
) -> None:
    from sst_desktop.services import actions

    win = on_item_4
    editor = win.editor
    key(qtbot, editor.narrative, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(editor.resolutions.new_edit, "a further report be submitted to the next meeting")
    key(qtbot, editor.resolutions.new_edit, Qt.Key.Key_Return)
    key(qtbot, editor.resolutions.new_edit, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    new = editor.actions_list.new_edit
    assert new.hasFocus() and new.toPlainText() == ""
    assert win.completion.offered(new) == "Submit a further report to the next meeting"
    key(qtbot, new, Qt.Key.Key_Tab)
    key(qtbot, new, Qt.Key.Key_Return)
    settle(qtbot)
    minute = minutes.minute_for_item(db, seed.item_ids[3])
    assert [a.text for a in actions.list_actions_for_minute(db, minute.id)] == [
        "Submit a further report to the next meeting"
    ]


def test_an_action_taken_from_a_resolution_is_the_presenters_and_due_at_the_next_meeting(  # type: ignore[no-untyped-def]
    qtbot,
    window: MinuteTakingWindow,  # noqa: F811
    db,
    seed: SeedMeeting,  # noqa: F811
) -> None:
    """Issue 14: "an action due at the next meeting, owner the presenter" — for the wording taken with
    Tab; the same words typed by hand are the officer's and get nothing they did not type."""
    from sst_desktop.services import actions

    window.activateWindow()
    window.go_to(seed.item_ids[4])  # Prevent Local Partnerships Health Check, presented by Steve Martlew
    settle(qtbot)
    editor = window.editor
    editor.narrative.setFocus()
    key(qtbot, editor.narrative, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(editor.resolutions.new_edit, "a further report be submitted to the next meeting")
    key(qtbot, editor.resolutions.new_edit, Qt.Key.Key_Return)
    key(qtbot, editor.resolutions.new_edit, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    new = editor.actions_list.new_edit
    assert window.completion.offered(new) == "Submit a further report to the next meeting"
    key(qtbot, new, Qt.Key.Key_Tab)
    key(qtbot, new, Qt.Key.Key_Return)
    settle(qtbot)
    new.setFocus()
    qtbot.keyClicks(new, "Submit a further report to the next meeting")
    key(qtbot, new, Qt.Key.Key_Return)
    settle(qtbot)
    minute = minutes.minute_for_item(db, seed.item_ids[4])
    taken, typed = actions.list_actions_for_minute(db, minute.id)
    assert (taken.text, taken.owner_text, taken.due_next_meeting) == (
        "Submit a further report to the next meeting",
        "Steve Martlew",
        True,
    )
    assert (typed.text, typed.owner_text, typed.owner_person_id, typed.due_next_meeting) == (
        "Submit a further report to the next meeting",
        "",
        None,
        False,
    )


def test_a_word_the_record_never_held_is_completed_from_the_english_word_list(  # type: ignore[no-untyped-def]
    qtbot,
    on_item_4,
    db,
    seed,  # noqa: F811
) -> None:
    """Issue 14: the committee's record first; where it has nothing for the word being typed, the
    commonest English word after three letters; typing the whole word is never in the way."""
    from sst_desktop.services.word_list import english_words

    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "Go")
    assert win.completion.offered(narrative) == ""  # two letters (and no word before): nothing yet
    qtbot.keyClicks(narrative, "v")
    assert win.completion.offered(narrative) == "ernment "  # the record holds no "gov…"
    assert win.completion.ghost.isVisible()
    assert narrative.toPlainText() == "Gov"  # shown, not inserted
    key(qtbot, narrative, Qt.Key.Key_Tab)
    assert narrative.toPlainText() == "Government "  # with its space
    key(qtbot, narrative, Qt.Key.Key_Z, CTRL)  # one undo step
    assert narrative.toPlainText() == "Gov"
    key(qtbot, narrative, Qt.Key.Key_Tab)

    # A word of the record wins over the list's commoner one.
    assert english_words().complete("com") == "e"
    qtbot.keyClicks(narrative, " asked the com")
    assert win.completion.offered(narrative).startswith("munity Safety Strategy")

    # Typed in full, a word is exactly what was typed.
    narrative.selectAll()
    typed = "The governor was invited to the governance group "
    qtbot.keyClicks(narrative, typed[:35])
    assert narrative.toPlainText() == "The governor was invited to the gov"
    assert win.completion.offered(narrative).startswith("ernor")  # a word typed before wins too
    qtbot.keyClicks(narrative, typed[35:])
    assert narrative.toPlainText() == typed
    qtbot.waitUntil(lambda: saved(win), timeout=3000)
    assert minutes.minute_for_item(db, seed.item_ids[3]).text == typed


def test_after_a_whole_word_the_next_word_is_offered_where_the_record_agrees(qtbot, on_item_4) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: at the end of a word typed (or taken), the word that usually comes next is offered
    with its space — Ctrl+Right takes it — only where the text agrees; typing on is never changed."""
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "The panel met twice. The panel was told. Then the panel")
    assert win.completion.offered(narrative) == ""  # " met" once, " was" once: no agreement
    qtbot.keyClicks(narrative, " met again. So the panel")
    assert win.completion.offered(narrative).startswith(" met ")  # two places of three
    assert narrative.toPlainText().endswith("So the panel")  # shown, not inserted
    key(qtbot, narrative, Qt.Key.Key_Right, CTRL)
    assert narrative.toPlainText().endswith("So the panel met")
    key(qtbot, narrative, Qt.Key.Key_Z, CTRL)  # one undo step
    assert narrative.toPlainText().endswith("So the panel")
    qtbot.keyClicks(narrative, " was")
    assert narrative.toPlainText().endswith("So the panel was")  # typed as typed


def test_the_english_word_offered_takes_the_form_the_word_before_calls_for(qtbot, on_item_4) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: where the record has no word for the letters typed, the English word list offers
    the form that words after the word before mostly take in the text so far ("was noted", "was
    agreed" → "was circ" is "circulated", not the commoner "circumstances")."""
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "In these circ")
    assert win.completion.offered(narrative) == "umstances "  # no form called for: the commonest
    narrative.selectAll()
    qtbot.keyClicks(narrative, "The plan was noted. The report was agreed. The paper was circ")
    assert win.completion.offered(narrative) == "ulated "
    key(qtbot, narrative, Qt.Key.Key_Tab)
    assert narrative.toPlainText().endswith("The paper was circulated ")
    key(qtbot, narrative, Qt.Key.Key_Z, CTRL)  # one undo step
    assert narrative.toPlainText().endswith("The paper was circ")
    qtbot.keyClicks(narrative, "le ")
    assert narrative.toPlainText().endswith("The paper was circle ")  # typed as typed


def test_tab_takes_a_word_with_its_space_and_a_space_or_mark_typed_next_goes_in_its_place(
    qtbot, on_item_4
) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: a word taken with Tab comes with the space after it (one key fewer before the next
    word); a space typed next is not doubled and a full stop or comma goes before it, as if the
    space had not been put in — what the officer's keys give is unchanged."""
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "The gov")
    assert win.completion.offered(narrative) == "ernment "
    key(qtbot, narrative, Qt.Key.Key_Tab)
    assert narrative.toPlainText() == "The government "
    qtbot.keyClicks(narrative, "said")  # the next word straight away
    assert narrative.toPlainText() == "The government said"
    qtbot.keyClicks(narrative, " the safeg")
    key(qtbot, narrative, Qt.Key.Key_Tab)
    qtbot.keyClicks(narrative, " would")  # the space typed out of habit: not doubled
    assert narrative.toPlainText() == "The government said the safeguards would"
    qtbot.keyClicks(narrative, " help the envir")
    key(qtbot, narrative, Qt.Key.Key_Tab)
    key(qtbot, narrative, Qt.Key.Key_Shift)  # on its way to "?" (a key of its own on the keyboard)
    qtbot.keyClicks(narrative, "?")  # the sentence ends at the word
    assert narrative.toPlainText() == "The government said the safeguards would help the environment?"
    key(qtbot, narrative, Qt.Key.Key_Z, CTRL)  # one undo step: the mark goes, the space is back
    assert narrative.toPlainText() == "The government said the safeguards would help the environment "
    qtbot.keyClicks(narrative, " ")  # later: a space is typed as typed
    assert narrative.toPlainText() == "The government said the safeguards would help the environment  "
    narrative.selectAll()
    qtbot.keyClicks(narrative, "Safeg")
    key(qtbot, narrative, Qt.Key.Key_Tab)
    assert narrative.toPlainText() == "Safeguard "
    key(qtbot, narrative, Qt.Key.Key_Return)  # the paragraph ends at the word
    assert narrative.toPlainText() == "Safeguard\n"


def test_one_letter_at_a_words_start_is_completed_from_the_record(qtbot, on_item_4) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: the first letter of a word is enough for the commonest word so begun in the record
    and the text so far; Tab takes it, and typing on wins."""
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "Quokkas were seen. Later q")
    assert win.completion.offered(narrative).startswith("uokkas were seen.")
    key(qtbot, narrative, Qt.Key.Key_Right, CTRL)
    assert narrative.toPlainText() == "Quokkas were seen. Later quokkas"
    narrative.selectAll()
    qtbot.keyClicks(narrative, "Quokkas were seen. Later quails were.")
    assert narrative.toPlainText() == "Quokkas were seen. Later quails were."


def test_english_puts_the_next_word_and_ranks_the_word_being_typed(qtbot, on_item_4) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: after a space the word English mostly puts next is offered, and one letter after
    a word brings the word English mostly puts there; Tab takes either with its space."""
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "It was agreed to ")
    assert win.completion.offered(narrative) == "the "
    key(qtbot, narrative, Qt.Key.Key_Tab)
    qtbot.keyClicks(narrative, "end of t")
    assert win.completion.offered(narrative) == "he "
    key(qtbot, narrative, Qt.Key.Key_Tab)
    qtbot.keyClicks(narrative, "year.")
    assert narrative.toPlainText() == "It was agreed to the end of the year."


def test_the_next_likeliest_words_show_under_the_line_and_ctrl_2_or_3_takes_one(qtbot, on_item_4) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: beside the word offered in the text, the next two likeliest are shown whole under
    the line; Ctrl+2 or Ctrl+3 puts one in with its space (one undo step), Escape puts them away,
    and typing on never takes them."""
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "It was agreed to ")
    assert win.completion.offered(narrative) == "the "
    assert win.completion.others(narrative) == ("be ", "a ")
    choices = win.completion.choices
    assert choices.isVisible() and choices.text() == "Ctrl+2 be    Ctrl+3 a"
    assert narrative.viewport().rect().contains(choices.geometry())  # under the line, in the box
    key(qtbot, narrative, Qt.Key.Key_3, CTRL)
    assert narrative.toPlainText() == "It was agreed to a "
    key(qtbot, narrative, Qt.Key.Key_Z, CTRL)  # one undo step
    assert narrative.toPlainText() == "It was agreed to "
    qtbot.keyClicks(narrative, "con")  # the words follow the letters typed: whole words shown
    assert win.completion.others(narrative)
    assert all(part.split(" ", 1)[1].startswith("con") for part in choices.text().split("    "))
    key(qtbot, narrative, Qt.Key.Key_2, CTRL)
    taken = narrative.toPlainText()
    assert taken.startswith("It was agreed to con") and taken.endswith(" ") and taken != "It was agreed to con "
    qtbot.keyClicks(narrative, "x")
    key(qtbot, narrative, Qt.Key.Key_Escape)
    assert not choices.isVisible() and win.completion.others(narrative) == ()
    qtbot.keyClicks(narrative, "2")  # a digit typed is a digit
    assert narrative.toPlainText() == taken + "x2"


def test_the_words_under_the_line_keep_clear_of_the_text_below(qtbot, on_item_4) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: typed into a line with text below it, the words shown beside the guess go to the
    foot of the box, not over the next line."""
    win = on_item_4
    narrative = win.editor.narrative
    qtbot.keyClicks(narrative, "It was agreed to ")
    choices = win.completion.choices
    line = narrative.cursorRect()
    assert choices.isVisible() and choices.geometry().top() > line.bottom()
    assert choices.geometry().top() < line.bottom() + line.height()  # just under the line
    qtbot.keyClicks(narrative, "x")
    for _ in range(3):
        key(qtbot, narrative, Qt.Key.Key_Return)
    qtbot.keyClicks(narrative, "The panel met.")
    narrative.moveCursor(QTextCursor.MoveOperation.Start)
    narrative.moveCursor(QTextCursor.MoveOperation.EndOfLine)
    key(qtbot, narrative, Qt.Key.Key_Backspace)  # back at "It was agreed to ", now with lines below
    assert narrative.toPlainText().startswith("It was agreed to \n")
    assert win.completion.others(narrative) == ("be ", "a ")
    viewport = narrative.viewport()
    assert choices.geometry().bottom() == viewport.height() - 1
    assert choices.geometry().right() == viewport.width() - 1
