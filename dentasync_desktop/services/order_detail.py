"""Read side: one order with everything the detail screen and the order form show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, FromClause, bindparam, select
from sqlalchemy.engine import Dialect

from ..db.models import (
    Attachment,
    Comment,
    Customer,
    DentalLab,
    Event,
    Installment,
    Patient,
    Payment,
    PaymentPlan,
    PayrollRecord,
    Staff,
    User,
    WorkOrder,
    WorkOrderItem,
    WorkTask,
)
from ..db.prepared import Prepared, once_per_kind
from ..domain import validation
from ..domain.dto import (
    Actor,
    AttachmentInfo,
    CommentInfo,
    CustomerInfo,
    EventInfo,
    InstallmentInfo,
    LabInfo,
    OrderDetail,
    OrderItemInfo,
    PatientInfo,
    PaymentInfo,
    PaymentPlanInfo,
    PayrollInfo,
    TaskInfo,
)
from ..domain.errors import NotFound
from ..domain.money import Money
from ..domain.numbers import parse_number
from ..domain.payments import payment_status
from ..domain.teeth import parse_teeth
from ..domain.text import safe_file_name
from .guards import signed_in
from .unit_of_work import UnitOfWork


def get_order(uow: UnitOfWork, actor: Actor, order_id: int) -> OrderDetail:
    """Everyone signed in may look at an order; the actions are what permissions guard."""
    with uow.reading():
        signed_in(uow, actor)
        return load_detail(uow, order_id)


def find_order_id(uow: UnitOfWork, actor: Actor, number_text: str) -> int | None:
    """The id of the order with this number as typed or scanned ("WO-000123", "123")."""
    number = parse_number(number_text)
    with uow.reading():
        signed_in(uow, actor)
        return uow.session.scalar(select(WorkOrder.id).where(WorkOrder.number == number))


def load_detail(uow: UnitOfWork, order_id: int) -> OrderDetail:
    """The order as stored: every service answers an action with it, after its commit.

    Read in nine statements compiled once (db/prepared.py), names joined in, as plain rows:
    through the ORM (its entities, lazy loads and every user's and staff member's name read to
    look up a few) it took fifteen, and most of the time of opening or saving an order.
    """
    connection = uow.connection()
    statements = _statements(connection.dialect)
    values = {"order_id": order_id}
    head = statements.head.rows(connection, values) if validation.fits_sql(order_id) else []
    if not head:
        raise NotFound(code="record_missing", params={"record": "Work order", "id": order_id})
    stored, (teeth, cur, total, paid, unpaid_due), lab, customer, patient, sources = _split(
        head[0], statements.head_sizes)
    as_stored = dict(zip(_STORED, stored, strict=True))
    patient_info = PatientInfo(*patient)
    today = uow.today()

    def rows(query: Prepared) -> list[tuple[Any, ...]]:
        return query.rows(connection, values)

    return OrderDetail(
        **as_stored,
        lab=LabInfo(*lab), customer=CustomerInfo(*customer), patient=patient_info,
        teeth=parse_teeth(teeth), total=Money(total, cur), paid=Money(paid, cur),
        payment_status=payment_status(total, paid, unpaid_due, today),
        copied_from_number=sources[0], remake_of_number=sources[1],
        items=tuple(
            OrderItemInfo(id=id_, position=position, description=description,
                          quantity=quantity, unit_price=Money(price, cur),
                          service_id=service_id, teeth=parse_teeth(item_teeth))
            for id_, position, description, quantity, price, service_id, item_teeth
            in rows(statements.items)),
        tasks=tuple(
            TaskInfo(id=id_, position=position, name=name, status=status,
                     assignee_id=assignee_id, assignee_name=assignee or "",
                     due_date=due_date, done_at=done_at)
            for id_, position, name, status, assignee_id, assignee, due_date, done_at
            in rows(statements.tasks)),
        plan=_plan(rows(statements.plan), paid, today),
        payments=tuple(
            PaymentInfo(id=id_, paid_on=paid_on, amount=Money(amount, currency),
                        method=method, note=note, recorded_by=recorder or "",
                        recorded_at=recorded_at, voided=voided, void_reason=void_reason,
                        voided_at=voided_at)
            for (id_, paid_on, amount, currency, method, note, recorder, recorded_at, voided,
                 void_reason, voided_at) in rows(statements.payments)),
        events=tuple(
            EventInfo(id=id_, order_id=order_id, order_number=as_stored["number"], kind=kind,
                      starts_at=starts_at, duration_minutes=duration,
                      reminder_minutes=reminder, note=note, done=done,
                      patient_name=patient_info.full_name, version=version)
            for id_, kind, starts_at, duration, reminder, note, done, version
            in rows(statements.events)),
        attachments=tuple(
            AttachmentInfo(id=id_, order_id=order_id, sha256=sha256,
                           # Names stored before they were cleaned for Windows too.
                           original_name=safe_file_name(name) or "attachment",
                           size_bytes=size, mime_type=mime_type, added_by=adder or "",
                           added_at=added_at, path=uow.files.path_for(sha256))
            for id_, sha256, name, size, mime_type, adder, added_at
            in rows(statements.attachments)),
        comments=tuple(
            CommentInfo(id=id_, order_id=order_id, author_id=author_id,
                        author_name=author_name, body=body, created_at=created_at,
                        edited_at=edited_at)
            for id_, author_id, author_name, body, created_at, edited_at
            in rows(statements.comments)),
        payroll=tuple(
            PayrollInfo(id=id_, order_id=order_id, staff_id=staff_id,
                        staff_name=staff_name or "", amount=Money(amount, currency),
                        comment=comment, finalized=finalized, created_at=created_at,
                        finalized_at=finalized_at)
            for (id_, staff_id, staff_name, amount, currency, comment, finalized, created_at,
                 finalized_at) in rows(statements.payroll)),
    )


def _plan(rows: list[tuple[Any, ...]], paid: int, today: date) -> PaymentPlanInfo | None:
    """The plan from its rows joined with its installments, each one's coverage by what is
    paid, oldest first."""
    if not rows:
        return None
    (id_, amount, currency, method, installment, count, first_due, interval,
     interval_unit) = rows[0][:9]
    remaining = paid
    installments = []
    for *_plan_columns, inst_id, seq, due_date, inst_amount in rows:
        if inst_id is None:
            break  # a plan without installments: its one row, outer-joined
        covered = min(max(remaining, 0), inst_amount)
        remaining -= covered
        installments.append(InstallmentInfo(
            id=inst_id, seq=seq, due_date=due_date, amount=Money(inst_amount, currency),
            covered=Money(covered, currency),
            overdue=covered < inst_amount and due_date < today,
        ))
    return PaymentPlanInfo(
        id=id_, amount=Money(amount, currency), method=method, installment=installment,
        installments_count=count, first_due_date=first_due, interval=interval,
        interval_unit=interval_unit, installments=tuple(installments),
    )


# The order's columns that OrderDetail holds as they are stored.
_STORED = ("id", "number", "status", "version", "description", "shade", "created_at",
           "documented_at", "due_date", "payment_method", "on_hold", "hold_reason",
           "tracking_number", "cancel_reason", "is_remake", "remake_reason")


@dataclass(frozen=True)
class _Statements:
    """load_detail's statements for one dialect, each run with the ``order_id``."""

    head: Prepared  # the order with its lab, customer, patient and source orders' numbers
    head_sizes: tuple[int, ...]  # how many of the head's columns each part has
    items: Prepared
    tasks: Prepared
    plan: Prepared  # the payment plan's columns on each of its installments
    payments: Prepared
    events: Prepared
    attachments: Prepared
    comments: Prepared
    payroll: Prepared


