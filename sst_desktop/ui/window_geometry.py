"""Windows and dialogs that fit the screen they open on, and reopen where the officer left them.

Every top-level window and dialog calls ``keep_geometry(widget, key)`` once, in its constructor.
When it first shows, the size and position saved under ``<key>/geometry`` are restored (or, the
first time, the preferred size, unless the caller sized it), then the window is fitted onto the screen's available area
— a laptop's 1366×768 less its taskbar — so a size saved on a large monitor never opens off a small
one. When it hides or closes, its geometry is saved. The settings are the main window's (those of
the nearest parent window that has ``settings``), so tests and a second database window stay apart.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What the window manager adds around a window (title bar, borders) before it has said how much.
FRAME_ALLOWANCE = QSize(16, 40)


def settings_for(widget: QWidget | None) -> QSettings:
    """The settings of the window ``widget`` belongs to (the main window's), else the user's."""
    while widget is not None:
        settings = getattr(widget, "settings", None)
        if isinstance(settings, QSettings):
            return settings
        widget = widget.parentWidget()
    return QSettings()


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen a window may use (the taskbar left out)."""
    screen = QGuiApplication.screenAt(widget.geometry().center()) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_on_screen(widget: QWidget) -> None:
    """Shrink ``widget`` (not below its minimum size) and move it so its frame lies on the screen."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    area = available_area(widget)
    frame = widget.frameGeometry().size() - widget.geometry().size()
    if frame.width() <= 0 and frame.height() <= 0:
        frame = FRAME_ALLOWANCE  # not shown yet: the window manager has not said
    room = area.size() - frame
    size = widget.size().boundedTo(room).expandedTo(widget.minimumSize())
    if size != widget.size():
        widget.resize(size)
    outer = QRect(widget.frameGeometry().topLeft(), size + frame)
    x = min(max(outer.left(), area.left()), area.left() + max(area.width() - outer.width(), 0))
    y = min(max(outer.top(), area.top()), area.top() + max(area.height() - outer.height(), 0))
    if QPoint(x, y) != outer.topLeft():
        widget.move(x, y)


class _GeometryKeeper(QObject):
    """Restores and fits the window when it first shows; saves its geometry when it goes."""

    def __init__(self, widget: QWidget, key: str, preferred: QSize | None) -> None:
        super().__init__(widget)
        self._widget = widget
        self._settings = settings_for(widget)
        self._key = f"{key}/geometry"
        self._preferred = preferred
        self._shown = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (getattr: a window destroyed by the garbage collector hides after its Python side is gone)
        if watched is getattr(self, "_widget", None):
            kind = event.type()
            if kind == QEvent.Type.Show and not self._shown:
                self._shown = True
                self.restore()
            elif kind in (QEvent.Type.Hide, QEvent.Type.Close) and self._shown:
                self.save()
        return False

    def restore(self) -> None:
        saved = self._settings.value(self._key)
        restored = isinstance(saved, QByteArray | bytes) and self._widget.restoreGeometry(saved)
        resized = self._widget.testAttribute(Qt.WidgetAttribute.WA_Resized)  # sized by its caller
        if not restored and not resized and self._preferred is not None:
            self._widget.resize(self._preferred)
        fit_on_screen(self._widget)

    def save(self) -> None:
        self._settings.setValue(self._key, self._widget.saveGeometry())


def keep_geometry(widget: QWidget, key: str, preferred: QSize | None = None) -> None:
    """Fit ``widget`` onto the screen when it first shows, at the geometry saved under ``key`` (or
    ``preferred``, else its own size), and save its geometry whenever it hides or closes."""
    _GeometryKeeper(widget, key, preferred)


def save_geometry(widget: QWidget) -> None:
    """Save ``widget``'s geometry now (before the program quits with it still open)."""
    keeper = widget.findChild(_GeometryKeeper)
    if keeper is not None:
        keeper.save()
