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
