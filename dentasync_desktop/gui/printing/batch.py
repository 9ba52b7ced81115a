"""Printing the order forms of many orders off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import logging
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...domain.dto import PrintResult
from ...services import printing
from ..client import ServiceClient

log = logging.getLogger(__name__)


class BatchPrintJob(QThread):
    """Runs services.printing.print_batch; ``cancel()`` stops it before the next order."""

    progressed = Signal(int, int)  # steps done, steps in all

    def __init__(self, client: ServiceClient, order_ids: list[int], target: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self.order_ids = order_ids
        self.target = target
        self._cancelled = threading.Event()
        self.result: PrintResult | None = None
        self.error: BaseException | None = None
        self.error_summary = ""

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()

    def run(self) -> None:
        try:
            self.result = printing.print_batch(
                self._client.uow_factory, self._client.actor, self.order_ids, self.target,
                progress=self._progress)
        except Exception as error:  # handed to the GUI thread, which shows it
            log.exception("batch print of %d orders failed", len(self.order_ids))
            self.error = error
            self.error_summary = "".join(traceback.format_exception_only(error)).strip()


class BatchProgress(QProgressDialog):
    """Follows a BatchPrintJob; Cancel asks the job to stop (it leaves no file behind)."""

    def __init__(self, job: BatchPrintJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print order forms"))
        self.setLabelText(self.tr("Reading %n work order(s)…", "", len(job.order_ids)))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(300)
        self.setRange(0, 2 * len(job.order_ids))
        self._job = job
        job.progressed.connect(self._progressed)
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


def run_batch(client: ServiceClient, parent: QWidget | None, order_ids: list[int],
              target: Path) -> BatchPrintJob:
    """Run the job to its end (or its cancellation) while the progress dialog stays live."""
    job = BatchPrintJob(client, order_ids, target)
    progress = BatchProgress(job, parent)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    job.start()
    loop.exec()
    job.wait()
    progress.close()
    progress.deleteLater()
    return job
