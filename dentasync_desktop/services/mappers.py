"""ORM row -> DTO conversions shared by several services."""

from __future__ import annotations

from ..db.models import Customer, DentalLab, Patient, Service, Staff, User
from ..domain.dto import (
    CustomerInfo,
    LabInfo,
    PatientInfo,
    ServiceInfo,
    StaffInfo,
    TaskTemplateInfo,
    UserInfo,
)
from ..domain.money import Money


def lab_info(row: DentalLab) -> LabInfo:
    return LabInfo(
        id=row.id, name=row.name, contact_person=row.contact_person, phone=row.phone,
        email=row.email, address=row.address,
        default_turnaround_days=row.default_turnaround_days,
        account_holder=row.account_holder, bank_name=row.bank_name, iban=row.iban,
        bic=row.bic, payment_note=row.payment_note, active=row.active,
        document_language=row.document_language,
    )


def customer_info(row: Customer) -> CustomerInfo:
    return CustomerInfo(id=row.id, name=row.name, clinic=row.clinic, phone=row.phone,
                        email=row.email, address=row.address, active=row.active)


def patient_info(row: Patient) -> PatientInfo:
    return PatientInfo(id=row.id, first_name=row.first_name, last_name=row.last_name,
                       date_of_birth=row.date_of_birth, phone=row.phone, note=row.note,
                       active=row.active, contact_person=row.contact_person,
                       address=row.address)


def staff_info(row: Staff) -> StaffInfo:
    return StaffInfo(id=row.id, name=row.name, job_title=row.job_title, email=row.email,
                     phone=row.phone, active=row.active)


def user_info(row: User) -> UserInfo:
    return UserInfo(id=row.id, username=row.username, full_name=row.full_name, role=row.role,
                    active=row.active, staff_id=row.staff_id)


def service_info(row: Service) -> ServiceInfo:
    return ServiceInfo(
        id=row.id, code=row.code, name=row.name,
        unit_price=Money(row.unit_price_minor, row.currency), active=row.active,
        task_templates=tuple(
            TaskTemplateInfo(id=t.id, position=t.position, name=t.name,
                             days_offset=t.days_offset)
            for t in row.task_templates),
    )
