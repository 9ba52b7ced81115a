"""Start-up stays cheap: the header always, every page only after an unclean close or daily."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from dentasync_desktop.db import health
from dentasync_desktop.db.backup import backup_into
from dentasync_desktop.db.migrate import alembic_config
from dentasync_desktop.db.revisions import head_revision, known_revisions
from dentasync_desktop.domain.errors import DatabaseProblem
from dentasync_desktop.paths import AppPaths, bundled
from dentasync_desktop.services import maintenance

# Start-up checks of the SQLite file (header, quick_check, daily copy); a server checks itself.
pytestmark = pytest.mark.sqlite_only

MIGRATIONS = bundled("migrations")


@pytest.fixture
def closed(app_paths: AppPaths, migrated_copy: Callable[[AppPaths], AppPaths]) -> AppPaths:
    """A database closed cleanly, with a fresh backup (no daily backup due)."""
    maintenance.connect_database(migrated_copy(app_paths)).close()
    backup_into(app_paths.database, app_paths.backups_dir, "manual")
    return app_paths


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path the full quick_check was run on."""
    checked: list[Path] = []
    real = health.quick_check

    def counting(path: Path) -> list[str]:
        checked.append(path)
        return real(path)

    monkeypatch.setattr(health, "quick_check", counting)
    return checked


def test_a_cleanly_closed_database_opens_without_reading_every_page(
    closed: AppPaths, full_checks: list[Path]
) -> None:
    maintenance.open_database(closed).close()
    maintenance.open_database(closed).close()
    assert full_checks == []


def test_after_an_unclean_close_start_up_checks_every_page(
    closed: AppPaths, full_checks: list[Path]
) -> None:
    crashed = maintenance.open_database(closed)
    with crashed.engine.begin() as connection:  # a write the crash leaves in the WAL
        connection.exec_driver_sql("UPDATE counters SET value = value")
    # The process dies: no close, so no note of a clean close and a WAL left behind.
    maintenance.open_database(closed).close()
    crashed.engine.dispose()
    assert full_checks == [closed.database]


def test_a_file_changed_after_closing_is_checked(
    closed: AppPaths, full_checks: list[Path]
) -> None:
    stat = closed.database.stat()
    os.utime(closed.database, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    maintenance.open_database(closed).close()
    assert full_checks == [closed.database]


def test_the_daily_backup_checks_every_page_first(
    closed: AppPaths, full_checks: list[Path]
) -> None:
    for old in closed.backups_dir.iterdir():
        when = time.time() - 48 * 3600
        os.utime(old, (when, when))
    maintenance.open_database(closed).close()
    assert full_checks == [closed.database]
    assert len(list(closed.backups_dir.glob("*-auto.sqlite3"))) == 1


def test_the_window_gets_its_database_before_the_full_check_and_the_daily_backup(
    closed: AppPaths, full_checks: list[Path]
) -> None:
    for old in closed.backups_dir.iterdir():
        when = time.time() - 48 * 3600
        os.utime(old, (when, when))
    database = maintenance.open_database(closed, defer_care=True)
    assert full_checks == [] and not list(closed.backups_dir.glob("*-auto.sqlite3"))
    database.take_care()  # what the window runs off its thread once it shows
    database.take_care()  # once only
    database.close()
    assert full_checks == [closed.database]
    assert len(list(closed.backups_dir.glob("*-auto.sqlite3"))) == 1


def test_the_header_alone_tells_a_cut_off_file(closed: AppPaths, full_checks: list[Path]) -> None:
    assert health.header_problems(closed.database) == []
    whole = closed.database.read_bytes()
    closed.database.write_bytes(whole[: len(whole) // 2])
    assert health.header_problems(closed.database) == [
        {"code": "problem.cut_short", "size": len(whole) // 2, "expected": len(whole)}]
    closed.database.write_bytes(whole[:16] + b"\xff\xff" + whole[18:])
    assert health.header_problems(closed.database) == [
        {"code": "problem.page_size", "page_size": 0xFFFF}]
    closed.database.write_bytes(b"not sqlite" * 20)
    assert health.header_problems(closed.database) == [{"code": "problem.not_sqlite"}]
    with pytest.raises(DatabaseProblem, match="is damaged"):
        maintenance.open_database(closed)


def test_revisions_read_without_alembic_agree_with_alembic() -> None:
    script = ScriptDirectory.from_config(alembic_config(MIGRATIONS))
    assert head_revision(MIGRATIONS) == script.get_current_head()
    assert known_revisions(MIGRATIONS) == {rev.revision for rev in script.walk_revisions()}


def test_start_up_at_head_does_not_import_alembic(closed: AppPaths) -> None:
    code = ("import sys; from dentasync_desktop.paths import resolve_paths; "
            "from dentasync_desktop.services.maintenance import open_database; "
            f"open_database(resolve_paths({str(closed.data_dir)!r})).close(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
