"""Shared fixtures: a real, migrated SQLite file per test and a small world of master data."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dentasync_desktop import i18n
from dentasync_desktop.paths import AppPaths, resolve_paths
from dentasync_desktop.services import passwords
from dentasync_desktop.services.attachment_store import AttachmentStore
from dentasync_desktop.services.maintenance import Database, connect_database, open_database
from dentasync_desktop.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

from .factories import CHEAP_COST, World

# A fixed "now" keeps due-date and overdue logic reproducible in tests.
FIXED_NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests read English words whatever the machine's locale; a test that switches the
    language (cli.main --lang, the GUI's start) does not leave it switched for the next."""
    monkeypatch.setenv("DENTASYNC_LANG", "en")
    before = i18n.default_language()
    i18n.set_default_language("en")
    yield
    i18n.set_default_language(before)


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production scrypt takes 128 MiB and ~0.4 s a hash; tests hash hundreds of passwords.

    test_passwords.py checks the production parameters themselves.
    """
    monkeypatch.setattr(passwords, "current", CHEAP_COST)


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "data").create()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the real migrations once per test session; each test gets a byte copy of the result."""
    paths = resolve_paths(tmp_path_factory.mktemp("template") / "data").create()
    open_database(paths).close()
    return paths.database


@pytest.fixture
def database(app_paths: AppPaths, migrated_template: Path) -> Iterator[Database]:
    shutil.copyfile(migrated_template, app_paths.database)
    db = connect_database(app_paths)
    yield db
    db.close()


def uow_factory_for(database: Database) -> UnitOfWorkFactory:
    """Units of work on ``database`` whose clock stands still at FIXED_NOW."""
    from dentasync_desktop.db.engine import make_session_factory

    session_factory = make_session_factory(database.engine)
    store = AttachmentStore(database.paths.attachments_dir)
    return lambda: UnitOfWork(session_factory, store, clock=lambda: FIXED_NOW, bus=database.bus)


@pytest.fixture
def uow_factory(database: Database) -> UnitOfWorkFactory:
    return uow_factory_for(database)


@pytest.fixture(scope="module")
def shared_world(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[World]:
    """One world for a whole module whose tests only read: a module seeds it once, rather
    than every test seeding its own copy."""
    paths = resolve_paths(tmp_path_factory.mktemp("shared") / "data").create()
    shutil.copyfile(migrated_template, paths.database)
    database = connect_database(paths)
    yield World(uow_factory_for(database))
    database.close()


@pytest.fixture
def world(uow_factory: UnitOfWorkFactory) -> World:
    return World(uow_factory)
