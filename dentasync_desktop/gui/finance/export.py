"""Writing a finance report off the GUI thread, with a progress dialog that can cancel it."""

from __future__ import annotations

import logging
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...domain.dto import FinanceFilter
from ...domain.errors import DomainError
from ...services import reports
from ..client import ServiceClient

log = logging.getLogger(__name__)

# What the save dialog offers, by file suffix; translated where the dialog is built.
FORMATS = {
    "xlsx": QT_TRANSLATE_NOOP("FinancePage", "Excel workbook (*.xlsx)"),
    "pdf": QT_TRANSLATE_NOOP("FinancePage", "PDF document (*.pdf)"),
    "csv": QT_TRANSLATE_NOOP("FinancePage", "CSV for other programs (*.csv)"),
}


@dataclass(frozen=True)
class ExportRequest:
    view: reports.View
    flt: FinanceFilter
    fmt: reports.Format
    target: Path
    sort_key: str = "documented_at"
    descending: bool = True


class ExportJob(QThread):
    """Runs services.reports.export_finance; ``cancel()`` stops it at the next batch of rows."""

    progressed = Signal(int, int)  # rows written, rows in all

    def __init__(self, client: ServiceClient, request: ExportRequest,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self.request = request
        self._cancelled = threading.Event()
        self.written: Path | None = None
        self.error: BaseException | None = None
        self.error_summary = ""

    def cancel(self) -> None:
        self._cancelled.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()

    def run(self) -> None:
        request = self.request
        try:
            self.written = reports.export_finance(
                self._client.uow_factory, self._client.actor, request.view, request.flt,
                request.fmt, request.target, self._progress,
                sort_key=request.sort_key, descending=request.descending,
            )
        except DomainError as error:  # cancelled or refused: the GUI thread says so
            log.info("finance export to %s stopped: %s", request.target, error.message)
            self.error = error
        except Exception as error:  # handed to the GUI thread, which shows it
            log.exception("finance export to %s failed", request.target)
            self.error = error
            self.error_summary = "".join(traceback.format_exception_only(error)).strip()


class ExportProgress(QProgressDialog):
    """Follows an ExportJob; Cancel asks the job to stop (it removes its partial file)."""

    def __init__(self, job: ExportJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Generate report"))
        self.setLabelText(self.tr("Writing {name}…").format(name=job.request.target.name))
        # Closing the window mid-export would pull the page from under the running job.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(300)
        self.setRange(0, 0)
        self._job = job
        job.progressed.connect(self._progressed)
        self.canceled.connect(self._cancel)

    def _progressed(self, done: int, total: int) -> None:
        if total and done >= total:
            # Rows are all read; the file itself is being put together (PDF pages, zip).
            self.setRange(0, 0)
            self.setLabelText(self.tr("Finishing {name}…").format(
                name=self._job.request.target.name))
            return
        self.setRange(0, max(total, 1))
        self.setValue(done)

    def _cancel(self) -> None:
        self.setLabelText(self.tr("Cancelling…"))
        self._job.cancel()
