"""Building blocks for tests: actors and master data created through the real tables."""

from __future__ import annotations

import copy
from datetime import date, timedelta

from dentasync_desktop.db.models import (
    Customer,
    DentalLab,
    Patient,
    Service,
    Staff,
    TaskTemplate,
    User,
)
from dentasync_desktop.domain.dto import Actor, ItemInput, OrderInput
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services.passwords import Cost, hash_password
from dentasync_desktop.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

# Every test user's password; hashed at a cheap cost even outside a test's own fixtures.
PASSWORD = "test-password"
CHEAP_COST = Cost(n=2**4, r=8, p=1)


def actor_for(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name, role=user.role)


def add_user(uow_factory: UnitOfWorkFactory, username: str, role: Role) -> Actor:
    """An active user with PASSWORD, written straight to the table (no admin needed)."""
    with uow_factory() as uow:
        user = User(username=username, full_name=f"{role.label} User", role=role,
                    password_hash=hash_password(PASSWORD, CHEAP_COST))
        uow.session.add(user)
        uow.session.flush()
        actor = actor_for(user)
        uow.commit()
    return actor


class World:
    """A small, realistic set of master data plus one user per role."""

    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self.uow_factory = uow_factory
        with uow_factory() as uow:
            s = uow.session
            self.users = {
                role: User(username=role.value, full_name=f"{role.label} User", role=role,
                           password_hash=hash_password(PASSWORD, CHEAP_COST))
                for role in Role
            }
            s.add_all(self.users.values())
            lab = DentalLab(name="Zahntechnik Müller GmbH", default_turnaround_days=7,
                            iban="DE89370400440532013000", bic="COBADEFFXXX",
                            account_holder="Zahntechnik Müller GmbH", bank_name="Commerzbank")
            lab2 = DentalLab(name="Łukasz Dental Lab", default_turnaround_days=10)
            customer = Customer(name="Dr. Ørsted", clinic="Smile Clinic")
            customer2 = Customer(name="Dr. Ğül Yılmaz", clinic="Ankara Dental")
            patient = Patient(first_name="Anna", last_name="Schäfer")
            patient2 = Patient(first_name="Jürgen", last_name="Öztürk")
            tech = Staff(name="Tom Technician", job_title="Ceramist")
            crown = Service(code="CRN", name="Zirconia crown", unit_price_minor=25000,
                            currency="EUR")
            crown.task_templates = [
                TaskTemplate(position=1, name="Model", days_offset=1),
                TaskTemplate(position=2, name="Framework", days_offset=3),
                TaskTemplate(position=3, name="Ceramic layering", days_offset=5),
            ]
            s.add_all([lab, lab2, customer, customer2, patient, patient2, tech, crown])
            s.flush()
            self.lab_id, self.lab2_id = lab.id, lab2.id
            self.customer_id, self.customer2_id = customer.id, customer2.id
            self.patient_id, self.patient2_id = patient.id, patient2.id
            self.staff_id = tech.id
            self.service_id = crown.id
            self.actors = {role: actor_for(user) for role, user in self.users.items()}
            uow.commit()

    def using(self, uow_factory: UnitOfWorkFactory) -> World:
        """This world in a byte (or template) copy of the database it was seeded in, reached
        through ``uow_factory``: the same ids and actors without seeding again."""
        other = copy.copy(self)
        other.uow_factory = uow_factory
        return other

    @property
    def admin(self) -> Actor:
        return self.actors[Role.ADMIN]

    def uow(self) -> UnitOfWork:
        return self.uow_factory()

    def order_input(self, **overrides: object) -> OrderInput:
        documented = overrides.pop("documented_at", date(2026, 11, 2))
        assert isinstance(documented, date)
        values: dict[str, object] = dict(
            lab_id=self.lab_id, customer_id=self.customer_id, patient_id=self.patient_id,
            documented_at=documented, due_date=documented + timedelta(days=7), currency="EUR",
            description="Crown 11, zirconia", shade="A2", teeth=(11,),
            items=(ItemInput(description="Zirconia crown", quantity=2,
                             unit_price=Money(25000, "EUR"), service_id=self.service_id,
                             teeth=(11, 21)),),
        )
        values.update(overrides)
        return OrderInput(**values)  # type: ignore[arg-type]
