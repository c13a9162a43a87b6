"""The officer's effort (issue 14): keystrokes in SST Desktop per keystroke in a word processor.

An officer types seed 002's minutes of 22 June 2022 (the text of ``tests/minutes_data``) into the
real minute-taking window, key by key (no pasting), through the register, every item, its narrative,
resolutions and actions, and exports the minutes PDF, which must read the same as the reference
minutes entered through the services. Every key (a chord counts once) and click is counted.

The database typed into holds the committee's record before that meeting: the demo database (built
from the seeds) with everything the meeting of 22 June made, and all that came after, taken out
(``effort_record``) — the directory, the 17 March minute, the 22 June agenda and its presenters,
never the minutes being typed. The reference minutes are entered through the services into a copy.

The word-processor figure comes from the PDF produced: every character of its text (a line end is
one key: a space or an Enter), plus two keys (bold on, bold off) for each stretch of bold — the
headings, their numbers and the labels (PRESENT:, RESOLVED:, Actions:).

Two officers are measured: one who types everything, and one who uses what the window offers
(accepting a suggestion with Tab when it is exactly what they would type next, or a word shown
beside the line with Ctrl+2 or Ctrl+3). With ``SST_EFFORT_TRACE=<file>`` the second one's typing is
written there: [taken with Tab], {taken with Ctrl+Right} and the number of words, <taken with
Ctrl+2 or Ctrl+3> and the digit, the rest typed key by key.

    python tests/benchmarks/run.py effort
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.run import Benchmark  # noqa: E402

TARGET = 0.40


def pdf_pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def word_processor_keys(pdf: bytes) -> int:
    """Characters of the minutes' text plus two keys per stretch of bold, read from the PDF."""
    from pypdf import PdfReader

    keys = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        pieces: list[tuple[str, bool]] = []

        def visit(
            text: str, _cm: object, _tm: object, font: object, _size: object, pieces: list = pieces
        ) -> None:
            if text:
                name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
                pieces.append((text, "Bold" in name))

        text = page.extract_text(visitor_text=visit)
        keys += len(text)
        bold = False
        for piece, is_bold in pieces:
            if not piece.strip():
                continue
            if is_bold and not bold:
                keys += 2
            bold = is_bold
    return keys


def reference_pdf(folder: Path) -> bytes:
    from sst_desktop.exports.minutes_pdf import build_minutes_pdf
    from sst_desktop.storage.opening import open_path
    from tests.benchmarks.effort_record import seed_of, take_register
    from tests.minutes_data import write_minutes

    db = open_path(folder / "reference.db", backup_dir=folder / "reference-backups")
    try:
        seed = seed_of(db)
        take_register(db, seed)
        write_minutes(db, seed)
        return build_minutes_pdf(db, seed.meeting_id)
    finally:
        db.dispose()


