"""Organisations, people, committees and who sits on them."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sst_desktop.domain.base import Base, Timestamped, enum_column
from sst_desktop.domain.enums import CommitteeKind, ItemKind, MembershipRole

if TYPE_CHECKING:
    from sst_desktop.domain.meetings import Meeting


class Organisation(Timestamped, Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    short_name: Mapped[str] = mapped_column(String(50), default="", nullable=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)


class Person(Timestamped, Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(
        String(60), default="", nullable=False
    )  # Councillor, Superintendent, Ms
    first_name: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    last_name: Mapped[str] = mapped_column(String(100), nullable=False)
    # The first name documents print when the person goes by another ("Bob" for Robert).
    known_as: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    job_title: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str] = mapped_column(String(254), default="", nullable=False)
    telephone: Mapped[str] = mapped_column(String(50), default="", nullable=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    organisation: Mapped[Organisation | None] = relationship()

    __table_args__ = (CheckConstraint("length(trim(last_name)) > 0", name="last_name_not_blank"),)


class Committee(Timestamped, Base):
    __tablename__ = "committees"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    short_name: Mapped[str] = mapped_column(String(30), unique=True, nullable=False)
    kind: Mapped[CommitteeKind] = mapped_column(
        enum_column(CommitteeKind, "committee_kind"), default=CommitteeKind.COMMITTEE, nullable=False
    )
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("committees.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    default_venue: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    default_start_time: Mapped[time | None] = mapped_column(Time)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    open_to_public: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    uses_call_in: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    # Declarations of interest printed as a table (Member / Minute No. / Nature of Interest), not sentences.
    declarations_as_table: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    municipal_year_start_month: Mapped[int] = mapped_column(Integer, default=5, nullable=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    officer: Mapped[Person | None] = relationship()
    parent: Mapped[Committee | None] = relationship(remote_side=[id])
    former_names: Mapped[list[CommitteeFormerName]] = relationship(
        back_populates="committee",
        cascade="all, delete-orphan",
        order_by="[CommitteeFormerName.position, CommitteeFormerName.id]",
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="committee", cascade="all, delete-orphan"
    )
    meetings: Mapped[list[Meeting]] = relationship(back_populates="committee", cascade="all, delete-orphan")
    standing_items: Mapped[list[StandingItem]] = relationship(
        back_populates="committee",
        cascade="all, delete-orphan",
        order_by="[StandingItem.position, StandingItem.id]",
    )

    __table_args__ = (
        CheckConstraint("municipal_year_start_month BETWEEN 1 AND 12", name="year_start_month"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint("length(trim(short_name)) > 0", name="short_name_not_blank"),
    )


class CommitteeFormerName(Base):
    """A name the committee used to go by (Safer Sefton Together was the Sefton Safer Communities Partnership)."""

    __tablename__ = "committee_former_names"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committees.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    until: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    committee: Mapped[Committee] = relationship(back_populates="former_names")


class Membership(Timestamped, Base):
    """A person on a committee for a period, in one role."""

    __tablename__ = "memberships"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committees.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True
    )
    role: Mapped[MembershipRole] = mapped_column(
        enum_column(MembershipRole, "membership_role"), default=MembershipRole.MEMBER, nullable=False
    )
    start_date: Mapped[date] = mapped_column(Date, nullable=False)
    end_date: Mapped[date | None] = mapped_column(Date)
    representing: Mapped[str] = mapped_column(String(200), default="", nullable=False)

    committee: Mapped[Committee] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship()

    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="period_order"),)


class StandingItem(Base):
    """An item that appears on every agenda of the committee (e.g. "Prevent Update")."""

    __tablename__ = "standing_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committees.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    kind: Mapped[ItemKind] = mapped_column(
        enum_column(ItemKind, "standing_item_kind"), default=ItemKind.REPORT
    )
    presenters_text: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)

    committee: Mapped[Committee] = relationship(back_populates="standing_items")
