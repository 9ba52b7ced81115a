"""The dentasync-desktop command, run in-process through cli.main and as a real process."""

from __future__ import annotations

import gc
import logging
import logging.config
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import types
from collections.abc import Callable
from contextlib import closing
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from dentasync_desktop import __version__, cli, logging_setup
from dentasync_desktop.db.backup import backup_into, list_backups
from dentasync_desktop.db.revisions import head_revision
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.paths import DATA_DIR_ENV, AppPaths, bundled, resolve_paths
from dentasync_desktop.services import maintenance
from dentasync_desktop.services.demo import DEMO_ORDERS, DEMO_USERS
from dentasync_desktop.services.maintenance import Database, connect_database

from ..factories import PASSWORD, add_user

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_env_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def existing(data_dir: Path, migrated_copy: Callable[[AppPaths], AppPaths]) -> AppPaths:
    """A data folder holding a migrated database with one user, admin."""
    paths = migrated_copy(resolve_paths(data_dir))
    database = connect_database(paths)
    add_user(database.uow_factory, "admin", Role.ADMIN)
    database.close()
    return paths


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count(database: Path, table: str) -> int:
    with closing(sqlite3.connect(database)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# --- usage --------------------------------------------------------------------------------


def test_help_documents_every_command_and_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")

    assert code == 0
    for documented in ("seed", "check", "backup", "restore", "--data-dir", "--demo",
                       "--version", "DENTASYNC_DATA_DIR", "exit codes"):
        assert documented in out


@pytest.mark.parametrize("command", ["seed", "check", "backup", "restore"])
def test_every_command_has_its_own_help(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, _ = run(capsys, command, "--help")

    assert code == 0
    assert f"dentasync-desktop {command}" in out
    assert "--data-dir" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")

    assert (code, out.strip()) == (0, f"dentasync-desktop {__version__}")


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["seed"], "the following arguments are required: --orders"),
        (["seed", "--orders", "0"], "must be at least 1, not 0"),
        (["seed", "--orders", "many"], "not a whole number: 'many'"),
        (["restore"], "the following arguments are required: FILE"),
    ],
)
def test_wrong_usage_exits_2_and_says_why(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: list[str], complaint: str
) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), *argv)

    assert code == cli.EXIT_USAGE
    assert complaint in err
    assert not data_dir.exists()


# --- check --------------------------------------------------------------------------------


def test_check_without_a_database_is_a_problem(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "check")

    assert code == 1
    assert f"PROBLEM: the database {data_dir / 'dentasync.sqlite3'} does not exist yet" in out
    assert not (data_dir / "dentasync.sqlite3").exists()


def test_check_on_a_sound_database_passes_and_shows_the_folders(
    capsys: pytest.CaptureFixture[str], existing: AppPaths
) -> None:
    code, out, _ = run(capsys, "check", "--data-dir", str(existing.data_dir))

    assert code == 0
    assert f"database: {existing.database}" in out
    assert f"backups: {existing.backups_dir}" in out
    assert f"logs: {existing.log_dir}" in out
    assert f"settings: {existing.config_dir}" in out
    assert "newest backup: none" in out
    assert "OK: no problems found." in out


def test_check_names_the_schema_and_the_newest_backup(
    capsys: pytest.CaptureFixture[str], existing: AppPaths
) -> None:
    made = backup_into(existing.database, existing.backups_dir, "manual")

    code, out, _ = run(capsys, "check", "--data-dir", str(existing.data_dir))

    head = head_revision(bundled("migrations"))
    assert code == 0
    assert f"schema: {head} (newest: {head})" in out
    assert f"newest backup: {made} (made on {socket.gethostname()}, " in out


def test_check_reports_a_damaged_database(
    capsys: pytest.CaptureFixture[str], existing: AppPaths
) -> None:
    existing.database.write_bytes(b"definitely not SQLite")

    code, out, _ = run(capsys, "--data-dir", str(existing.data_dir), "check")

    assert code == 1
    assert "PROBLEM: integrity: the file is not an SQLite database" in out


def test_the_environment_variable_chooses_the_data_folder(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(existing.data_dir))

    code, out, _ = run(capsys, "check")

    assert code == 0
    assert f"database: {existing.database}" in out


