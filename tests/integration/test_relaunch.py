"""Starting the app again after "Restart now": the command line, and when it runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from dentasync_desktop import app, cli, relaunch


def test_the_bundle_starts_itself_with_the_same_arguments() -> None:
    assert relaunch.command(["C:/Apps/Dentasync/Dentasync.exe", "--data-dir", "D:/clinic"],
                            "C:/Apps/Dentasync/Dentasync.exe", frozen=True) == [
        "C:/Apps/Dentasync/Dentasync.exe", "--data-dir", "D:/clinic"]


def test_python_dash_m_runs_the_package_again() -> None:
    main = str(Path("/venv/lib/python3.11/site-packages/dentasync_desktop/__main__.py"))
    assert relaunch.command([main, "--demo"], "/venv/bin/python", frozen=False) == [
        "/venv/bin/python", "-m", "dentasync_desktop", "--demo"]


def test_an_entry_point_runs_under_the_same_interpreter(tmp_path: Path) -> None:
    script = tmp_path / "dentasync-desktop"
    script.write_text("#!python\n", encoding="utf-8")
    assert relaunch.command([str(script), "--demo"], "/venv/bin/python", frozen=False) == [
        "/venv/bin/python", str(script), "--demo"]


def test_a_windows_launcher_named_without_its_extension_is_found(tmp_path: Path) -> None:
    launcher = tmp_path / "dentasync-desktop.exe"
    launcher.write_bytes(b"MZ")
    assert relaunch.command([str(tmp_path / "dentasync-desktop")], "python.exe",
                            frozen=False) == ["python.exe", str(launcher)]


def test_a_failed_start_is_logged_not_raised(monkeypatch: pytest.MonkeyPatch,
                                             caplog: pytest.LogCaptureFixture) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise FileNotFoundError("gone")

    monkeypatch.setattr(relaunch.subprocess, "Popen", refuse)
    assert relaunch.relaunch() is False
    assert "could not start again" in caplog.text


def test_the_command_line_starts_the_app_again_once_the_window_has_closed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []

    def window(*_args: object, **_kwargs: object) -> int:
        events.append("window closed, database released")
        return relaunch.EXIT_RESTART

    monkeypatch.setattr(app, "run", window)
    monkeypatch.setattr(relaunch, "relaunch", lambda: events.append("started again") or True)
    assert cli.main([]) == 0
    assert events == ["window closed, database released", "started again"]