class Officer:
    """Drives the window with QTest and counts what it presses, per part of the meeting."""

    def __init__(self, app, window, use_aids: bool) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.window = window
        self.use_aids = use_aids
        self.part = "register"
        self.keys: Counter[str] = Counter()
        self.accepted = 0
        self.one_by_one = 0  # characters of the minutes' text typed key by key
        self.saved = 0  # characters a suggestion put in
        # What was typed how, where SST_EFFORT_TRACE names a file: [taken with Tab], {with Ctrl+Right}.
        self.trace: list[str] = []

    def settle(self) -> None:
        from sst_desktop.ui.operations.worker import database_worker

        for _ in range(2):
            deadline = time.monotonic() + 20
            while not database_worker().is_idle() and time.monotonic() < deadline:
                self.app.processEvents()
                time.sleep(0.001)
            self.app.processEvents()

    def count(self, n: int = 1) -> None:
        self.keys[self.part] += n

    def press(self, key, modifier=None, widget=None) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        self.settle()
        target = widget or QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)
        self.count()
        self.settle()

    def click(self, widget) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.count()
        self.settle()

    def focus(self, widget) -> None:  # type: ignore[no-untyped-def]
        """A click into a box, unless the typing is already there."""
        if not widget.hasFocus():
            widget.setFocus()
            self.count()
            self.app.processEvents()

    @staticmethod
    def covers(piece: str, text: str, at: int, *, ends_at_return: bool) -> int:
        """How much of ``text`` from ``at`` taking ``piece`` puts in, or -1 if it is not what comes
        next. A piece ending in a space also fits before a mark, a line end (the window puts the mark
        before that space, and Enter takes it away) or, in a box Enter adds, the end of the text."""
        if text.startswith(piece, at):
            return len(piece)
        from sst_desktop.ui.minutes.completion import CLOSING_MARKS

        word = piece[:-1]
        if not (piece.endswith(" ") and word.strip() and text.startswith(word, at)):
            return -1
        end = at + len(word)
        if end == len(text):
            return len(word) if ends_at_return else -1
        return len(word) if text[end] in CLOSING_MARKS or text[end] == "\n" else -1

    def type(self, widget, text: str, *, ends_at_return: bool = False) -> None:  # type: ignore[no-untyped-def]
        """Type ``text`` key by key; with the aids, Tab takes a suggestion that is what comes next."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        self.focus(widget)
        done = 0
        while done < len(text):
            if self.use_aids:
                offered = self.offered(widget)
                covered = self.covers(offered, text, done, ends_at_return=ends_at_return)
                if len(offered) > 1 and covered > 0:
                    QTest.keyClick(widget, Qt.Key.Key_Tab)
                    done = self.took(text, done, covered, "[{}]")
                    continue
                choice, covered = self.choice_that_fits(widget, text, done, ends_at_return)
                if choice and covered > 1:  # a word shown beside the line: Ctrl+2 or Ctrl+3
                    QTest.keyClick(widget, getattr(Qt.Key, f"Key_{choice}"), Qt.KeyboardModifier.ControlModifier)
                    done = self.took(text, done, covered, f"<{{}}>{choice}")
                    continue
                covered, words = self.words_that_fit(offered, text, done, ends_at_return)
                if covered > words:  # Ctrl+Right per word is fewer keys than typing them
                    for _ in range(words - 1):
                        QTest.keyClick(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
                        self.count()
                    QTest.keyClick(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
                    done = self.took(text, done, covered, f"{{{{{{}}}}}}{words}")
                    continue
            char = text[done]
            if char == "\n":
                QTest.keyClick(widget, Qt.Key.Key_Return)  # the narrative only: lists end at Enter
            else:  # any character, as a keyboard (or its compose key) sends it
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                    QApplication.sendEvent(widget, event)
            self.count()
            self.one_by_one += 1
            self.trace.append(char)
            done += 1
        self.trace.append(f"\n\n({self.part})\n")
        shown = widget.toPlainText()  # (with the space a taken word brought, where Enter follows)
        assert shown.endswith(text) or (ends_at_return and shown.endswith(text + " ")), (shown, text)

    def took(self, text: str, done: int, covered: int, mark: str) -> int:
        """Count the key that took a suggestion putting in ``covered`` characters of ``text`` from
        ``done`` (traced as ``mark`` shows it), and say where the typing goes on."""
        self.count()
        self.accepted += 1
        self.saved += covered
        self.trace.append(mark.format(text[done : done + covered]))
        return done + covered

    def choice_that_fits(self, widget, text: str, done: int, ends_at_return: bool) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        """(2 or 3 for the word beside the line that is what comes next, how much of ``text`` it
        puts in), or (0, 0)."""
        completion = getattr(self.window, "completion", None)
        others = completion.others(widget) if completion is not None else ()
        for number, rest in enumerate(others, 2):
            covered = self.covers(rest, text, done, ends_at_return=ends_at_return)
            if covered > 0:
                return number, covered
        return 0, 0

    @classmethod
    def words_that_fit(cls, offered: str, text: str, done: int, ends_at_return: bool) -> tuple[int, int]:
        """How much of ``text`` the first words of ``offered`` that are what comes next put in (each
        taken with Ctrl+Right, with its space), and how many words that is."""
        from sst_desktop.domain.prediction import is_word_char
        from sst_desktop.ui.minutes.completion import next_word

        taken, covered, words = "", 0, 0
        while word := next_word(offered[len(taken) :]):
            fits = cls.covers(taken + word, text, done, ends_at_return=ends_at_return)
            if fits < 0:
                break
            taken, covered, words = taken + word, fits, words + 1
            end = done + covered
            if fits < len(taken) or (end < len(text) and is_word_char(text[end])):
                break  # a mark comes next, or the word typed goes on ("Review" of "Reviews")
        return covered, words

    def offered(self, widget) -> str:  # type: ignore[no-untyped-def]
        completion = getattr(self.window, "completion", None)
        return completion.offered(widget) if completion is not None else ""


def enter_the_meeting(officer: Officer, seed) -> None:  # type: ignore[no-untyped-def]
    """The register, then each item as ``tests/ui/test_minute_taking.py`` enters it, typed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sst_desktop.demo.directory import PEOPLE
    from sst_desktop.demo.safer_sefton_texts import JUNE_APOLOGIES, JUNE_PRESENT
    from tests.benchmarks.effort_record import ADDED_BY_NAME, mark_of
    from tests.minutes_data import ACTIONS, NARRATIVE, RESOLUTIONS

    people = {person.key: person for person in PEOPLE}

    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    win = officer.window
    table = win.register.table
    officer.settle()
    officer.focus(table)
    table.selectRow(0)
    model = win.register.model
    for row in range(model.rowCount()):  # the members on the list, marked in turn (a mark moves on)
        last_name = model.record(row).last_name
        if last_name.casefold() == JUNE_PRESENT[0]:
            officer.press(Qt.Key.Key_C, widget=table)  # in the Chair
            officer.press(Qt.Key.Key_Down, widget=table)
        else:
            officer.press(getattr(Qt.Key, f"Key_{mark_of(last_name)}"), widget=table)
    picker = win.register.person_picker
    for key in ADDED_BY_NAME:  # the others, added by name
        person = people[key]
        name = f"{person.first_name} {person.last_name}"
        officer.focus(picker.line_edit)
        officer.settle()
        typed = name
        if officer.use_aids:  # as far as the list of names shows only the one meant
            typed = next(name[:n] for n in range(1, len(name) + 1) if len(picker.matches(name[:n])) == 1)
            assert picker.matches(typed)[0].last_name == person.last_name
        QTest.keyClicks(picker.line_edit, typed)
        officer.count(len(typed))
        officer.click(win.register.add_member_button)
        if key in JUNE_APOLOGIES:
            officer.press(Qt.Key.Key_A, widget=table)
    # The click on Add closed the names' popup; the offscreen platform needs telling.
    win.activateWindow()
    officer.settle()

    editor = win.editor
    for index, item_id in enumerate(seed.item_ids):
        officer.part = f"{index + 1:>2} {win.session.items[index].title}"[:44]
        officer.press(Qt.Key.Key_PageDown, ctrl, QApplication.focusWidget() or table)
        assert win.session.current_item.id == item_id
        if index in (2, 12):  # correct record (a question answered Yes); date of next meeting
            officer.press(Qt.Key.Key_5, alt, editor.narrative)
        if index in NARRATIVE:
            officer.type(editor.narrative, NARRATIVE[index])
        for text in RESOLUTIONS.get(index, []):
            if text == "the report be noted":
                officer.press(Qt.Key.Key_1, alt)
            elif text == "the update be noted":
                officer.press(Qt.Key.Key_2, alt)
            else:
                officer.press(Qt.Key.Key_Return, ctrl)
                officer.type(editor.resolutions.new_edit, text, ends_at_return=True)
                officer.press(Qt.Key.Key_Return, widget=editor.resolutions.new_edit)
        if index == 3:
            for text in ACTIONS:
                officer.press(Qt.Key.Key_A, ctrl | Qt.KeyboardModifier.ShiftModifier)
                officer.type(editor.actions_list.new_edit, text, ends_at_return=True)
                officer.press(Qt.Key.Key_Return, widget=editor.actions_list.new_edit)
        officer.settle()


