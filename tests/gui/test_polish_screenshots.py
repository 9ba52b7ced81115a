"""The screens issue 13 asks to look at: the order detail with its side panel and the fuller
header, the New work order dialog with its plans, and the patient dialog, at 1366×768 and
1920×1080 in the light and the dark theme.

The PNGs go to $DENTASYNC_SCREENSHOTS (or a temporary folder) for a human to look at; the test
checks what a look would: nothing in the header cut off, the panel beside the tabs, Save in
sight.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QScrollArea

from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.masterdata.patients import PatientDialog
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.gui.order_editor import OrderEditorDialog
from dentasync_desktop.gui.theme import apply_theme
from dentasync_desktop.services import masterdata

from ..factories import World
from .conftest import save_png, settle
from .test_order_detail import english_locale  # noqa: F401  (autouse fixture)
from .test_order_detail_screenshots import cut_off_labels, realistic_order

# The room a maximised window or a fitted dialog gets on each screen (a task bar taken off).
SCREENS = {"1366x768": (1366, 728), "1920x1080": (1920, 1040)}
THEMES = ("light", "dark")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("DENTASYNC_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    style, sheet, colours = qapp.style().name(), qapp.styleSheet(), qapp.palette()
    apply_theme(qapp, request.param)
    yield request.param
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(colours)


def test_order_detail_with_side_panel(qtbot, world: World, database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                      shots: Path, theme: str) -> None:
    order = realistic_order(world, tmp_path)
    client = ServiceClient(world.uow_factory, world.admin, database.paths, tmp_path / "log")
    for screen, size in SCREENS.items():
        view = OrderDetailView(client, order.id)
        window = QMainWindow()
        window.setCentralWidget(view)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot)
        for index, name in ((0, "info"), (2, "payments")):
            view.tabs.setCurrentIndex(index)
            settle(qtbot)
            save_png(window, shots / f"polish_detail_{name}_{screen}_{theme}.png")
        assert view.side_panel.isVisible()
        assert view.side_panel.geometry().left() > view.tabs.geometry().right() - 10
        assert view.side_panel.activity.model.rowCount() > 10
        assert view.side_panel.comments.model.rowCount() == 2
        assert cut_off_labels(view.header) == []
        window.close()


def test_new_order_dialog_with_plans(qtbot, client: ServiceClient, world: World,  # type: ignore[no-untyped-def]
                                     shots: Path, theme: str) -> None:
    for screen, (width, height) in SCREENS.items():
        dialog = OrderEditorDialog(client, None)
        qtbot.addWidget(dialog)
        settle(qtbot)
        dialog.lab.set_value(world.lab_id)
        dialog.customer.set_value(world.customer_id)
        dialog.patient.set_value(world.patient_id)
        row = dialog.add_item()
        row.service.setCurrentIndex(row.service.findData(world.service_id))
        assert dialog.plans is not None and dialog.work_plan is not None
        dialog.plans.setChecked(True)
        dialog.plans.count.setValue(3)
        dialog.plan_from_templates()
        settle(qtbot)
        dialog.resize(min(1040, width - 40), min(900, height - 40))
        dialog.show()
        qtbot.waitExposed(dialog)
        settle(qtbot)  # the scroll area settles its bars once shown
        save_png(dialog, shots / f"polish_new_order_{screen}_{theme}.png")
        area = dialog.form.parentWidget().parentWidget()
        assert isinstance(area, QScrollArea)
        assert dialog.form.width() <= area.viewport().width()  # nothing under a scroll bar
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert dialog.rect().contains(save.geometry().translated(dialog.buttons.pos()))
        dialog.done(0)


def test_patient_dialog_with_contact_and_address(qtbot, client: ServiceClient, world: World,  # type: ignore[no-untyped-def]
                                                 shots: Path, theme: str) -> None:
    patient = masterdata.get_patient(world.uow(), world.admin, world.patient_id)
    dialog = PatientDialog(client, patient)
    qtbot.addWidget(dialog)
    dialog.contact.setText("Marta Schäfer (daughter)")
    dialog.address.setPlainText("Kastanienallee 12\n10435 Berlin")
    dialog.show()
    qtbot.waitExposed(dialog)
    save_png(dialog, shots / f"polish_patient_dialog_{theme}.png")
    assert dialog.contact.isVisible() and dialog.address.isVisible()
