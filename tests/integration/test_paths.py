"""Finding migrations/, resources/ and ui/ on disk, and creating the user folders."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from dentasync_desktop import paths
from dentasync_desktop.paths import BUNDLED, bundle_root, bundled, resolve_paths

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _not_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)


def _fake_install(site: Path, with_bundle: bool) -> Path:
    """A package folder as a wheel installs it; paths.py is looked up relative to __file__."""
    package = site / "dentasync_desktop"
    package.mkdir(parents=True)
    if with_bundle:
        for name in BUNDLED:
            (package / "_bundled" / name).mkdir(parents=True)
    return package / "paths.py"


def test_source_checkout_finds_the_repository_top() -> None:
    assert bundle_root() == REPO
    assert (bundled("migrations") / "env.py").is_file()


def test_pyinstaller_bundle_with_the_three_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in BUNDLED:
        (tmp_path / name).mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert bundle_root() == tmp_path
    assert bundled("ui") == tmp_path / "ui"


def test_installed_wheel_uses_the_package_bundled_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # site-packages' parent must not look like a checkout, or the test proves nothing
    monkeypatch.setattr(paths, "__file__", str(_fake_install(tmp_path / "site", True)))

    assert bundle_root() == tmp_path / "site" / "dentasync_desktop" / "_bundled"
    assert bundled("resources") == bundle_root() / "resources"


def test_incomplete_installation_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "__file__", str(_fake_install(tmp_path / "site", False)))

    with pytest.raises(FileNotFoundError, match="installation is incomplete"):
        bundle_root()


def test_the_wheel_ships_the_folders_where_bundle_root_looks() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]

    assert shipped == {name: f"dentasync_desktop/_bundled/{name}" for name in BUNDLED}


def test_create_makes_every_folder(tmp_path: Path) -> None:
    found = resolve_paths(tmp_path / "data", demo=True).create()

    for folder in (found.data_dir, found.log_dir, found.config_dir, found.backups_dir,
                   found.attachments_dir, found.exports_dir):
        assert folder.is_dir()
    assert not found.database.exists()