def test_demo_commands_use_the_demo_database(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "--demo", "check")

    assert code == 1
    assert f"database: {data_dir / 'demo' / 'dentasync-demo.sqlite3'}" in out


# --- backup and restore -----------------------------------------------------------------


def test_backup_into_the_backups_folder(
    capsys: pytest.CaptureFixture[str], existing: AppPaths
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(existing.data_dir), "backup")

    [made] = list_backups(existing.backups_dir)
    assert code == 0
    assert out.strip() == f"Backed up {existing.database} to {made}"


def test_backup_to_a_chosen_file(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, tmp_path: Path
) -> None:
    target = tmp_path / "usb" / "orders.sqlite3"

    code, out, _ = run(capsys, "--data-dir", str(existing.data_dir), "backup", "-o", str(target),
                       "--user", "admin")

    assert code == 0
    assert str(target) in out
    assert count(target, "alembic_version") == 1


def test_backup_to_a_folder_asks_for_a_file_name(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(existing.data_dir), "backup", "-o",
                       str(tmp_path), "--user", "admin")

    assert code == 1
    assert "is a folder; give the name of the backup file" in out


def test_backup_without_a_database_creates_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "backup")

    assert code == 1
    assert "There is no database" in out
    assert not (data_dir / "dentasync.sqlite3").exists()
    assert list_backups(data_dir / "backups") == []