def measure(use_aids: bool) -> tuple[int, int, Counter[str], Officer]:
    """(keys in SST Desktop, keys in a word processor, keys per part, the officer's other counts)."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from sst_desktop.services import agenda, meetings, minutes
    from sst_desktop.storage.opening import open_path
    from sst_desktop.ui.context import AppContext
    from sst_desktop.ui.meetings import export_actions
    from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
    from sst_desktop.ui.operations.minute_taking import MinuteTaking
    from tests.benchmarks.effort_record import record_before_june, seed_of

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="sst-bench-effort-"))
    record_before_june(folder / "before.db", lambda path: open_path(path, backup_dir=folder / "backups"))
    shutil.copyfile(folder / "before.db", folder / "reference.db")  # the reference starts from it too
    db = open_path(folder / "before.db", backup_dir=folder / "backups")
    seed = seed_of(db)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    meeting = meetings.get_meeting(db, seed.meeting_id)
    opened = MinuteTaking(
        meeting,
        "",
        tuple(agenda.list_agenda_items(db, meeting.id)),
        tuple(minutes.open_minutes(db, meeting.id)),
    )
    win = MinuteTakingWindow(AppContext(db), opened, settings)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    app.processEvents()
    officer = Officer(app, win, use_aids)
    target = folder / "minutes.pdf"
    saved: list[str] = []
    originals = (QMessageBox.question, QFileDialog.getSaveFileName, export_actions.offer_to_open)

    def answer_yes(*_args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        officer.count()  # Enter on Yes
        return QMessageBox.StandardButton.Yes

    def save_as(*_args: object, **_kwargs: object) -> tuple[str, str]:
        officer.count()  # Enter on the name offered
        return str(target), ""

    QMessageBox.question = answer_yes  # type: ignore[method-assign,assignment]
    QFileDialog.getSaveFileName = save_as  # type: ignore[method-assign,assignment]
    export_actions.offer_to_open = lambda *a, **k: saved.append("pdf")  # type: ignore[assignment]
    try:
        enter_the_meeting(officer, seed)
        officer.part = "minutes PDF"
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        officer.press(Qt.Key.Key_P, ctrl_shift, win.editor.narrative)
        deadline = time.monotonic() + 30
        while not saved and time.monotonic() < deadline:
            officer.settle()
        produced = target.read_bytes()
    finally:
        QMessageBox.question, QFileDialog.getSaveFileName, export_actions.offer_to_open = originals  # type: ignore[method-assign,assignment]
        win.close()
        win.deleteLater()
        app.processEvents()
        db.dispose()
    assert pdf_pages(produced) == pdf_pages(reference_pdf(folder)), "the minutes differ from the reference"
    return sum(officer.keys.values()), word_processor_keys(produced), officer.keys, officer


def effort() -> dict[str, tuple[float, float, str]]:
    figures: dict[str, tuple[float, float, str]] = {}
    for use_aids, label in ((False, "typing everything"), (True, "with the aids")):
        keys, word, parts, officer = measure(use_aids)
        if use_aids and (trace := os.environ.get("SST_EFFORT_TRACE")):
            Path(trace).write_text("".join(officer.trace), encoding="utf-8")
        ratio = keys / word
        print(f"\neffort ({label}): {keys:,} keystrokes per {word:,} word-processor keystrokes = {ratio:.2f}")
        if use_aids:
            print(
                f"  suggestions accepted: {officer.accepted:,}, putting in {officer.saved:,} characters; "
                f"characters typed key by key: {officer.one_by_one:,}"
            )
        for part, count in parts.items():
            print(f"  {part:<46} {count:>6,}")
        figures[f"keystrokes per word-processor keystroke ({label})"] = (
            ratio,
            TARGET if use_aids else 1.0,
            "×",
        )
    return figures


BENCHMARKS = [Benchmark("effort", TARGET, effort)]
