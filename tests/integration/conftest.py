"""Fixtures for service tests that move time: a settable clock and a world that reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from dentasync_desktop.db.engine import make_session_factory
from dentasync_desktop.services.attachment_store import AttachmentStore
from dentasync_desktop.services.maintenance import Database
from dentasync_desktop.services.unit_of_work import UnitOfWork

from ..conftest import FIXED_NOW, SeededWorld
from ..factories import World


@dataclass
class Clock:
    """The injected clock: tests set the time instead of sleeping."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment


@pytest.fixture
def clock() -> Clock:
    return Clock(FIXED_NOW)


@pytest.fixture
def timed(database: Database, clock: Clock, seeded_world: SeededWorld) -> World:
    """A world whose units of work read ``clock``."""
    factory = make_session_factory(database.engine)
    store = AttachmentStore(database.paths.attachments_dir)
    return seeded_world.world.using(lambda: UnitOfWork(factory, store, clock=clock))