def test_backup_that_cannot_be_written_names_the_file(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")

    code, _, err = run(capsys, "--data-dir", str(existing.data_dir), "backup", "-o",
                       str(blocker / "backup.sqlite3"), "--user", "admin")

    assert code == 1
    assert str(blocker) in err
    assert f"Details are in {existing.log_file}" in err
    assert "Traceback" not in err


def test_restore_prints_the_safety_copy(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, tmp_path: Path
) -> None:
    saved = backup_into(existing.database, tmp_path / "usb", "manual")

    code, out, _ = run(capsys, "--data-dir", str(existing.data_dir), "restore", str(saved),
                        "--user", "admin")

    # Signing in opened the database, which takes the day's first automatic backup too.
    [safety] = [b for b in list_backups(existing.backups_dir) if "before-restore" in b.name]
    assert code == 0
    assert f"Restored {saved} into {existing.database}" in out
    assert f"The previous database was kept as {safety}" in out


def test_restore_refuses_a_bad_file_with_a_message(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")

    code, out, err = run(capsys, "--data-dir", str(existing.data_dir), "restore", str(bad),
                          "--user", "admin")

    assert code == 1
    assert out == ""
    assert err.strip() == f"{bad} cannot be restored: the file is not an SQLite database."
    assert not [b for b in list_backups(existing.backups_dir) if "before-restore" in b.name]


# --- seed and refusals at start-up -------------------------------------------------------


def test_seed_fills_the_database_and_prints_figures(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "seed", "--orders", "25",
                       "--seed", "7")

    assert code == 0
    assert count(data_dir / "dentasync.sqlite3", "work_orders") == 25
    assert re.search(r"^  orders +25$", out, re.MULTILINE), out
    assert re.search(r"^  payment plans +\d+$", out, re.MULTILINE), out
    assert "Done in" in out


def test_seed_prints_its_figures_in_the_language(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "--lang", "de", "--data-dir", str(data_dir), "seed",
                       "--orders", "3")

    assert code == 0
    assert re.search(r"^  Aufträge +3$", out, re.MULTILINE), out
    assert "orders" not in out and "first number" not in out


def test_a_damaged_database_is_refused_with_the_newest_backup(
    capsys: pytest.CaptureFixture[str], existing: AppPaths
) -> None:
    newest = backup_into(existing.database, existing.backups_dir, "auto")
    existing.database.write_bytes(os.urandom(4096))

    code, out, err = run(capsys, "--data-dir", str(existing.data_dir), "seed", "--orders", "1")

    assert code == 1
    assert out == ""
    assert "is damaged" in err
    assert f'dentasync-desktop restore "{newest}"' in err
    assert "Traceback" not in err
    assert "is damaged" in existing.log_file.read_text(encoding="utf-8")


def test_a_newer_database_is_refused_with_a_message(
    capsys: pytest.CaptureFixture[str], existing: AppPaths
) -> None:
    with closing(sqlite3.connect(existing.database)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_future'")
        conn.commit()

    code, _, err = run(capsys, "--data-dir", str(existing.data_dir), "seed", "--orders", "1")

    assert code == 1
    assert "newer version of Dentasync Desktop" in err
    assert count(existing.database, "work_orders") == 0


def test_an_unexpected_error_is_logged_and_told_in_one_line(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_paths: AppPaths) -> None:
        raise RuntimeError("the flux capacitor is empty")

    monkeypatch.setattr(maintenance, "check", broken)

    code, _, err = run(capsys, "--data-dir", str(existing.data_dir), "check")

    assert code == 1
    assert err.splitlines() == [
        "Unexpected error: RuntimeError: the flux capacitor is empty. "
        f"Details are in {existing.log_file}"]
    logged = existing.log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "the flux capacitor is empty" in logged


def test_interrupting_a_command_exits_130(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_paths: AppPaths) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(maintenance, "check", interrupted)

    code, _, err = run(capsys, "--data-dir", str(existing.data_dir), "check")

    assert (code, err.strip()) == (130, "Interrupted.")


def test_logging_is_taken_down_after_a_command(
    capsys: pytest.CaptureFixture[str], existing: AppPaths
) -> None:
    before = list(logging.getLogger().handlers)

    run(capsys, "--data-dir", str(existing.data_dir), "check")

    assert logging.getLogger().handlers == before
    assert "Dentasync Desktop" in existing.log_file.read_text(encoding="utf-8")


def test_the_log_file_rotates_at_2_mb_keeping_5(tmp_path: Path) -> None:
    with logging_setup.configured(tmp_path / "logs" / "dentasync.log"):
        [handler] = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)
                     and h.baseFilename == str(tmp_path / "logs" / "dentasync.log")]
        assert (handler.maxBytes, handler.backupCount) == (2 * 1024 * 1024, 5)
    assert handler not in logging.getLogger().handlers


def test_app_loggers_silenced_by_a_library_config_are_switched_back_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    app_log = logging.getLogger("dentasync_desktop.services.example")
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):  # restored afterwards, for the other tests
            monkeypatch.setattr(logger, "disabled", logger.disabled)
    logging.config.dictConfig({"version": 1})  # disable_existing_loggers defaults to True
    log_file = tmp_path / "dentasync.log"

    with logging_setup.configured(log_file):
        try:
            raise ValueError("disk on fire")
        except ValueError:
            app_log.warning("could not write the export", exc_info=True)

    assert capsys.readouterr().err == "warning: could not write the export\n"
    logged = log_file.read_text(encoding="utf-8")
    assert "could not write the export" in logged
    assert "ValueError: disk on fire" in logged


# --- the window --------------------------------------------------------------------------


class FakeGui:
    def __init__(self) -> None:
        self.calls: list[tuple[Database, bool, Path, int]] = []
        self.problems: list[tuple[str, Path]] = []

    def show_startup_problem(self, message: str, log_file: Path) -> None:
        self.problems.append((message, log_file))

    def run_gui(self, database: Database, demo: bool, log_file: Path) -> int:
        with database.engine.connect() as conn:
            tables = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'").scalar_one()
        self.calls.append((database, demo, log_file, tables))
        return 0


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> FakeGui:
    """Stands in for dentasync_desktop.gui.application, so no window (and no Qt) is needed."""
    gui = FakeGui()
    package = types.ModuleType("dentasync_desktop.gui")
    package.__path__ = []
    module = types.ModuleType("dentasync_desktop.gui.application")
    module.run_gui = gui.run_gui  # type: ignore[attr-defined]
    startup = types.ModuleType("dentasync_desktop.gui.startup")
    startup.show_startup_problem = gui.show_startup_problem  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dentasync_desktop.gui", package)
    monkeypatch.setitem(sys.modules, "dentasync_desktop.gui.application", module)
    monkeypatch.setitem(sys.modules, "dentasync_desktop.gui.startup", startup)
    return gui


