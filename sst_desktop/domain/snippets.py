"""Snippets: text an officer types often in one committee's minutes, kept under a short trigger word
("rtbn" → "the report be noted"). Typing the trigger and Tab puts the text in, as one undo step."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.domain.base import Base, Timestamped


class Snippet(Timestamped, Base):
    __tablename__ = "snippets"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), index=True)
    trigger: Mapped[str] = mapped_column(String(40), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)

    __table_args__ = (UniqueConstraint("committee_id", "trigger"),)


@dataclass(frozen=True)
class SnippetRecord:
    """A trigger word and the text it stands for, as the services hand them out."""

    trigger: str
    text: str


def expansion(available: Sequence[SnippetRecord], word: str) -> str:
    """The text ``word`` is the trigger of (case does not matter), or ""."""
    key = word.casefold()
    return next((s.text for s in available if s.trigger.casefold() == key), "")
