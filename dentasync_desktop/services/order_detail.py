"""Read side: one order with everything the detail screen and the order form show."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import QueryableAttribute

from ..db.models import (
    Attachment,
    Comment,
    Customer,
    DentalLab,
    Event,
    Patient,
    Payment,
    PaymentPlan,
    PayrollRecord,
    Staff,
    User,
    WorkOrder,
)
from ..domain import validation
from ..domain.dto import (
    Actor,
    AttachmentInfo,
    CommentInfo,
    EventInfo,
    InstallmentInfo,
    OrderDetail,
    OrderItemInfo,
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
from .mappers import customer_info, lab_info, patient_info
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
    s = uow.session
    order = s.get(WorkOrder, order_id) if validation.fits_sql(order_id) else None
    if order is None:
        raise NotFound(code="record_missing", params={"record": "Work order", "id": order_id})
    cur = order.currency
    users = _names(uow, User, User.full_name)
    staff = _names(uow, Staff, Staff.name)
    today = uow.today()

    plan_row = s.scalar(select(PaymentPlan).where(PaymentPlan.order_id == order_id))
    plan = None
    if plan_row is not None:
        remaining = order.paid_minor
        installments = []
        for inst in plan_row.installments:
            covered = min(max(remaining, 0), inst.amount_minor)
            remaining -= covered
            installments.append(InstallmentInfo(
                id=inst.id, seq=inst.seq, due_date=inst.due_date,
                amount=Money(inst.amount_minor, plan_row.currency),
                covered=Money(covered, plan_row.currency),
                overdue=covered < inst.amount_minor and inst.due_date < today,
            ))
        plan = PaymentPlanInfo(
            id=plan_row.id, amount=Money(plan_row.amount_minor, plan_row.currency),
            method=plan_row.method, installment=plan_row.installment,
            installments_count=plan_row.installments_count,
            first_due_date=plan_row.first_due_date, interval=plan_row.interval,
            interval_unit=plan_row.interval_unit, installments=tuple(installments),
        )

    # The foreign keys guarantee these rows; get_one says so rather than handing on None.
    patient = s.get_one(Patient, order.patient_id)
    patient_name = f"{patient.first_name} {patient.last_name}".strip()
    sources = [i for i in (order.copied_from_id, order.remake_of_id) if i]
    # Most orders are neither copies nor remakes: no query (a round trip on a server) then.
    numbers: dict[int | None, int] = {
        oid: num for oid, num in s.execute(
            select(WorkOrder.id, WorkOrder.number).where(WorkOrder.id.in_(sources)))
    } if sources else {}
    return OrderDetail(
        id=order.id, number=order.number, status=order.status, version=order.version,
        lab=lab_info(s.get_one(DentalLab, order.lab_id)),
        customer=customer_info(s.get_one(Customer, order.customer_id)),
        patient=patient_info(patient),
        description=order.description, shade=order.shade, teeth=parse_teeth(order.teeth),
        created_at=order.created_at, documented_at=order.documented_at,
        due_date=order.due_date,
        total=Money(order.price_total_minor, cur), paid=Money(order.paid_minor, cur),
        payment_status=payment_status(order.price_total_minor, order.paid_minor,
                                      order.unpaid_due_date, today),
        payment_method=order.payment_method, on_hold=order.on_hold,
        hold_reason=order.hold_reason, tracking_number=order.tracking_number,
        cancel_reason=order.cancel_reason, is_remake=order.is_remake,
        remake_reason=order.remake_reason,
        copied_from_number=numbers.get(order.copied_from_id),
        remake_of_number=numbers.get(order.remake_of_id),
        items=tuple(
            OrderItemInfo(id=i.id, position=i.position, description=i.description,
                          quantity=i.quantity, unit_price=Money(i.unit_price_minor, cur),
                          service_id=i.service_id, teeth=parse_teeth(i.teeth))
            for i in order.items),
        tasks=tuple(
            TaskInfo(id=t.id, position=t.position, name=t.name, status=t.status,
                     assignee_id=t.assignee_id, assignee_name=staff.get(t.assignee_id, ""),
                     due_date=t.due_date, done_at=t.done_at)
            for t in order.tasks),
        plan=plan,
        payments=tuple(
            PaymentInfo(id=p.id, paid_on=p.paid_on, amount=Money(p.amount_minor, p.currency),
                        method=p.method, note=p.note,
                        recorded_by=users.get(p.recorded_by_id, ""),
                        recorded_at=p.recorded_at, voided=p.voided, void_reason=p.void_reason,
                        voided_at=p.voided_at)
            for p in s.scalars(select(Payment).where(Payment.order_id == order_id)
                               .order_by(Payment.paid_on, Payment.id))),
        events=tuple(
            EventInfo(id=e.id, order_id=order_id, order_number=order.number, kind=e.kind,
                      starts_at=e.starts_at, duration_minutes=e.duration_minutes,
                      reminder_minutes=e.reminder_minutes, note=e.note, done=e.done,
                      patient_name=patient_name, version=e.version)
            for e in s.scalars(select(Event).where(Event.order_id == order_id)
                               .order_by(Event.starts_at, Event.id))),
        attachments=tuple(
            AttachmentInfo(id=a.id, order_id=order_id, sha256=a.sha256,
                           # Names stored before they were cleaned for Windows too.
                           original_name=safe_file_name(a.original_name) or "attachment",
                           size_bytes=a.size_bytes,
                           mime_type=a.mime_type, added_by=users.get(a.added_by_id, ""),
                           added_at=a.added_at, path=uow.files.path_for(a.sha256))
            for a in s.scalars(select(Attachment).where(
                Attachment.order_id == order_id, Attachment.removed.is_(False))
                .order_by(Attachment.added_at, Attachment.id))),
        comments=tuple(
            CommentInfo(id=c.id, order_id=order_id, author_id=c.author_id,
                        author_name=c.author_name, body=c.body, created_at=c.created_at,
                        edited_at=c.edited_at)
            for c in s.scalars(select(Comment).where(Comment.order_id == order_id)
                               .order_by(Comment.created_at, Comment.id))),
        payroll=tuple(
            PayrollInfo(id=r.id, order_id=order_id, staff_id=r.staff_id,
                        staff_name=staff.get(r.staff_id, ""),
                        amount=Money(r.amount_minor, r.currency), comment=r.comment,
                        finalized=r.finalized, created_at=r.created_at,
                        finalized_at=r.finalized_at)
            for r in s.scalars(select(PayrollRecord).where(PayrollRecord.order_id == order_id)
                               .order_by(PayrollRecord.id))),
    )


def _names(
    uow: UnitOfWork, model: type[User | Staff], column: QueryableAttribute[str],
) -> dict[int | None, str]:
    """Names by id; keyed by ``int | None`` so an unset reference looks up as missing."""
    return {row[0]: row[1] for row in uow.session.execute(select(model.id, column))}
