"""A committee's house style for its documents, and the sentences an officer wrote for one meeting.

The style is kept as the same small TOML text the officer exports and imports (see
``sst_desktop.services.document_style``), so a later version can add settings without a migration.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.domain.base import Base, Timestamped


class DocumentStyleRow(Timestamped, Base):
    """One committee's document style; a committee without a row prints in the default style."""

    __tablename__ = "document_styles"

    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committees.id", ondelete="CASCADE"), primary_key=True
    )
    settings: Mapped[str] = mapped_column(Text, default="", nullable=False)


class MeetingSentence(Timestamped, Base):
    """The officer's own wording of a generated sentence (apologies, declarations) for one meeting:
    printed instead of the sentence the style would generate."""

    __tablename__ = "meeting_sentences"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="", nullable=False)
