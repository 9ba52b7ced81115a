"""Printing the order forms of many orders off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...domain.dto import PrintResult
from ...services import printing
from ..client import ServiceClient
from ..formatting import locale_name
from ..worker import Job

log = logging.getLogger(__name__)


def batch_job(client: ServiceClient, order_ids: list[int],
              target: Path) -> Job[PrintResult | None]:
    """A job running services.printing.print_batch; ``cancel()`` stops it before the next
    order (and it leaves no file behind, and gives None)."""
    locale = locale_name()
    return client.background(lambda control: printing.print_batch(
        client.uow_factory, client.actor, order_ids, target, progress=control.progress,
        locale=locale))


class BatchProgress(QProgressDialog):
    """Follows a batch job; Cancel asks the job to stop. Closes itself when the job ends."""

    def __init__(self, job: Job[PrintResult | None], count: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print order forms"))
        self.setLabelText(self.tr("Reading %n work order(s)…", "", count))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(300)
        self.setRange(0, 2 * count)
        self._job = job
        job.progressed.connect(self._progressed)
        job.finished.connect(self.close)
        job.finished.connect(self.deleteLater)
        self.canceled.connect(self._cancel)

    def _progressed(self, done: int, total: int) -> None:
        if self._job.cancelled:
            return
        if done >= total // 2:
            self.setLabelText(self.tr("Laying out %n order form(s)…", "", total // 2))
        self.setValue(done)

    def _cancel(self) -> None:
        self.setLabelText(self.tr("Cancelling…"))
        self._job.cancel()
