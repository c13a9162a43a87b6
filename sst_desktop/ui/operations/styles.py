"""Operations on a committee's document style: read, change, copy, import, export, and the preview.

The preview page is printed and drawn on the database worker like everything else, so however the sample grows the
Documents tab never waits on it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from sst_desktop.services import document_styles
from sst_desktop.services.document_style import DocumentStyle, PageKind, SamplePage, validated
from sst_desktop.services.outcome import Outcome
from sst_desktop.services.records import CommitteeRecord
from sst_desktop.ui.context import AppContext
from sst_desktop.ui.operations.op import ChangeOp, ReadOp


def read_style(context: AppContext, parent: QWidget, committee_id: int) -> ReadOp[DocumentStyle]:
    return ReadOp(context, parent, lambda db: document_styles.committee_style(db, committee_id))


def set_style(
    context: AppContext, parent: QWidget, committee: CommitteeRecord, style: DocumentStyle, what: str
) -> ChangeOp[Outcome[DocumentStyle]]:
    """Store the style; ``what`` names the setting changed for Undo ("agenda title")."""
    return ChangeOp(
        context,
        parent,
        lambda db: document_styles.set_committee_style(db, committee.id, style),
        f"Change {what} of {committee.short_name}",
    )


def copy_style(
    context: AppContext, parent: QWidget, committee: CommitteeRecord, source: CommitteeRecord
) -> ChangeOp[Outcome[DocumentStyle]]:
    return ChangeOp(
        context,
        parent,
        lambda db: document_styles.copy_committee_style(db, committee.id, source.id),
        f"Copy the document style of {source.short_name} to {committee.short_name}",
    )


def import_style(
    context: AppContext, parent: QWidget, committee: CommitteeRecord, path: Path
) -> ChangeOp[Outcome[DocumentStyle]]:
    return ChangeOp(
        context,
        parent,
        lambda db: document_styles.import_committee_style(db, committee.id, path),
        f"Import the document style of {committee.short_name}",
    )


def export_style(context: AppContext, parent: QWidget, committee_id: int, path: Path) -> ReadOp[Path]:
    from sst_desktop.exports.style_file import write_style_file  # loaded when first asked, not at start-up

    return ReadOp(context, parent, lambda db: write_style_file(db, committee_id, path))


def preview(
    context: AppContext,
    parent: QWidget,
    committee: CommitteeRecord,
    style: DocumentStyle,
    kind: PageKind,
    width: int,
) -> ReadOp[SamplePage]:
    """The first page of ``kind`` printed in ``style`` (refused, as a save would be, while a wording is
    unusable), drawn ``width`` pixels wide."""
    from sst_desktop.exports.style_pages import sample_page  # the PDF libraries load when first asked

    return ReadOp(
        context, parent, lambda db: sample_page(db, committee, validated(style), kind, width)
    ).quietly()


def meeting_sentences(context: AppContext, parent: QWidget, meeting_id: int) -> ReadOp[dict[str, str]]:
    """The sentences the officer rewrote for this meeting's minutes, by kind."""
    return ReadOp(context, parent, lambda db: document_styles.meeting_sentences(db, meeting_id))


def set_meeting_sentence(
    context: AppContext, parent: QWidget, meeting_id: int, kind: str, text: str
) -> ChangeOp[Outcome[str]]:
    """Print ``text`` instead of the generated sentence (empty: the generated one again)."""
    return ChangeOp(
        context,
        parent,
        lambda db: document_styles.set_meeting_sentence(db, meeting_id, kind, text),
        f"Change the {kind} sentence",
    )
