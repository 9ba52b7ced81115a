"""Master data use cases: dental labs, customers, patients, the price list and staff.

Reads are open to everyone signed in (the order forms need the lists); writes need
MANAGE_CATALOGUE (labs, services, staff) or MANAGE_CLIENTS (customers, patients).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    Table,
    bindparam,
    exists,
    func,
    select,
    update,
)
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from ..db.models import (
    Customer,
    DentalLab,
    Patient,
    PayrollRecord,
    Service,
    Staff,
    TaskTemplate,
    User,
    WorkOrder,
    WorkOrderItem,
    WorkTask,
)
from ..domain import validation
from ..domain.actions import Action
from ..domain.bank import clean_bic, clean_iban
from ..domain.dto import (
    Actor,
    CustomerInfo,
    CustomerInput,
    LabInfo,
    LabInput,
    PatientInfo,
    PatientInput,
    ServiceInfo,
    ServiceInput,
    StaffInfo,
    StaffInput,
    TaskTemplateInfo,
)
from ..domain.errors import ValidationError
from ..domain.money import Money, check_amount, check_currency
from ..domain.text import fold, search_fold
from ..i18n import LANGUAGES
from . import activity
from .guards import authorize, get, signed_in
from .mappers import customer_info, lab_info, patient_info, service_info, staff_info
from .order_search import search_text
from .unit_of_work import UnitOfWork

DELETED = "deleted"
DEACTIVATED = "deactivated"

MAX_TURNAROUND_DAYS = 365
MAX_TASK_TEMPLATES = 50
PHONE_LIMIT = 50
ADDRESS_LIMIT = 2000

M = TypeVar("M", Customer, DentalLab, Patient, Service, Staff)
D = TypeVar("D")


@dataclass(frozen=True)
class _Kind(Generic[M, D]):
    """What the shared list / save / activate / delete steps need to know about one table."""

    model: type[M]
    entity: str  # the activity log's entity name
    label: str  # how a message names one record: "Dental lab #3 does not exist"
    action: Action  # the permission every write needs
    info: Callable[[M], D]
    title: Callable[[M], str]
    snapshot: Callable[[M], dict[str, Any]]  # the fields an edit compares, without ``active``
    search: tuple[SQLColumnExpression[str], ...]
    sort: tuple[SQLColumnExpression[str], ...]
    # Columns elsewhere that point at a record; while any does, it is deactivated, not deleted.
    references: tuple[SQLColumnExpression[int | None], ...]
    # The work-order column naming this record, and the fields that appear in its search text.
    order_column: SQLColumnExpression[int] | None = None
    search_fields: tuple[str, ...] = ()
    load_options: tuple[LoaderOption, ...] = ()


def _fields(*names: str) -> Callable[[Any], dict[str, Any]]:
    return lambda row: {name: getattr(row, name) for name in names}


def _service_snapshot(row: Service) -> dict[str, Any]:
    return {
        "code": row.code, "name": row.name,
        "unit_price": str(Money(row.unit_price_minor, row.currency)),
        "task_templates": [f"{t.name} (+{t.days_offset} d)" for t in row.task_templates],
    }


LABS: _Kind[DentalLab, LabInfo] = _Kind(
    model=DentalLab, entity="dental_lab", label="Dental lab", action=Action.MANAGE_CATALOGUE,
    info=lab_info, title=lambda row: row.name,
    snapshot=_fields("name", "contact_person", "phone", "email", "address",
                     "default_turnaround_days", "account_holder", "bank_name", "iban", "bic",
                     "payment_note", "document_language"),
    search=(DentalLab.name, DentalLab.contact_person, DentalLab.email, DentalLab.phone),
    sort=(DentalLab.sort_key,),
    references=(WorkOrder.lab_id,),
    order_column=WorkOrder.lab_id, search_fields=("name",),
)

CUSTOMERS: _Kind[Customer, CustomerInfo] = _Kind(
    model=Customer, entity="customer", label="Customer", action=Action.MANAGE_CLIENTS,
    info=customer_info, title=lambda row: row.name,
    snapshot=_fields("name", "clinic", "phone", "email", "address"),
    search=(Customer.name, Customer.clinic, Customer.email, Customer.phone),
    sort=(Customer.sort_key, Customer.clinic),
    references=(WorkOrder.customer_id,),
    order_column=WorkOrder.customer_id, search_fields=("name", "clinic"),
)

PATIENTS: _Kind[Patient, PatientInfo] = _Kind(
    model=Patient, entity="patient", label="Patient", action=Action.MANAGE_CLIENTS,
    info=patient_info, title=lambda row: f"{row.first_name} {row.last_name}".strip(),
    snapshot=_fields("first_name", "last_name", "date_of_birth", "phone", "contact_person",
                     "address", "note"),
    # Both name orders, so "anna schäfer" and "schäfer anna" both find her.
    search=(Patient.first_name + " " + Patient.last_name,
            Patient.last_name + " " + Patient.first_name),
    sort=(Patient.sort_key,),
    references=(WorkOrder.patient_id,),
    order_column=WorkOrder.patient_id, search_fields=("first_name", "last_name"),
)

SERVICES: _Kind[Service, ServiceInfo] = _Kind(
    model=Service, entity="service", label="Service", action=Action.MANAGE_CATALOGUE,
    info=service_info, title=lambda row: f"{row.code} {row.name}",
    snapshot=_service_snapshot,
    search=(Service.code, Service.name),
    sort=(Service.code,),
    references=(WorkOrderItem.service_id,),
    load_options=(selectinload(Service.task_templates),),
)

STAFF: _Kind[Staff, StaffInfo] = _Kind(
    model=Staff, entity="staff", label="Staff member", action=Action.MANAGE_CATALOGUE,
    info=staff_info, title=lambda row: row.name,
    snapshot=_fields("name", "job_title", "email", "phone"),
    search=(Staff.name, Staff.job_title),
    sort=(Staff.name,),
    references=(WorkTask.assignee_id, PayrollRecord.staff_id, User.staff_id),
)


# --- shared steps ---------------------------------------------------------------------------------


def _list(
    uow: UnitOfWork, actor: Actor, kind: _Kind[M, D], text: str, include_inactive: bool,
    limit: int | None = None,
) -> list[D]:
    """Matches for ``text`` (without case or accents, in any search column), sorted, at most
    ``limit``; those with the accents as typed first ("Müller" before "Muller" for "müller").

    SQLite's lower() folds ASCII only, so the match runs here on the few search columns and
    only the matching rows are loaded whole.
    """
    model = kind.model
    typed = fold(" ".join((text or "").split()))
    needle = search_fold(typed)
    with uow.reading():
        signed_in(uow, actor)
        query = select(model.id, *kind.search).order_by(
            *(func.lower(column) for column in kind.sort), model.id)
        if not include_inactive:
            query = query.where(model.active.is_(True))
        if limit is not None:
            validation.whole_number(limit, "limit", 0, validation.SQL_INT_MAX)
        if not needle:
            if limit is not None:
                query = query.limit(limit)
            ids = list(uow.session.scalars(query))
        else:
            ids = _ranked(uow.session.execute(query), typed, needle, limit)
        if not ids:
            return []
        rows = {row.id: row for row in uow.session.scalars(
            select(model).where(model.id.in_(ids)).options(*kind.load_options))}
        return [kind.info(rows[row_id]) for row_id in ids]


def _get_info(uow: UnitOfWork, actor: Actor, kind: _Kind[M, D], entity_id: int) -> D:
    with uow.reading():
        signed_in(uow, actor)
        return kind.info(get(uow, kind.model, entity_id, kind.label))


def _save(
    uow: UnitOfWork, actor: Actor, kind: _Kind[M, D], entity_id: int | None,
    apply: Callable[[M], None],
) -> D:
    """Create (no id) or update one record inside the caller's ``with uow``, log it, commit.

    An update that changes nothing writes nothing.
    """
    if entity_id is None:
        row = kind.model()
        apply(row)
        uow.session.add(row)
        uow.session.flush()
        activity.record(uow, actor, "create", "record.created",
                        {"kind": kind.entity, "name": kind.title(row)},
                        entity=kind.entity, entity_id=row.id, after=kind.snapshot(row))
    else:
        row = get(uow, kind.model, entity_id, kind.label)
        before = kind.snapshot(row)
        apply(row)
        old, new = activity.changes(before, kind.snapshot(row))
        if not new:
            return kind.info(row)
        uow.session.flush()
        if kind.order_column is not None and set(new) & set(kind.search_fields):
            _refresh_search_text(uow, kind.order_column == row.id)
        activity.record(uow, actor, "edit", "record.edited",
                        {"kind": kind.entity, "name": kind.title(row)},
                        entity=kind.entity, entity_id=row.id, before=old, after=new)
    uow.commit()
    return kind.info(row)


def _refresh_search_text(uow: UnitOfWork, condition: ColumnElement[bool]) -> None:
    """Rewrite the search text of every order matching ``condition`` in one executemany.

    Plain table UPDATE on purpose: derived text is not an edit of the order, so its version
    (optimistic lock) and updated_at stay as they are.
    """
    rows = uow.session.execute(
        select(WorkOrder.id, WorkOrder.number, WorkOrder.description,
               Patient, Customer, DentalLab)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .join(DentalLab, DentalLab.id == WorkOrder.lab_id)
        .where(condition)
    ).all()
    if not rows:
        return
    table = WorkOrder.__table__
    assert isinstance(table, Table), "a mapped class over one table"
    uow.session.execute(
        update(table).where(table.c.id == bindparam("order_id"))
        .values(search_text=bindparam("text")),
        [{"order_id": r.id,
          "text": search_text(r.number, r.Patient, r.Customer, r.DentalLab, r.description)}
         for r in rows],
    )


def _set_active(
    uow: UnitOfWork, actor: Actor, kind: _Kind[M, D], entity_id: int, active: bool
) -> D:
    with uow:
        authorize(uow, actor, kind.action)
        row = get(uow, kind.model, entity_id, kind.label)
        title = kind.title(row)
        if row.active == active:
            raise ValidationError("active", code="already_active" if active else
                                  "already_inactive", params={"record": kind.label, "name": title})
        row.active = active
        activity.record(uow, actor, "activate" if active else "deactivate",
                        "record.activated" if active else "record.deactivated",
                        {"kind": kind.entity, "name": title},
                        entity=kind.entity, entity_id=row.id,
                        before={"active": not active}, after={"active": active})
        uow.commit()
        return kind.info(row)


def _delete(uow: UnitOfWork, actor: Actor, kind: _Kind[M, D], entity_id: int) -> str:
    """Delete a record nothing points at; one still in use is deactivated instead."""
    with uow:
        authorize(uow, actor, kind.action)
        row = get(uow, kind.model, entity_id, kind.label)
        title = kind.title(row)
        in_use = any(uow.session.scalar(select(exists().where(column == row.id)))
                     for column in kind.references)
        if in_use:
            if row.active:
                row.active = False
                activity.record(uow, actor, "deactivate",
                                "record.deactivated_in_use",
                                {"kind": kind.entity, "name": title},
                                entity=kind.entity, entity_id=row.id,
                                before={"active": True}, after={"active": False})
                uow.commit()
            return DEACTIVATED
        before = {**kind.snapshot(row), "active": row.active}
        uow.session.delete(row)
        uow.session.flush()
        activity.record(uow, actor, "delete", "record.deleted",
                        {"kind": kind.entity, "name": title},
                        entity=kind.entity, entity_id=entity_id, before=before)
        uow.commit()
        return DELETED


def _ranked(rows: Iterable[Sequence[Any]], typed: str, needle: str,
            limit: int | None) -> list[int]:
    """The ids of ``rows`` (id, then the search columns) whose text contains ``needle``:
    first those with ``typed`` as written, then the rest, each in the rows' order."""
    exact: list[int] = []
    loose: list[int] = []
    for row_id, *values in rows:
        text = "\n".join(v for v in values if v)
        if needle in search_fold(text):
            (exact if typed in fold(text) else loose).append(row_id)
            if limit is not None and len(exact) >= limit:
                break
    return (exact + loose)[:limit]


