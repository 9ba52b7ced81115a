"""The Lab scorecard tab of the finance page: model, chart, drill-down, report, screenshots."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.finance.page import ORDERS_TAB, SCORECARD_TAB, FinancePage
from dentasync_desktop.gui.finance.periods import Period

from ..conftest import Seeding
from ..factories import World
from .conftest import screenshot, settle


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def scorecard_page(qtbot, client: ServiceClient) -> FinancePage:  # type: ignore[no-untyped-def]
    page = FinancePage(client)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.set_period(Period.ALL)
    page.tabs.setCurrentIndex(SCORECARD_TAB)
    settle(qtbot)
    return page


def test_model_chart_and_drill_down(qtbot, qtmodeltester, world: World, client,
                                    seeding: Seeding) -> None:
    seeding.orders(300, 7)
    page = scorecard_page(qtbot, client)
    model = page.scorecard.model
    assert model.rowCount() >= 3
    qtmodeltester.check(model)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "On time"
    first = model.scores[0]
    assert model.index(0, 0).data() == first.lab_name
    assert model.index(0, 3).data().endswith(" %")
    assert page.scorecard.chart_view.chart().series()  # bars drawn
    assert not page.filters.method.isEnabled()
    services = page.scorecard.services_model
    qtmodeltester.check(services)
    every_lab = services.rowCount()
    page.scorecard.table.setCurrentIndex(model.index(0, 0))
    assert 0 < services.rowCount() < every_lab
    assert {services.index(r, 0).data() for r in range(services.rowCount())} == {
        first.lab_name}
    assert first.lab_name in page.scorecard.services_title.text()
    page.scorecard.table.activated.emit(model.index(0, 0))
    settle(qtbot)
    assert page.tabs.currentIndex() == ORDERS_TAB
    assert page.current_filter().lab_id == first.lab_id
    assert page.orders_model.rowCount() > 0


def test_generate_report_writes_the_scorecard(qtbot, world: World, client,
                                              tmp_path: Path, seeding: Seeding) -> None:
    seeding.orders(50, 3)
    page = scorecard_page(qtbot, client)
    written: list[str] = []
    page.report_written.connect(written.append)
    page.export_scorecard(tmp_path / "card.csv", "csv")
    settle(qtbot)
    assert written == [str(tmp_path / "card.csv")]
    text = (tmp_path / "card.csv").read_text(encoding="utf-8-sig")
    assert text.startswith('"Dental lab","Work orders","Delivered","On time"')
    assert page.scorecard.model.scores[0].lab_name in text
    assert page.suggested_name("pdf").startswith("finance-scorecard-")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_screenshots(qtbot, world: World, client, themed, size: tuple[int, int],
                     seeding: Seeding) -> None:
    assert seeding.demo()
    page = scorecard_page(qtbot, client)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    assert page.scorecard.model.rowCount() > 3
    screenshot(page, f"finance_scorecard_{size[0]}x{size[1]}")
