"""Organisations: add, rename (refused duplicates keep the text), archive, undo."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from sst_desktop.services import organisations
from sst_desktop.ui.directory.organisations_view import OrganisationsPage
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
def page(qtbot, context, sample) -> OrganisationsPage:  # type: ignore[no-untyped-def]
    return shown_page(qtbot, OrganisationsPage(context))


def _names(db) -> list[str]:  # type: ignore[no-untyped-def]
    return [o.name for o in organisations.list_organisations(db)]


def test_list_counts_people_and_searches(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    rows = [(o.name, page.model.data(page.model.index(i, 2))) for i, o in enumerate(page.model.records())]
    assert rows == [("Merseyside Police", "0"), ("Sefton Council", "3")]
    qtbot.keyClicks(page.search, "sefton")
    assert [o.name for o in page.model.records()] == ["Sefton Council"]
    people_shown = [page.people_list.item(i).text() for i in range(page.people_list.count())]
    assert people_shown[0] == "Ian Barton — Democratic Services Officer"


def test_add_rename_refuse_duplicate_archive_and_undo(qtbot, monkeypatch, context, db, page) -> None:  # type: ignore[no-untyped-def]
    boxes = capture_message_boxes(monkeypatch)

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.name, "Sefton CVS")
        qtbot.keyClicks(dialog.short_name, "CVS")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    drive_dialog(qtbot, lambda: qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton), fill)
    assert _names(db) == ["Merseyside Police", "Sefton Council", "Sefton CVS"]
    assert page.current is not None and page.current.name == "Sefton CVS"

    page.name.setText("Sefton Council")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    settle(qtbot)
    assert "already an organisation" in boxes.texts()
    assert page.name.text() == "Sefton Council"  # the typed text stays for correcting
    page.name.setText("Sefton Council for Voluntary Service")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    settle(qtbot)
    assert "Sefton Council for Voluntary Service" in _names(db)

    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "Sefton Council for Voluntary Service" not in _names(db)

    for _ in range(3):
        context.undo_stack.undo()
    settle(qtbot)
    assert _names(db) == ["Merseyside Police", "Sefton Council"]


def test_a_dialog_waits_for_its_answer_and_is_deleted_once_closed(qtbot, db, page) -> None:  # type: ignore[no-untyped-def]
    opened: list[QDialog] = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        opened.append(dialog)
        qtbot.keyClicks(dialog.name, "Sefton CVS")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        dialog.reject()  # not while the organisation is being added: the answer comes back to it

    drive_dialog(qtbot, page.new_organisation, fill)
    assert _names(db) == ["Merseyside Police", "Sefton Council", "Sefton CVS"]
    assert page.current is not None and page.current.name == "Sefton CVS"
    # Deleted at once, here on the GUI thread, not left to Python's collector (which may run on the
    # database worker's thread, where deleting a widget crashes Qt).
    assert opened and not shiboken6.isValid(opened[0])
