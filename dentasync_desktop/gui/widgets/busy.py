"""A busy dialog that follows a gui.worker Job: shown while it runs, closed when it ends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..worker import Job


def show_busy(parent: QWidget | None, title: str, label: str, job: Job[Any]) -> QProgressDialog:
    """An application-modal "please wait" over ``parent`` until ``job`` finishes.

    Shown, not exec'd: the event loop keeps running and the job's callbacks arrive as usual.
    No Cancel: it is for one atomic step (a backup, a restore) that cannot stop half-way.
    Connect before ``job.then(...)`` starts the job.
    """
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    job.finished.connect(dialog.close)
    job.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog
