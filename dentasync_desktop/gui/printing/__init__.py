"""Print previews of the order form, box labels and payment instructions, and batch printing.

Each entry point opens a non-modal preview (Print…, Save as PDF…) and returns it, or None when
the services refused (the refusal has been shown).

The preview module (QtPdf) is imported on first use: starting the app does not load it.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import traceback
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.dto import PrintResult
from ...domain.errors import DomainError
from ...domain.numbers import format_number
from ...services import printing, settings
from ...services.order_detail import get_order
from ..client import ServiceClient
from ..errors import attempt, show_refusal, show_unexpected
from ..worker import Job
from .batch import BatchProgress, batch_job

if TYPE_CHECKING:
    from .preview import PreviewDialog, Render

__all__ = ["batch_print", "open_label_print", "open_payment_instructions", "open_print_preview"]

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def _preview_module() -> ModuleType:
    from . import preview

    return preview


def _prepare(client: ServiceClient, parent: QWidget | None,
             order_id: int) -> tuple[ModuleType, int] | None:
    """The preview module and the order's number, or None once the refusal is shown."""
    order = attempt(parent, lambda: client.call(get_order, order_id))
    return None if order is None else (_preview_module(), order.number)


def _shown(dialog: PreviewDialog) -> PreviewDialog | None:
    if not dialog.refresh():
        dialog.done(0)
        return None
    dialog.show()
    return dialog


def open_print_preview(client: ServiceClient, parent: QWidget | None,
                       order_id: int) -> PreviewDialog | None:
    """The order form, with the section check-boxes (remembered) and the paper choice."""
    prepared = _prepare(client, parent, order_id)
    if prepared is None:
        return None
    preview, number = prepared
    name = format_number(number)
    options = preview.OrderFormOptions(client, printing.remembered_sections(client.uow()),
                                       settings.get_settings(client.uow()).paper_size)
    return _shown(preview.PreviewDialog(
        parent, _tr("Print order form {number}").format(number=name), f"{name}.pdf",
        client.paths.exports_dir,
        lambda target: client.call(printing.print_order_form, number, target,
                                   options.sections(), options.paper()),
        options))


def open_label_print(client: ServiceClient, parent: QWidget | None,
                     order_id: int) -> PreviewDialog | None:
    prepared = _prepare(client, parent, order_id)
    if prepared is None:
        return None
    preview, number = prepared
    name = format_number(number)
    options = preview.ChoiceOptions(_tr("Label size:"), preview.label_size_choice())
    return _shown(preview.PreviewDialog(
        parent, _tr("Print box label {number}").format(number=name), f"{name}-label.pdf",
        client.paths.exports_dir,
        lambda target: client.call(printing.print_box_label, number, target, options.value()),
        options, whole_page=True))


def open_payment_instructions(client: ServiceClient, parent: QWidget | None,
                              order_id: int) -> PreviewDialog | None:
    prepared = _prepare(client, parent, order_id)
    if prepared is None:
        return None
    preview, number = prepared
    name = format_number(number)
    options = preview.ChoiceOptions(
        _tr("Paper:"), preview.PaperChoice(settings.get_settings(client.uow()).paper_size))
    return _shown(preview.PreviewDialog(
        parent, _tr("Payment instructions {number}").format(number=name),
        f"{name}-payment.pdf", client.paths.exports_dir,
        lambda target: client.call(printing.print_payment_instructions, number, target,
                                   options.value()),
        options))


def _writer(data: bytes, notes: tuple[str, ...]) -> Render:
    """Writes the finished batch PDF again wherever the preview or Save as PDF… wants it."""

    def write(target: Path) -> PrintResult:
        temp = target.with_name(f".{target.name}.part")
        try:
            temp.write_bytes(data)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
        return PrintResult(target, notes)

    return write


def batch_print(client: ServiceClient, parent: QWidget | None,
                order_ids: list[int]) -> Job[PrintResult] | None:
    """The order forms of the selected orders, made off the GUI thread into one PDF and
    previewed, so they go to the printer as one job. The job (None: nothing selected) ends
    with the preview shown, or the refusal or failure told."""
    if not order_ids:
        QMessageBox.information(parent, _tr("Print order forms"),
                                _tr("Select the work orders to print first."))
        return None
    folder = Path(tempfile.mkdtemp(prefix="dentasync-batch-"))
    job = batch_job(client, list(order_ids), folder / "work-orders.pdf")
    BatchProgress(job, len(order_ids), parent)
    job.finished.connect(lambda: shutil.rmtree(folder, ignore_errors=True))

    def printed(result: PrintResult) -> None:
        _shown(_preview_module().PreviewDialog(
            parent, QCoreApplication.translate("printing", "Print %n order form(s)", "",
                                               len(order_ids)),
            "work-orders.pdf", client.paths.exports_dir,
            _writer(result.path.read_bytes(), result.notes)))

    def failed(error: BaseException) -> None:
        if isinstance(error, DomainError):
            show_refusal(parent, error)
            return
        log.error("batch print of %d orders failed", len(order_ids), exc_info=error)
        show_unexpected(parent, client.log_file,
                        "".join(traceback.format_exception_only(error)).strip())

    return job.then(printed, failed, busy=parent)
