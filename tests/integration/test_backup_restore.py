"""Backups, rotation, damaged files and restore, on real SQLite files."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from dentasync_desktop import cli
from dentasync_desktop.db.backup import KEEP_BACKUPS, backup_into, list_backups
from dentasync_desktop.db.health import quick_check
from dentasync_desktop.domain.dto import Actor, PaymentInput
from dentasync_desktop.domain.enums import PaymentMethod, Role
from dentasync_desktop.domain.errors import DatabaseProblem, PermissionDenied
from dentasync_desktop.domain.money import Money
from dentasync_desktop.paths import AppPaths
from dentasync_desktop.services import payments
from dentasync_desktop.services.maintenance import (
    Database,
    back_up_now,
    connect_database,
    open_database,
    restore_file,
)

from ..factories import World
from .helpers import new_order

# Backups and restores of the database file; a server's are pg_dump's (test_server_backup.py).
pytestmark = pytest.mark.sqlite_only

ADMIN = Actor(None, "admin", "Admin", Role.ADMIN)
TECHNICIAN = Actor(None, "tech", "Tech", Role.TECHNICIAN)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def set_marker(path: Path, value: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('marker', ?)", (value,))
        conn.commit()


def marker(path: Path) -> str | None:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone()
    return row[0] if row else None


def age(path: Path, hours: float) -> None:
    when = time.time() - hours * 3600
    os.utime(path, (when, when))


@pytest.fixture
def closed_database(app_paths: AppPaths,
                    migrated_copy: Callable[[AppPaths], AppPaths]) -> AppPaths:
    """A migrated database holding marker 'original', with no engine left open."""
    connect_database(migrated_copy(app_paths)).close()
    set_marker(app_paths.database, "original")
    return app_paths


# --- damaged files ------------------------------------------------------------------------


def test_random_bytes_are_reported_with_the_newest_backup(closed_database: AppPaths) -> None:
    paths = closed_database
    older = backup_into(paths.database, paths.backups_dir, "manual")
    age(older, 48)
    newest = backup_into(paths.database, paths.backups_dir, "manual")
    paths.database.write_bytes(os.urandom(64 * 1024))

    with pytest.raises(DatabaseProblem) as refused:
        open_database(paths)

    message = refused.value.message
    assert "is damaged" in message
    assert "not an SQLite database" in message
    assert f'dentasync-desktop restore "{newest}"' in message
    assert str(older) not in message


def test_a_truncated_database_is_reported_as_damaged(closed_database: AppPaths) -> None:
    paths = closed_database
    newest = backup_into(paths.database, paths.backups_dir, "manual")
    whole = paths.database.read_bytes()
    paths.database.write_bytes(whole[: len(whole) // 2])

    with pytest.raises(DatabaseProblem, match="is damaged") as refused:
        open_database(paths)

    assert str(newest) in refused.value.message


def test_damage_without_any_backup_says_so(closed_database: AppPaths) -> None:
    closed_database.database.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))

    with pytest.raises(DatabaseProblem, match="No backup was found"):
        open_database(closed_database)


# --- backups --------------------------------------------------------------------------------


def test_start_up_backup_when_due_keeps_the_newest_twenty(closed_database: AppPaths) -> None:
    paths = closed_database
    old = []
    for hours in range(KEEP_BACKUPS + 5, 0, -1):
        made = backup_into(paths.database, paths.backups_dir, "manual")
        age(made, 24 + hours)
        old.append(made)

    open_database(paths).close()

    kept = list_backups(paths.backups_dir)
    assert len(kept) == KEEP_BACKUPS
    assert "auto" in kept[0].name
    assert kept[1:] == old[-(KEEP_BACKUPS - 1):][::-1]


def test_backup_while_open_holds_committed_data_only(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('marker', 'committed')"))
    with database.engine.connect() as writer:
        writer.execute(text("UPDATE settings SET value = 'uncommitted' WHERE key = 'marker'"))

        made = back_up_now(ADMIN, database.paths)

        writer.rollback()

    assert made.parent == database.paths.backups_dir
    assert "manual" in made.name
    assert quick_check(made) == []
    assert marker(made) == "committed"


def test_backup_to_a_chosen_file(database: Database, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "copy.sqlite3"

    assert back_up_now(ADMIN, database.paths, target) == target
    assert quick_check(target) == []
    assert list_backups(database.paths.backups_dir) == []


def test_backup_needs_the_permission(database: Database) -> None:
    with pytest.raises(PermissionDenied, match="Backup"):
        back_up_now(TECHNICIAN, database.paths)
    assert list_backups(database.paths.backups_dir) == []


# --- restore --------------------------------------------------------------------------------


def test_backup_of_a_damaged_or_missing_database_is_refused(closed_database: AppPaths) -> None:
    closed_database.database.write_bytes(os.urandom(8192))
    with pytest.raises(DatabaseProblem, match="damaged"):
        back_up_now(ADMIN, closed_database)
    closed_database.database.unlink()
    with pytest.raises(DatabaseProblem, match="no database"):
        back_up_now(ADMIN, closed_database)


def test_restore_keeps_a_safety_copy_and_the_restored_data_is_readable(
    closed_database: AppPaths,
) -> None:
    paths = closed_database
    saved = backup_into(paths.database, paths.backups_dir, "manual")
    set_marker(paths.database, "changed after the backup")

    safety = restore_file(paths, saved)

    assert safety is not None and safety.parent == paths.backups_dir
    assert marker(safety) == "changed after the backup"
    reopened = open_database(paths)
    try:
        with reopened.engine.connect() as conn:
            value = conn.execute(text("SELECT value FROM settings WHERE key = 'marker'"))
            assert value.scalar_one() == "original"
    finally:
        reopened.close()


def test_restore_into_an_empty_data_folder_needs_no_safety_copy(
    closed_database: AppPaths, tmp_path: Path
) -> None:
    saved = backup_into(closed_database.database, tmp_path / "usb", "manual")
    closed_database.database.unlink()

    assert restore_file(closed_database, saved) is None
    assert marker(closed_database.database) == "original"


def test_restore_repairs_a_damaged_database(closed_database: AppPaths) -> None:
    paths = closed_database
    saved = backup_into(paths.database, paths.backups_dir, "manual")
    damage = os.urandom(32 * 1024)
    paths.database.write_bytes(damage)

    safety = restore_file(paths, saved)

    assert safety is not None and safety.read_bytes() == damage
    assert marker(paths.database) == "original"


@pytest.mark.parametrize(
    ("content", "refusal"),
    [
        (b"name,amount\nAnna,12.50\n", "not an SQLite database"),
        (None, "does not exist"),
    ],
    ids=["csv-file", "missing-file"],
)
def test_restore_refuses_what_is_not_a_database(
    closed_database: AppPaths, tmp_path: Path, content: bytes | None, refusal: str
) -> None:
    candidate = tmp_path / "backup.sqlite3"
    if content is not None:
        candidate.write_bytes(content)
    before = sha256(closed_database.database)

    with pytest.raises(DatabaseProblem, match=refusal):
        restore_file(closed_database, candidate)

    assert sha256(closed_database.database) == before
    assert list_backups(closed_database.backups_dir) == []


def test_restore_refuses_an_sqlite_file_of_another_program(
    closed_database: AppPaths, tmp_path: Path
) -> None:
    candidate = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(candidate)) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()

    with pytest.raises(DatabaseProblem, match="not a Dentasync Desktop database"):
        restore_file(closed_database, candidate)
    assert marker(closed_database.database) == "original"


def test_restore_refuses_a_database_from_a_newer_version(
    closed_database: AppPaths, tmp_path: Path
) -> None:
    candidate = backup_into(closed_database.database, tmp_path / "usb", "manual")
    with closing(sqlite3.connect(candidate)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_future'")
        conn.commit()

    with pytest.raises(DatabaseProblem, match="newer version of Dentasync Desktop"):
        restore_file(closed_database, candidate)
    assert marker(closed_database.database) == "original"
    assert list_backups(closed_database.backups_dir) == []


# --- files that are sound SQLite but not usable data -------------------------------------


def _foreign_key_violation(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE work_orders SET lab_id = 9999")


def _no_tables(conn: sqlite3.Connection) -> None:
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
        "('alembic_version', 'sqlite_sequence')")]
    conn.execute("PRAGMA foreign_keys=OFF")
    for name in tables:
        conn.execute(f"DROP TABLE IF EXISTS {name}")  # a search index takes its parts


def _append_only_triggers_dropped(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TRIGGER activity_no_update")
    conn.execute("DROP TRIGGER activity_no_delete")


def _paid_amount_disagrees(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE work_orders SET paid_minor = paid_minor + 100")


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (_foreign_key_violation, "1 row of work_orders refers to dental_labs rows that do not "
                                 "exist"),
        (_no_tables, "tables missing: activity, attachments, blob_chunks, blobs, comments"),
        (_append_only_triggers_dropped,
         "triggers missing: activity_no_delete, activity_no_update"),
        (_paid_amount_disagrees,
         "1 work order whose stored paid amount disagrees with their payments: WO-000001"),
    ],
    ids=["foreign-keys", "no-tables", "no-triggers", "paid-disagrees"],
)
def test_unusable_data_is_refused_by_restore_and_reported_by_check(
    database: Database, world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    spoil: Callable[[sqlite3.Connection], None], reason: str,
) -> None:
    order = new_order(world)
    payments.record_payment(world.uow(), world.admin, order.id, PaymentInput(
        date(2026, 11, 20), Money(5000, "EUR"), PaymentMethod.CASH))
    paths = database.paths
    database.close()
    candidate = backup_into(paths.database, tmp_path / "usb", "manual")
    with closing(sqlite3.connect(candidate)) as conn:
        spoil(conn)
        conn.commit()
    before = sha256(paths.database)

    with pytest.raises(DatabaseProblem) as refused:
        restore_file(paths, candidate)

    assert refused.value.message.startswith(f"{candidate} cannot be restored: ")
    assert reason in refused.value.message
    assert sha256(paths.database) == before
    assert list_backups(paths.backups_dir) == []

    shutil.copyfile(candidate, paths.database)
    assert cli.main(["--data-dir", str(paths.data_dir), "check"]) == 1
    out = capsys.readouterr().out
    assert f"PROBLEM: {reason}" in out
    assert "OK" not in out


def test_check_passes_on_a_database_with_orders_and_payments(
    database: Database, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    order = new_order(world)
    payments.record_payment(world.uow(), world.admin, order.id, PaymentInput(
        date(2026, 11, 20), Money(5000, "EUR"), PaymentMethod.CASH))
    database.close()

    assert cli.main(["--data-dir", str(database.paths.data_dir), "check"]) == 0
    assert "OK: no problems found." in capsys.readouterr().out
