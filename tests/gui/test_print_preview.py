"""The print preview (QtPdf), its choices, Print… and Save as PDF…, and batch printing."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from dentasync_desktop.domain.dto import OrganisationSettings
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.gui.order_list.page import OrderListPage
from dentasync_desktop.gui.printing import (
    batch_print,
    open_label_print,
    open_payment_instructions,
    open_print_preview,
)
from dentasync_desktop.gui.printing import preview as preview_module
from dentasync_desktop.gui.printing.batch import BatchProgress, batch_job
from dentasync_desktop.gui.printing.preview import PreviewDialog
from dentasync_desktop.services import printing, settings

from ..documents_samples import needs_pdftotext, pdf_text
from ..factories import World
from ..integration.helpers import new_order
from .conftest import MessageBoxes, screenshot, settle


def page_width(dialog: PreviewDialog) -> float:
    return dialog.document.pagePointSize(0).width()


def shown_text(dialog: PreviewDialog) -> str:
    assert dialog.current is not None
    return " ".join(pdf_text(dialog.current.path.read_bytes()).split())


def shown_preview(qtbot: QtBot) -> PreviewDialog:
    """The one preview on screen once its reads and first rendering are in."""
    settle(qtbot)
    (dialog,) = [d for d in preview_module.open_previews() if d.isVisible()]
    qtbot.addWidget(dialog)
    return dialog


def pages_drawn(qtbot: QtBot, dialog: PreviewDialog) -> None:
    """Wait until QPdfView shows the pages, which it renders in a thread of its own and draws
    blank until then: black text on the view (a fixed 0.3 s was ~5 times what it takes)."""
    def inked() -> bool:
        # Kept in a name: constBits() is the image's own memory, freed with a temporary.
        image = dialog.view.viewport().grab().toImage().convertToFormat(
            QImage.Format.Format_RGBX8888)
        return min(bytes(image.constBits())[2::4]) < 100  # the blue byte of each pixel
    qtbot.waitUntil(inked)


@pytest.fixture
def opened(qtbot: QtBot, client: ServiceClient, world: World) -> PreviewDialog:
    order = new_order(world)
    open_print_preview(client, None, order.id)
    return shown_preview(qtbot)


@needs_pdftotext
def test_the_preview_shows_the_order_form_with_the_remembered_sections(
        qtbot: QtBot, opened: PreviewDialog) -> None:
    assert opened.isVisible()
    assert opened.document.pageCount() == 1
    assert opened.print_button.isEnabled() and opened.save_button.isEnabled()
    options = opened.options
    assert isinstance(options, preview_module.OrderFormOptions)
    assert options.sections() == printing.DEFAULT_SECTIONS
    assert "WO-000001" in shown_text(opened) and "Anna Schäfer" in shown_text(opened)
    assert page_width(opened) == pytest.approx(595.3, abs=0.1)
    pages_drawn(qtbot, opened)
    screenshot(opened, "print-preview-order-form")


@needs_pdftotext
def test_toggling_a_section_re_renders_and_is_remembered(qtbot: QtBot, opened: PreviewDialog,
                                                         world: World) -> None:
    options = opened.options
    assert isinstance(options, preview_module.OrderFormOptions)
    first = opened.current
    assert first is not None and "Work plan" in shown_text(opened)
    options.boxes["work_plan"].setChecked(False)
    settle(qtbot)
    assert opened.current is not None and opened.current.path != first.path
    assert not first.path.exists()  # the old preview file is gone
    assert "Work plan" not in shown_text(opened)
    options.boxes["prices"].setChecked(True)
    settle(qtbot)
    assert "€500.00" in shown_text(opened)
    assert printing.remembered_sections(world.uow()) == (
        printing.DEFAULT_SECTIONS - {"work_plan"} | {"prices"})
    options.paper_choice.setCurrentIndex(options.paper_choice.findData("letter"))
    settle(qtbot)
    assert page_width(opened) == pytest.approx(612)


def test_print_paints_every_page_on_the_chosen_printer(
        opened: PreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    printed = tmp_path / "printed.pdf"

    class AcceptingPrintDialog:
        def __init__(self, printer: QPrinter, _parent: Any) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))
            printer.setResolution(150)

        def setMinMax(self, _low: int, _high: int) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(preview_module, "QPrintDialog", AcceptingPrintDialog)
    opened.print_()
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert re.search(r"^Page size:\s+595", info, re.M)
    assert "Sent 1 page to" in opened.pages.text()


@needs_pdftotext
def test_save_as_pdf_writes_the_chosen_file(qtbot: QtBot, opened: PreviewDialog, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(chosen), "PDF documents (*.pdf)"))
    opened.save_as()
    settle(qtbot)
    saved = tmp_path / "mine.pdf"
    assert "WO-000001" in pdf_text(saved.read_bytes())
    assert str(saved) in opened.pages.text()


def test_a_missing_logo_shows_a_note_above_the_preview(
        qtbot: QtBot, client: ServiceClient, world: World, tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20)).save(logo)
    settings.save_settings(world.uow(), world.admin,
                           replace(OrganisationSettings(), logo_path=str(logo)))
    logo.unlink()
    open_print_preview(client, None, new_order(world).id)
    dialog = shown_preview(qtbot)
    if client.paths.on_server:
        # Every PC prints the copy the server holds (settings.document_settings): the file
        # gone from this PC takes nothing from the page, so there is nothing to say.
        assert dialog.notes.isHidden()
        assert Path(settings.document_settings(world.uow()).logo_path).is_file()
    else:
        assert dialog.notes.isVisible() and "logo.png" in dialog.notes.text()


def test_the_label_preview_follows_the_chosen_size(qtbot: QtBot, client: ServiceClient,
                                                   world: World) -> None:
    open_label_print(client, None, new_order(world).id)
    dialog = shown_preview(qtbot)
    assert page_width(dialog) == pytest.approx(175.7, abs=0.1)  # 62 mm
    options = dialog.options
    assert isinstance(options, preview_module.ChoiceOptions)
    options.choice.setCurrentIndex(options.choice.findData("4x6"))
    settle(qtbot)
    assert page_width(dialog) == pytest.approx(288)
    pages_drawn(qtbot, dialog)
    screenshot(dialog, "print-preview-label")


def test_payment_instructions_open_or_are_refused(
        qtbot: QtBot, client_for: Any, world: World, boxes: MessageBoxes) -> None:
    order = new_order(world)
    open_payment_instructions(client_for(Role.FRONT_DESK), None, order.id)
    dialog = shown_preview(qtbot)
    assert dialog.document.pageCount() == 1
    open_payment_instructions(client_for(Role.TECHNICIAN), None, order.id)
    settle(qtbot)
    assert [d for d in preview_module.open_previews() if d.isVisible()] == [dialog]
    assert any("not allow" in text or "Payment instructions" in text
               for text in boxes.texts("warning"))


def test_a_batch_is_one_merged_preview(qtbot: QtBot, client: ServiceClient,
                                       world: World) -> None:
    made = [new_order(world) for _ in range(3)]
    parent = QWidget()
    qtbot.addWidget(parent)
    job = batch_print(client, parent, [o.id for o in made])
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    settle(qtbot)  # the preview's first rendering
    (dialog,) = previews(parent)
    assert dialog.document.pageCount() == 3
    assert "3 order forms" in dialog.windowTitle()


def test_nothing_selected_says_so(client: ServiceClient, boxes: MessageBoxes) -> None:
    assert batch_print(client, None, []) is None
    assert boxes.texts("information") == ["Select the work orders to print first."]


def test_cancel_stops_the_batch_job_and_leaves_no_file(qtbot: QtBot, client: ServiceClient,
                                                       world: World, tmp_path: Path) -> None:
    made = [new_order(world) for _ in range(3)]
    target = tmp_path / "batch.pdf"
    job = batch_job(client, [o.id for o in made], target)
    progress = BatchProgress(job, len(made))
    qtbot.addWidget(progress)
    cancel_button = progress.findChild(QPushButton)
    assert cancel_button is not None
    cancel_button.click()
    assert job.cancelled and progress.labelText() == "Cancelling…"
    results: list[object] = []
    with qtbot.waitSignal(job.finished, timeout=30_000):
        job.then(results.append, results.append)
    assert results == [None]  # print_batch returns nothing once cancelled
    assert not target.exists() and list(tmp_path.glob("*.part")) == []


# --- wired into the main window, the order detail and the order list --------------------------


def previews(window: QWidget) -> list[PreviewDialog]:
    return [child for child in window.findChildren(PreviewDialog) if child.isVisible()]


@pytest.fixture
def window(qtbot: QtBot, client: ServiceClient) -> MainWindow:
    main = MainWindow(client, lambda: None)
    qtbot.addWidget(main)
    main.show()
    settle(qtbot)
    return main


def test_ctrl_p_and_the_detail_views_print_open_the_order_form(
        qtbot: QtBot, window: MainWindow, world: World) -> None:
    order = new_order(world)
    window.open_order(order.id)
    settle(qtbot)
    page = window.page("orders")
    assert isinstance(page, OrderListPage)
    view = page.tabs.currentWidget()
    assert isinstance(view, OrderDetailView)
    menu_items = {a.text(): a for a in window.menuBar().actions()[0].menu().actions()}
    print_form = menu_items["&Print order form…"]
    assert print_form.shortcut().toString() == "Ctrl+P" and print_form.isEnabled()
    print_form.trigger()
    settle(qtbot)
    (dialog,) = previews(window)
    assert dialog.windowTitle() == "Print order form WO-000001"
    dialog.close()
    view.print_action.trigger()
    settle(qtbot)
    assert [d.windowTitle() for d in previews(window)] == ["Print order form WO-000001"]
    menu_items["Print box &label…"].trigger()
    menu_items["Print payment &instructions…"].trigger()
    settle(qtbot)
    assert sorted(d.windowTitle() for d in previews(window)) == [
        "Payment instructions WO-000001", "Print box label WO-000001",
        "Print order form WO-000001"]


def test_print_selected_in_the_order_list_prints_them_as_one_batch(
        qtbot: QtBot, window: MainWindow, world: World) -> None:
    made = [new_order(world) for _ in range(3)]
    page = window.page("orders")
    assert isinstance(page, OrderListPage)
    page.refresh()
    settle(qtbot)
    table = page.table
    table.selectAll()
    assert sorted(page.selected_order_ids()) == sorted(o.id for o in made)
    page.print_button.click()
    settle(qtbot)
    (dialog,) = previews(page)
    assert dialog.document.pageCount() == 3
