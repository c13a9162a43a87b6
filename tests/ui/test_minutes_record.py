"""The minutes as a legal record, through the window and the command: confirmed minutes print as
confirmed after the directory changes."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from sst_desktop.cli.main import main
from sst_desktop.domain.enums import ItemKind, ProceduralRole
from sst_desktop.services import agenda, committees, meetings, people
from sst_desktop.ui.minutes.minute_taking import MinuteTakingWindow
from tests.minutes_data import SeedMeeting, build_seed_meeting
from tests.ui.test_minute_taking import ALT, answer_yes, back_from_dialog, key

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
        title="Minutes of Previous Meeting",
        kind=ItemKind.PROCEDURAL,
        procedural_role=ProceduralRole.PREVIOUS_MINUTES,
    ).after.id


def test_minutes_confirmed_in_the_window_print_as_confirmed_after_renames(  # type: ignore[no-untyped-def]
    qtbot, db, context, settings, tmp_path, answer_yes
) -> None:
    seed = build_seed_meeting(db)
    item_id = _previous_minutes_item(db, seed)
    window = MinuteTakingWindow(context, seed.next_id, settings)
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
    committees.update_committee(db, seed.committee_id, name="Sefton Community Safety Board")
    people.update_person(db, seed.person_ids["Hardy"], title="Cllr", last_name="Hardy-Jones")
    people.update_person(db, seed.person_ids["Robson"], title="Chief Superintendent")

    after = _export(db, tmp_path, "after-rename.pdf")
    assert after == confirmed
    assert "SEFTON COMMUNITY SAFETY BOARD" not in after
    assert "Councillor Hardy (in the Chair)" in after and "Hardy-Jones" not in after
    assert "Superintendent Graeme Robson" in after and "Chief Superintendent" not in after
