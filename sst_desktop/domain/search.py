"""What full-text search reads: one row per searchable piece of the record, and the text of reports.

``SearchDocument`` rows are derived data, rebuilt from the record by ``sst_desktop.storage.search_index``
whenever the record changes. Their words come from the record through the ``search_bodies`` view; the
word index is not a model: an FTS5 table on SQLite, a GIN expression index on PostgreSQL (migration
0006), because neither fits the ORM.

The id of a document orders it newest first (``day << 24 | sequence``), so the newest matches of a
query come straight off the index in id order without sorting every match.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.domain.base import Base


class SearchDocument(Base):
    __tablename__ = "search_documents"

    # on SQLite the rowid itself (INTEGER PRIMARY KEY), which the FTS5 table's rowid names
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=False
    )
    # minute, resolution, action, item, report, declaration, person, organisation
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    source_id: Mapped[int] = mapped_column(Integer, nullable=False)
    # reports: the page (1-based); 0 otherwise
    page: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    meeting_id: Mapped[int | None] = mapped_column(Integer)  # no key: a deleted meeting's actions stay
    committee_id: Mapped[int | None] = mapped_column(Integer)
    dated: Mapped[date | None] = mapped_column(Date)
    # where the result opens: the minute of a resolution, the agenda item of a report or declaration
    anchor_id: Mapped[int | None] = mapped_column(Integer)
    # shown in searches without confidential results / with them; an exempt item's minute has one
    # document for each (its published summary, and its discussion marked confidential)
    public: Mapped[bool] = mapped_column(Boolean, nullable=False)
    full: Mapped[bool] = mapped_column(Boolean, nullable=False)
    label: Mapped[str] = mapped_column(String(600), default="", nullable=False)
    # PostgreSQL: the words its GIN index covers, copied from the search_bodies view; SQLite: empty
    # (its FTS5 table reads the view itself)
    body: Mapped[str] = mapped_column(Text, default="", nullable=False)

    __table_args__ = (
        Index("ix_search_documents_source", "kind", "source_id"),
        Index("ix_search_documents_meeting_id", "meeting_id"),
    )


class AttachmentPage(Base):
    """The text of one page of an attached report, extracted once when it is attached."""

    __tablename__ = "attachment_pages"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachments.id", ondelete="CASCADE"), primary_key=True
    )
    page: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="", nullable=False)
