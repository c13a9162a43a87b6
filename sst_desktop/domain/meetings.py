"""Meetings, their agendas, the reports attached to items, and the forward plan that feeds agendas."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from sst_desktop.domain.base import Base, Timestamped, enum_column, utcnow
from sst_desktop.domain.directory import Committee, Person
from sst_desktop.domain.enums import (
    ForwardPlanStatus,
    ItemKind,
    ItemNumbering,
    MeetingStatus,
    ProceduralRole,
    ReportStatus,
)

if TYPE_CHECKING:
    from sst_desktop.domain.minutes import Attendance, Declaration, Minute


class Meeting(Timestamped, Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committees.id", ondelete="CASCADE"), nullable=False, index=True
    )
    date: Mapped[date] = mapped_column(Date, nullable=False)
    start_time: Mapped[time | None] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    remote_link: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus, "meeting_status"), default=MeetingStatus.SCHEDULED, nullable=False
    )
    status_reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
    open_to_public: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    # "Adjourned", "Special": printed before "Meeting" on the agenda and the minutes.
    title_prefix: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    # A themed session's title ("Themed session: Serious Violence Duty"), printed under the committee.
    session_title: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    # Where this meeting's minute numbers start, when the meetings before it in the municipal year are
    # not in this database (a council starting mid-year); None = continue from the previous meeting.
    first_minute_number: Mapped[int | None] = mapped_column(Integer)
    # Set when a later meeting resolves these minutes a correct record; they are frozen from then on.
    minutes_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    minutes_confirmed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL")
    )

    committee: Mapped[Committee] = relationship(back_populates="meetings")
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="[AgendaItem.position, AgendaItem.id]",
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    declarations: Mapped[list[Declaration]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    minutes: Mapped[list[Minute]] = relationship(back_populates="meeting", cascade="all, delete-orphan")

    __table_args__ = (
        UniqueConstraint("committee_id", "date"),
        CheckConstraint(
            "first_minute_number IS NULL OR first_minute_number > 0", name="first_minute_positive"
        ),
    )

    @property
    def minutes_confirmed(self) -> bool:
        return self.minutes_confirmed_at is not None


agenda_item_presenters = Table(
    "agenda_item_presenters",
    Base.metadata,
    Column("agenda_item_id", ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)


class AgendaItem(Timestamped, Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    kind: Mapped[ItemKind] = mapped_column(
        enum_column(ItemKind, "item_kind"), default=ItemKind.REPORT, nullable=False
    )
    procedural_role: Mapped[ProceduralRole | None] = mapped_column(
        enum_column(ProceduralRole, "procedural_role")
    )
    presenters_text: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    report_status: Mapped[ReportStatus] = mapped_column(
        enum_column(ReportStatus, "report_status"), default=ReportStatus.NONE, nullable=False
    )
    standing_item_id: Mapped[int | None] = mapped_column(ForeignKey("standing_items.id", ondelete="SET NULL"))
    # Schedule 12A paragraphs (1-7) as "3" or "1,3"; empty when the item is not exempt.
    exempt_paragraphs: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    # "POSTPONED", "NEW": printed beside the title on the agenda.
    flag: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    # An unnumbered heading printed before this item ("Public Session", "Part 2 - not open to the public").
    section_heading: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    numbering: Mapped[ItemNumbering] = mapped_column(
        enum_column(ItemNumbering, "item_numbering"), default=ItemNumbering.NUMBER, nullable=False
    )

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    presenters: Mapped[list[Person]] = relationship(secondary=agenda_item_presenters)
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="agenda_item",
        cascade="all, delete-orphan",
        order_by="[Attachment.position, Attachment.id]",
    )

    __table_args__ = (CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),)

    @property
    def is_exempt(self) -> bool:
        return bool(self.exempt_paragraphs.strip())


class Attachment(Base):
    """A report (PDF) stored in the database itself, so one file holds everything."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    title: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    filename: Mapped[str] = mapped_column(String(500), nullable=False)
    media_type: Mapped[str] = mapped_column(String(100), default="application/pdf", nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    page_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="attachments")


class ForwardPlanItem(Timestamped, Base):
    """An item the board asked to see at a later meeting: a given one, or simply the next."""

    __tablename__ = "forward_plan_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committees.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    kind: Mapped[ItemKind] = mapped_column(enum_column(ItemKind, "plan_item_kind"), default=ItemKind.REPORT)
    presenters_text: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    target_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"))
    # When no target meeting is set the item is due at the next meeting after ``requested_on``.
    requested_on: Mapped[date | None] = mapped_column(Date)
    source_minute_id: Mapped[int | None] = mapped_column(ForeignKey("minutes.id", ondelete="SET NULL"))
    source_text: Mapped[str] = mapped_column(Text, default="", nullable=False)
    status: Mapped[ForwardPlanStatus] = mapped_column(
        enum_column(ForwardPlanStatus, "forward_plan_status"),
        default=ForwardPlanStatus.PENDING,
        nullable=False,
    )
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))

    committee: Mapped[Committee] = relationship()
    target_meeting: Mapped[Meeting | None] = relationship(foreign_keys=[target_meeting_id])
