"""Master data services on a real, migrated SQLite file."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from dentasync_desktop.db.models import (
    ActivityEntry,
    Customer,
    DentalLab,
    Patient,
    Service,
    Staff,
    TaskTemplate,
    User,
    WorkOrder,
)
from dentasync_desktop.domain.dto import (
    CustomerInput,
    ItemInput,
    LabInput,
    PatientInput,
    ServiceInput,
    StaffInput,
    TaskTemplateInfo,
)
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import (
    FieldErrors,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import masterdata, orders
from dentasync_desktop.services.masterdata import DEACTIVATED, DELETED

from ..factories import World


def count(world: World, model: type) -> int:
    with world.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def activity_count(world: World) -> int:
    return count(world, ActivityEntry)


def last_activity(world: World) -> ActivityEntry:
    with world.uow() as uow:
        entry = uow.session.scalar(select(ActivityEntry).order_by(ActivityEntry.id.desc()))
        assert entry is not None
        uow.session.expunge(entry)  # keep its loaded values after the read-only rollback
        return entry


def search_texts(world: World) -> list[str]:
    with world.uow() as uow:
        return list(uow.session.scalars(select(WorkOrder.search_text).order_by(WorkOrder.id)))


def refused(world: World, field: str, call, *args) -> ValidationError:  # type: ignore[no-untyped-def]
    """Run a call that must be refused for ``field`` and must leave the activity log alone."""
    before = activity_count(world)
    with pytest.raises(ValidationError) as caught:
        call(world.uow(), world.admin, *args)
    assert caught.value.field == field
    assert activity_count(world) == before
    return caught.value


# --- dental labs ------------------------------------------------------------------------------


def test_save_lab_creates_normalises_bank_details_and_logs(world: World) -> None:
    lab = masterdata.save_lab(world.uow(), world.admin, LabInput(
        name="  Keramik Nord  ", email="info@keramik-nord.de", default_turnaround_days=5,
        iban="gb82 west 1234 5698 7654 32", bic="natxgb2l"))
    assert lab.name == "Keramik Nord"
    assert lab.iban == "GB82WEST12345698765432"
    assert lab.bic == "NATXGB2L"
    assert lab.active
    assert masterdata.get_lab(world.uow(), world.admin, lab.id) == lab
    entry = last_activity(world)
    assert (entry.action, entry.entity, entry.entity_id, entry.order_id) == (
        "create", "dental_lab", lab.id, None)
    assert json.loads(entry.after)["name"] == "Keramik Nord"


def test_edit_lab_logs_only_changed_fields(world: World) -> None:
    current = masterdata.get_lab(world.uow(), world.admin, world.lab_id)
    updated = masterdata.save_lab(world.uow(), world.admin, LabInput(
        id=current.id, name=current.name, default_turnaround_days=9, iban=current.iban,
        bic=current.bic, account_holder=current.account_holder, bank_name=current.bank_name))
    assert updated.default_turnaround_days == 9
    entry = last_activity(world)
    assert entry.action == "edit"
    assert json.loads(entry.before) == {"default_turnaround_days": 7}
    assert json.loads(entry.after) == {"default_turnaround_days": 9}


def test_saving_an_unchanged_lab_writes_nothing(world: World) -> None:
    current = masterdata.get_lab(world.uow(), world.admin, world.lab2_id)
    before = activity_count(world)
    again = masterdata.save_lab(world.uow(), world.admin, LabInput(
        id=current.id, name=current.name, default_turnaround_days=10))
    assert again == current
    assert activity_count(world) == before


@pytest.mark.parametrize(("changes", "field", "reason"), [
    ({"name": "   "}, "name", "Required."),
    ({"name": "ZAHNTECHNIK MÜLLER GMBH"}, "name", "already exists"),
    ({"email": "not-an-address"}, "e-mail", "not an e-mail address"),
    ({"default_turnaround_days": 366}, "default turnaround days", "between 0 and 365"),
    ({"default_turnaround_days": -1}, "default turnaround days", "between 0 and 365"),
    ({"iban": "DE89 3704 0044 0532 0130 01"}, "IBAN", "check digits"),
    ({"iban": "1234"}, "IBAN", "is not an IBAN"),
    ({"bic": "COBADEFFX"}, "BIC", "8 or 11"),
    ({"iban": "DE86 3704 0044 0532 0130"}, "IBAN", "has 22 characters, this one has 20"),
    ({"iban": "XX46 3704 0044 0532 0130 00"}, "IBAN", "'XX' is not a country"),
    ({"bic": "COBAZZFF"}, "BIC", "'ZZ' in 'COBAZZFF' is not a country code"),
])
def test_bad_lab_input_is_refused_by_field(
    world: World, changes: dict[str, object], field: str, reason: str
) -> None:
    data = LabInput(**{"name": "New Lab", **changes})  # type: ignore[arg-type]
    labs = count(world, DentalLab)
    error = refused(world, field, masterdata.save_lab, data)
    assert reason in error.reason
    assert count(world, DentalLab) == labs


def test_every_bad_lab_field_is_refused_at_once(world: World) -> None:
    """The form can mark every bad field together instead of one per Save."""
    labs = count(world, DentalLab)
    data = LabInput(name=" ", email="not-an-address", iban="1234", default_turnaround_days=-1)
    error = refused(world, "name", masterdata.save_lab, data)
    assert isinstance(error, FieldErrors)
    assert [e.field for e in error.errors] == [
        "name", "e-mail", "default turnaround days", "IBAN"]
    assert error.message.splitlines()[1].startswith("E-mail: ")
    assert count(world, DentalLab) == labs


def test_front_desk_may_not_manage_labs(world: World) -> None:
    with pytest.raises(PermissionDenied):
        masterdata.save_lab(world.uow(), world.actors[Role.FRONT_DESK], LabInput(name="X"))
    with pytest.raises(PermissionDenied):
        masterdata.delete_lab(world.uow(), world.actors[Role.FRONT_DESK], world.lab2_id)
    assert count(world, DentalLab) == 2
    # Reading is open: the new-order form lists labs for everyone.
    assert len(masterdata.list_labs(world.uow(), world.actors[Role.TECHNICIAN])) == 2


def test_renaming_a_lab_refreshes_its_orders_search_text(world: World) -> None:
    first = orders.create_order(world.uow(), world.admin, world.order_input())
    other = orders.create_order(world.uow(), world.admin, world.order_input(lab_id=world.lab2_id))
    current = masterdata.get_lab(world.uow(), world.admin, world.lab_id)
    masterdata.save_lab(world.uow(), world.admin, LabInput(
        id=current.id, name="Ästhetik Labor", iban=current.iban, bic=current.bic,
        account_holder=current.account_holder, bank_name=current.bank_name))
    texts = search_texts(world)
    assert "asthetik labor" in texts[0]
    assert "muller" not in texts[0]
    assert "lukasz" in texts[1]
    with world.uow() as uow:
        versions = {o.id: o.version for o in uow.session.scalars(select(WorkOrder))}
    # The derived text is not an edit: nobody's open order form goes stale.
    assert versions == {first.id: first.version, other.id: other.version}


def test_delete_lab_deletes_unused_and_deactivates_used(world: World) -> None:
    orders.create_order(world.uow(), world.admin, world.order_input())
    assert masterdata.delete_lab(world.uow(), world.admin, world.lab2_id) == DELETED
    assert last_activity(world).action == "delete"
    with pytest.raises(NotFound):
        masterdata.get_lab(world.uow(), world.admin, world.lab2_id)
    assert masterdata.delete_lab(world.uow(), world.admin, world.lab_id) == DEACTIVATED
    assert last_activity(world).action == "deactivate"
    assert not masterdata.get_lab(world.uow(), world.admin, world.lab_id).active
    assert masterdata.list_labs(world.uow(), world.admin) == []
    assert len(masterdata.list_labs(world.uow(), world.admin, include_inactive=True)) == 1
    before = activity_count(world)
    assert masterdata.delete_lab(world.uow(), world.admin, world.lab_id) == DEACTIVATED
    assert activity_count(world) == before


def test_set_lab_active_toggles_and_refuses_a_no_op(world: World) -> None:
    lab = masterdata.set_lab_active(world.uow(), world.admin, world.lab2_id, False)
    assert not lab.active
    entry = last_activity(world)
    assert (entry.action, json.loads(entry.after)) == ("deactivate", {"active": False})
    refused(world, "active", masterdata.set_lab_active, world.lab2_id, False)
    assert masterdata.set_lab_active(world.uow(), world.admin, world.lab2_id, True).active


def test_list_labs_searches_casefolded(world: World) -> None:
    found = masterdata.list_labs(world.uow(), world.admin, "  MÜLLER ")
    assert [lab.id for lab in found] == [world.lab_id]
    assert [lab.name for lab in masterdata.list_labs(world.uow(), world.admin)] == [
        "Łukasz Dental Lab", "Zahntechnik Müller GmbH"]  # "Ł" among the L, not after "Z"
    assert masterdata.list_labs(world.uow(), world.admin, "nothing like it") == []


# --- customers ----------------------------------------------------------------------------------


def test_customer_crud_and_duplicates(world: World) -> None:
    customer = masterdata.save_customer(world.uow(), world.admin, CustomerInput(
        name="Dr. Weiß", clinic="Praxis Mitte", email="weiss@praxis.de"))
    assert last_activity(world).entity == "customer"
    # Same name elsewhere is another dentist; same name at the same clinic is a duplicate.
    masterdata.save_customer(world.uow(), world.admin, CustomerInput(
        name="Dr. Weiß", clinic="Praxis Süd"))
    error = refused(world, "name", masterdata.save_customer,
                    CustomerInput(name="dr. weiss", clinic="PRAXIS MITTE"))
    assert "already exists" in error.reason
    refused(world, "e-mail", masterdata.save_customer, CustomerInput(name="Dr. A", email="a@b"))
    refused(world, "name", masterdata.save_customer, CustomerInput(name=""))
    with pytest.raises(PermissionDenied):
        masterdata.save_customer(world.uow(), world.actors[Role.TECHNICIAN],
                                 CustomerInput(name="Dr. T"))
    found = masterdata.list_customers(world.uow(), world.admin, "weiß")
    assert {c.clinic for c in found} == {"Praxis Mitte", "Praxis Süd"}
    assert len(masterdata.list_customers(world.uow(), world.admin, limit=2)) == 2
    assert masterdata.get_customer(world.uow(), world.admin, customer.id).email == (
        "weiss@praxis.de")


def test_front_desk_manages_customers_and_rename_refreshes_orders(world: World) -> None:
    desk = world.actors[Role.FRONT_DESK]
    orders.create_order(world.uow(), world.admin, world.order_input())
    masterdata.save_customer(world.uow(), desk, CustomerInput(
        id=world.customer_id, name="Dr. Hans Ørsted", clinic="Smile Clinic Nord"))
    entry = last_activity(world)
    assert json.loads(entry.before) == {"name": "Dr. Ørsted", "clinic": "Smile Clinic"}
    assert "dr. hans orsted smile clinic nord" in search_texts(world)[0]


def test_delete_customer_deletes_unused_and_deactivates_used(world: World) -> None:
    orders.create_order(world.uow(), world.admin, world.order_input())
    assert masterdata.delete_customer(world.uow(), world.admin, world.customer2_id) == DELETED
    assert masterdata.delete_customer(world.uow(), world.admin, world.customer_id) == DEACTIVATED
    assert count(world, Customer) == 1
    assert masterdata.set_customer_active(
        world.uow(), world.admin, world.customer_id, True).active


# --- patients -----------------------------------------------------------------------------------


def test_patient_save_validates_and_logs(world: World) -> None:
    patient = masterdata.save_patient(world.uow(), world.admin, PatientInput(
        last_name="Nowak", first_name="Zofia", date_of_birth=date(1980, 5, 17)))
    assert patient.full_name == "Zofia Nowak"
    entry = last_activity(world)
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "patient", patient.id)
    patients = count(world, Patient)
    refused(world, "last name", masterdata.save_patient, PatientInput(last_name=" "))
    error = refused(world, "date of birth", masterdata.save_patient,
                    PatientInput(last_name="Future", date_of_birth=date(2026, 12, 1)))
    assert "future" in error.reason
    assert count(world, Patient) == patients


def test_quick_add_patient(world: World) -> None:
    patient = masterdata.quick_add_patient(world.uow(), world.actors[Role.FRONT_DESK],
                                           " Émile ", "Zola")
    assert (patient.first_name, patient.last_name, patient.active) == ("Émile", "Zola", True)
    assert masterdata.get_patient(world.uow(), world.admin, patient.id) == patient
    refused(world, "last name", masterdata.quick_add_patient, "Only", "")


def test_list_patients_finds_first_last_in_either_order(world: World) -> None:
    def ids(text: str, **kwargs: object) -> list[int]:
        return [p.id for p in masterdata.list_patients(world.uow(), world.admin, text, **kwargs)]

    assert ids("anna schäfer") == [world.patient_id]
    assert ids("SCHÄFER  Anna") == [world.patient_id]
    assert ids("jür") == [world.patient2_id]
    assert ids("") == [world.patient2_id, world.patient_id]  # Öztürk before Schäfer
    assert ids("", limit=1) == [world.patient2_id]
    assert ids("anna öztürk") == []
    masterdata.set_patient_active(world.uow(), world.admin, world.patient2_id, False)
    assert ids("jür") == []
    assert ids("jür", include_inactive=True) == [world.patient2_id]


def test_renaming_a_patient_refreshes_only_their_orders(world: World) -> None:
    orders.create_order(world.uow(), world.admin, world.order_input())
    orders.create_order(world.uow(), world.admin,
                        world.order_input(patient_id=world.patient2_id))
    masterdata.save_patient(world.uow(), world.admin, PatientInput(
        id=world.patient_id, first_name="Anna", last_name="Schäfer-Braun"))
    first, second = search_texts(world)
    assert "anna schafer-braun" in first
    assert "jurgen ozturk" in second


def test_delete_patient_deletes_unused_and_deactivates_used(world: World) -> None:
    orders.create_order(world.uow(), world.admin, world.order_input())
    assert masterdata.delete_patient(world.uow(), world.admin, world.patient2_id) == DELETED
    assert masterdata.delete_patient(world.uow(), world.admin, world.patient_id) == DEACTIVATED
    assert masterdata.list_patients(world.uow(), world.admin) == []


# --- services -----------------------------------------------------------------------------------


def templates(*names: str) -> tuple[TaskTemplateInfo, ...]:
    return tuple(TaskTemplateInfo(id=None, position=0, name=n, days_offset=i)
                 for i, n in enumerate(names))


def test_save_service_with_ordered_task_templates(world: World) -> None:
    service = masterdata.save_service(world.uow(), world.admin, ServiceInput(
        code="BRG", name="Bridge", unit_price=Money(60000, "EUR"),
        task_templates=templates("Model", "Framework")))
    assert [(t.position, t.name, t.days_offset) for t in service.task_templates] == [
        (1, "Model", 0), (2, "Framework", 1)]
    entry = last_activity(world)
    assert (entry.action, entry.entity) == ("create", "service")
    assert json.loads(entry.after)["unit_price"] == "600.00 EUR"

    changed = masterdata.save_service(world.uow(), world.admin, ServiceInput(
        id=service.id, code="BRG", name="Bridge", unit_price=Money(65000, "EUR"),
        task_templates=templates("Scan", "Design", "Milling")))
    assert [t.name for t in changed.task_templates] == ["Scan", "Design", "Milling"]
    assert json.loads(last_activity(world).before) == {
        "unit_price": "600.00 EUR", "task_templates": ["Model (+0 d)", "Framework (+1 d)"]}
    with world.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(TaskTemplate).where(
            TaskTemplate.service_id == service.id)) == 3

    listed = masterdata.list_services(world.uow(), world.admin, "bridge")
    assert listed == [changed]


@pytest.mark.parametrize(("data", "field"), [
    (ServiceInput(code="crn", name="Another crown", unit_price=Money(1, "EUR")), "code"),
    (ServiceInput(code="", name="No code", unit_price=Money(1, "EUR")), "code"),
    (ServiceInput(code="X1", name=" ", unit_price=Money(1, "EUR")), "name"),
    (ServiceInput(code="X1", name="Minus", unit_price=Money(-1, "EUR")), "price"),
    (ServiceInput(code="X1", name="Tasks", unit_price=Money(1, "EUR"),
                  task_templates=templates("Model", " ")), "task 2 name"),
])
def test_bad_service_input_is_refused_by_field(
    world: World, data: ServiceInput, field: str
) -> None:
    services = count(world, Service)
    refused(world, field, masterdata.save_service, data)
    assert count(world, Service) == services


def test_delete_service_deactivates_when_order_items_use_it(world: World) -> None:
    unused = masterdata.save_service(world.uow(), world.admin, ServiceInput(
        code="INL", name="Inlay", unit_price=Money(9000, "EUR"), task_templates=templates("A")))
    orders.create_order(world.uow(), world.admin, world.order_input())
    assert masterdata.delete_service(world.uow(), world.admin, unused.id) == DELETED
    assert count(world, TaskTemplate) == 3  # the crown's templates only
    assert masterdata.delete_service(world.uow(), world.admin, world.service_id) == DEACTIVATED
    assert masterdata.list_services(world.uow(), world.admin) == []
    assert masterdata.set_service_active(
        world.uow(), world.admin, world.service_id, True).active


def test_order_items_without_a_service_do_not_block_deleting(world: World) -> None:
    item = ItemInput(description="Repair", quantity=1, unit_price=Money(1000, "EUR"))
    orders.create_order(world.uow(), world.admin, world.order_input(items=(item,)))
    assert masterdata.delete_service(world.uow(), world.admin, world.service_id) == DELETED


# --- staff --------------------------------------------------------------------------------------


def test_staff_save_list_and_delete(world: World) -> None:
    ceramist = masterdata.save_staff(world.uow(), world.admin, StaffInput(
        name="Ewa Kowalska", job_title="Ceramist", email="ewa@lab.pl"))
    assert last_activity(world).entity == "staff"
    refused(world, "name", masterdata.save_staff, StaffInput(name=""))
    refused(world, "e-mail", masterdata.save_staff, StaffInput(name="X", email="x"))
    with pytest.raises(PermissionDenied):
        masterdata.save_staff(world.uow(), world.actors[Role.FRONT_DESK], StaffInput(name="Y"))
    names = [s.name for s in masterdata.list_staff(world.uow(), world.actors[Role.TECHNICIAN])]
    assert names == ["Ewa Kowalska", "Tom Technician"]

    with world.uow() as uow:
        uow.session.get(User, world.users[Role.TECHNICIAN].id).staff_id = world.staff_id
        uow.commit()
    assert masterdata.delete_staff(world.uow(), world.admin, world.staff_id) == DEACTIVATED
    assert masterdata.delete_staff(world.uow(), world.admin, ceramist.id) == DELETED
    assert masterdata.list_staff(world.uow(), world.admin) == []
    assert count(world, Staff) == 1
    assert masterdata.set_staff_active(world.uow(), world.admin, world.staff_id, True).active
