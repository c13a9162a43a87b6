"""The line above a minute saying another officer is typing in it: "Jane Smith (jsmith) is editing
this minute". It follows the context's ``PresenceBoard`` and tells it when this officer types."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.presence import presence_board


class PresenceLabel(QLabel):
    """Who else is editing the minute shown (hidden when no one is)."""

    def __init__(
        self, context: AppContext, minute_id: Callable[[], int | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presence")
        self._board = presence_board(context)
        self._minute_id = minute_id  # the minute shown now
        self._board.changed.connect(self.refresh)
        self.hide()

    def typed(self) -> None:
        """This officer typed in the minute shown."""
        minute_id = self._minute_id()
        if minute_id is not None:
            self._board.typed(minute_id)

    def left(self, minute_id: int | None) -> None:
        """This officer left ``minute_id`` (another item shown, the window closed)."""
        if minute_id is not None:
            self._board.left(minute_id)

    def refresh(self) -> None:
        minute_id = self._minute_id()
        names = self._board.others_in(minute_id) if minute_id is not None else []
        if not names:
            self.hide()
            return
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        self.setText(f"{who} {'is' if len(names) == 1 else 'are'} editing this minute")
        self.setToolTip("What you type here may cross with their changes; if it does, both texts are shown.")
        self.show()
