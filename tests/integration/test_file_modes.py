"""Clinic data is private: files the app creates are 0600 and its folders 0700 on POSIX."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from dentasync_desktop import app, cli
from dentasync_desktop.app import AppContext

from ..factories import PASSWORD

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def world_readable_umask() -> object:
    previous = os.umask(0o022)  # the usual default, under which files come out 0644
    yield
    os.umask(previous)


@pytest.fixture(autouse=True)
def _admin_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)


def seeded_with_admin(data: Path, orders: int) -> None:
    """Seed a new folder, then add its first administrator, who signs in below."""
    assert cli.main(["--data-dir", str(data), "seed", "--orders", str(orders)]) == 0
    assert cli.main(["--data-dir", str(data), "user", "add", "admin", "--role", "admin"]) == 0


def test_data_files_and_folders_are_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], world_readable_umask: object
) -> None:
    data = tmp_path / "data"
    scan = tmp_path / "scan.stl"
    scan.write_bytes(b"solid crown\nendsolid crown\n")
    seeded_with_admin(data, 2)
    signed_in = ["--data-dir", str(data), "--user", "admin"]
    assert cli.main([*signed_in, "backup"]) == 0
    assert cli.main([*signed_in, "backup", "-o", str(tmp_path / "usb" / "b.sqlite3")]) == 0
    assert cli.main([*signed_in, "report", "finance", "--view", "orders",
                     "--format", "csv", "-o", str(data / "exports" / "orders.csv")]) == 0
    assert cli.main([*signed_in, "print", "order", "1", "-o",
                     str(data / "exports" / "wo.pdf")]) == 0

    def attach(context: AppContext) -> int:
        # The store the attachment service copies files with, without a signed-in user.
        context.database().uow_factory().files.put(scan)
        return 0

    assert app.run(attach, data_dir=data) == 0
    capsys.readouterr()

    files = [p for p in [*data.rglob("*"), tmp_path / "usb" / "b.sqlite3"] if p.is_file()]
    folders = [p for p in [data, *data.rglob("*"), tmp_path / "usb"] if p.is_dir()]
    kinds = {p.suffix for p in files}
    assert {".sqlite3", ".csv", ".pdf", ".log", ".lock"} <= kinds
    assert any("attachments" in p.parts for p in files)
    assert {str(p.relative_to(tmp_path)): oct(mode(p)) for p in files if mode(p) != 0o600} == {}
    assert {str(p.relative_to(tmp_path)): oct(mode(p)) for p in folders if mode(p) != 0o700} == {}
    assert os.umask(0o022) == 0o022  # the process's own umask is given back


def test_a_world_readable_database_from_before_is_tightened_on_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], world_readable_umask: object
) -> None:
    data = tmp_path / "data"
    seeded_with_admin(data, 1)
    database = data / "dentasync.sqlite3"
    database.chmod(0o644)

    assert cli.main(["--data-dir", str(data), "--user", "admin", "print", "order", "1", "-o",
                     str(tmp_path / "wo.pdf")]) == 0

    assert mode(database) == 0o600