def _require_unique(
    uow: UnitOfWork, kind: _Kind[M, D], entity_id: int | None, field: str,
    columns: tuple[SQLColumnExpression[str], ...], values: tuple[str, ...], code: str,
    params: dict[str, object],
) -> None:
    """Refuse when another record has the same ``values`` in ``columns``, ignoring case."""
    wanted = tuple(fold(value) for value in values)
    for other_id, *others in uow.session.execute(select(kind.model.id, *columns)):
        if other_id != entity_id and tuple(fold(o) for o in others) == wanted:
            raise ValidationError(field, code=code, params=params)


def _apply(values: dict[str, Any]) -> Callable[[Any], None]:
    def apply(row: Any) -> None:
        for name, value in values.items():
            setattr(row, name, value)
    return apply


def _phone(value: str) -> str:
    return validation.optional(value, "phone", PHONE_LIMIT)


# --- dental labs ----------------------------------------------------------------------------------


def list_labs(
    uow: UnitOfWork, actor: Actor, text: str = "", include_inactive: bool = False
) -> list[LabInfo]:
    return _list(uow, actor, LABS, text, include_inactive)


def get_lab(uow: UnitOfWork, actor: Actor, lab_id: int) -> LabInfo:
    return _get_info(uow, actor, LABS, lab_id)


