"""Users, staff, dental labs, customers (dentists) and patients."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, ForeignKey, String, Text, event
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from ...domain.enums import Role
from ...domain.text import sort_key
from .base import Base, utcnow


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    active: Mapped[bool] = mapped_column(default=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role]
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(default=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # Wrong passwords in a row and when the next attempt is allowed: kept in the database so
    # that restarting the app does not reset the wait.
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default="0")
    sign_in_blocked_until: Mapped[datetime | None]


class DentalLab(Base):
    __tablename__ = "dental_labs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    contact_person: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    default_turnaround_days: Mapped[int] = mapped_column(default=7)
    account_holder: Mapped[str] = mapped_column(String(200), default="")
    bank_name: Mapped[str] = mapped_column(String(200), default="")
    iban: Mapped[str] = mapped_column(String(50), default="")
    bic: Mapped[str] = mapped_column(String(20), default="")
    payment_note: Mapped[str] = mapped_column(Text, default="")
    # The language its order forms, labels and payment instructions print in; None: the app's.
    document_language: Mapped[str | None] = mapped_column(String(8), default=None)
    active: Mapped[bool] = mapped_column(default=True)
    sort_key: Mapped[str] = mapped_column(String(500), default="", index=True)  # see below


class Customer(Base):
    """The dentist or clinic that orders the work."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    clinic: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)
    sort_key: Mapped[str] = mapped_column(String(500), default="", index=True)  # see below


class Patient(Base):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    date_of_birth: Mapped[date | None]
    phone: Mapped[str] = mapped_column(String(50), default="")
    # Whom the lab or the desk calls about the case: a parent, a carer, a relative.
    contact_person: Mapped[str] = mapped_column(String(200), default="", server_default="")
    address: Mapped[str] = mapped_column(Text, default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)
    sort_key: Mapped[str] = mapped_column(String(500), default="", index=True)  # see below


# The name as lists sort it (domain/text.py sort_key), kept by every flush that writes the
# record: the order list sorts and pages by patient, customer or lab through these indexes.
# Seeding, which inserts without the ORM, fills it itself.
def _keep_sort_key(make: Callable[[Any], str]) -> Callable[[Mapper[Any], Connection, Any], None]:
    def keep(_mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
        target.sort_key = make(target)
    return keep


for _model, _make in ((Patient, lambda p: sort_key(p.last_name or "", p.first_name or "")),
                      (Customer, lambda c: sort_key(c.name or "")),
                      (DentalLab, lambda lab: sort_key(lab.name or ""))):
    event.listen(_model, "before_insert", _keep_sort_key(_make))
    event.listen(_model, "before_update", _keep_sort_key(_make))
