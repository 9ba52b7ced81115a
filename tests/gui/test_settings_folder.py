"""Window state lives in the data folder's config folder, so data folders and the demo keep
apart (issue 13, defect 5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from dentasync_desktop.gui.application import keep_settings_in
from dentasync_desktop.paths import resolve_paths


@pytest.fixture
def restored_settings_path() -> Iterator[None]:
    """The isolated_settings fixture's folder comes back for the tests after this one."""
    before = QSettings().fileName()
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(Path(before).parent.parent))


def test_window_state_is_written_under_each_data_folders_config(
        tmp_path: Path, restored_settings_path: None) -> None:
    real, demo = resolve_paths(tmp_path / "data"), resolve_paths(tmp_path / "data", demo=True)
    for paths, value in ((real, "real"), (demo, "demo")):
        keep_settings_in(paths.config_dir)
        settings = QSettings()
        settings.setValue("window/which", value)
        settings.sync()
        assert Path(settings.fileName()).is_relative_to(paths.config_dir)
    keep_settings_in(real.config_dir)
    assert QSettings().value("window/which") == "real"
    keep_settings_in(demo.config_dir)
    assert QSettings().value("window/which") == "demo"
    organisation = QCoreApplication.organizationName()
    assert (real.config_dir / organisation).is_dir()
