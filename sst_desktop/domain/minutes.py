"""What happened at a meeting: who came, who declared what, and the minute of each item."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sst_desktop.domain.base import Base, Timestamped, enum_column
from sst_desktop.domain.directory import Person
from sst_desktop.domain.enums import AttendanceStatus, DeclarationAction, InterestKind, MinuteOutcome
from sst_desktop.domain.meetings import AgendaItem, Meeting


class Attendance(Timestamped, Base):
    """One line of the register: a member (or, with ``also_present``, an officer, presenter or guest)."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True
    )
    status: Mapped[AttendanceStatus] = mapped_column(
        enum_column(AttendanceStatus, "attendance_status"), default=AttendanceStatus.ABSENT, nullable=False
    )
    remote: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    substitute_for_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    in_chair: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    also_present: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    capacity: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # "Presenter", "Officer"
    arrived_at: Mapped[time | None] = mapped_column(Time)
    arrived_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    left_at: Mapped[time | None] = mapped_column(Time)
    left_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    substitute_for: Mapped[Person | None] = relationship(foreign_keys=[substitute_for_id])

    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        CheckConstraint(
            "(status = 'substitute') = (substitute_for_id IS NOT NULL)", name="substitute_names_whom"
        ),
    )


class Declaration(Timestamped, Base):
    __tablename__ = "declarations"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), nullable=False)
    kind: Mapped[InterestKind] = mapped_column(enum_column(InterestKind, "interest_kind"), nullable=False)
    nature: Mapped[str] = mapped_column(Text, default="", nullable=False)
    action: Mapped[DeclarationAction] = mapped_column(
        enum_column(DeclarationAction, "declaration_action"), nullable=False
    )

    meeting: Mapped[Meeting] = relationship(back_populates="declarations")
    person: Mapped[Person] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()


class Minute(Timestamped, Base):
    """The record of one agenda item. ``number`` runs on through the committee's municipal year."""

    __tablename__ = "minutes"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), unique=True
    )
    number: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    heading: Mapped[str] = mapped_column(String(500), nullable=False)
    text: Mapped[str] = mapped_column(Text, default="", nullable=False)
    # What the public minutes print in place of an exempt item's discussion.
    public_summary: Mapped[str] = mapped_column(Text, default="", nullable=False)
    outcome: Mapped[MinuteOutcome] = mapped_column(
        enum_column(MinuteOutcome, "minute_outcome"), default=MinuteOutcome.TAKEN, nullable=False
    )
    # "It was moved by …, seconded by … and RESOLVED:".
    moved_by: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    seconded_by: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    # An executive body's decision form: the resolutions print as "Decision Made", then these.
    decision_reasons: Mapped[str] = mapped_column(Text, default="", nullable=False)
    alternative_options: Mapped[str] = mapped_column(Text, default="", nullable=False)
    # "Further to Minute No. 29 …, the Partnership considered …": the references open the narrative.
    references_inline: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    # Minutes of Previous Meeting: whether the item confirms the two meetings before this one, the
    # correction the record is confirmed subject to, and whether the Minute book is signed later.
    confirms_two_meetings: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    confirmed_subject_to: Mapped[str] = mapped_column(Text, default="", nullable=False)
    minute_book_later: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    meeting: Mapped[Meeting] = relationship(back_populates="minutes")
    agenda_item: Mapped[AgendaItem | None] = relationship()
    resolutions: Mapped[list[Resolution]] = relationship(
        back_populates="minute", cascade="all, delete-orphan", order_by="[Resolution.position, Resolution.id]"
    )
    references: Mapped[list[MinuteReference]] = relationship(
        back_populates="minute", cascade="all, delete-orphan", foreign_keys="MinuteReference.minute_id"
    )

    __table_args__ = (CheckConstraint("number IS NULL OR number > 0", name="number_positive"),)


class MinuteReference(Base):
    """ "Further to Minute No. 29 of the meeting held on 11 December 2017" — a link, not typed text.

    A minute from before the app's records has no row to link to: ``referenced_minute_id`` is empty
    and the committee, date and number are typed (``typed_*``)."""

    __tablename__ = "minute_references"

    id: Mapped[int] = mapped_column(primary_key=True)
    minute_id: Mapped[int] = mapped_column(
        ForeignKey("minutes.id", ondelete="CASCADE"), nullable=False, index=True
    )
    referenced_minute_id: Mapped[int | None] = mapped_column(
        ForeignKey("minutes.id", ondelete="CASCADE"), nullable=True
    )
    # "Minute No. 43 (Resolution 2)": one resolution of the minute referred to (1 = the first).
    resolution_number: Mapped[int | None] = mapped_column(Integer)
    typed_committee: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    typed_date: Mapped[date | None] = mapped_column(Date)
    typed_number: Mapped[int | None] = mapped_column(Integer)

    minute: Mapped[Minute] = relationship(back_populates="references", foreign_keys=[minute_id])
    referenced: Mapped[Minute | None] = relationship(foreign_keys=[referenced_minute_id])

    __table_args__ = (
        UniqueConstraint("minute_id", "referenced_minute_id"),
        CheckConstraint("minute_id <> referenced_minute_id", name="not_self"),
        CheckConstraint("referenced_minute_id IS NOT NULL OR typed_date IS NOT NULL", name="links_or_typed"),
    )


class Resolution(Timestamped, Base):
    __tablename__ = "resolutions"

    id: Mapped[int] = mapped_column(primary_key=True)
    minute_id: Mapped[int] = mapped_column(
        ForeignKey("minutes.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)

    minute: Mapped[Minute] = relationship(back_populates="resolutions")


class ConfirmedMinutesCopy(Timestamped, Base):
    """The minutes of a meeting exactly as they were confirmed: what the public and the full minutes
    print (JSON written by ``sst_desktop.exports.minutes_copy``), kept from the moment of confirmation.

    Confirmed minutes are a legal record, so their documents are printed from this copy: renaming the
    committee or correcting a person's name or title afterwards changes the directory and the draft
    minutes, never what was confirmed. Withdrawing the confirmation (its undo) deletes the copy.
    """

    __tablename__ = "confirmed_minutes_copies"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    public_content: Mapped[str] = mapped_column(Text, nullable=False)
    full_content: Mapped[str] = mapped_column(Text, nullable=False)
