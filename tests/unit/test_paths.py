"""Folder resolution: computed paths only, nothing is created or read here."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from dentasync_desktop import paths
from dentasync_desktop.paths import DATA_DIR_ENV, bundle_root, bundled, resolve_paths

BASE = Path("/srv/dentasync-test").resolve()


@pytest.fixture(autouse=True)
def _no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)


def test_data_dir_puts_everything_under_one_folder() -> None:
    found = resolve_paths(BASE)

    assert found.data_dir == BASE
    assert found.database == BASE / "dentasync.sqlite3"
    assert found.backups_dir == BASE / "backups"
    assert found.attachments_dir == BASE / "attachments"
    assert found.exports_dir == BASE / "exports"
    assert found.log_dir == BASE / "logs"
    assert found.config_dir == BASE / "config"
    assert found.log_file == BASE / "logs" / "dentasync.log"


def test_environment_variable_overrides_the_user_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(BASE))

    assert resolve_paths().database == BASE / "dentasync.sqlite3"


def test_data_dir_argument_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, "/somewhere/else")

    assert resolve_paths(BASE).data_dir == BASE


def test_demo_lives_in_its_own_sub_folder_with_its_own_database() -> None:
    real, demo = resolve_paths(BASE), resolve_paths(BASE, demo=True)

    assert demo.data_dir == BASE / "demo"
    assert demo.database == BASE / "demo" / "dentasync-demo.sqlite3"
    assert demo.backups_dir == BASE / "demo" / "backups"
    assert demo.attachments_dir == BASE / "demo" / "attachments"
    assert demo.database != real.database
    assert demo.log_dir == real.log_dir
    assert demo.config_dir == BASE / "config" / "demo"  # demo windows remember their own state


def test_without_override_the_platform_user_folders_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, str, str]] = []

    def fake(kind: str):  # type: ignore[no-untyped-def]
        def folder(app: str, author: str) -> str:
            calls.append((kind, app, author))
            return f"/users/me/{kind}/{app}"
        return folder

    for kind in ("data", "log", "config"):
        monkeypatch.setattr(platformdirs, f"user_{kind}_dir", fake(kind))

    found = resolve_paths()

    assert found.database == Path("/users/me/data/DentasyncDesktop/dentasync.sqlite3")
    assert found.log_dir == Path("/users/me/log/DentasyncDesktop")
    assert found.config_dir == Path("/users/me/config/DentasyncDesktop")
    assert {(app, author) for _, app, author in calls} == {("DentasyncDesktop", "Dentasync")}


def test_pyinstaller_bundle_is_found_under_meipass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", "/frozen/app", raising=False)

    assert bundle_root() == Path("/frozen/app")
    assert bundled("migrations") == Path("/frozen/app/migrations")


def test_only_the_three_bundled_folders_can_be_asked_for() -> None:
    assert paths.BUNDLED == ("migrations", "resources", "ui")
    with pytest.raises(ValueError, match="not a bundled folder: secrets"):
        bundled("secrets")