@once_per_kind
def _statements(dialect: Dialect) -> _Statements:
    orders, labs, customers, patients, users, staff = (model.__table__ for model in (
        WorkOrder, DentalLab, Customer, Patient, User, Staff))
    items, tasks, plans, installments, payments, events, attachments, comments, payroll = (
        model.__table__.c for model in (
            WorkOrderItem, WorkTask, PaymentPlan, Installment, Payment, Event, Attachment,
            Comment, PayrollRecord))
    copied, remade = orders.alias("copied_from"), orders.alias("remake_of")
    order_id: BindParameter[int] = bindparam("order_id")
    o = orders.c
    head = (
        [o[name] for name in _STORED],
        [o.teeth, o.currency, o.price_total_minor, o.paid_minor, o.unpaid_due_date],
        _named_as(LabInfo, labs), _named_as(CustomerInfo, customers),
        _named_as(PatientInfo, patients), [copied.c.number, remade.c.number],
    )
    # The foreign keys guarantee the lab, customer and patient: inner joins.
    head_from = (
        orders.join(labs, labs.c.id == o.lab_id)
        .join(customers, customers.c.id == o.customer_id)
        .join(patients, patients.c.id == o.patient_id)
        .outerjoin(copied, copied.c.id == o.copied_from_id)
        .outerjoin(remade, remade.c.id == o.remake_of_id))

    def prepared(*columns: ColumnElement[Any], of: FromClause, where: ColumnElement[bool],
                 order_by: Sequence[ColumnElement[Any]]) -> Prepared:
        return Prepared(select(*columns).select_from(of).where(where).order_by(*order_by),
                        dialect)

    return _Statements(
        head=Prepared(select(*(column for part in head for column in part))
                      .select_from(head_from).where(o.id == order_id), dialect),
        head_sizes=tuple(len(part) for part in head),
        items=prepared(
            items.id, items.position, items.description, items.quantity,
            items.unit_price_minor, items.service_id, items.teeth,
            of=WorkOrderItem.__table__, where=items.order_id == order_id,
            order_by=(items.position, items.id)),
        tasks=prepared(
            tasks.id, tasks.position, tasks.name, tasks.status, tasks.assignee_id,
            staff.c.name, tasks.due_date, tasks.done_at,
            of=WorkTask.__table__.outerjoin(staff, staff.c.id == tasks.assignee_id),
            where=tasks.order_id == order_id, order_by=(tasks.position, tasks.id)),
        plan=prepared(
            plans.id, plans.amount_minor, plans.currency, plans.method, plans.installment,
            plans.installments_count, plans.first_due_date, plans.interval,
            plans.interval_unit, installments.id, installments.seq, installments.due_date,
            installments.amount_minor,
            of=PaymentPlan.__table__.outerjoin(Installment.__table__,
                                               installments.plan_id == plans.id),
            where=plans.order_id == order_id, order_by=(installments.seq, installments.id)),
        payments=prepared(
            payments.id, payments.paid_on, payments.amount_minor, payments.currency,
            payments.method, payments.note, users.c.full_name, payments.recorded_at,
            payments.voided, payments.void_reason, payments.voided_at,
            of=Payment.__table__.outerjoin(users, users.c.id == payments.recorded_by_id),
            where=payments.order_id == order_id, order_by=(payments.paid_on, payments.id)),
        events=prepared(
            events.id, events.kind, events.starts_at, events.duration_minutes,
            events.reminder_minutes, events.note, events.done, events.version,
            of=Event.__table__, where=events.order_id == order_id,
            order_by=(events.starts_at, events.id)),
        attachments=prepared(
            attachments.id, attachments.sha256, attachments.original_name,
            attachments.size_bytes, attachments.mime_type, users.c.full_name,
            attachments.added_at,
            of=Attachment.__table__.outerjoin(users, users.c.id == attachments.added_by_id),
            where=(attachments.order_id == order_id) & attachments.removed.is_(False),
            order_by=(attachments.added_at, attachments.id)),
        comments=prepared(
            comments.id, comments.author_id, comments.author_name, comments.body,
            comments.created_at, comments.edited_at,
            of=Comment.__table__, where=comments.order_id == order_id,
            order_by=(comments.created_at, comments.id)),
        payroll=prepared(
            payroll.id, payroll.staff_id, staff.c.name, payroll.amount_minor, payroll.currency,
            payroll.comment, payroll.finalized, payroll.created_at, payroll.finalized_at,
            of=PayrollRecord.__table__.outerjoin(staff, staff.c.id == payroll.staff_id),
            where=payroll.order_id == order_id, order_by=(payroll.id,)),
    )


def _named_as(dto: type[Any], table: FromClause) -> list[ColumnElement[Any]]:
    """``table``'s columns named as ``dto``'s fields, in the fields' order."""
    return [table.c[field.name] for field in fields(dto)]


def _split(row: tuple[Any, ...], sizes: tuple[int, ...]) -> list[tuple[Any, ...]]:
    parts, start = [], 0
    for size in sizes:
        parts.append(row[start:start + size])
        start += size
    return parts
