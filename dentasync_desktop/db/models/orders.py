"""Work orders and what hangs off them: items, work plan, payroll, events, files, comments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Computed, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...domain.enums import EventKind, OrderStatus, PaymentMethod, TaskStatus
from .base import Base, utcnow


class WorkOrder(Base):
    __tablename__ = "work_orders"
    __table_args__ = (
        Index("ix_work_orders_status_due", "status", "due_date"),
        Index("ix_work_orders_lab_documented", "lab_id", "documented_at"),
        Index("ix_work_orders_documented", "documented_at"),
        # Covers every column the finance tabs group and sum, in their grouping order, so the
        # per-lab figures over 100k orders come from the index alone (no table scan, no sort).
        Index("ix_work_orders_finance", "currency", "lab_id", "status", "documented_at",
              "payment_method", "price_total_minor", "paid_minor", "unpaid_due_date"),
        # Covers every column the lab scorecard reads, in its grouping order, so 100k orders
        # are scored from the index alone (no table lookups, no sort for the grouping).
        Index("ix_work_orders_scorecard", "lab_id", "documented_at", "status",
              "main_service_id", "due_date", "delivered_on", "turnaround_minutes",
              "is_remake"),
        # The orders with an installment left unpaid (a few percent of them, fewer as they are
        # paid), by documented day, with every column the finance summary's overdue sum filters
        # and adds: it reads those of its period from here instead of every order. Migration
        # 0014 makes it partial on PostgreSQL too; naming postgresql_where here loaded
        # SQLAlchemy's PostgreSQL dialect on every start on an SQLite file (~30 ms), and the
        # schema is only ever made by the migrations (Alembic compares no partial index's
        # condition, on either server).
        Index("ix_work_orders_unpaid_due", "documented_at", "unpaid_due_date", "currency",
              "status", "lab_id", "payment_method", "price_total_minor", "paid_minor",
              sqlite_where=text("unpaid_due_date IS NOT NULL")),
        # Sorted by the outstanding amount, the finance tab and the order list (ties by id)
        # read a page from here instead of computing and sorting every order: 1.4 s and
        # 0.12-0.5 s at a million orders.
        Index("ix_work_orders_outstanding_id", "outstanding_minor", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    status: Mapped[OrderStatus] = mapped_column(default=OrderStatus.DRAFT)
    lab_id: Mapped[int] = mapped_column(ForeignKey("dental_labs.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    shade: Mapped[str] = mapped_column(String(30), default="")
    teeth: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    documented_at: Mapped[date]
    due_date: Mapped[date | None] = mapped_column(index=True)
    currency: Mapped[str] = mapped_column(String(3))
    price_total_minor: Mapped[int] = mapped_column(default=0)
    # Kept in step by the payment services in the same transaction as the payment itself,
    # so lists and finance never sum 300k payment rows on the fly.
    paid_minor: Mapped[int] = mapped_column(default=0)
    # The balance, computed by the database so that it can be indexed (migration 0016): STORED
    # on PostgreSQL; VIRTUAL on SQLite, whose ALTER TABLE cannot add a stored one (the indexes
    # hold the values all the same). Never written; the copy to a server leaves it out. Sort
    # by it, but sum the difference itself: reading the column on SQLite needs the table's
    # row, where the two amounts come from a covering index (ix_work_orders_finance).
    outstanding_minor: Mapped[int] = mapped_column(
        Computed("price_total_minor - paid_minor", persisted=True))
    unpaid_due_date: Mapped[date | None]
    payment_method: Mapped[PaymentMethod | None]
    on_hold: Mapped[bool] = mapped_column(default=False)
    hold_reason: Mapped[str] = mapped_column(String(500), default="")
    tracking_number: Mapped[str] = mapped_column(String(100), default="")
    cancel_reason: Mapped[str] = mapped_column(String(500), default="")
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("work_orders.id"))
    is_remake: Mapped[bool] = mapped_column(default=False)
    remake_of_id: Mapped[int | None] = mapped_column(ForeignKey("work_orders.id"))
    remake_reason: Mapped[str] = mapped_column(String(500), default="")
    # Number, patient, customer, lab and description, without case or accents (search_fold):
    # one column to search, mirrored into the full-text indexes by triggers (search.py).
    search_text: Mapped[str] = mapped_column(Text, default="")
    # When the order last went to the lab and came back delivered (the lifecycle steps keep
    # them; moving back past the step clears them): the lab scorecard's turnaround.
    published_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    # The same, as the scorecard reads them without parsing timestamps: the local day of the
    # delivery (compared with the due date) and minutes from sent to delivered.
    delivered_on: Mapped[date | None]
    turnaround_minutes: Mapped[int | None]
    # The service of the first item (kept by the order services): the scorecard's "service
    # kind" without joining 100k items. A copy, so no foreign key.
    main_service_id: Mapped[int | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    items: Mapped[list[WorkOrderItem]] = relationship(
        order_by="WorkOrderItem.position", cascade="all, delete-orphan"
    )
    tasks: Mapped[list[WorkTask]] = relationship(
        order_by="WorkTask.position", cascade="all, delete-orphan"
    )


class WorkOrderItem(Base):
    __tablename__ = "work_order_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int]
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"))
    description: Mapped[str] = mapped_column(String(300))
    teeth: Mapped[str] = mapped_column(String(200), default="")
    quantity: Mapped[int] = mapped_column(default=1)
    unit_price_minor: Mapped[int] = mapped_column(default=0)


class WorkTask(Base):
    __tablename__ = "work_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    status: Mapped[TaskStatus] = mapped_column(default=TaskStatus.TODO)
    due_date: Mapped[date | None]
    done_at: Mapped[datetime | None]


class PayrollRecord(Base):
    __tablename__ = "payroll_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    amount_minor: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    comment: Mapped[str] = mapped_column(Text, default="")
    finalized: Mapped[bool] = mapped_column(default=False)
    finalized_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_starts_at", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), index=True)
    kind: Mapped[EventKind]
    starts_at: Mapped[datetime]
    duration_minutes: Mapped[int] = mapped_column(default=30)
    reminder_minutes: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A calendar drag carries the version it showed, so it never moves an event someone else
    # has just changed.
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int]
    mime_type: Mapped[str] = mapped_column(String(100))
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed: Mapped[bool] = mapped_column(default=False)
    removed_at: Mapped[datetime | None]
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author_name: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]
