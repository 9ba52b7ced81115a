"""Payment plans with their installments, and payments recorded by hand."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...domain.enums import IntervalUnit, PaymentMethod
from .base import Base, utcnow


class PaymentPlan(Base):
    __tablename__ = "payment_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), unique=True)
    amount_minor: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[PaymentMethod]
    installment: Mapped[bool] = mapped_column(default=False)
    installments_count: Mapped[int] = mapped_column(default=1)
    first_due_date: Mapped[date]
    interval: Mapped[int] = mapped_column(default=1)
    interval_unit: Mapped[IntervalUnit] = mapped_column(default=IntervalUnit.MONTHS)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    installments: Mapped[list[Installment]] = relationship(
        order_by="Installment.seq", cascade="all, delete-orphan"
    )


class Installment(Base):
    __tablename__ = "installments"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("payment_plans.id", ondelete="CASCADE"),
                                         index=True)
    seq: Mapped[int]
    due_date: Mapped[date]
    amount_minor: Mapped[int]


class Payment(Base):
    """Never deleted: a wrong payment is voided with a reason and stops counting."""

    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), index=True)
    paid_on: Mapped[date] = mapped_column(index=True)
    amount_minor: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[PaymentMethod]
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    voided: Mapped[bool] = mapped_column(default=False)
    void_reason: Mapped[str] = mapped_column(String(500), default="")
    voided_at: Mapped[datetime | None]
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
