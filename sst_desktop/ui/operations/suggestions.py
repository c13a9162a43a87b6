"""Operations of the typing aids: the committee's record that suggestions are made from."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sst_desktop.services import suggestions
from sst_desktop.services.suggestions import Vocabulary
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ReadOp


def vocabulary(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[Vocabulary]:
    """The texts a meeting's suggestions come from, read on the database worker."""
    return ReadOp(context, parent, lambda db: suggestions.vocabulary(db, meeting_id))
