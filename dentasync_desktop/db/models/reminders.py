"""What each user did with each reminder: notified, dismissed, snoozed.

A reminder itself is not stored: it is derived from events, due dates and installments. Only
a user's answer to it is, under the reminder's key (see services/reminders.py), so two users
on one database each have their own.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class ReminderState(Base):
    __tablename__ = "reminder_states"
    __table_args__ = (UniqueConstraint("user_id", "key", name="uq_reminder_states_user_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(80))
    notified_at: Mapped[datetime | None]  # when it was last handed out as newly due
    dismissed_at: Mapped[datetime | None]
    snoozed_until: Mapped[datetime | None]
