"""Search in the main window: Ctrl+K (Edit → Search the record) and the box under the navigation open
the search window; a result opens where it lives.

- a minute or resolution: minute-taking at that minute;
- an agenda item, a report or a declaration: the meeting on the Meetings screen, its Agenda tab, at the
  item; a report also opens in the PDF viewer at the page that matched (the file is opened with a
  ``#page=N`` address, which PDF viewers that take one — browsers, Acrobat, Evince — honour; others open
  it at the first page, and the status bar says which page to turn to);
- an action: the Action log, at the action; a person or organisation: their screen, at them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from sst_desktop.ui.errors import report_error
from sst_desktop.ui.widgets.accessible import with_clear_button

if TYPE_CHECKING:
    from sst_desktop.services.attachments import AttachmentRecord
    from sst_desktop.services.search import SearchHit
    from sst_desktop.ui.main_window import MainWindow
    from sst_desktop.ui.search.window import SearchWindow

SHORTCUT = "Ctrl+K"


def install_search(window: MainWindow) -> None:
    """Give the main window its search: the Edit-menu action (Ctrl+K, from any screen) and the box."""
    action = QAction("Search the &record…", window)
    action.setObjectName("searchAction")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setStatusTip("Find anything in minutes, decisions, actions, agendas and reports")
    action.triggered.connect(lambda: search_window(window).search_for())
    window.edit_menu.addAction(action)
    window.search_action = action  # type: ignore[attr-defined]

    box = QLineEdit()
    box.setObjectName("navigationSearch")
    box.setPlaceholderText(f"Search… ({SHORTCUT})")
    box.setToolTip("Search minutes, decisions, actions, agendas and reports")
    with_clear_button(box)
    box.setAccessibleName("Search")

    def typed(text: str) -> None:
        if text.strip():
            box.clear()
            search_window(window).search_for(text)

    box.textEdited.connect(typed)
    box.returnPressed.connect(lambda: search_window(window).search_for())
    side = window.findChild(QFrame, "sidebar")
    layout = side.layout() if side is not None else None
    if isinstance(layout, QVBoxLayout):
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(16, 6, 12, 10)
        holder_layout.addWidget(box)
        layout.insertWidget(2, holder)  # under the database's name, above the navigation
    window.navigation_search = box  # type: ignore[attr-defined]


def search_window(window: MainWindow) -> SearchWindow:
    """The main window's search window, made the first time it is asked for."""
    found: SearchWindow | None = getattr(window, "_search_window", None)
    if found is None:
        from sst_desktop.ui.search.window import SearchWindow  # built when first wanted: start-up stays fast

        found = SearchWindow(window.context, window)
        found.opened.connect(lambda hit: open_hit(window, hit))
        window._search_window = found  # type: ignore[attr-defined]
    return found


def open_hit(window: MainWindow, hit: SearchHit) -> None:
    """Show ``hit`` where it lives (see the module's notes)."""
    # (Loaded with the search window, not at start-up: install_search runs as the main window is built.)
    from sst_desktop.services.search import Kind
    from sst_desktop.ui.operations import search as search_ops

    if hit.kind in (Kind.MINUTE, Kind.RESOLUTION) and hit.anchor_id is not None:
        window.context.open_minute_requested.emit(hit.anchor_id)
    elif hit.kind in (Kind.ITEM, Kind.REPORT, Kind.DECLARATION) and hit.meeting_id is not None:
        show_agenda_item(window, hit.meeting_id, hit.anchor_id)
        if hit.kind == Kind.REPORT:
            search_ops.report_file(window.context, window, hit.source_id).success(
                lambda found: open_report(window, found[0], found[1], hit.page)
            ).run()
    elif hit.kind == Kind.ACTION:
        page: Any = window.show_page("actions")
        if not page.open_action(hit.source_id):
            window.show_status("The action is hidden by the action log's filters: clear them to see it.")
    elif hit.kind == Kind.PERSON:
        window.show_page("people").select_person(hit.source_id)  # type: ignore[attr-defined]
    elif hit.kind == Kind.ORGANISATION:
        page = window.show_page("organisations")
        select = getattr(page, "select_organisation", None)
        if callable(select):
            select(hit.source_id)
    window.raise_()
    window.activateWindow()


def show_agenda_item(window: MainWindow, meeting_id: int, item_id: int | None) -> None:
    """The meeting on the Meetings screen, its agenda shown, the item chosen once the agenda is read."""
    page: Any = window.show_page("meetings")
    page.tabs.setCurrentWidget(page.builder)
    builder = page.builder
    if item_id is not None:
        if builder.meeting is not None and builder.meeting.id == meeting_id:
            builder.select_item(item_id)
        else:

            def shown() -> None:
                if builder.meeting is not None and builder.meeting.id == meeting_id:
                    builder.records_shown.disconnect(shown)
                    builder.select_item(item_id)

            builder.records_shown.connect(shown)
    page.show_meeting(meeting_id)


def open_report(window: MainWindow, attachment: AttachmentRecord, data: bytes, page: int) -> None:
    """A copy of the report in the PDF viewer, at ``page`` where the viewer takes a page address."""
    from sst_desktop.ui.meetings.attachments_list import viewing_folder

    folder = viewing_folder() / str(attachment.id)
    try:
        folder.mkdir(exist_ok=True)
        target = folder / (Path(attachment.filename).name or "report.pdf")
        target.write_bytes(data)
    except OSError as error:
        report_error(window, error)
        return
    url = QUrl.fromLocalFile(str(target))
    if page > 1:
        url.setFragment(f"page={page}")
    QDesktopServices.openUrl(url)
    window.show_status(f"Opened “{attachment.display_title}” — the words were found on page {page}.")
