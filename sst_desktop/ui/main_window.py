"""The main window: navigation on the left, the chosen screen on the right, standard menus.

Pages come from ``ui.pages.PAGE_MODULES`` and are built the first time they are shown, so start-up
only builds the first one. A page widget may offer:

- ``focus_search()`` — Edit → Find (Ctrl+F) calls it;
- ``flush_pending()`` — called before the window closes or another database opens, to save an
  edit still in progress.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop import __version__
from sst_desktop.storage.errors import StorageError
from sst_desktop.storage.server import describe
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.errors import user_message
from sst_desktop.ui.operations.undo import DocumentWindow
from sst_desktop.ui.operations.worker import database_worker
from sst_desktop.ui.pages import PageSpec, load_pages
from sst_desktop.ui.window_geometry import keep_geometry, save_geometry

FILE_SECTIONS = ("database", "backup", "export", "other", "quit")


class MainWindow(DocumentWindow, QMainWindow):
    """One window per open database. Pages are built when first shown, so start-up stays fast."""

    def __init__(self, context: AppContext, settings: QSettings | None = None) -> None:
        super().__init__()
        self.context = context
        self.undo_stack = context.undo_stack  # edits made in this window and its dialogs
        self.settings = settings or QSettings()
        self.pages: list[PageSpec] = load_pages()
        self._built: dict[str, QWidget] = {}
        self._painted = False
        self._after_paint: list[Callable[[], object]] = []
        self.setObjectName("main-window")
        self.setWindowTitle(self._title())
        self.setMinimumSize(760, 520)
        keep_geometry(self, "main_window", QSize(1440, 900))  # a laptop's screen, less on a small one

        # Navigation ---------------------------------------------------------------------------
        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Pages")
        self.navigation.setObjectName("navigation")
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.shortcuts: dict[str, str] = {}
        taken: set[str] = set()
        for position, page in enumerate(self.pages, 1):
            shortcut = page.shortcut or (f"Ctrl+{position}" if position <= 9 else "")
            if shortcut in taken:
                shortcut = ""
            taken.add(shortcut)
            self.shortcuts[page.key] = shortcut
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            item.setToolTip(f"{page.title} ({shortcut})" if shortcut else page.title)
            self.navigation.addItem(item)
        brand = QLabel("SST Desktop")
        brand.setObjectName("brand")
        self.database_name = QLabel()
        self.database_name.setObjectName("brand-database")
        self.database_name.setWordWrap(True)
        side = QFrame()
        side.setObjectName("sidebar")
        side.setFixedWidth(200)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(brand)
        side_layout.addWidget(self.database_name)
        side_layout.addWidget(self.navigation, 1)

        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        for _page in self.pages:
            self.stack.addWidget(QWidget())  # replaced by the real page on first show

        self.notice_bar = QFrame()
        self.notice_bar.setObjectName("notice")
        self.notice_text = QLabel()
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextFormat(Qt.TextFormat.PlainText)
        close_notice = QToolButton()
        close_notice.setText("✕")
        close_notice.setToolTip("Hide this message")
        close_notice.clicked.connect(self.notice_bar.hide)
        notice_layout = QHBoxLayout(self.notice_bar)
        notice_layout.setContentsMargins(12, 6, 6, 6)
        notice_layout.addWidget(self.notice_text, 1)
        notice_layout.addWidget(close_notice, 0, Qt.AlignmentFlag.AlignTop)
        self.notice_bar.hide()

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        content_layout.addWidget(self.notice_bar)
        content_layout.addWidget(self.stack, 1)
        central = QWidget()
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(side)
        central_layout.addWidget(content, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self.show_page_at)
        self.context.open_meeting_requested.connect(self.open_meeting)
        self.context.open_minute_requested.connect(self.open_minute)

        # Status bar ---------------------------------------------------------------------------
        self.database_label = QLabel()
        self.database_label.setObjectName("status-database")
        self.statusBar().addPermanentWidget(self.database_label)
        self.context.status_message.connect(self.show_status)  # bound: dropped when the window goes
        self._undo_index = self.undo_stack.index()
        self.undo_stack.indexChanged.connect(self._undo_moved)
        self._update_database_label()

        # Menus --------------------------------------------------------------------------------
        self.file_menu = self.menuBar().addMenu("&File")
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.view_menu = self.menuBar().addMenu("&View")
        self.help_menu = self.menuBar().addMenu("&Help")
        self._file_sections: dict[str, QAction] = {}
        for section in FILE_SECTIONS:
            self._file_sections[section] = self.file_menu.addSeparator()
        self._build_edit_menu()
        self._build_view_menu()
        self._build_help_menu()
        from sst_desktop.ui.file_actions import FileActions

        self.file_actions = FileActions(self)
        from sst_desktop.ui.search.navigate import install_search

        install_search(self)

        self.restore_geometry()
        if database_notices := list(getattr(self.context.database, "notices", []) or []):
            self.show_notice("\n".join(database_notices))
        if self.pages:
            last = str(self.settings.value("main_window/page", "") or "")
            keys = [p.key for p in self.pages]
            self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)

    # Pages ------------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page called ``key``, built if it was not yet shown."""
        return self._ensure_built(self._index(key))

    def show_page(self, key: str) -> QWidget:
        index = self._index(key)
        self.navigation.setCurrentRow(index)
        return self._ensure_built(index)

    def open_meeting(self, meeting_id: int, item_id: int | None = None) -> None:
        """Minute-taking for a meeting (at an agenda item when given), through the Minutes screen,
        which owns minute-taking windows."""
        self.page("minutes").open_minute_taking(meeting_id, item_id)  # type: ignore[attr-defined]

    def open_minute(self, minute_id: int) -> None:
        """Minute-taking at the minute ``minute_id`` (the action log's "go to minute")."""
        from sst_desktop.ui.operations import minutes

        minutes.minute(self.context, self, minute_id).success(
            lambda minute: self.open_meeting(minute.meeting_id, minute.agenda_item_id)
        ).run()

    def current_page(self) -> QWidget | None:
        row = self.navigation.currentRow()
        return self._built.get(self.pages[row].key) if 0 <= row < len(self.pages) else None

    def show_page_at(self, index: int) -> None:
        if index < 0:
            return
        self._ensure_built(index)
        self.stack.setCurrentIndex(index)
        self.settings.setValue("main_window/page", self.pages[index].key)

    def _index(self, key: str) -> int:
        for index, page in enumerate(self.pages):
            if page.key == key:
                return index
        raise KeyError(f"no page called {key!r}")

    def _ensure_built(self, index: int) -> QWidget:
        spec = self.pages[index]
        if spec.key not in self._built:
            try:
                # (made in its place: a page assembled apart, then moved in, has every widget's
                # style worked out again for its new place, some milliseconds at start-up)
                widget = spec.factory(self.context, self.stack)
            except StorageError as error:  # e.g. a damaged file's unreadable table: say so in its place
                widget = _unavailable_page(spec.title, error)
            widget.setObjectName(f"page-{spec.key}")
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._built[spec.key] = widget
        return self._built[spec.key]

    # Menus ------------------------------------------------------------------------------------
    def add_file_action(self, action: QAction, *, section: str = "other") -> None:
        """Add a File-menu entry in its section: "database" (new/open/recent), "backup",
        "export", "other" or "quit". Sections keep that order, separated by lines."""
        marker = self._file_sections.get(section, self._file_sections["other"])
        self.file_menu.insertAction(marker, action)

    def _build_edit_menu(self) -> None:
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action, self.redo_action = undo, redo
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.edit_menu.addSeparator()
        self.find_action = QAction("&Find…", self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.setStatusTip("Search the list on this screen")
        self.find_action.triggered.connect(self.focus_search)
        self.edit_menu.addAction(self.find_action)

    def _build_view_menu(self) -> None:
        self.page_actions: dict[str, QAction] = {}
        for index, spec in enumerate(self.pages):
            action = QAction(spec.title, self)
            if self.shortcuts.get(spec.key):
                action.setShortcut(QKeySequence(self.shortcuts[spec.key]))
            action.triggered.connect(lambda _=False, i=index: self.navigation.setCurrentRow(i))
            self.view_menu.addAction(action)
            self.page_actions[spec.key] = action

    def _build_help_menu(self) -> None:
        shortcuts = QAction("&Keyboard shortcuts", self)
        shortcuts.setShortcut(QKeySequence("F1"))
        shortcuts.triggered.connect(self.show_shortcuts)
        self.help_menu.addAction(shortcuts)
        about = QAction("&About SST Desktop", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        self.help_menu.addAction(about)

    def menu(self, title: str) -> QMenu:
        return {
            "file": self.file_menu,
            "edit": self.edit_menu,
            "view": self.view_menu,
            "help": self.help_menu,
        }[title]

    def focus_search(self) -> None:
        page = self.current_page()
        focus: Callable[[], None] | None = getattr(page, "focus_search", None)
        if callable(focus):
            focus()
        else:
            self.statusBar().showMessage("This screen has no search box", 3000)

    def show_about(self) -> None:
        database = self.context.database
        where = database.display_name  # (a server's URL without its password)
        QMessageBox.about(
            self,
            "About SST Desktop",
            f"<h3>SST Desktop {__version__}</h3>"
            "<p>Meetings, agendas, live minute-taking, minutes and action logs for council committees "
            "and partnerships.</p>"
            f"<p>Database: {_html(where)}</p>"
            "<p>Every change is saved as you make it; Edit → Undo takes it back.</p>",
        )

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo the last change"),
            ("Ctrl+F", "Search the list on this screen"),
            *[(self.shortcuts[p.key], f"Go to {p.title}") for p in self.pages if self.shortcuts.get(p.key)],
            ("Ctrl+N / Ctrl+O", "New database / open database"),
            ("Ctrl+Q", "Quit"),
        ]
        table = "".join(
            f"<tr><td><b>{_html(k)}</b>&nbsp;&nbsp;</td><td>{_html(v)}</td></tr>" for k, v in rows
        )
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{table}</table>")

    # Notices and status -----------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        """A message across the top of the window (read-only file, network drive…) until closed."""
        self.notice_text.setText(text)
        self.notice_bar.show()

    def show_status(self, text: str) -> None:
        """A message from any screen (saved, exported…), shown for a few seconds."""
        self.statusBar().showMessage(text, 6000)

    def _undo_moved(self, index: int) -> None:
        stack = self.undo_stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self):
            return  # the stack is clearing itself as the window goes away
        if index < self._undo_index:
            self.statusBar().showMessage(f"Undone: {stack.text(index)}", 6000)
        elif index > self._undo_index:
            self.statusBar().showMessage(f"Saved: {stack.text(index - 1)}", 6000)
        self._undo_index = index

    # Window state -----------------------------------------------------------------------------
    def _title(self) -> str:
        database = self.context.database
        path = database.path
        name = path.name if path else describe(database.url)
        read_only = " (read-only)" if getattr(database, "read_only", False) else ""
        return f"{name}{read_only} — SST Desktop"

    def _update_database_label(self) -> None:
        database = self.context.database
        path = database.path
        self.database_label.setText(database.display_name)
        self.database_name.setText(path.name if path else describe(database.url))
        self.database_name.setToolTip(database.display_name)

    def restore_geometry(self) -> None:
        """The layout of bars and docks; the size and position come back when the window shows
        (``keep_geometry``), fitted onto the screen."""
        state = self.settings.value("main_window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_window_state(self) -> None:
        save_geometry(self)
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.sync()

    def flush_pending(self) -> None:
        """Save edits still in progress on every page that was built."""
        for widget in self._built.values():
            flush = getattr(widget, "flush_pending", None)
            if callable(flush):
                flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_pending()
        database_worker().drain()  # what was just typed reaches the database before the window goes
        self.save_window_state()
        super().closeEvent(event)
        self.context.database.dispose()  # the file alone now holds every change (see Database.dispose)

    def defer(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the window has painted (work that can wait until it shows)."""
        if self._painted:
            QTimer.singleShot(0, self, callback)  # dropped if the window goes first
        else:
            self._after_paint.append(callback)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._run_deferred)

    def _run_deferred(self) -> None:
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()


def _unavailable_page(title: str, error: StorageError) -> QWidget:
    label = QLabel(f"{title} cannot be shown.\n\n{user_message(error)[1]}")
    label.setObjectName("page-unavailable")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setContentsMargins(24, 24, 24, 24)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
