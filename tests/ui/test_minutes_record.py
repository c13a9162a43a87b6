"""The minutes as a legal record, through the window and the command: confirmed minutes print as
confirmed after the directory changes."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from sst_desktop.cli.main import main
from sst_desktop.domain.enums import ItemKind, MeetingStatus, ProceduralRole
from sst_desktop.domain.meeting_texts import plain_date
from sst_desktop.services import agenda, committees, meetings, minutes, people
from sst_desktop.services.agenda_records import AgendaItemPatch
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.people import PersonPatch
from tests.minutes_data import SeedMeeting, build_seed_meeting
from tests.ui.minute_window import open_minute_taking
from tests.ui.test_minute_taking import ALT, _dispose, answer_yes, back_from_dialog, key
from tests.ui.waiting import settle

__all__ = ["answer_yes"]  # a fixture these tests use


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def _export(db, tmp_path: Path, name: str, *extra: str) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / name
    meeting = ["--meeting", "SST@2022-06-22"]
    code = main(["export", "minutes", *meeting, "--out", str(out), "--database", str(db.path), *extra])
    assert code == 0
    return _pdf_text(out)


def _previous_minutes_item(db, seed: SeedMeeting) -> int:  # type: ignore[no-untyped-def]
    return agenda.add_item(
        db,
        seed.next_id,
        "Minutes of Previous Meeting",
        AgendaItemPatch(kind=ItemKind.PROCEDURAL, procedural_role=ProceduralRole.PREVIOUS_MINUTES),
    ).after.id


def test_minutes_confirmed_in_the_window_print_as_confirmed_after_renames(  # type: ignore[no-untyped-def]
    qtbot, db, context, settings, tmp_path, answer_yes
) -> None:
    seed = build_seed_meeting(db)
    item_id = _previous_minutes_item(db, seed)
    window = open_minute_taking(context, seed.next_id, settings)
    qtbot.addWidget(window)
    window.show()
    back_from_dialog(qtbot, window)
    window.go_to(item_id)
    key(qtbot, window.editor.narrative, Qt.Key.Key_5, ALT)  # "… be confirmed as a correct record"
    assert answer_yes and "22 June 2022 be confirmed as a correct record" in answer_yes[0]
    assert meetings.get_meeting(db, seed.meeting_id).minutes_confirmed_at is not None
    confirmed = _export(db, tmp_path, "confirmed.pdf")
    assert "SAFER SEFTON TOGETHER" in confirmed

    # SST is renamed, and the Chair's and a member's names and titles are corrected.
    committees.update_committee(db, seed.committee_id, CommitteePatch(name="Sefton Community Safety Board"))
    people.update_person(db, seed.person_ids["Hardy"], PersonPatch(title="Cllr", last_name="Hardy-Jones"))
    people.update_person(db, seed.person_ids["Robson"], PersonPatch(title="Chief Superintendent"))

    after = _export(db, tmp_path, "after-rename.pdf")
    assert after == confirmed
    assert "SEFTON COMMUNITY SAFETY BOARD" not in after
    assert "Councillor Hardy (in the Chair)" in after and "Hardy-Jones" not in after
    assert "Superintendent Graeme Robson" in after and "Chief Superintendent" not in after


def test_minutes_of_a_meeting_not_yet_held_open_only_when_the_officer_says_so_and_confirm_nothing(  # type: ignore[no-untyped-def]
    qtbot, db, context, settings, monkeypatch, request
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sst_desktop.ui.main_window import MainWindow

    seed = build_seed_meeting(db)
    day = date.today() + timedelta(days=40)
    future = meetings.schedule_meeting(db, seed.committee_id, day).after
    agenda.build_default_agenda(db, future.id)
    asked: list[tuple[str, str]] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append((title, text))
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    main = MainWindow(context, settings)
    request.addfinalizer(lambda: _dispose(main))
    main.show()
    page = main.show_page("minutes")
    settle(qtbot)  # the meetings are read
    assert page.select_meeting(future.id)
    back_from_dialog(qtbot, main)
    page.table.setFocus()
    key(qtbot, page.table, Qt.Key.Key_Return)  # Take minutes: answered No
    settle(qtbot)  # (asked once the meeting is read)
    assert asked[0][0] == "This meeting is in the future"
    assert "This meeting is in the future — take minutes anyway?" in asked[0][1]
    assert plain_date(day) in asked[0][1]
    assert future.id not in page.windows
    assert minutes.list_minutes(db, future.id) == []  # nothing was started
    assert meetings.get_meeting(db, future.id).status == MeetingStatus.SCHEDULED

    key(qtbot, page.table, Qt.Key.Key_Return)  # asked again: Yes, to prepare the minutes
    settle(qtbot)
    window = page.windows[future.id]
    back_from_dialog(qtbot, window)
    assert meetings.get_meeting(db, future.id).status == MeetingStatus.SCHEDULED  # not marked held

    # Its Minutes of Previous Meeting item cannot confirm anything before the meeting is held.
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    previous_item = next(
        i for i in window.session.items if i.procedural_role == ProceduralRole.PREVIOUS_MINUTES
    )
    window.go_to(previous_item.id)
    key(qtbot, window.editor.narrative, Qt.Key.Key_5, ALT)
    assert len(asked) == 2  # no "Record that …?" question: it is refused at once
    assert shown and f"The meeting of {plain_date(day)} has not been held yet" in shown[0][1]
    assert "confirmed as a correct record only at a meeting that has taken place" in shown[0][1]
    assert meetings.get_meeting(db, seed.next_id).minutes_confirmed_at is None
    assert minutes.minute_for_item(db, previous_item.id).resolutions == ()


def test_minutes_export_warns_of_an_empty_register_and_no_minutes(  # type: ignore[no-untyped-def]
    qtbot, db, context, settings, monkeypatch, request, tmp_path
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from sst_desktop.ui.main_window import MainWindow
    from sst_desktop.ui.meetings import export_actions

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Close)

    seed = build_seed_meeting(db)
    bare = meetings.schedule_meeting(db, seed.committee_id, date(2022, 7, 20)).after  # no agenda, no register
    notes: list[tuple[str, tuple[str, ...]]] = []

    def offer(parent, title, text, warnings=()):  # type: ignore[no-untyped-def]
        notes.append((text, tuple(warnings)))
        return False

    monkeypatch.setattr(export_actions, "offer_to_open", offer)
    targets = iter([tmp_path / "bare.pdf", tmp_path / "june.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), ""))
    main = MainWindow(context, settings)
    request.addfinalizer(lambda: _dispose(main))
    main.show()
    page = main.show_page("minutes")
    settle(qtbot)  # the meetings are read
    assert page.select_meeting(bare.id)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(notes) == 1, timeout=10_000)
    text, warnings = notes[0]
    assert str(tmp_path / "bare.pdf") in text
    assert warnings == (
        "The register records no one as present: the minutes have no PRESENT list.",
        "The meeting has no agenda and nothing was minuted: the minutes have no items.",
    )
    assert (tmp_path / "bare.pdf").exists()

    assert page.select_meeting(seed.meeting_id)  # fully minuted: nothing to say
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(notes) == 2, timeout=10_000)
    assert notes[1][1] == ()
