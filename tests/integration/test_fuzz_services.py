"""The fuzz gate: every service taking (uow, actor, ...) meets well-typed but hostile input.

Only the project's typed errors (DomainError) may come out, and after every call the database
is still sound: SQLite's integrity check, no dangling references, stored money agreeing with the
payments, the migrated schema complete. Arguments come from the service's own signature
(fuzz_strategies.py), so a new service is fuzzed the day it is written, and one whose
parameters have no hostile strategy yet fails test_every_service_has_a_fuzz_strategy.

FUZZ_EXAMPLES=500 runs more examples a service (default 25, derandomized so CI is repeatable);
FUZZ_REPORT=path.jsonl also records every crash instead of stopping at the first, with the calls
made, one line per service.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import shutil
import sqlite3
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

import dentasync_desktop.services as services_package
from dentasync_desktop.db.engine import make_session_factory
from dentasync_desktop.db.revisions import head_revision
from dentasync_desktop.db.soundness import (
    Schema,
    content_problems,
    row_problems,
    schema_of,
    server_content_problems,
)
from dentasync_desktop.domain.errors import DomainError
from dentasync_desktop.paths import AppPaths, bundled, resolve_paths
from dentasync_desktop.services import maintenance, users
from dentasync_desktop.services.attachment_store import AttachmentStore
from dentasync_desktop.services.maintenance import Database, connect_database
from dentasync_desktop.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

from ..conftest import FIXED_NOW
from ..factories import PASSWORD, World
from ..pg import Databases
from .fuzz_strategies import HOSTILE_TEXT, FuzzBed, arguments, seed

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
REPORT = os.environ.get("FUZZ_REPORT")

# Building blocks a service calls inside its own, already open unit of work; they are fuzzed
# through every service that calls them.
INSIDE_A_UNIT = {"activity.record", "guards.authorize", "guards.order_for", "guards.signed_in",
                 "payments.install_plan", "workplan.append_task"}


def _services() -> dict[str, Callable[..., Any]]:
    found = {}
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"{services_package.__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if (function.__module__ == module.__name__ and not name.startswith("_")
                    and list(inspect.signature(function).parameters)[:2] == ["uow", "actor"]):
                found[f"{info.name}.{name}"] = function
    return found


SERVICES = _services()
FUZZED = sorted(set(SERVICES) - INSIDE_A_UNIT)


def test_every_service_has_a_fuzz_strategy(bed: FuzzBed) -> None:
    assert set(SERVICES) >= INSIDE_A_UNIT, "a building block left; drop it from INSIDE_A_UNIT"
    assert len(FUZZED) > 90
    for name in FUZZED:
        arguments(bed, SERVICES[name])  # TypeError names a parameter with no hostile strategy


@dataclass(frozen=True)
class Seeded:
    paths: AppPaths
    world: World
    schema: Schema | None  # the SQLite file's, which no service changes


@pytest.fixture(scope="session")
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    """The fuzz bed made once; each test works on a byte copy (a few ms instead of ~0.4 s), or
    on PostgreSQL a database copied from it."""
    folder = tmp_path_factory.mktemp("fuzz-seed")
    paths = resolve_paths(folder / "data").create()
    databases: Databases | None = request.getfixturevalue("pg_databases")
    if databases is None:
        shutil.copyfile(request.getfixturevalue("migrated_template"), paths.database)
    else:
        paths = replace(paths, database_url=databases.create(
            f"{databases.prefix}_fuzz", databases.template))
    db = connect_database(paths)
    try:
        world = World(_units(db))
        seed(world, folder)
    finally:
        db.close()
    if paths.on_server:
        return Seeded(paths, world, None)
    with closing(sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)) as conn:
        return Seeded(paths, world, schema_of(conn))


@pytest.fixture
def fuzz_database(seeded: Seeded, app_paths: AppPaths,
                  pg_databases: Databases | None) -> Iterator[Database]:
    if pg_databases is None:
        shutil.copyfile(seeded.paths.database, app_paths.database)
    else:
        assert app_paths.database_url and seeded.paths.database_url
        pg_databases.replace_with_copy(app_paths.database_url,
                                       make_url(seeded.paths.database_url).database or "")
    shutil.copytree(seeded.paths.attachments_dir, app_paths.attachments_dir, dirs_exist_ok=True)
    db = connect_database(app_paths)
    yield db
    db.close()


@pytest.fixture
def bed(seeded: Seeded, fuzz_database: Database, tmp_path: Path) -> FuzzBed:
    return FuzzBed(seeded.world, _units(fuzz_database), tmp_path)


def _units(db: Database) -> UnitOfWorkFactory:
    factory = make_session_factory(db.engine)
    store = AttachmentStore(db.paths.attachments_dir)
    return lambda: UnitOfWork(factory, store, clock=lambda: FIXED_NOW)


def _damage(conn: sqlite3.Connection) -> list[str]:
    return [row for (row,) in conn.execute("PRAGMA integrity_check") if row != "ok"]


def unsound(database: Database) -> list[str]:
    """Everything `check` would find, the schema compared with a freshly migrated one too."""
    if database.paths.on_server:
        return list(maintenance.check(database.paths).problems)
    path = database.paths.database
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        damage = _damage(conn)
    migrations = bundled("migrations")
    return damage + content_problems(path, migrations, head_revision(migrations))


@dataclass
class RowChecks:
    """What a write can break (a service cannot change the schema), cheap enough for after
    every call that committed something."""

    committed: Callable[[], bool]  # anything committed since last asked (or never asked)
    problems: Callable[[], list[str]]


@contextmanager
def row_checks(database: Database, schema: Schema | None) -> Iterator[RowChecks]:
    """``schema`` is that of the file the test's database was copied from, read once a
    session rather than on each test's first check; ``unsound`` reads the file's own."""
    if database.paths.on_server:
        # The server enforces the references itself; the stored money is left to check.
        yield RowChecks(lambda: True, lambda: server_content_problems(database.engine))
        return
    assert schema is not None
    conn = sqlite3.connect(f"file:{database.paths.database}?mode=ro", uri=True)
    last: int | None = None

    def committed() -> bool:
        # SQLite moves a connection's data_version on every commit made by another one; a
        # file nothing was committed to is the file the last check passed, byte for byte.
        # Four calls in five change nothing (refused, or only read), and the check was most
        # of their cost.
        nonlocal last
        ((version,),) = conn.execute("PRAGMA data_version").fetchall()
        changed, last = version != last, version
        return changed

    with closing(conn):
        yield RowChecks(committed, lambda: _damage(conn) + row_problems(conn, schema))


def _call(function: Callable[..., Any], bed: FuzzBed, actor: Any, kwargs: dict[str, Any]) -> str:
    try:
        result = function(bed.uow(), actor, **kwargs)
        if isinstance(result, Iterator):
            list(result)
    except DomainError as error:
        return type(error).__name__
    return "ok"


def _where(error: BaseException) -> str:
    """The crash by type and the app's own line it came through, to count distinct ones."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if f"{os.sep}dentasync_desktop{os.sep}" in f.filename] or frames
    frame = ours[-1]
    return f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}: {error}"[:300]


