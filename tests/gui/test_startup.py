"""The start-up problem window: the message and the log path a user needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from dentasync_desktop.gui.startup import show_startup_problem


def test_startup_problem_names_the_problem_and_the_log(
    qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)

    show_startup_problem("The database /x.sqlite3 is damaged.", tmp_path / "dentasync.log")

    [box] = shown
    assert box.text() == "The database /x.sqlite3 is damaged."
    assert str(tmp_path / "dentasync.log") in box.informativeText()
    assert box.icon() is QMessageBox.Icon.Critical
