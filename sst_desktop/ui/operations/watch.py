"""Other officers' changes on the open screens: the window follows the database's change feed.

A thread of its own waits on the feed (``storage.change_feed``: PostgreSQL notifications, SQLite's
data version) and hands the tables another copy of SST Desktop changed to the GUI thread, which
announces them as the kinds of change the screens listen to. The screens read again what they show,
keeping the officer's choice and anything typed but not yet saved. Nothing here waits on the GUI
thread; a database that cannot be read for a moment is tried again.
"""

from __future__ import annotations

import gc
import logging
import threading

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from sst_desktop.services.outcome import Changed
from sst_desktop.storage.change_feed import FeedReader
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.presence import PresenceFollower, presence_board

log = logging.getLogger(__name__)

CHECK_SECONDS = 0.5  # how long one wait on the feed lasts: others' changes show within about this
RETRY_SECONDS = 5.0  # after the database could not be read

KINDS: dict[str, Changed] = {
    "committees": Changed.COMMITTEES,
    "committee_former_names": Changed.COMMITTEES,
    "people": Changed.PEOPLE,
    "organisations": Changed.ORGANISATIONS,
    "memberships": Changed.MEMBERSHIPS,
    "meetings": Changed.MEETINGS,
    "agenda_items": Changed.AGENDA,
    "agenda_item_presenters": Changed.AGENDA,
    "attachments": Changed.ATTACHMENTS,
    "forward_plan_items": Changed.FORWARD_PLAN,
    "standing_items": Changed.FORWARD_PLAN,
    "minutes": Changed.MINUTES,
    "minute_references": Changed.MINUTES,
    "resolutions": Changed.MINUTES,
    "confirmed_minutes_copies": Changed.MINUTES,
    "attendance": Changed.ATTENDANCE,
    "declarations": Changed.DECLARATIONS,
    "actions": Changed.ACTIONS,
    "action_updates": Changed.ACTIONS,
    "document_styles": Changed.STYLE,
    "meeting_sentences": Changed.MINUTES,
}


def kinds_of(tables: set[str]) -> Changed:
    """The kinds of change the screens know for these tables (a table they do not know: everything)."""
    found = Changed.NOTHING
    for table in tables:
        found |= KINDS.get(table, Changed.EVERYTHING)
    return found


class ChangeWatcher(QObject):
    """Announces, in ``context``, the changes other copies of SST Desktop make to its database."""

    arrived = Signal(object)  # the set of table names another copy changed

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._stop = threading.Event()
        # Set once the feed is read from: a change committed from then on is told. The reader is the
        # thread's first act, before the screens' first reads come back, so none falls in between.
        self.listening = threading.Event()
        self.arrived.connect(self._announce)
        parent.destroyed.connect(self._stop.set)
        parent.installEventFilter(self)
        self._presence = PresenceFollower(presence_board(context))  # who types in which minute
        engine = context.database.engine
        self._thread = threading.Thread(target=self._follow, args=(engine,), name="change-feed", daemon=True)
        self._thread.start()

    def stop(self, wait: float = 0.0) -> None:
        """Stop following the feed; with ``wait``, give the thread that long to let go of the database."""
        self._stop.set()
        if wait:
            self._thread.join(wait)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.stop()  # (before the window closes its database)
        return False

    def _follow(self, engine: Engine) -> None:
        reader: FeedReader | None = None
        seen: int | None = None  # the feed read so far, kept over a failure (nothing missed after it)
        while not self._stop.is_set():
            failed = False
            collecting = gc.isenabled()
            gc.disable()  # (no cycle collection on this thread: it may hold Qt objects; see worker)
            try:
                try:
                    if reader is None:
                        reader = FeedReader(engine, since=seen)
                        self.listening.set()
                    tables = reader.poll()
                    seen = reader.last_seen
                    if not self._stop.is_set():  # (the window may be closing its database)
                        self._presence.step(engine)  # (on closing, this copy's line just expires)
                except Exception as error:  # locked, gone, a server paused or restarting: try again later
                    log.info("the change feed could not be read: %s", error)
                    if reader is not None:
                        _close_quietly(reader)
                        reader = None
                    failed, tables = True, set()
                if tables and not self._stop.is_set():
                    try:
                        self.arrived.emit(tables)
                    except RuntimeError:  # the window has gone meanwhile
                        break
            finally:
                if collecting:
                    gc.enable()
            self._stop.wait(RETRY_SECONDS if failed else CHECK_SECONDS)
        if reader is not None:
            _close_quietly(reader)

    def _announce(self, tables: set[str]) -> None:
        self._context.announce(kinds_of(tables))


def _close_quietly(reader: FeedReader) -> None:
    """Close a reader whose connection may already be broken (a server that stopped answering)."""
    try:
        reader.close()
    except Exception as error:
        log.info("the change feed's connection could not be closed: %s", error)
