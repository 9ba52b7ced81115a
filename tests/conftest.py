"""Shared fixtures: a real, migrated database per test and a small world of master data.

The database is an SQLite file, or with DENTASYNC_TEST_PG set a PostgreSQL database of its own
(tests/pg.py says how).
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar, cast

import pytest
import sqlalchemy
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.orm import Mapper
from sqlalchemy.util import LRUCache

from dentasync_desktop import i18n
from dentasync_desktop.db import engine as engine_module
from dentasync_desktop.db import server
from dentasync_desktop.db.prepared import DialectKind
from dentasync_desktop.paths import DATABASE_URL_ENV, AppPaths, resolve_paths
from dentasync_desktop.services import passwords, seed
from dentasync_desktop.services.attachment_store import AttachmentStore
from dentasync_desktop.services.demo import fill_demo
from dentasync_desktop.services.maintenance import Database, connect_database, open_database
from dentasync_desktop.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

from .factories import CHEAP_COST, World
from .keyrings import MemoryKeyring
from .pg import SKIP_REASON, Databases, in_ci, server_url

T = TypeVar("T")

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


class CompiledAcrossEngines:
    """SQLAlchemy's compiled-SQL cache, shared by every engine of one kind the app makes in a
    test run. SQLAlchemy keys the SQL it compiled by the engine's dialect object, so each
    test's new engine compiled the same ~35 statements afresh (a fifth of a small GUI test).
    Here the dialect in the key counts by its kind (``DialectKind``: its class, parameter
    style and server version), so an SQLite engine never gets a server's SQL in a run that
    uses both; each engine keeps its own dialect, with its own error listeners."""

    def __init__(self) -> None:
        self._compiled: LRUCache[object, object] = LRUCache(5_000)

    def get(self, key: tuple[object, ...]) -> object | None:
        return self._compiled.get(self._by_kind(key))

    def __setitem__(self, key: tuple[object, ...], compiled: object) -> None:
        self._compiled[self._by_kind(key)] = compiled

    def clear(self) -> None:
        self._compiled.clear()

    @staticmethod
    def _by_kind(key: tuple[object, ...]) -> tuple[object, ...]:
        dialect = key[0]
        assert isinstance(dialect, Dialect), "SQLAlchemy keys compiled SQL by dialect first"
        return (DialectKind(dialect), *key[1:])


@pytest.fixture(scope="session", autouse=True)
def compiled_sql_shared() -> Iterator[None]:
    shared = CompiledAcrossEngines()

    def create_engine(url: str, **options: object) -> Engine:
        made = sqlalchemy.create_engine(url, **options)  # type: ignore[call-overload]
        if made.dialect.name == "sqlite":
            made._compiled_cache = shared
        return made

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine_module, "create_engine", create_engine)
        # The ORM's flushes (INSERT, UPDATE, DELETE) are compiled into each mapper's own
        # cache, keyed by the dialect object the same way: 1,300 of the 3,600 statements
        # tests/integration compiled were the same flushes for a new test's engine.
        patch.setattr(Mapper, "_compiled_cache", shared)
        yield


def _no_flush(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.execute("PRAGMA synchronous=OFF")


@pytest.fixture(scope="session", autouse=True)
def writes_not_flushed_to_disk() -> Iterator[None]:
    """A test's database is thrown away, so what it commits need not survive a power cut: the
    app's SQLite engines run with synchronous=OFF here. Their checkpoints made 2,900 of the
    5,500 fsyncs over tests/integration and tests/gui, and 5 of the 10.9 s the tests sat
    waiting for the disk (strace -f -T, -n0), a core idle all that time."""
    configure = engine_module._configure

    def configure_without_flushing(engine: Engine) -> None:
        configure(engine)
        sqlalchemy.event.listen(engine, "connect", _no_flush)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine_module, "_configure", configure_without_flushing)
        yield


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production scrypt takes 128 MiB and ~0.4 s a hash; tests hash hundreds of passwords.

    test_passwords.py checks the production parameters themselves.
    """
    monkeypatch.setattr(passwords, "current", CHEAP_COST)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``starts_first`` go to the front: xdist hands tests out in this order, so
    none of these (seconds of child processes each) is the last one a worker runs while the
    other has nothing left. On PostgreSQL, tests of the SQLite file itself are skipped (the
    SQLite run has them); without a server, the server's own tests are skipped locally, and
    left to CI's PostgreSQL run there."""
    items.sort(key=lambda item: item.get_closest_marker("starts_first") is None)
    if server_url() is not None:
        for item in items:
            if item.get_closest_marker("sqlite_only"):
                item.add_marker(pytest.mark.skip(
                    reason="SQLite file handling: run by the SQLite pass"))
        return
    server_only = [item for item in items if item.get_closest_marker("postgresql")]
    if in_ci():
        config.hook.pytest_deselected(items=server_only)
        items[:] = [item for item in items if item not in server_only]
        return
    for item in server_only:
        item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture(autouse=True)
