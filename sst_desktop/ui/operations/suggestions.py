"""Operations of the typing aids: the committee's record that suggestions are made from, and the
committee's snippets."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sst_desktop.domain.prediction import Predictor
from sst_desktop.domain.snippets import SnippetRecord
from sst_desktop.services import snippets, suggestions
from sst_desktop.services.outcome import Outcome
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp


def predictor(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[Predictor]:
    """Guesses for a meeting's boxes: the record read and indexed on the database worker."""
    return ReadOp(context, parent, lambda db: suggestions.predictor(db, meeting_id))


def save_snippets(
    context: AppContext, parent: QWidget, committee_id: int, pairs: list[tuple[str, str]]
) -> ChangeOp[Outcome[tuple[SnippetRecord, ...]]]:
    """Store the committee's snippets as the Snippets dialog lists them (one undo step)."""
    return ChangeOp(
        context, parent, lambda db: snippets.set_snippets(db, committee_id, pairs), "Change the snippets"
    )