@pytest.mark.parametrize("name", FUZZED)
def test_hostile_input_gives_only_typed_errors_and_a_sound_database(
    name: str, bed: FuzzBed, fuzz_database: Database, seeded: Seeded
) -> None:
    function = SERVICES[name]
    outcomes: Counter[str] = Counter()
    crashes: Counter[str] = Counter()

    # One strategy for the whole call: Hypothesis takes a copy of the random module's state
    # around every strategy a test draws from (to warn about its use), 2,500 copies a second.
    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.tuples(bed.acting(), arguments(bed, function)))
    def fuzz(call: tuple[Any, dict[str, Any]]) -> None:
        actor, kwargs = call
        try:
            outcomes[_call(function, bed, actor, kwargs)] += 1
        except Exception as error:
            if not REPORT:
                raise
            crashes[_where(error)] += 1
        finally:
            committed = checks.committed()
            if committed:
                bed.forget()  # also before the replays of a crash, as Hypothesis shrinks it
        if committed:
            assert checks.problems() == []

    # After each call that committed the cheap part; all of it at the end.
    with row_checks(fuzz_database, seeded.schema) as checks:
        fuzz()
    assert unsound(fuzz_database) == []
    if REPORT:
        with open(REPORT, "a", encoding="utf-8") as report:
            report.write(json.dumps({"service": name, "calls": sum(outcomes.values())
                                     + sum(crashes.values()), "outcomes": outcomes,
                                     "crashes": crashes}) + "\n")
        assert not crashes, crashes


def test_sign_in_with_hostile_names_and_passwords_gives_only_typed_errors(
    bed: FuzzBed, fuzz_database: Database
) -> None:
    """The one service a caller reaches without an actor: what anyone may type at the door."""
    names = st.sampled_from(["admin", "front_desk"]) | HOSTILE_TEXT
    passwords = st.sampled_from([PASSWORD]) | HOSTILE_TEXT

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(names, passwords)
    def fuzz(username: str, password: str) -> None:
        with suppress(DomainError):
            users.sign_in(bed.uow(), username, password)

    fuzz()
    assert unsound(fuzz_database) == []
