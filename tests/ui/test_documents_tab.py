"""The committee screen's Documents tab, driven like a user: each style change checked in the
database and in the preview, undone; copy from another committee; import a good and a bad file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFileDialog

from sst_desktop.domain.enums import CommitteeKind
from sst_desktop.services import committees
from sst_desktop.services.committees import CommitteePatch
from sst_desktop.services.document_style import DEFAULT_STYLE, DocumentStyle
from sst_desktop.services.document_styles import committee_style, set_committee_style
from sst_desktop.ui.directory.committees_page import CommitteesPage
from tests.ui.directory_support import (
    Sample,
    capture_message_boxes,
    drive_dialog,
    sample_directory,
    shown_page,
)
from tests.ui.waiting import settle


@pytest.fixture
def sample(db) -> Sample:  # type: ignore[no-untyped-def]
    return sample_directory(db)


@pytest.fixture
def page(qtbot, context, sample) -> CommitteesPage:  # type: ignore[no-untyped-def]
    widget = shown_page(qtbot, CommitteesPage(context), (1366, 768))
    widget.select_committee(sample.sst)
    settle(qtbot)
    qtbot.mouseClick(
        widget.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=widget.tabs.tabBar().tabRect(1).center()
    )
    assert widget.tabs.currentWidget() is widget.documents
    settle(qtbot)  # the committee's style read, the form ready
    assert widget.documents.isEnabled()
    return widget


def _preview(qtbot, page: CommitteesPage) -> str:  # type: ignore[no-untyped-def]
    qtbot.wait(page.documents._preview_timer.interval() + 20)
    settle(qtbot)
    label = page.documents.preview
    return label.accessibleDescription() if label.pixmap() and not label.pixmap().isNull() else label.text()


def _show(qtbot, page: CommitteesPage, label: str) -> None:  # type: ignore[no-untyped-def]
    """Choose the document shown above the preview, with the keyboard."""
    combo = page.documents.page_kind
    combo.setFocus()
    wanted = combo.findText(label)
    assert wanted >= 0
    while combo.currentIndex() != wanted:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < wanted else Qt.Key.Key_Up)


def test_change_settings_see_the_preview_and_undo(qtbot, context, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    tab = page.documents
    assert "Apologies for absence were submitted from Nigel Bellamy and Andrea Watts." in _preview(
        qtbot, page
    )

    # A tick box: councillors grouped.
    tab.editors["group_councillors"].click()
    settle(qtbot)
    assert committee_style(db, sample.sst).group_councillors is True
    assert "Councillors Kelly and Thomas" in _preview(qtbot, page)

    # A wording typed in, saved on Enter; the preview follows the typing before it is saved.
    held = tab.editors["held_at"]
    held.selectAll()
    qtbot.keyClicks(held, "MEETING HELD AT THE")
    assert "MEETING HELD AT THE BOOTLE TOWN HALL" in _preview(qtbot, page)
    assert committee_style(db, sample.sst).held_at == "MEETING HELD AT"
    qtbot.keyClick(held, Qt.Key.Key_Return)
    settle(qtbot)
    assert committee_style(db, sample.sst).held_at == "MEETING HELD AT THE"

    # A list of choices, chosen with the keyboard.
    combo = tab.editors["resolved_punctuation"]
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    settle(qtbot)
    assert committee_style(db, sample.sst).resolved_punctuation == "semicolon"
    assert "(2) a further report be submitted to the next meeting; (3)" in _preview(qtbot, page)

    # A number.
    spin = tab.editors["first_page_number"]
    spin.selectAll()
    qtbot.keyClicks(spin, "117")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    settle(qtbot)
    assert committee_style(db, sample.sst).first_page_number == 117

    # Undo takes each change back, the screen with it.
    for _ in range(4):
        context.undo_stack.undo()
        settle(qtbot)
    assert committee_style(db, sample.sst) == DEFAULT_STYLE
    assert not tab.editors["group_councillors"].isChecked()
    assert tab.editors["held_at"].text() == "MEETING HELD AT"


def test_a_wording_without_its_placeholder_is_refused_and_kept(qtbot, monkeypatch, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    field = page.documents.editors["apologies_text"]
    field.selectAll()
    qtbot.keyClicks(field, "Apologies were received.")
    assert "No preview" in _preview(qtbot, page)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(qtbot)
    assert committee_style(db, sample.sst) == DEFAULT_STYLE
    assert field.text() == "Apologies were received."  # kept as typed, marked
    assert any("must contain {names}" in text for _k, _t, text in boxes.shown)


def test_copy_from_another_committee(qtbot, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    other = committees.create_committee(
        db, CommitteePatch(name="Overview and Scrutiny", short_name="OSC", kind=CommitteeKind.COMMITTEE)
    ).after
    assert other is not None
    set_committee_style(db, other.id, DocumentStyle(agenda_title="A G E N D A", present_order="surname"))
    page.reload()
    settle(qtbot)

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.committee.setCurrentIndex(dialog.committee.findText("Overview and Scrutiny (OSC)"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    drive_dialog(
        qtbot, lambda: qtbot.mouseClick(page.documents.copy_button, Qt.MouseButton.LeftButton), choose
    )
    settle(qtbot)
    assert committee_style(db, sample.sst) == committee_style(db, other.id)
    assert page.documents.editors["agenda_title"].text() == "A G E N D A"
    _show(qtbot, page, "Agenda")
    assert "A G E N D A" in _preview(qtbot, page)


def test_export_then_import_and_a_bad_file(qtbot, monkeypatch, db, sample, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)
    set_committee_style(db, sample.sst, DocumentStyle(officer_block="contact", officer_fax="0151 934 2034"))
    out = tmp_path / "sefton.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(page.documents.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert 'officer_fax = "0151 934 2034"' in out.read_text(encoding="utf-8")

    set_committee_style(db, sample.sst, DEFAULT_STYLE)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(page.documents.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert committee_style(db, sample.sst).officer_block == "contact"
    assert page.documents.editors["officer_fax"].text() == "0151 934 2034"

    bad = tmp_path / "bad.toml"
    bad.write_text("[agenda]\nofficer_block = 'letterhead'\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    qtbot.mouseClick(page.documents.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert any("agenda.officer_block must be one of" in text for _k, _t, text in boxes.shown)
    assert committee_style(db, sample.sst).officer_block == "contact"  # unchanged


def _page_image(qtbot, page: CommitteesPage) -> QImage:  # type: ignore[no-untyped-def]
    _preview(qtbot, page)
    picture = page.documents.preview.pixmap()
    assert picture is not None and not picture.isNull()
    return picture.toImage()


def _not_blank(image: QImage) -> bool:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return any(
        grey.pixelColor(x, y).value() < 64
        for y in range(0, grey.height(), 4)
        for x in range(0, grey.width(), 4)
    )


def test_the_preview_is_the_printed_page_and_follows_the_form(qtbot, db, sample, page) -> None:  # type: ignore[no-untyped-def]
    tab = page.documents
    _show(qtbot, page, "Agenda")
    before = _page_image(qtbot, page)
    assert _not_blank(before)
    assert before.width() >= tab.preview_scroll.viewport().width() - 8  # scaled to the width
    assert _preview(qtbot, page).startswith("AGENDA")

    title = tab.editors["agenda_title"]
    title.selectAll()
    qtbot.keyClicks(title, "A G E N D A")  # not saved yet: the picture follows the typing
    after = _page_image(qtbot, page)
    assert after != before and _not_blank(after)
    assert _preview(qtbot, page).startswith("A G E N D A")
    assert committee_style(db, sample.sst) == DEFAULT_STYLE

    _show(qtbot, page, "Minutes")
    call_in = tab.editors["call_in_statement"]
    minutes = _page_image(qtbot, page)
    assert 'NOT SUBJECT TO "CALL-IN"' in _preview(qtbot, page).upper()
    call_in.click()  # no call-in statement: the picture loses its first lines
    settle(qtbot)
    assert _page_image(qtbot, page) != minutes
    assert 'NOT SUBJECT TO "CALL-IN"' not in _preview(qtbot, page).upper()
