"""Operations of search: finding things in the record as the officer types, and what opening a result
needs (a report's file)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sst_desktop.services import attachments, search
from sst_desktop.services.attachments import AttachmentRecord
from sst_desktop.services.search import SearchHit, SearchRequest
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ReadOp


def find(context: AppContext, parent: QWidget, request: SearchRequest) -> ReadOp[list[SearchHit]]:
    """The results of one keystroke's query (the window drops them if a later keystroke's came first)."""
    return ReadOp(context, parent, lambda db: search.search(db, request)).quietly()


def report_file(
    context: AppContext, parent: QWidget, attachment_id: int
) -> ReadOp[tuple[AttachmentRecord, bytes]]:
    """A report and its bytes, to open it in the PDF viewer."""
    return ReadOp(
        context,
        parent,
        lambda db: (
            attachments.get_attachment(db, attachment_id),
            attachments.attachment_bytes(db, attachment_id),
        ),
    )