def test_a_damaged_database_at_window_start_is_shown_in_a_window(
    capsys: pytest.CaptureFixture[str], data_dir: Path, fake_gui: FakeGui
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "dentasync.sqlite3").write_bytes(b"not a database at all" * 100)

    code, _, _ = run(capsys, "--data-dir", str(data_dir))

    assert code == 1
    assert fake_gui.calls == []
    [(message, log_file)] = fake_gui.problems
    assert "damaged" in message
    assert gc.isenabled()  # paused for the start, on again after one that failed
    assert log_file == data_dir / "logs" / "dentasync.log"


def test_a_second_window_on_the_same_data_is_refused_in_a_window(
    capsys: pytest.CaptureFixture[str], existing: AppPaths, fake_gui: FakeGui
) -> None:
    first = maintenance.claim_window(existing)
    try:
        code, _, _ = run(capsys, "--data-dir", str(existing.data_dir))
    finally:
        first.release()

    assert code == 1
    assert fake_gui.calls == []
    [(message, _)] = fake_gui.problems
    assert "Dentasync Desktop is already open on" in message
    assert f"process {os.getpid()}" in message
    assert run(capsys, "--data-dir", str(existing.data_dir)) == (0, "", "")


def test_no_command_opens_the_migrated_database_in_the_window(
    capsys: pytest.CaptureFixture[str], data_dir: Path, fake_gui: FakeGui
) -> None:
    code, _, _ = run(capsys, "--data-dir", str(data_dir))

    [(database, demo, log_file, tables)] = fake_gui.calls
    assert code == 0
    assert database.paths.database == data_dir / "dentasync.sqlite3"
    assert demo is False
    assert log_file == data_dir / "logs" / "dentasync.log"
    assert tables > 10


def test_demo_fills_the_demo_database_once_before_the_window_opens(
    capsys: pytest.CaptureFixture[str], data_dir: Path, fake_gui: FakeGui
) -> None:
    assert run(capsys, "--demo", "--data-dir", str(data_dir)) == (0, "", "")
    assert run(capsys, "--demo", "--data-dir", str(data_dir)) == (0, "", "")

    [(first, demo, _, _), (second, _, _, _)] = fake_gui.calls
    demo_database = data_dir / "demo" / "dentasync-demo.sqlite3"
    assert demo is True
    assert first.paths.database == second.paths.database == demo_database
    assert count(demo_database, "work_orders") == DEMO_ORDERS
    with closing(sqlite3.connect(demo_database)) as conn:
        users = {name for (name,) in conn.execute("SELECT username FROM users")}
    assert {user.username for user in DEMO_USERS} <= users
    assert not (data_dir / "dentasync.sqlite3").exists()


# --- as a real process -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded_by_python_dash_m(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path
                            ) -> subprocess.CompletedProcess[str]:
    """``python -m dentasync_desktop`` running a maintenance command, in one process for the
    two tests below (a process each cost ~0.8 s of CPU, most of it the same imports). With
    ``-X importtime`` Python lists on stderr every module it imports. The folder holds the
    session's migrated file, as one used before would: migrating it (Alembic's import and the
    migrations, 0.2 s of the command's 0.5 s of CPU) is test_migrations' to check."""
    data_dir = tmp_path_factory.mktemp("dash-m")
    shutil.copyfile(migrated_template, resolve_paths(data_dir).create().database)
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dentasync_desktop",
         "--data-dir", str(data_dir), "seed", "--orders", "3"],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=False)


def test_python_dash_m_runs_the_command_line(
        seeded_by_python_dash_m: subprocess.CompletedProcess[str]) -> None:
    """The command line's answer, its exit code included (test_version checks --version)."""
    result = seeded_by_python_dash_m
    assert result.returncode == 0, result.stderr[-2000:]
    assert "orders" in result.stdout and "Done in" in result.stdout


def test_maintenance_commands_never_load_qt(
        seeded_by_python_dash_m: subprocess.CompletedProcess[str]) -> None:
    imported = {line.rpartition("|")[2].strip() for line in
                seeded_by_python_dash_m.stderr.splitlines() if line.startswith("import time:")}
    assert "dentasync_desktop.services.seed" in imported  # the list is there
    assert sorted(name for name in imported if name.split(".")[0] == "PySide6") == []
