"""Actions from minutes and scrutiny recommendations: one log, tracked the same way."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sst_desktop.domain.base import Base, Timestamped, enum_column, utcnow
from sst_desktop.domain.directory import Committee, Organisation, Person
from sst_desktop.domain.enums import ActionKind, ActionStatus
from sst_desktop.domain.meetings import Meeting
from sst_desktop.domain.minutes import Minute


class Action(Timestamped, Base):
    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable reference printed in the spreadsheet so an edited file can come back ("SST/2022/004").
    reference: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    kind: Mapped[ActionKind] = mapped_column(
        enum_column(ActionKind, "action_kind"), default=ActionKind.ACTION, nullable=False
    )
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"), nullable=False)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    minute_id: Mapped[int | None] = mapped_column(ForeignKey("minutes.id", ondelete="SET NULL"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    response: Mapped[str] = mapped_column(Text, default="", nullable=False)  # recommendations: the response
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    owner_text: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    due_date: Mapped[date | None] = mapped_column(Date)
    due_next_meeting: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus, "action_status"), default=ActionStatus.OPEN, nullable=False
    )
    completed_on: Mapped[date | None] = mapped_column(Date)

    committee: Mapped[Committee] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    minute: Mapped[Minute | None] = relationship()
    owner_person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="[ActionUpdate.on, ActionUpdate.id]"
    )

    __table_args__ = (
        CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),
        CheckConstraint("status <> 'completed' OR completed_on IS NOT NULL", name="completed_has_date"),
        Index("ix_actions_committee_status", "committee_id", "status"),
        Index("ix_actions_due_date", "due_date"),
    )


class ActionUpdate(Base):
    """A dated line of progress on an action."""

    __tablename__ = "action_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    on: Mapped[date] = mapped_column(Date, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    author: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    action: Mapped[Action] = relationship(back_populates="updates")

    # The action log finds each action's latest update: this index answers it without a sort.
    __table_args__ = (Index("ix_action_updates_latest", "action_id", "on", "id"),)