def no_database_url_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own DENTASYNC_DATABASE_URL must not point the tests at their server."""
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)


@pytest.fixture
def keyring_in_memory() -> Iterator[MemoryKeyring]:
    """The OS keyring replaced by one in memory for the test."""
    import keyring

    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def pg_databases(worker_id: str, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[Databases | None]:
    """With DENTASYNC_TEST_PG: this worker's template database, migrated once."""
    url = server_url()
    if url is None:
        yield None
        return
    databases = Databases(url, worker_id)
    paths = resolve_paths(tmp_path_factory.mktemp("pg-template") / "data").create()
    template = databases.create(databases.template)
    try:
        open_database(replace(paths, database_url=template)).close()
        yield databases
    finally:
        databases.drop(databases.template)


@pytest.fixture
def app_paths(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[AppPaths]:
    """The test's data folder; on PostgreSQL also its own database, migrated when the test
    uses ``database`` (with the seeded world when it uses one), else empty (as a new data
    folder's file would be)."""
    paths = resolve_paths(tmp_path / "data").create()
    databases: Databases | None = request.getfixturevalue("pg_databases")
    if databases is None:
        yield paths
        return
    name = databases.new_name()
    template = None
    if "seeded_world" in request.fixturenames:
        template = request.getfixturevalue("seeded_world").pg_template
    elif "database" in request.fixturenames:
        template = databases.template
    url = databases.create(name, template)
    # Remembered by the folder, as --database-url does: a command given only --data-dir
    # (the CLI tests) finds the same database.
    server.remember(paths.config_dir, url)
    try:
        yield replace(paths, database_url=url)
    finally:
        databases.drop(name)


TEMPLATE_ENV = "DENTASYNC_TEST_TEMPLATE"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the real migrations once per test session; each test gets a byte copy of the result.
    A child pytest that a test starts is handed its parent's in ``TEMPLATE_ENV``: migrating
    again (and importing Alembic for it) was a tenth of such a child's CPU."""
    if given := os.environ.get(TEMPLATE_ENV):
        return Path(given)
    paths = resolve_paths(tmp_path_factory.mktemp("template") / "data").create()
    open_database(paths).close()
    return paths.database


@pytest.fixture
def migrated_copy(migrated_template: Path) -> Callable[[AppPaths], AppPaths]:
    """Puts into a new data folder the file its first opening would migrate, as a copy of the
    session's migrated one (the migrations cost ~70 ms a folder). Open it with
    connect_database, as that first opening leaves it: open_database takes a file it finds for
    one used before, checks it and makes the day's backup."""
    def put(paths: AppPaths) -> AppPaths:
        shutil.copyfile(migrated_template, paths.create().database)
        return paths

    return put


@dataclass(frozen=True)
class SeededWorld:
    """The small world of master data, seeded once per session (~30 ms of CPU a test
    otherwise): a test using it starts from a copy of this database."""

    paths: AppPaths
    pg_template: str | None  # on PostgreSQL, the database that is copied
    world: World


@pytest.fixture(scope="session")
def seeded_world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[SeededWorld]:
    paths = resolve_paths(tmp_path_factory.mktemp("world") / "data").create()
    databases: Databases | None = request.getfixturevalue("pg_databases")
    name = None
    if databases is None:
        shutil.copyfile(request.getfixturevalue("migrated_template"), paths.database)
    else:
        name = f"{databases.prefix}_world"
        paths = replace(paths, database_url=databases.create(name, databases.template))
    database = connect_database(paths)
    try:
        world = World(uow_factory_for(database))
    finally:
        database.close()  # nobody may stay connected to a PostgreSQL template
    yield SeededWorld(paths, name, world)
    if databases is not None and name is not None:
        databases.drop(name)


@pytest.fixture
def database(app_paths: AppPaths, request: pytest.FixtureRequest) -> Iterator[Database]:
    if not app_paths.on_server:
        source = (request.getfixturevalue("seeded_world").paths.database
                  if "seeded_world" in request.fixturenames
                  else request.getfixturevalue("migrated_template"))
        shutil.copyfile(source, app_paths.database)
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
def shared_database(seeded_world: SeededWorld, pg_databases: Databases | None,
                    tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One copy of the seeded world's database for a whole module whose tests only read."""
    paths = resolve_paths(tmp_path_factory.mktemp("shared") / "data").create()
    name = None
    if pg_databases is None:
        shutil.copyfile(seeded_world.paths.database, paths.database)
    else:
        assert seeded_world.pg_template is not None
        name = pg_databases.new_name()
        paths = replace(paths, database_url=pg_databases.create(name, seeded_world.pg_template))
    database = connect_database(paths)
    yield database
    database.close()
    if pg_databases is not None and name is not None:
        pg_databases.drop(name)


@pytest.fixture(scope="module")
def shared_world(seeded_world: SeededWorld, shared_database: Database) -> World:
    """One world for a whole module whose tests only read: a module adds to it once, rather
    than every test seeding its own copy."""
    return seeded_world.world.using(uow_factory_for(shared_database))


@pytest.fixture
def world(seeded_world: SeededWorld, uow_factory: UnitOfWorkFactory) -> World:
    return seeded_world.world.using(uow_factory)


class WrittenOnce:
    """What a repeatable writer (seed(), fill_demo(), a test module's own orders) wrote, kept
    for the session by the bytes of the file it started from: the same writes on the same
    file give the same file, byte for byte (checked; the demo's password hashes aside, their
    salts are random), so a later test starting from that file gets a copy. 300 seeded orders
    take 0.2 s to write, and a dozen GUI tests each wanted the same 300, or the demo clinic."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._answers: dict[str, object] = {}

    def write(self, database: Database, what: str, fill: Callable[[], T]) -> T:
        path = database.paths.database
        database.engine.dispose()  # with every connection closed, the file holds everything
        if database.paths.on_server or path.with_name(f"{path.name}-wal").exists():
            return fill()
        key = f"{hashlib.sha1(path.read_bytes()).hexdigest()}-{what}"
        kept = self._folder / key
        if key not in self._answers:
            answer = fill()
            database.engine.dispose()
            shutil.copyfile(path, kept)
            self._answers[key] = answer
            return answer
        shutil.copyfile(kept, path)
        return cast(T, self._answers[key])


@pytest.fixture(scope="session")
def written_once(tmp_path_factory: pytest.TempPathFactory) -> WrittenOnce:
    return WrittenOnce(tmp_path_factory.mktemp("written-once"))


@dataclass(frozen=True)
class Seeding:
    """Writes to the test's database, before anything else reads it, done once a session
    for each file they start from (``WrittenOnce``)."""

    written: WrittenOnce
    database: Database

    def orders(self, count: int, seed_number: int = 0) -> None:
        self.once(f"seed-{count}-{seed_number}",
                  lambda: seed.seed(uow_factory_for(self.database), count, seed_number))

    def demo(self) -> bool:
        return self.once("demo", lambda: fill_demo(uow_factory_for(self.database)))

    def once(self, what: str, fill: Callable[[], T]) -> T:
        """``fill`` under the name ``what``: it writes through the units of work the ``world``
        fixture uses (the clock at FIXED_NOW) and does the same each time it is run."""
        return self.written.write(self.database, what, fill)


@pytest.fixture
def seeding(written_once: WrittenOnce, database: Database) -> Seeding:
    return Seeding(written_once, database)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Python's collector rescans every surviving object on each full collection (0.1-0.5 s
    each on a heap this size, ~15 of them in tests/integration). The modules and test items
    loaded by now never die, so they are moved out of its sight (gc.freeze); a full
    collection waits for 100 younger ones instead of 10 (the root conftest.py): the garbage
    still goes, in fewer, larger sweeps. The collector's CPU over five heavy integration
    files: 3.1 -> 2.1 s."""
    gc.freeze()


_FINISHED: list[pytest.Session] = []


def pytest_sessionfinish(session: pytest.Session) -> None:
    if session.config.pluginmanager.has_plugin("dsession") and "coverage" not in sys.modules:
        _FINISHED.append(session)  # the xdist controller, whose report is written by now


def _exit_at_once() -> None:
    if "PYTEST_XDIST_WORKER" in os.environ:
        status = 0
    elif _FINISHED:
        status = int(_FINISHED[0].exitstatus)
    else:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


# An xdist worker has sent every result once its process ends; freeing its heap object by
# object then took 0.5-4.7 s (interpreter teardown), which the controller waits out before it
# reports. The controller's own teardown, once it has reported and knows the exit status,
# took another 0.6-0.8 s. Exit handlers run last-registered first: Qt's and those of the tests
# run before this one; logging's final flush and weakref finalizers, registered before the
# conftests were loaded, are skipped (a worker's logs and temporary files are the test
# session's). A run without xdist, or measuring coverage (whose handler comes earlier and
# saves its data), ends as Python ends it.
atexit.register(_exit_at_once)
