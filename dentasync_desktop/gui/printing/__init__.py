"""Print previews of the order form, box labels and payment instructions, and batch printing.

Each entry point reads what the preview needs off the GUI thread and returns that job; the
non-modal preview (Print…, Save as PDF…) opens once its first rendering is in. A refusal is
shown instead, and nothing opens.

The preview module (QtPdf) is imported on first use: starting the app does not load it.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.dto import Actor, PrintResult
from ...domain.errors import DomainError
from ...domain.numbers import format_number
from ...services import printing, settings
from ...services.order_detail import get_order
from ...services.unit_of_work import UnitOfWorkFactory
from ..client import ServiceClient
from ..errors import show_refusal, show_unexpected
from ..formatting import locale_name
from ..worker import Job
from .batch import BatchProgress, batch_job

if TYPE_CHECKING:
    from .preview import Render

__all__ = ["batch_print", "open_label_print", "open_payment_instructions", "open_print_preview"]

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def _preview_module() -> ModuleType:
    from . import preview

    return preview


@dataclass(frozen=True)
class _Setup:
    """What a preview needs before its first rendering."""

    number: int
    sections: frozenset[str]
    paper: str


def _read_setup(uow_factory: UnitOfWorkFactory, actor: Actor, order_id: int) -> _Setup:
    """On the worker: the order's number (the order form is printed by number) and the
    remembered choices."""
    number = get_order(uow_factory(), actor, order_id).number
    return _Setup(number, printing.remembered_sections(uow_factory()),
                  settings.get_settings(uow_factory()).paper_size)


def _prepare(client: ServiceClient, order_id: int) -> Job[_Setup]:
    uow_factory, actor = client.uow_factory, client.actor
    return client.background(lambda _control: _read_setup(uow_factory, actor, order_id))


def open_print_preview(client: ServiceClient, parent: QWidget | None,
                       order_id: int) -> Job[_Setup]:
    """The order form, with the section check-boxes (remembered) and the paper choice."""

    def show(setup: _Setup) -> None:
        preview = _preview_module()
        name = format_number(setup.number)
        options = preview.OrderFormOptions(client, setup.sections, setup.paper)
        preview.PreviewDialog(
            parent, _tr("Print order form {number}").format(number=name), f"{name}.pdf",
            client.paths.exports_dir,
            lambda target: client.submit(printing.print_order_form, setup.number, target,
                                         options.sections(), options.paper(),
                                         locale=locale_name()),
            options).refresh()

    return _prepare(client, order_id).then(show, busy=parent)


def open_label_print(client: ServiceClient, parent: QWidget | None,
                     order_id: int) -> Job[_Setup]:

    def show(setup: _Setup) -> None:
        preview = _preview_module()
        name = format_number(setup.number)
        options = preview.ChoiceOptions(_tr("Label size:"), preview.label_size_choice())
        preview.PreviewDialog(
            parent, _tr("Print box label {number}").format(number=name), f"{name}-label.pdf",
            client.paths.exports_dir,
            lambda target: client.submit(printing.print_box_label, setup.number, target,
                                         options.value(), locale=locale_name()),
            options, whole_page=True).refresh()

    return _prepare(client, order_id).then(show, busy=parent)


def open_payment_instructions(client: ServiceClient, parent: QWidget | None,
                              order_id: int) -> Job[_Setup]:

    def show(setup: _Setup) -> None:
        preview = _preview_module()
        name = format_number(setup.number)
        options = preview.ChoiceOptions(_tr("Paper:"), preview.PaperChoice(setup.paper))
        preview.PreviewDialog(
            parent, _tr("Payment instructions {number}").format(number=name),
            f"{name}-payment.pdf", client.paths.exports_dir,
            lambda target: client.submit(printing.print_payment_instructions, setup.number,
                                         target, options.value(), locale=locale_name()),
            options).refresh()

    return _prepare(client, order_id).then(show, busy=parent)


def _writer(client: ServiceClient, data: bytes, notes: tuple[str, ...]) -> Render:
    """Writes the finished batch PDF again wherever the preview or Save as PDF… wants it."""

    def write(target: Path) -> PrintResult:
        temp = target.with_name(f".{target.name}.part")
        try:
            temp.write_bytes(data)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
        return PrintResult(target, notes)

    return lambda target: client.background(lambda _control: write(target))


def batch_print(client: ServiceClient, parent: QWidget | None,
                order_ids: list[int]) -> Job[PrintResult | None] | None:
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

    def printed(result: PrintResult | None) -> None:
        if result is None:
            return  # cancelled
        _preview_module().PreviewDialog(
            parent, QCoreApplication.translate("printing", "Print %n order form(s)", "",
                                               len(order_ids)),
            "work-orders.pdf", client.paths.exports_dir,
            _writer(client, result.path.read_bytes(), result.notes)).refresh()

    def failed(error: BaseException) -> None:
        if isinstance(error, DomainError):
            show_refusal(parent, error)
            return
        log.error("batch print of %d orders failed", len(order_ids), exc_info=error)
        show_unexpected(parent, client.log_file,
                        "".join(traceback.format_exception_only(error)).strip())

    return job.then(printed, failed, busy=parent)
