"""What a user sees when something goes wrong: the refusal's message, or the log's path."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from dentasync_desktop.domain.errors import DatabaseBusy, DomainError, ValidationError
from dentasync_desktop.gui.errors import install_exception_hook
from dentasync_desktop.gui.worker import Job, JobControl

from .conftest import settle


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    boxes: list[tuple[str, str]] = []  # (text, informative text or, for warnings, title)

    def exec_(box: QMessageBox) -> int:
        boxes.append((box.text(), box.informativeText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text: boxes.append((text, title)) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return boxes


def test_an_uncaught_exception_is_logged_and_shown_with_the_log_path(
    qapp, shown: list[tuple[str, str]], tmp_path: Path,  # type: ignore[no-untyped-def]
    caplog: pytest.LogCaptureFixture,
) -> None:
    log_file = tmp_path / "logs" / "dentasync.log"
    install_exception_hook(log_file)
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]

    [(text, info)] = shown
    assert "Nothing already saved was lost" in text
    assert str(log_file) in info
    assert any(r.exc_info and "disk on fire" in str(r.exc_info[1]) for r in caplog.records)


def test_a_refusal_reaching_the_hook_shows_its_message_only(
    qapp, shown: list[tuple[str, str]], tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    install_exception_hook(tmp_path / "dentasync.log")
    error = ValidationError("amount", "must be greater than zero")
    sys.excepthook(ValidationError, error, None)
    assert shown == [("Amount: Must be greater than zero.", "Not saved")]


def refused_job(error: DomainError) -> Job[None]:
    def work(_control: JobControl) -> None:
        raise error

    return Job(work)


def test_a_job_refused_by_the_services_shows_the_refusal(
    qtbot, shown: list[tuple[str, str]]  # type: ignore[no-untyped-def]
) -> None:
    results: list[object] = []
    refused_job(ValidationError("due date", "cannot be before the documented date")).then(
        results.append)
    settle(qtbot)
    assert results == []
    assert shown == [("Due date: Cannot be before the documented date.", "Not saved")]


def test_a_busy_database_says_so_and_to_try_again(
    qtbot, shown: list[tuple[str, str]]  # type: ignore[no-untyped-def]
) -> None:
    refused_job(DatabaseBusy()).then()
    settle(qtbot)
    assert shown == [("The database is busy, please try again.", "Database busy")]
