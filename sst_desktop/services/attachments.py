"""Reports attached to agenda items: PDFs stored in the database, so one file holds everything.

A file is checked when it is attached, so the agenda pack never meets a broken report: it must be a
PDF that opens without a password, has at least one page, and whose pages can be read.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sst_desktop.domain import AgendaItem, Attachment
from sst_desktop.domain.enums import ReportStatus
from sst_desktop.services.errors import NotFoundError, ValidationError
from sst_desktop.services.meetings import ensure_agenda_editable
from sst_desktop.services.outcome import Changed, Reversal
from sst_desktop.services.records import Change
from sst_desktop.services.validation import optional
from sst_desktop.storage.engine import Database
from sst_desktop.storage.search_index import page_texts, store_pages

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024
PDF_MEDIA_TYPE = "application/pdf"

# What adding or removing a report changes: the item's reports, and the item (its report status,
# the agenda's count of reports and pages).
CHANGED = Changed.ATTACHMENTS | Changed.AGENDA


@dataclass(frozen=True)
class AttachmentRecord:
    id: int
    agenda_item_id: int
    position: int
    title: str
    filename: str
    size: int
    page_count: int
    sha256: str
    added_at: datetime

    @property
    def display_title(self) -> str:
        return self.title or Path(self.filename).stem or self.filename


@dataclass(frozen=True)
class RemovedAttachment:
    """What ``remove_attachment`` took away, with the bytes, so undo can put it back exactly."""

    before: AttachmentRecord
    content: bytes = field(repr=False)
    report_status: ReportStatus = ReportStatus.NONE
    changed: Changed = CHANGED
    undo: Reversal | None = field(default=None, repr=False, compare=False)

    @property
    def after(self) -> None:
        return None


def to_record(attachment: Attachment) -> AttachmentRecord:
    return AttachmentRecord(
        id=attachment.id,
        agenda_item_id=attachment.agenda_item_id,
        position=attachment.position,
        title=attachment.title,
        filename=attachment.filename,
        size=attachment.size,
        page_count=attachment.page_count,
        sha256=attachment.sha256,
        added_at=attachment.added_at,
    )


def check_pdf(data: bytes, name: str = "The file") -> int:
    """The number of pages of a readable PDF; ``ValidationError`` saying what is wrong otherwise."""
    if not data:
        raise ValidationError(f"{name} is empty (0 bytes); attach the report itself.", field="file")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            f"{name} is {len(data) / 1024 / 1024:.0f} MB; reports can be at most "
            f"{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB.",
            field="file",
        )
    if b"%PDF-" not in data[:1024]:
        raise ValidationError(
            f"{name} is not a PDF. Save the report as PDF (File > Save As > PDF) and attach that.",
            field="file",
        )
    try:
        with _PypdfProblems() as problems:
            pages = _read_pages(data, name)
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds on a broken file
        log.info("refused attachment %s: %r", name, error)
        raise ValidationError(
            f"{name} is damaged and cannot be read as a PDF ({_reason(error)}).", field="file"
        ) from error
    damage = [p for p in problems.messages if "decompress" in p.lower() or "decode" in p.lower()]
    if damage:
        raise ValidationError(
            f"{name} is damaged and cannot be read as a PDF ({_reason(Exception(damage[0]))}).", field="file"
        )
    return pages


class _PypdfProblems(logging.Handler):
    """Collects what pypdf logs while it reads: it repairs some damage silently, and only says so there."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> _PypdfProblems:
        logging.getLogger("pypdf").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("pypdf").removeHandler(self)


def _read_pages(data: bytes, name: str) -> int:
    from pypdf import PdfReader  # (when a report is read: start-up need not load it)

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise ValidationError(
            f"{name} is protected by a password or encryption; save a copy without protection and "
            "attach that.",
            field="file",
        )
    pages = len(reader.pages)
    if pages == 0:
        raise ValidationError(f"{name} is a PDF with no pages.", field="file")
    for page in reader.pages:
        _ = page.mediabox
        contents = page.get_contents()
        if contents is not None:
            contents.get_data()
    return pages


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:120] if text else type(error).__name__


def list_attachments(db: Database, agenda_item_id: int) -> list[AttachmentRecord]:
    with db.read() as session:
        return [to_record(a) for a in _attachments(session, agenda_item_id)]


def get_attachment(db: Database, attachment_id: int) -> AttachmentRecord:
    with db.read() as session:
        return to_record(_get(session, attachment_id))


def attachment_bytes(db: Database, attachment_id: int) -> bytes:
    with db.read() as session:
        return bytes(_get(session, attachment_id).content)


def attachments_for_items(
    db: Database, item_ids: Iterable[int]
) -> dict[int, list[tuple[AttachmentRecord, bytes]]]:
    """Every attachment of these items with its bytes, in order, in one query (for the agenda pack)."""
    ids = list(item_ids)
    found: dict[int, list[tuple[AttachmentRecord, bytes]]] = {i: [] for i in ids}
    if not ids:
        return found
    with db.read() as session:
        rows = session.execute(
            select(Attachment, Attachment.content)
            .where(Attachment.agenda_item_id.in_(ids))
            .order_by(Attachment.agenda_item_id, Attachment.position, Attachment.id)
        ).all()
        for attachment, content in rows:
            found[attachment.agenda_item_id].append((to_record(attachment), bytes(content)))
    return found


