"""Writing a finance report off the GUI thread, with a progress dialog that can cancel it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...domain.dto import FinanceFilter
from ...domain.errors import DomainError
from ...services import reports
from ..client import ServiceClient
from ..formatting import locale_name
from ..translation import QT_TRANSLATE_NOOP
from ..worker import Job, JobControl

log = logging.getLogger(__name__)

# What the save dialog offers, by file suffix; translated where the dialog is built.
FORMATS: dict[reports.Format, str] = {
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


def export_job(client: ServiceClient, request: ExportRequest) -> Job[Path]:
    """A job running services.reports.export_finance; ``cancel()`` stops it at the next batch
    of rows (and the partial file is removed)."""

    locale = locale_name()

    def work(control: JobControl) -> Path:
        try:
            return reports.export_finance(
                client.uow_factory, client.actor, request.view, request.flt, request.fmt,
                request.target, control.progress,
                sort_key=request.sort_key, descending=request.descending, locale=locale)
        except DomainError as error:
            log.info("finance export to %s stopped: %s", request.target, error.message)
            raise
        except Exception:
            log.exception("finance export to %s failed", request.target)
            raise

    return client.background(work)


class ExportProgress(QProgressDialog):
    """Follows an export job; Cancel asks the job to stop (it removes its partial file)."""

    def __init__(self, job: Job[Path], request: ExportRequest,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = request.target
        self.setWindowTitle(self.tr("Generate report"))
        self.setLabelText(self.tr("Writing {name}…").format(name=request.target.name))
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
                name=self._target.name))
            return
        self.setRange(0, max(total, 1))
        self.setValue(done)

    def _cancel(self) -> None:
        self.setLabelText(self.tr("Cancelling…"))
        self._job.cancel()
