"""Agenda builder responsiveness: on an agenda of 40 items (20 with a report attached), showing the
meeting, moving an item with Ctrl+Down and dropping one dragged row each stay well under a quarter
of a second (each is a database write on the worker plus a reload of the list and the item editor,
timed until the worker has answered and the answer is shown)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.run import Benchmark, best_of  # noqa: E402

ITEMS = 40
WITH_REPORTS = 20
LIMIT = 0.25


def measure() -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from sst_desktop.services import agenda, attachments, meetings
    from sst_desktop.services.agenda_records import AgendaItemPatch
    from sst_desktop.storage.opening import open_path
    from sst_desktop.ui.context import AppContext
    from sst_desktop.ui.meetings.agenda_builder import AgendaBuilder
    from sst_desktop.ui.operations.worker import database_worker
    from tests.meeting_factory import make_sst, pdf_bytes

    app = QApplication.instance() or QApplication([])

    def answered() -> None:
        """Until every read and write asked for has been answered and shown."""
        worker = database_worker()
        while True:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if worker.is_idle():
                app.processEvents()
                if worker.is_idle():
                    return

    with tempfile.TemporaryDirectory() as folder:
        db = open_path(Path(folder) / "bench.db", backup_dir=Path(folder) / "backups")
        sst = make_sst(db)
        agenda.build_default_agenda(db, sst.september)
        report = pdf_bytes(*[f"page {p}" for p in range(4)])
        for number in range(ITEMS - 4):
            item = agenda.add_item(
                db, sst.september, f"Item {number}", AgendaItemPatch(description="Report of the officer")
            ).after
            if item is not None and number < WITH_REPORTS:
                attachments.attach_pdf(db, item.id, report, f"report-{number}.pdf")
        meeting = meetings.get_meeting(db, sst.september)
        context = AppContext(db)
        builder = AgendaBuilder(context)
        builder.resize(1000, 700)
        builder.show()

        def show() -> None:
            builder.show_meeting(None)
            builder.show_meeting(meeting)
            answered()

        figures = {"show a meeting's agenda": best_of(5, show)}
        builder.select_item(builder.model.records[10].id)

        def move() -> None:
            builder.move_current(1)
            answered()

        figures["move an item (Ctrl+Down)"] = best_of(5, move)

        def drop() -> None:
            model = builder.model
            data = model.mimeData([model.index(20, 0)])
            model.dropMimeData(data, Qt.DropAction.MoveAction, 5, 0, QModelIndex())
            answered()

        figures["drop a dragged item"] = best_of(5, drop)
        builder.close()
        builder.deleteLater()
        answered()
        db.dispose()
    return figures


BENCHMARKS = [Benchmark("agenda builder, 40 items", LIMIT, measure)]