def save_lab(uow: UnitOfWork, actor: Actor, data: LabInput) -> LabInfo:
    check = validation.Checks()
    name = check(validation.required, data.name, "name")
    values = {
        "name": name,
        "contact_person": check(validation.optional, data.contact_person, "contact person"),
        "phone": check(_phone, data.phone),
        "email": check(validation.email, data.email),
        "address": check(validation.optional, data.address, "address", ADDRESS_LIMIT),
        "default_turnaround_days": check(
            validation.whole_number, data.default_turnaround_days, "default turnaround days",
            0, MAX_TURNAROUND_DAYS),
        "account_holder": check(validation.optional, data.account_holder, "account holder"),
        "bank_name": check(validation.optional, data.bank_name, "bank name"),
        "iban": check(clean_iban, data.iban),
        "bic": check(clean_bic, data.bic),
        "payment_note": check(validation.optional, data.payment_note, "payment note",
                              validation.LONG_TEXT),
        "document_language": check(_document_language, data.document_language),
    }
    check.done()
    with uow:
        authorize(uow, actor, LABS.action)
        _require_unique(uow, LABS, data.id, "name", (DentalLab.name,), (name,),
                        "lab_exists", {"name": name})
        return _save(uow, actor, LABS, data.id, _apply(values))


def _document_language(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if value not in LANGUAGES:
        raise ValidationError("document language", code="one_of",
                              params={"choices": list(LANGUAGES)})
    return value


def set_lab_active(uow: UnitOfWork, actor: Actor, lab_id: int, active: bool) -> LabInfo:
    return _set_active(uow, actor, LABS, lab_id, active)


def delete_lab(uow: UnitOfWork, actor: Actor, lab_id: int) -> str:
    """``"deleted"``, or ``"deactivated"`` when work orders still use the lab."""
    return _delete(uow, actor, LABS, lab_id)


# --- customers ------------------------------------------------------------------------------------


def list_customers(
    uow: UnitOfWork, actor: Actor, text: str = "", include_inactive: bool = False,
    limit: int | None = None,
) -> list[CustomerInfo]:
    return _list(uow, actor, CUSTOMERS, text, include_inactive, limit)


def get_customer(uow: UnitOfWork, actor: Actor, customer_id: int) -> CustomerInfo:
    return _get_info(uow, actor, CUSTOMERS, customer_id)


def save_customer(uow: UnitOfWork, actor: Actor, data: CustomerInput) -> CustomerInfo:
    """Two dentists may share a name; the same name at the same clinic is a duplicate."""
    check = validation.Checks()
    values = {
        "name": check(validation.required, data.name, "name"),
        "clinic": check(validation.optional, data.clinic, "clinic"),
        "phone": check(_phone, data.phone),
        "email": check(validation.email, data.email),
        "address": check(validation.optional, data.address, "address", ADDRESS_LIMIT),
    }
    check.done()
    with uow:
        authorize(uow, actor, CUSTOMERS.action)
        _require_unique(uow, CUSTOMERS, data.id, "name", (Customer.name, Customer.clinic),
                        (values["name"], values["clinic"]),
                        "customer_at_clinic_exists" if values["clinic"] else "customer_exists",
                        {"name": values["name"], "clinic": values["clinic"]})
        return _save(uow, actor, CUSTOMERS, data.id, _apply(values))


def set_customer_active(
    uow: UnitOfWork, actor: Actor, customer_id: int, active: bool
) -> CustomerInfo:
    return _set_active(uow, actor, CUSTOMERS, customer_id, active)


def delete_customer(uow: UnitOfWork, actor: Actor, customer_id: int) -> str:
    """``"deleted"``, or ``"deactivated"`` when work orders still name the customer."""
    return _delete(uow, actor, CUSTOMERS, customer_id)


# --- patients -------------------------------------------------------------------------------------


def list_patients(
    uow: UnitOfWork, actor: Actor, text: str = "", include_inactive: bool = False,
    limit: int | None = 200,
) -> list[PatientInfo]:
    return _list(uow, actor, PATIENTS, text, include_inactive, limit)


def get_patient(uow: UnitOfWork, actor: Actor, patient_id: int) -> PatientInfo:
    return _get_info(uow, actor, PATIENTS, patient_id)


def save_patient(uow: UnitOfWork, actor: Actor, data: PatientInput) -> PatientInfo:
    check = validation.Checks()
    values = {
        "first_name": check(validation.optional, data.first_name, "first name", 100),
        "last_name": check(validation.required, data.last_name, "last name", 100),
        "date_of_birth": check(_date_of_birth, data.date_of_birth, uow.today()),
        "phone": check(_phone, data.phone),
        "contact_person": check(validation.optional, data.contact_person, "contact person"),
        "address": check(validation.optional, data.address, "address", ADDRESS_LIMIT),
        "note": check(validation.optional, data.note, "note", validation.LONG_TEXT),
    }
    check.done()
    with uow:
        authorize(uow, actor, PATIENTS.action)
        return _save(uow, actor, PATIENTS, data.id, _apply(values))


def _date_of_birth(value: date | None, today: date) -> date | None:
    if value is not None and validation.in_range(value, "date of birth") > today:
        raise ValidationError("date of birth", code="in_future")
    return value


def quick_add_patient(
    uow: UnitOfWork, actor: Actor, first_name: str, last_name: str
) -> PatientInfo:
    """The new-order dialog's shortcut: a patient with just a name."""
    return save_patient(uow, actor, PatientInput(last_name=last_name, first_name=first_name))


def set_patient_active(
    uow: UnitOfWork, actor: Actor, patient_id: int, active: bool
) -> PatientInfo:
    return _set_active(uow, actor, PATIENTS, patient_id, active)


def delete_patient(uow: UnitOfWork, actor: Actor, patient_id: int) -> str:
    """``"deleted"``, or ``"deactivated"`` when work orders still name the patient."""
    return _delete(uow, actor, PATIENTS, patient_id)


# --- services (price list) ------------------------------------------------------------------------


def list_services(
    uow: UnitOfWork, actor: Actor, text: str = "", include_inactive: bool = False
) -> list[ServiceInfo]:
    return _list(uow, actor, SERVICES, text, include_inactive)


def get_service(uow: UnitOfWork, actor: Actor, service_id: int) -> ServiceInfo:
    return _get_info(uow, actor, SERVICES, service_id)


def _clean_templates(templates: tuple[TaskTemplateInfo, ...],
                     check: validation.Checks) -> list[tuple[str, int]]:
    if len(templates) > MAX_TASK_TEMPLATES:
        raise ValidationError("task templates", code="too_many_templates",
                              params={"limit": MAX_TASK_TEMPLATES})
    return [
        (check(validation.required, t.name, f"task {i} name"),
         check(validation.whole_number, t.days_offset, f"task {i} days", 0, MAX_TURNAROUND_DAYS))
        for i, t in enumerate(templates, start=1)
    ]


def _price(price: Money) -> str:
    currency = check_currency(price.currency)
    check_amount(price, "price")
    if price.minor < 0:
        raise ValidationError("price", code="negative")
    return currency


def save_service(uow: UnitOfWork, actor: Actor, data: ServiceInput) -> ServiceInfo:
    """The given task templates replace the service's, in the order given."""
    check = validation.Checks()
    code = check(validation.required, data.code, "code", 30)
    name = check(validation.required, data.name, "name")
    currency = check(_price, data.unit_price)
    templates = _clean_templates(data.task_templates, check)
    check.done()

    def apply(row: Service) -> None:
        row.code, row.name = code, name
        row.unit_price_minor, row.currency = data.unit_price.minor, currency
        # Unchanged templates keep their rows (and ids); any change replaces the list.
        if [(t.name, t.days_offset) for t in row.task_templates] != templates:
            row.task_templates = [
                TaskTemplate(position=position, name=task_name, days_offset=days)
                for position, (task_name, days) in enumerate(templates, start=1)
            ]

    with uow:
        authorize(uow, actor, SERVICES.action)
        _require_unique(uow, SERVICES, data.id, "code", (Service.code,), (code,),
                        "service_code_taken", {"value": code})
        return _save(uow, actor, SERVICES, data.id, apply)


def set_service_active(
    uow: UnitOfWork, actor: Actor, service_id: int, active: bool
) -> ServiceInfo:
    return _set_active(uow, actor, SERVICES, service_id, active)


def delete_service(uow: UnitOfWork, actor: Actor, service_id: int) -> str:
    """``"deleted"``, or ``"deactivated"`` when order items still refer to the service."""
    return _delete(uow, actor, SERVICES, service_id)


# --- staff ----------------------------------------------------------------------------------------


def list_staff(
    uow: UnitOfWork, actor: Actor, include_inactive: bool = False
) -> list[StaffInfo]:
    return _list(uow, actor, STAFF, "", include_inactive)


def save_staff(uow: UnitOfWork, actor: Actor, data: StaffInput) -> StaffInfo:
    check = validation.Checks()
    values = {
        "name": check(validation.required, data.name, "name"),
        "job_title": check(validation.optional, data.job_title, "job title", 100),
        "email": check(validation.email, data.email),
        "phone": check(_phone, data.phone),
    }
    check.done()
    with uow:
        authorize(uow, actor, STAFF.action)
        return _save(uow, actor, STAFF, data.id, _apply(values))


def set_staff_active(uow: UnitOfWork, actor: Actor, staff_id: int, active: bool) -> StaffInfo:
    return _set_active(uow, actor, STAFF, staff_id, active)


def delete_staff(uow: UnitOfWork, actor: Actor, staff_id: int) -> str:
    """``"deleted"``, or ``"deactivated"`` when tasks, payroll or a user account refer to it."""
    return _delete(uow, actor, STAFF, staff_id)
