"""Showing refusals and failures to the user: a message, never a traceback."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..domain.errors import (
    ConcurrencyError,
    DatabaseBusy,
    DomainError,
    SessionEnded,
    ValidationError,
)
from ..i18n import default_language
from .formatting import locale_name
from .session import session_events

log = logging.getLogger(__name__)
T = TypeVar("T")


def error_words(error: DomainError) -> str:
    """A refusal as the user reads it: domain/error_text.py's words in the GUI's language, its
    amounts and numbers in the GUI's locale (``message`` was put in words on the worker's
    thread, in whatever language the process had then)."""
    return error.in_words(default_language(), locale_name())


def show_refusal(parent: QWidget | None, error: DomainError) -> None:
    if isinstance(error, SessionEnded):
        # The main window says it once and signs out; a box here would come on top of that.
        session_events().ended.emit(error_words(error))
        return
    title = QApplication.translate("errors", "Not saved") if isinstance(
        error, ValidationError) else QApplication.translate("errors", "Not possible")
    if isinstance(error, ConcurrencyError):
        title = QApplication.translate("errors", "Changed by someone else")
    elif isinstance(error, DatabaseBusy):
        title = QApplication.translate("errors", "Database busy")
    QMessageBox.warning(parent, title, error_words(error))


def show_unexpected(parent: QWidget | None, log_file: Path, summary: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("errors", "Unexpected error"))
    box.setText(QApplication.translate(
        "errors", "Something went wrong and the action was not completed. "
                  "Nothing already saved was lost."))
    box.setInformativeText(
        QApplication.translate("errors", "Details were written to the log file:\n{path}")
        .format(path=log_file))
    box.setDetailedText(summary)
    box.exec()


def install_exception_hook(log_file: Path) -> None:
    """An uncaught exception in a slot is logged and shown; the app keeps running."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, DomainError):
            show_refusal(QApplication.activeWindow(), exc)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        show_unexpected(QApplication.activeWindow(), log_file, summary)

    sys.excepthook = hook
