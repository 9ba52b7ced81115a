"""Settings, counters and the append-only activity log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Counter(Base):
    """Monotonic sequences (order numbers): a number once handed out is never handed out again."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)


class ActivityEntry(Base):
    """Append-only: triggers created by the migration refuse UPDATE and DELETE.

    What happened is ``code`` with its JSON ``params``, put into words by whoever reads it
    (documents/activity_text.py, gui/activity_text.py). ``summary`` holds the English sentence
    of entries written before codes existed (code "" when it could not be parsed).
    """

    __tablename__ = "activity"
    __table_args__ = (Index("ix_activity_order_at", "order_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None]
    # No foreign key: a deleted order's history (and its tombstone) outlives the order row.
    order_id: Mapped[int | None]
    code: Mapped[str] = mapped_column(String(60), default="", server_default="")
    params: Mapped[str] = mapped_column(Text, default="", server_default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
