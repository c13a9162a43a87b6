"""Who changed a minute, resolution or action, and when: minutes are a legal record."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sst_desktop.domain.base import Base, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    user: Mapped[str] = mapped_column(String(200), nullable=False)
    entity: Mapped[str] = mapped_column(String(50), nullable=False)  # table name
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False)
    operation: Mapped[str] = mapped_column(String(10), nullable=False)  # insert / update / delete
    changes: Mapped[str] = mapped_column(Text, default="{}", nullable=False)  # JSON {field: [old, new]}

    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)


class ChangeFeedEntry(Base):
    """One committed change, so that other copies of SST Desktop on the same database can show it:
    which tables it touched and which running copy made it (``storage.change_feed``)."""

    __tablename__ = "change_feed"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    instance: Mapped[str] = mapped_column(String(32), nullable=False)
    tables: Mapped[str] = mapped_column(String(2000), nullable=False)  # comma-separated table names


class PresenceEntry(Base):
    """Which minute a running copy of SST Desktop is being typed in, and by whom, renewed every few
    seconds while the typing goes on (``storage.presence``); a line not renewed has expired."""

    __tablename__ = "presence"

    instance: Mapped[str] = mapped_column(String(32), primary_key=True)  # the running copy
    minute_id: Mapped[int] = mapped_column(Integer, nullable=False)
    officer: Mapped[str] = mapped_column(String(300), nullable=False)  # "Jane Smith (jsmith)"
    seen_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)  # the database's clock