def attach_pdf(
    db: Database, agenda_item_id: int, data: bytes, filename: str, *, title: str = ""
) -> Change[AttachmentRecord]:
    """Store a PDF report on an agenda item, after checking it reads (see ``check_pdf``). Undo
    removes it."""
    filename = optional(Path(filename or "report.pdf").name, "The file name", max_length=500) or "report.pdf"
    pages = check_pdf(data, f"“{filename}”")
    title = optional(title, "The title", field="title", max_length=500)
    texts = page_texts(data)  # read before the write starts, so the database is not held meanwhile
    with db.write() as session:
        item = _item(session, agenda_item_id)
        ensure_agenda_editable(session, item.meeting_id)
        position = len(_attachments(session, agenda_item_id))
        attachment = Attachment(
            agenda_item_id=agenda_item_id,
            position=position,
            title=title,
            filename=filename,
            media_type=PDF_MEDIA_TYPE,
            size=len(data),
            page_count=pages,
            sha256=hashlib.sha256(data).hexdigest(),
            content=data,
        )
        session.add(attachment)
        if item.report_status in (ReportStatus.NONE, ReportStatus.TO_FOLLOW):
            item.report_status = ReportStatus.ATTACHED
        session.flush()
        store_pages(session.connection(), attachment.id, texts)
        return _added(to_record(attachment))


def attach_file(
    db: Database, agenda_item_id: int, path: Path | str, *, title: str = ""
) -> Change[AttachmentRecord]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ValidationError(f"{path.name} is a folder, not a PDF file.", field="file") from None
    except OSError as error:
        raise ValidationError(
            f"{path.name} cannot be read: {error.strerror or error}.", field="file"
        ) from error
    return attach_pdf(db, agenda_item_id, data, path.name, title=title)


def rename_attachment(db: Database, attachment_id: int, title: str) -> Change[AttachmentRecord]:
    """Give a report the title the agenda pack lists it by; undo puts back the one before."""
    title = optional(title, "The title", field="title", max_length=500)
    with db.write() as session:
        attachment = _get(session, attachment_id)
        ensure_agenda_editable(session, attachment.agenda_item.meeting_id)
        before = to_record(attachment)
        attachment.title = title
        session.flush()
        return Change(
            before,
            to_record(attachment),
            CHANGED,
            lambda db: rename_attachment(db, attachment_id, before.title),
        )


def move_attachment(db: Database, attachment_id: int, new_position: int) -> Change[AttachmentRecord]:
    """Put an attachment at ``new_position`` (0-based) among its item's attachments; undo moves it back."""
    with db.write() as session:
        attachment = _get(session, attachment_id)
        ensure_agenda_editable(session, attachment.agenda_item.meeting_id)
        before = to_record(attachment)
        siblings = [a for a in _attachments(session, attachment.agenda_item_id) if a.id != attachment.id]
        new_position = max(0, min(int(new_position), len(siblings)))
        siblings.insert(new_position, attachment)
        for index, sibling in enumerate(siblings):
            sibling.position = index
        session.flush()
        return Change(
            before,
            to_record(attachment),
            CHANGED,
            lambda db: move_attachment(db, attachment_id, before.position),
        )


def remove_attachment(db: Database, attachment_id: int) -> RemovedAttachment:
    """Take a report off its item, keeping what undo needs to put the same file back in its place."""
    with db.write() as session:
        attachment = _get(session, attachment_id)
        item = attachment.agenda_item
        ensure_agenda_editable(session, item.meeting_id)
        removed = RemovedAttachment(to_record(attachment), bytes(attachment.content), item.report_status)
        session.delete(attachment)
        session.flush()
        rest = _attachments(session, item.id)
        for index, sibling in enumerate(rest):
            sibling.position = index
        if not rest and item.report_status == ReportStatus.ATTACHED:
            item.report_status = ReportStatus.NONE
        return replace(removed, undo=lambda db: restore_attachment(db, removed))


def restore_attachment(db: Database, removed: RemovedAttachment) -> Change[AttachmentRecord]:
    """Undo of ``remove_attachment``: the same file, title and place."""
    record = removed.before
    texts = page_texts(removed.content)
    with db.write() as session:
        item = _item(session, record.agenda_item_id)
        ensure_agenda_editable(session, item.meeting_id)
        siblings = _attachments(session, item.id)
        attachment = Attachment(
            id=record.id if session.get(Attachment, record.id) is None else None,
            agenda_item_id=item.id,
            position=0,
            title=record.title,
            filename=record.filename,
            media_type=PDF_MEDIA_TYPE,
            size=record.size,
            page_count=record.page_count,
            sha256=record.sha256,
            content=removed.content,
            added_at=record.added_at,
        )
        session.add(attachment)
        siblings.insert(min(record.position, len(siblings)), attachment)
        for index, sibling in enumerate(siblings):
            sibling.position = index
        item.report_status = removed.report_status
        session.flush()
        store_pages(session.connection(), attachment.id, texts)
        return _added(to_record(attachment))


def _added(record: AttachmentRecord) -> Change[AttachmentRecord]:
    return Change(None, record, CHANGED, lambda db: remove_attachment(db, record.id))


def _attachments(session: Session, agenda_item_id: int) -> list[Attachment]:
    return list(
        session.scalars(
            select(Attachment)
            .where(Attachment.agenda_item_id == agenda_item_id)
            .order_by(Attachment.position, Attachment.id)
        )
    )


def _item(session: Session, agenda_item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, agenda_item_id)
    if item is None:
        raise NotFoundError(f"There is no agenda item with id {agenda_item_id}.")
    return item


def _get(session: Session, attachment_id: int) -> Attachment:
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFoundError(f"There is no attachment with id {attachment_id}.")
    return attachment
