"""Technician compensation per order: records that the lab manager checks and then locks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from ..db.models import PayrollRecord, Staff, WorkOrder
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, OrderDetail, PayrollInfo
from ..domain.errors import ValidationError
from ..domain.money import Money, check_amount
from . import activity
from .guards import authorize, find, get, order_for
from .order_detail import load_detail
from .unit_of_work import UnitOfWork

COMMENT_LIMIT = 2000


def _staff(uow: UnitOfWork, staff_id: int | None) -> Staff:
    staff = find(uow, Staff, staff_id) if staff_id is not None else None
    if staff is None or not staff.active:
        raise ValidationError("employee", code="inactive_staff")
    return staff


def _amount(amount: Money) -> Money:
    check_amount(amount, "amount")
    if amount.minor <= 0:
        raise ValidationError("amount", code="not_positive")
    return amount


def _snapshot(record: PayrollRecord, staff_name: str) -> dict[str, object]:
    return {"employee": staff_name, "amount": str(Money(record.amount_minor, record.currency)),
            "comment": record.comment}


def _record_for(
    uow: UnitOfWork, actor: Actor, record_id: int, action: Action = Action.PAYROLL
) -> tuple[PayrollRecord, WorkOrder]:
    record = get(uow, PayrollRecord, record_id, "Payroll record")
    order, _ = order_for(uow, actor, record.order_id, action)
    if record.finalized:
        raise ValidationError("payroll record", code="payroll_locked", params={
            "date": f"{record.finalized_at:%Y-%m-%d}"})
    return record, order


def add_payroll(
    uow: UnitOfWork, actor: Actor, order_id: int, staff_id: int, amount: Money, comment: str = ""
) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.PAYROLL)
        staff = _staff(uow, staff_id)
        money = _amount(amount)
        record = PayrollRecord(
            order_id=order.id, staff_id=staff.id, amount_minor=money.minor,
            currency=money.currency,
            comment=validation.optional(comment, "comment", COMMENT_LIMIT),
            created_at=uow.now())
        uow.session.add(record)
        uow.session.flush()
        activity.record(uow, actor, "add_payroll",
                        "payroll.added", {"order": order.number, "amount_minor": money.minor,
                                          "currency": money.currency, "staff": staff.name},
                        entity="payroll", entity_id=record.id, order_id=order.id,
                        after=_snapshot(record, staff.name))
        uow.commit()
        return load_detail(uow, order_id)


def edit_payroll(
    uow: UnitOfWork, actor: Actor, record_id: int, staff_id: int, amount: Money, comment: str
) -> OrderDetail:
    with uow:
        record, order = _record_for(uow, actor, record_id)
        staff = _staff(uow, staff_id)
        money = _amount(amount)
        text = validation.optional(comment, "comment", COMMENT_LIMIT)
        old_staff = get(uow, Staff, record.staff_id, "Staff member")
        before = _snapshot(record, old_staff.name)
        record.staff_id, record.comment = staff.id, text
        record.amount_minor, record.currency = money.minor, money.currency
        old, new = activity.changes(before, _snapshot(record, staff.name))
        if not new:
            return load_detail(uow, order.id)
        activity.record(uow, actor, "edit_payroll",
                        "payroll.edited", {"order": order.number, "staff": staff.name},
                        entity="payroll", entity_id=record.id, order_id=order.id,
                        before=old, after=new)
        uow.commit()
        return load_detail(uow, order.id)


def finalize_payroll(uow: UnitOfWork, actor: Actor, record_id: int) -> OrderDetail:
    """Lock the record: from now on it can be neither edited nor finalized again."""
    with uow:
        record, order = _record_for(uow, actor, record_id, Action.FINALIZE_PAYROLL)
        staff = get(uow, Staff, record.staff_id, "Staff member")
        record.finalized, record.finalized_at = True, uow.now()
        activity.record(
            uow, actor, "finalize_payroll",
            "payroll.finalized", {"order": order.number, "amount_minor": record.amount_minor,
                                  "currency": record.currency, "staff": staff.name},
            entity="payroll", entity_id=record.id, order_id=order.id,
            before={"finalized": False}, after={"finalized": True})
        uow.commit()
        return load_detail(uow, order.id)


def _local_midnight_utc(day: date) -> datetime:
    """Start of ``day`` in the user's time zone, as the aware UTC instant stored in the table."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def list_payroll(
    uow: UnitOfWork, actor: Actor, staff_id: int | None = None,
    date_from: date | None = None, date_to: date | None = None,
) -> list[PayrollInfo]:
    """Payroll records, oldest first, by employee and by creation date (both ends inclusive)."""
    validation.record_id(staff_id, "employee")
    validation.in_range(date_from, "date from")
    validation.in_range(date_to, "date to")
    validation.date_range(date_from, date_to, "date to")
    query = (select(PayrollRecord, Staff.name).join(Staff, Staff.id == PayrollRecord.staff_id)
             .order_by(PayrollRecord.created_at, PayrollRecord.id))
    if staff_id is not None:
        query = query.where(PayrollRecord.staff_id == staff_id)
    if date_from is not None:
        query = query.where(PayrollRecord.created_at >= _local_midnight_utc(date_from))
    if date_to is not None:
        query = query.where(
            PayrollRecord.created_at < _local_midnight_utc(date_to + timedelta(days=1)))
    with uow.reading():
        authorize(uow, actor, Action.PAYROLL)
        return [
            PayrollInfo(id=r.id, order_id=r.order_id, staff_id=r.staff_id, staff_name=name,
                        amount=Money(r.amount_minor, r.currency), comment=r.comment,
                        finalized=r.finalized, created_at=r.created_at,
                        finalized_at=r.finalized_at)
            for r, name in uow.session.execute(query)
        ]
