"""`dentasync-desktop user add|passwd|list`, --user for data commands, no lock-out after seed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dentasync_desktop import cli
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.paths import DATA_DIR_ENV, AppPaths, resolve_paths
from dentasync_desktop.services import users
from dentasync_desktop.services.maintenance import Database, connect_database, open_database
from dentasync_desktop.services.seed import seed

from ..factories import PASSWORD, add_user

NEW_PASSWORD = "a-new-password"


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.delenv(cli.PASSWORD_VARIABLE, raising=False)
    monkeypatch.delenv(cli.NEW_PASSWORD_VARIABLE, raising=False)


NewDatabase = Callable[[Path], Database]


@pytest.fixture
def new_database(migrated_copy: Callable[[AppPaths], AppPaths]) -> NewDatabase:
    """A new data folder's database as its first opening leaves it: a copy of the session's
    migrated one (migrating each folder anew took ~70 ms of CPU)."""
    return lambda data_dir: connect_database(migrated_copy(resolve_paths(data_dir)))


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_on_a_new_folder_leaves_the_first_admin_screen_and_user_add(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data"
    assert run(capsys, data_dir, "seed", "--orders", "5")[0] == 0
    database = open_database(resolve_paths(data_dir))
    try:
        # The seeder's account is inactive, so nobody could sign in: ask for an administrator.
        assert users.needs_first_admin(database.uow_factory())
    finally:
        database.close()

    code, _out, err = run(capsys, data_dir, "user", "add", "tech", "--role", "technician")
    assert code == cli.EXIT_USAGE and "no active administrator" in err

    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)
    code, out, err = run(capsys, data_dir, "user", "add", "Anna", "--role", "admin",
                         "--full-name", "Anna Schäfer")
    assert (code, err) == (0, "")
    assert out.strip() == "Added admin anna."

    # Now an administrator exists: adding without signing in is refused...
    code, _out, err = run(capsys, data_dir, "user", "add", "maria", "--role", "front_desk")
    assert code == cli.EXIT_USAGE and "--user NAME" in err
    # ... and with anna signed in, the new user's password comes from its own variable.
    monkeypatch.setenv(cli.NEW_PASSWORD_VARIABLE, NEW_PASSWORD)
    code, out, err = run(capsys, data_dir, "--user", "anna", "user", "add", "maria",
                         "--role", "front_desk", "--full-name", "Maria Núñez")
    assert (code, err) == (0, "")

    code, out, err = run(capsys, data_dir, "user", "list", "--user", "anna")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["USER", "ROLE", "STATUS", "NAME"]
    assert lines[1].split() == ["anna", "Admin", "active", "Anna", "Schäfer"]
    assert lines[2].split() == ["maria", "Front", "desk", "active", "Maria", "Núñez"]
    assert lines[3].split() == ["seed", "Admin", "deactivated", "Data", "seeder"]

    database = open_database(resolve_paths(data_dir))
    try:
        assert not users.needs_first_admin(database.uow_factory())
        assert users.sign_in(database.uow_factory(), "maria", NEW_PASSWORD).role is Role.FRONT_DESK
    finally:
        database.close()


def test_user_passwd_and_list_need_an_administrator(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, new_database: NewDatabase) -> None:
    data_dir = tmp_path / "data"
    database = new_database(data_dir)
    add_user(database.uow_factory, "boss", Role.ADMIN)
    add_user(database.uow_factory, "desk", Role.FRONT_DESK)
    database.close()
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)
    monkeypatch.setenv(cli.NEW_PASSWORD_VARIABLE, NEW_PASSWORD)

    code, _out, err = run(capsys, data_dir, "user", "list", "--user", "desk")
    assert code == 1 and "does not allow this action: Manage users" in err
    code, out, err = run(capsys, data_dir, "user", "passwd", "DESK", "--user", "boss")
    assert (code, err) == (0, "")
    assert out.strip() == "Changed the password of desk."
    code, _out, err = run(capsys, data_dir, "user", "passwd", "ghost", "--user", "boss")
    assert code == 1 and "There is no user called 'ghost'." in err

    database = open_database(resolve_paths(data_dir))
    try:
        assert users.sign_in(database.uow_factory(), "desk", NEW_PASSWORD).username == "desk"
    finally:
        database.close()


def test_passwords_are_asked_for_in_a_terminal_twice_for_a_new_one(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([NEW_PASSWORD, "something else", NEW_PASSWORD, NEW_PASSWORD])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(cli.getpass, "getpass", ask)
    monkeypatch.setattr(cli.sys.stdin, "isatty", lambda: True)
    data_dir = tmp_path / "data"
    code, _out, err = run(capsys, data_dir, "user", "add", "boss", "--role", "admin")
    assert code == cli.EXIT_USAGE and "the two passwords differ" in err
    assert run(capsys, data_dir, "user", "add", "boss", "--role", "admin")[0] == 0
    assert prompts == ["Password for boss: ", "Repeat the password: "] * 2


def test_without_a_terminal_or_variable_the_password_is_missing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.sys.stdin, "isatty", lambda: False)
    code, _out, err = run(capsys, tmp_path / "data", "user", "add", "boss", "--role", "admin")
    assert code == cli.EXIT_USAGE
    assert f"no password: set {cli.PASSWORD_VARIABLE}" in err


def test_seed_into_a_database_in_use_needs_an_administrator(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, new_database: NewDatabase) -> None:
    data_dir = tmp_path / "data"
    database = new_database(data_dir)
    add_user(database.uow_factory, "boss", Role.ADMIN)
    add_user(database.uow_factory, "desk", Role.FRONT_DESK)
    seed(database.uow_factory, 3)
    database.close()
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)

    code, _out, err = run(capsys, data_dir, "seed", "--orders", "2")
    assert code == cli.EXIT_USAGE and "--user NAME" in err
    code, _out, err = run(capsys, data_dir, "seed", "--orders", "2", "--user", "desk")
    assert code == 1 and "Only an administrator" in err
    assert run(capsys, data_dir, "seed", "--orders", "2", "--user", "boss")[0] == 0


def test_check_stays_open_and_a_local_backup_needs_no_user(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, new_database: NewDatabase) -> None:
    data_dir = tmp_path / "data"
    database = new_database(data_dir)
    add_user(database.uow_factory, "boss", Role.ADMIN)
    database.close()
    assert run(capsys, data_dir, "check")[0] == 0
    assert run(capsys, data_dir, "backup")[0] == 0
    code, _out, err = run(capsys, data_dir, "backup", "-o", str(tmp_path / "copy.sqlite3"))
    assert code == cli.EXIT_USAGE and "--user NAME" in err
    code, _out, err = run(capsys, data_dir, "restore", str(tmp_path / "copy.sqlite3"))
    assert code == cli.EXIT_USAGE and "--user NAME" in err


def test_restore_over_a_damaged_database_needs_no_user(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, new_database: NewDatabase) -> None:
    data_dir = tmp_path / "data"
    paths = resolve_paths(data_dir)
    database = new_database(data_dir)
    add_user(database.uow_factory, "boss", Role.ADMIN)
    database.close()
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)
    copy = tmp_path / "copy.sqlite3"
    assert run(capsys, data_dir, "backup", "-o", str(copy), "--user", "boss")[0] == 0
    paths.database.write_bytes(b"\0" * 8192)
    for extra in paths.database.parent.glob("dentasync.sqlite3-*"):
        extra.unlink()
    code, out, err = run(capsys, data_dir, "restore", str(copy))
    assert (code, err) == (0, ""), err
    assert "Restored" in out
