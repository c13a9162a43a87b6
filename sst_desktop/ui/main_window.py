"""The main window: navigation on the left, the chosen screen on the right, standard menus."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from sst_desktop import __version__
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.pages import PageSpec, load_pages


class MainWindow(QMainWindow):
    """One window per open database. Pages are built when first shown, so start-up stays fast."""

    def __init__(self, context: AppContext, settings: QSettings | None = None) -> None:
        super().__init__()
        self.context = context
        self.settings = settings or QSettings()
        self.pages: list[PageSpec] = load_pages()
        self._built: dict[str, QWidget] = {}
        self.setWindowTitle(self._title())
        self.resize(1200, 780)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(220)
        self.stack = QStackedWidget()
        for page in self.pages:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            if page.shortcut:
                item.setToolTip(f"{page.title} ({page.shortcut})")
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # replaced by the real page on first show
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.navigation.currentRowChanged.connect(self.show_page_at)

        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        self.context.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self._update_database_label()

        self.file_menu = self.menuBar().addMenu("&File")
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.view_menu = self.menuBar().addMenu("&View")
        self.help_menu = self.menuBar().addMenu("&Help")
        self._build_edit_menu()
        self._build_view_menu()
        self._build_help_menu()

        self.restore_geometry()
        if self.pages:
            self.navigation.setCurrentRow(0)

    # Pages ------------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page called ``key``, built if it was not yet shown."""
        index = next(i for i, p in enumerate(self.pages) if p.key == key)
        return self._ensure_built(index)

    def show_page(self, key: str) -> QWidget:
        index = next(i for i, p in enumerate(self.pages) if p.key == key)
        self.navigation.setCurrentRow(index)
        return self._ensure_built(index)

    def show_page_at(self, index: int) -> None:
        if index < 0:
            return
        self._ensure_built(index)
        self.stack.setCurrentIndex(index)

    def _ensure_built(self, index: int) -> QWidget:
        spec = self.pages[index]
        if spec.key not in self._built:
            widget = spec.factory(self.context)
            widget.setObjectName(f"page-{spec.key}")
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[spec.key] = widget
        return self._built[spec.key]

    # Menus ------------------------------------------------------------------------------------
    def add_file_action(self, action: QAction, *, section: str = "database") -> None:
        """Let the application add File-menu entries (new/open/recent/back up/quit) in order."""
        self.file_menu.addAction(action)

    def _build_edit_menu(self) -> None:
        undo = self.context.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.context.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action, self.redo_action = undo, redo
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)

    def _build_view_menu(self) -> None:
        for index, spec in enumerate(self.pages):
            action = QAction(spec.title, self)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, i=index: self.navigation.setCurrentRow(i))
            self.view_menu.addAction(action)

    def _build_help_menu(self) -> None:
        about = QAction("&About SST Desktop", self)
        about.triggered.connect(self.show_about)
        self.help_menu.addAction(about)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        path = self.context.database.path
        QMessageBox.about(
            self,
            "About SST Desktop",
            f"<h3>SST Desktop {__version__}</h3>"
            "<p>Meetings, agendas, minutes and action logs for council committees and partnerships.</p>"
            f"<p>Database: {_html(str(path) if path else self.context.database.url)}</p>",
        )

    def menu(self, title: str) -> QMenu:
        return {"file": self.file_menu, "edit": self.edit_menu, "view": self.view_menu}[title]

    # Window state -----------------------------------------------------------------------------
    def _title(self) -> str:
        path = self.context.database.path
        name = path.name if path else "database"
        return f"{name} — SST Desktop"

    def _update_database_label(self) -> None:
        path = self.context.database.path
        self.database_label.setText(str(path) if path else self.context.database.url)

    def restore_geometry(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        state = self.settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)  # type: ignore[arg-type]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        for widget in self._built.values():
            flush = getattr(widget, "flush_pending", None)
            if callable(flush):
                flush()
        super().closeEvent(event)

    def defer(self, callback) -> None:  # type: ignore[no-untyped-def]
        """Run ``callback`` once the window has painted (work that can wait)."""
        QTimer.singleShot(0, callback)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
