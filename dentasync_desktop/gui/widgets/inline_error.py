"""The red line under a form that says what is wrong, without a modal message box, and the
way a dialog runs its service while it stays open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from ...domain.errors import DomainError, SessionEnded
from ..errors import show_refusal
from ..worker import Job

T = TypeVar("T")


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.hide()
    return label


def show_inline_error(label: QLabel, message: str) -> None:
    """Show ``message`` (or hide the line when empty) and fit a small dialog around it."""
    label.setText(message)
    label.setVisible(bool(message))
    if not message:
        return
    # A wrapped label would take its height from the narrowest width it could have; give it
    # the height of the width it really has, and let the dialog grow by no more than that.
    window = label.window()
    layout = window.layout()
    if layout is not None and isinstance(window, QDialog):
        label.setFixedHeight(label.heightForWidth(layout.contentsRect().width()))
        window.resize(window.width(), layout.totalHeightForWidth(window.width()))


def run_in_dialog(dialog: QDialog, buttons: QWidget, job: Job[T],
                  on_done: Callable[[T], object],
                  on_refused: Callable[[DomainError], object],
                  on_ended: Callable[[], object] | None = None) -> Job[T] | None:
    """Run a dialog's service ``job`` off the GUI thread: ``buttons`` stay disabled until it
    answers (so OK cannot run it twice), then ``on_done`` gets the result or ``on_refused``
    the refusal, the dialog still open with what the user typed. A session that ended
    meanwhile is reported to the main window, then ``on_ended`` runs (default: the dialog
    closes).
    """
    if not buttons.isEnabled():
        return None  # still saving

    def done(result: T) -> None:
        buttons.setEnabled(True)
        on_done(result)

    def refused(error: BaseException) -> None:
        buttons.setEnabled(True)
        if isinstance(error, SessionEnded):
            show_refusal(dialog, error)  # tells the main window, which says why
            (on_ended or dialog.reject)()
        elif isinstance(error, DomainError):
            on_refused(error)
        else:
            raise error

    buttons.setEnabled(False)
    return job.then(done, refused, busy=dialog)
