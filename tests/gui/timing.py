"""Time for the reminder, Today and scan tests: a settable clock and units of work reading it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from dentasync_desktop.db.engine import make_session_factory
from dentasync_desktop.domain.dto import ScheduleSettings
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.theme import apply_theme
from dentasync_desktop.services import settings
from dentasync_desktop.services.attachment_store import AttachmentStore
from dentasync_desktop.services.maintenance import Database
from dentasync_desktop.services.unit_of_work import UnitOfWork

from ..conftest import FIXED_NOW, SeededWorld
from ..factories import World
from ..integration.conftest import Clock


@dataclass
class KeyClock:
    """Milliseconds for the scan detector: each key press reads it, and it moves by ``step``."""

    step: float
    now: float = 1000.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture(name="clock")
def clock_fixture() -> Clock:
    return Clock(FIXED_NOW)


@pytest.fixture(name="timed")
def timed_fixture(database: Database, clock: Clock, seeded_world: SeededWorld) -> World:
    """A world whose units of work read ``clock`` and publish on the database's bus."""
    factory = make_session_factory(database.engine)
    store = AttachmentStore(database.paths.attachments_dir)
    return seeded_world.world.using(
        lambda: UnitOfWork(factory, store, clock=clock, bus=database.bus))


@pytest.fixture(name="timed_client")
def timed_client_fixture(timed: World, database: Database, tmp_path: Path) -> ServiceClient:
    return ServiceClient(timed.uow_factory, timed.actors[Role.FRONT_DESK], database.paths,
                         tmp_path / "test.log")


def quiet_days(world: World) -> None:
    """Only the event reminders: no due-date or installment reminders in the way."""
    settings.save_schedule_settings(world.uow(), world.admin, ScheduleSettings(
        remind_orders_due_tomorrow=False, remind_installments_due_today=False))



@contextmanager
def palette(app: QApplication, dark: bool) -> Iterator[str]:
    """The app's Dark theme, or the themed light look as it is; yields "dark" or "light"."""
    if not dark:
        yield "light"
        return
    sheet, before = app.styleSheet(), app.palette()
    apply_theme(app, "dark")
    try:
        yield "dark"
    finally:
        app.setPalette(before)
        app.setStyleSheet(sheet)
