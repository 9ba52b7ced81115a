"""The demo database: realistic data and one user per role, created once on an empty database."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select

from ..db.models import Setting, Staff, User, WorkOrder
from ..domain.enums import Role
from .passwords import hash_password
from .seed import generate
from .settings import ORG_PREFIX
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

DEMO_ORDERS = 200
DEMO_SEED = 2026


class DemoUser(NamedTuple):
    username: str
    password: str
    role: Role


# Documented in the README and shown as the sign-in hint of the demo database.
DEMO_USERS = (
    DemoUser("admin", "admin123", Role.ADMIN),
    DemoUser("manager", "manager123", Role.MANAGER),
    DemoUser("desk", "desk1234", Role.FRONT_DESK),
    DemoUser("tech", "tech1234", Role.TECHNICIAN),
)
_FULL_NAMES = {
    "admin": "Agnieszka Wójcik", "manager": "Jonas Müller", "desk": "Zoë Ørsted",
    "tech": "Ğül Yılmaz",
}


# What a real front desk types in on its first day, so screens and paper look like its own.
DEMO_ORGANISATION = {
    "name": "Zahnarztpraxis Dr. Weber & Kollegen",
    "address": "Lindenstraße 12\n10969 Berlin",
    "phone": "+49 30 1234 5678",
    "email": "empfang@praxis-weber.example",
}


def fill_demo(uow_factory: UnitOfWorkFactory) -> bool:
    """Fill an empty database with the demo data and users; False if it held orders already.

    The data comes from a fixed seed, so every demo database looks the same apart from its
    dates, which are laid out around the day it is created.
    """
    with uow_factory() as uow:
        if uow.session.scalar(select(WorkOrder.id).limit(1)) is not None:
            return False
        users = _demo_users(uow)
        front_office = [users[user.username] for user in DEMO_USERS
                        if user.role in (Role.FRONT_DESK, Role.MANAGER)]
        generate(uow, DEMO_ORDERS, DEMO_SEED, front_office)
        for name, value in DEMO_ORGANISATION.items():
            uow.session.merge(Setting(key=ORG_PREFIX + name, value=value))
        technician = uow.session.scalar(select(User).where(User.username == "tech"))
        if technician is not None and technician.staff_id is None:
            technician.staff_id = uow.session.scalar(select(Staff.id).order_by(Staff.id))
        uow.commit()
    return True


def _demo_users(uow: UnitOfWork) -> dict[str, tuple[int, str]]:
    """Creates the demo users that do not exist yet; an existing account keeps its password."""
    s = uow.session
    existing = {user.username: user for user in s.scalars(
        select(User).where(User.username.in_([u.username for u in DEMO_USERS])))}
    for demo in DEMO_USERS:
        if demo.username not in existing:
            user = User(username=demo.username, full_name=_FULL_NAMES[demo.username],
                        role=demo.role, password_hash=hash_password(demo.password),
                        created_at=uow.now())
            s.add(user)
            existing[demo.username] = user
    s.flush()
    return {name: (user.id, user.full_name) for name, user in existing.items()}
