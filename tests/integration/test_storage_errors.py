"""A full, read-only or locked disk is told apart from damage and says what to do."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import time
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from dentasync_desktop import cli, logging_setup
from dentasync_desktop.db import backup as backup_module
from dentasync_desktop.db import health
from dentasync_desktop.db.backup import backup, backup_into, list_backups
from dentasync_desktop.db.lock import FileLock
from dentasync_desktop.domain.errors import StorageProblem
from dentasync_desktop.paths import AppPaths, resolve_paths
from dentasync_desktop.services import maintenance
from dentasync_desktop.services.maintenance import Database, connect_database, open_database

from ..factories import PASSWORD, World
from .helpers import new_order

# The disk under the SQLite file refusing; a server's disk is the server's.
pytestmark = pytest.mark.sqlite_only


def cap_growth(engine: Engine) -> None:
    """Every new connection may not grow the file: SQLite then reports SQLITE_FULL, as on a
    full disk."""

    @event.listens_for(engine, "connect")
    def _full(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    engine.dispose()


def sqlite_error(message: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.fixture
def existing(tmp_path: Path, migrated_copy: Callable[[AppPaths], AppPaths]) -> AppPaths:
    paths = migrated_copy(resolve_paths(tmp_path / "data"))
    connect_database(paths).close()
    return paths


# --- writes --------------------------------------------------------------------------------


def test_a_write_on_a_full_disk_is_a_storage_problem_saying_free_space(
    database: Database, world: World
) -> None:
    new_order(world)
    cap_growth(database.engine)

    with pytest.raises(StorageProblem) as refused:
        for _ in range(200):  # enough rows to need a new page
            new_order(world)

    assert refused.value.kind == "full"
    assert refused.value.message.startswith(f"The disk holding {database.paths.database} is full")
    assert "Free some space" in refused.value.message
    assert "restore" not in refused.value.message


def test_a_write_to_a_read_only_database_says_so(database: Database, world: World) -> None:
    @event.listens_for(database.engine, "connect")
    def _read_only(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA query_only=ON")

    database.engine.dispose()

    with pytest.raises(StorageProblem, match="read-only") as refused:
        new_order(world)
    assert refused.value.kind == "read-only"


def test_the_cli_tells_a_full_disk_in_one_line_not_as_an_unexpected_error(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_engine = maintenance.make_engine

    def full_engine(path: Path, url: str | None = None) -> Engine:
        engine = make_engine(path, url)
        cap_growth(engine)
        return engine

    monkeypatch.setattr(maintenance, "make_engine", full_engine)

    code = cli.main(["--data-dir", str(existing.data_dir), "seed", "--orders", "50"])

    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines() == [
        f"The disk holding {existing.database} is full. Free some space (empty the recycle bin,"
        " move or delete large files), then try again. Nothing is damaged."]


# --- start-up ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "kind", "advice"),
    [
        (sqlite_error("database or disk is full", 13), "full", "Free some space"),
        (sqlite_error("disk I/O error", 10 | (4 << 8)), "io", "has free space"),
        (sqlite_error("attempt to write a readonly database", 8), "read-only", "writable"),
        (sqlite_error("database is locked", 5), "locked", "another program"),
        (sqlite_error("unable to open database file", 14), "cannot-open", "may read and write"),
        (PermissionError(errno.EACCES, "Permission denied"), "permission", "permission denied"),
    ],
    ids=["full", "io", "read-only", "locked", "cannot-open", "permission"],
)
def test_a_disk_that_refuses_at_start_up_is_not_called_damage(
    existing: AppPaths, monkeypatch: pytest.MonkeyPatch, error: Exception, kind: str,
    advice: str,
) -> None:
    backup_into(existing.database, existing.backups_dir, "manual")
    health.mark_in_use(existing.database)  # as after a crash: start-up reads every page

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise error

    fake = types.SimpleNamespace(**{**vars(sqlite3), "connect": refuse})
    monkeypatch.setattr(health, "sqlite3", fake)
    if isinstance(error, OSError):
        monkeypatch.setattr(Path, "open", refuse)

    with pytest.raises(StorageProblem) as refused:
        open_database(existing)

    message = refused.value.message
    assert refused.value.kind == kind
    assert advice in message
    assert "is damaged (" not in message and "restore" not in message


def test_check_reports_a_full_disk_without_calling_it_damage(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise sqlite_error("database or disk is full", 13)

    monkeypatch.setattr(health, "sqlite3",
                        types.SimpleNamespace(**{**vars(sqlite3), "connect": refuse}))

    code = cli.main(["--data-dir", str(existing.data_dir), "check"])

    out = capsys.readouterr().out
    assert code == 1
    assert f"PROBLEM: The disk holding {existing.database} is full." in out
    assert "integrity" not in out and "restore" not in out


# --- backups -------------------------------------------------------------------------------


def test_a_backup_on_a_full_disk_leaves_no_part_file(
    existing: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect = sqlite3.connect

    def small_disk(path: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(path, *args, **kwargs)  # type: ignore[arg-type]
        if str(path).endswith(".part"):
            conn.execute("PRAGMA max_page_count=2")
        return conn

    monkeypatch.setattr(backup_module, "sqlite3",
                        types.SimpleNamespace(**{**vars(sqlite3), "connect": small_disk}))
    target = tmp_path / "usb" / "copy.sqlite3"

    with pytest.raises(StorageProblem, match="is full") as refused:
        backup(existing.database, target)

    assert isinstance(refused.value.__cause__, sqlite3.OperationalError)
    assert list(target.parent.iterdir()) == []


def test_a_backup_that_fails_with_enospc_leaves_no_part_file(
    existing: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(self: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(Path, "replace", no_space)

    with pytest.raises(StorageProblem, match="is full"):
        backup_into(existing.database, existing.backups_dir, "manual")

    assert list(existing.backups_dir.iterdir()) == []


def test_a_due_daily_backup_that_fails_does_not_stop_a_read_only_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    assert cli.main(["--data-dir", str(data_dir), "seed", "--orders", "1"]) == 0
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)
    assert cli.main(["--data-dir", str(data_dir), "user", "add", "admin", "--role", "admin"]) == 0
    paths = resolve_paths(data_dir)
    for old in list_backups(paths.backups_dir):
        os.utime(old, (time.time() - 3 * 86400,) * 2)
    capsys.readouterr()

    real_replace: Callable[[Path, Path], Path] = Path.replace

    def no_space(self: Path, target: Path) -> Path:
        if self.name.endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", no_space)
    pdf = tmp_path / "wo.pdf"

    code = cli.main(["--data-dir", str(data_dir), "print", "order", "1", "-o", str(pdf),
                     "--user", "admin"])

    err = capsys.readouterr().err
    assert code == 0 and pdf.is_file()
    [warning] = err.splitlines()
    assert warning.startswith(
        f"warning: the daily backup could not be made: The disk holding {paths.backups_dir}")
    assert "is full" in warning
    assert not list(paths.backups_dir.glob("*.part"))


# --- the log file --------------------------------------------------------------------------


def test_a_log_file_that_cannot_be_written_gives_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(logging_setup._LogFile, "_open", no_space)
    log = logging.getLogger("dentasync_desktop.tests.storage")

    with logging_setup.configured(tmp_path / "logs" / "dentasync.log"):
        log.info("first")
        log.warning("second")
        log.error("third")

    err = capsys.readouterr().err
    assert "Traceback" not in err and "Logging error" not in err
    assert err.splitlines() == [
        f"warning: cannot write the log file {tmp_path / 'logs' / 'dentasync.log'}: "
        "[Errno 28] No space left on device",
        "warning: second", "error: third"]


def test_a_data_folder_that_refuses_the_lock_file_is_a_storage_problem(
    existing: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*_args: object, **_kwargs: object) -> bool:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(FileLock, "acquire", read_only)

    with pytest.raises(StorageProblem, match="read-only") as refused:
        open_database(existing)
    assert str(existing.database) in refused.value.message
