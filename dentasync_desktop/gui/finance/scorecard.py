"""The Lab scorecard tab of the finance page: a table per dental lab and a chart of on-time rate
and median turnaround. Double-click (or Enter on) a lab to see its work orders."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dto import LabScore, LabScorecard, ScorecardFilter, TurnaroundByService
from ...services import scorecard
from ..client import ServiceClient
from ..translation import QT_TRANSLATE_NOOP
from ..worker import Job
from .chart import short_name, themed_chart
from .models import ID_ROLE

Index = QModelIndex | QPersistentModelIndex
ON_TIME_COLOUR = QColor("#15803d")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CONTEXT = "ScorecardModel"

HEADERS = (
    QT_TRANSLATE_NOOP("ScorecardModel", "Dental lab"),
    QT_TRANSLATE_NOOP("ScorecardModel", "Work orders"),
    QT_TRANSLATE_NOOP("ScorecardModel", "Delivered"),
    QT_TRANSLATE_NOOP("ScorecardModel", "On time"),
    QT_TRANSLATE_NOOP("ScorecardModel", "Median days"),
    QT_TRANSLATE_NOOP("ScorecardModel", "90% days"),
    QT_TRANSLATE_NOOP("ScorecardModel", "Remakes"),
    QT_TRANSLATE_NOOP("ScorecardModel", "Remake rate"),
    QT_TRANSLATE_NOOP("ScorecardModel", "Avg. days late"),
)
TOOLTIPS = {
    3: QT_TRANSLATE_NOOP("ScorecardModel", "Delivered on or before the due date, of the "
                                           "deliveries that had a due date"),
    4: QT_TRANSLATE_NOOP("ScorecardModel", "Sent to the lab to delivered"),
    5: QT_TRANSLATE_NOOP("ScorecardModel", "Nine in ten cases came back within this many days"),
    8: QT_TRANSLATE_NOOP("ScorecardModel", "Averaged over the late deliveries"),
}


def _percent(rate: float | None) -> str:
    return "—" if rate is None else QLocale().toString(rate * 100, "f", 1) + " %"


def _days(days: float | None) -> str:
    return "—" if days is None else QLocale().toString(days, "f", 1)


def _cells(score: LabScore) -> tuple[str, ...]:
    number = QLocale().toString
    return (score.lab_name, number(score.orders), number(score.delivered),
            _percent(score.on_time_rate), _days(score.median_days), _days(score.p90_days),
            number(score.remakes), _percent(score.remake_rate),
            _days(score.average_lateness_days))


class _TextsModel(QAbstractTableModel):
    """Rows of ready-made cell texts under translatable headers; the first ``left`` columns
    are names (left-aligned), the rest figures."""

    headers: tuple[str, ...] = ()
    tooltips: dict[int, str] = {}
    left = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: list[tuple[str, ...]] = []

    def _show(self, texts: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._texts = texts
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._texts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if index.column() < self.left else _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_CONTEXT, self.headers[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in self.tooltips:
            return QCoreApplication.translate(_CONTEXT, self.tooltips[section])
        return None


class ScorecardModel(_TextsModel):
    """One row per lab, as the service orders them (by name)."""

    headers = HEADERS
    tooltips = TOOLTIPS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores: list[LabScore] = []

    def set_scores(self, scores: tuple[LabScore, ...]) -> None:
        self.scores = list(scores)
        self._show([_cells(s) for s in scores])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == ID_ROLE and index.isValid():
            return self.scores[index.row()].lab_id
        return super().data(index, role)


SERVICE_HEADERS = (
    QT_TRANSLATE_NOOP("ScorecardModel", "Dental lab"),
    QT_TRANSLATE_NOOP("ScorecardModel", "Service"),
    QT_TRANSLATE_NOOP("ScorecardModel", "Delivered"),
    QT_TRANSLATE_NOOP("ScorecardModel", "Median days"),
    QT_TRANSLATE_NOOP("ScorecardModel", "90% days"),
)


class ServiceTurnaroundModel(_TextsModel):
    """Turnaround per service of one lab (or of all labs), in whole days."""

    headers = SERVICE_HEADERS
    left = 2

    def set_rows(self, rows: list[TurnaroundByService]) -> None:
        number = QLocale().toString
        self._show([
            (r.lab_name, r.service or QCoreApplication.translate("ScorecardModel",
                                                                "(no service)"),
             number(r.delivered), _days(r.median_days), _days(r.p90_days))
            for r in rows
        ])


class ScorecardTab(QWidget):
    """Loads when given a filter; ``lab_chosen`` asks the page for that lab's work orders."""

    lab_chosen = Signal(int)

    def __init__(self, client: ServiceClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self._generation = 0  # bumped by every query: older answers are dropped
        self.model = ScorecardModel(self)
        self.services_model = ServiceTurnaroundModel(self)
        self._by_service: tuple[TurnaroundByService, ...] = ()
        self.table = QTableView()
        self.table.setObjectName("scorecardTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("Double-click a lab to see its work orders"))
        self.table.activated.connect(self._activated)
        self.services_table = QTableView()
        self.services_table.setObjectName("scorecardServices")
        self.services_table.setModel(self.services_model)
        self.services_table.setAlternatingRowColors(True)
        self.services_table.verticalHeader().hide()
        self.services_table.setWordWrap(False)
        self.services_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.services_title = QLabel()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_services())
        self.chart_view = QChartView(_chart())
        self.chart_view.setObjectName("scorecardChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(320, 240)
        self.note = QLabel(self.tr(
            "Orders documented in the period. Turnaround: sent to the lab to delivered; "
            "on time: delivered on or before the due date."))
        self.note.setWordWrap(True)
        self.note.setObjectName("mutedLabel")
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(self.table)
        services = QWidget()
        services_layout = QVBoxLayout(services)
        services_layout.setContentsMargins(0, 4, 0, 0)
        services_layout.addWidget(self.services_title)
        services_layout.addWidget(self.services_table, 1)
        tables.addWidget(services)
        tables.setChildrenCollapsible(False)
        tables.setSizes([360, 160])
        split = QSplitter()
        split.addWidget(tables)
        split.addWidget(self.chart_view)
        split.setChildrenCollapsible(False)
        split.setSizes([960, 340])  # room for every column at 1366 pixels
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)

    def load(self, flt: ScorecardFilter,
             on_error: Callable[[BaseException], object] | None = None) -> Job[LabScorecard]:
        """Query the scorecard for ``flt`` off the GUI thread; ``on_error`` gets a refusal.
        Only the latest query's answer is shown."""
        self._generation += 1
        generation = self._generation
        return self.client.submit(scorecard.lab_scorecard, flt).then(
            lambda card: self._show(generation, card), on_error, busy=self)

    def _show(self, generation: int, card: LabScorecard) -> None:
        if generation != self._generation:
            return
        self.model.set_scores(card.labs)
        self._by_service = card.by_service
        self._show_services()
        self._draw(card.labs)

    def _show_services(self) -> None:
        """Turnaround per service of the lab selected in the table, else of every lab."""
        row = self.table.currentIndex().row()
        lab = self.model.scores[row] if 0 <= row < len(self.model.scores) else None
        rows = [r for r in self._by_service if lab is None or r.lab_id == lab.lab_id]
        self.services_model.set_rows(rows)
        self.services_title.setText(
            self.tr("Turnaround by service: {lab}").format(lab=lab.lab_name) if lab
            else self.tr("Turnaround by service, every lab (select a lab to narrow it)"))

    def _activated(self, index: QModelIndex) -> None:
        lab_id = index.data(ID_ROLE)
        if lab_id is not None:
            self.lab_chosen.emit(int(lab_id))

    def _draw(self, scores: tuple[LabScore, ...]) -> None:
        chart = _chart()
        previous = self.chart_view.chart()
        self.chart_view.setChart(chart)
        previous.deleteLater()
        rated = [s for s in scores if s.on_time_rate is not None][::-1]  # first lab on top
        if not rated:
            chart.setTitle(self.tr("No deliveries to rate in this period"))
            return
        chart.setTitle(self.tr("On-time deliveries per dental lab"))
        on_time = QBarSet(self.tr("On time (%)"))
        on_time.setColor(ON_TIME_COLOUR)
        on_time.append([round((s.on_time_rate or 0) * 100, 1) for s in rated])
        series = QHorizontalBarSeries()
        series.append(on_time)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        chart.addSeries(series)
        labs = QBarCategoryAxis()
        labs.append([short_name(s.lab_name) for s in rated])
        percent = QValueAxis()
        percent.setRange(0, 100)
        percent.setLabelFormat("%d %%")
        chart.addAxis(labs, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(percent, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(labs)
        series.attachAxis(percent)


def _chart() -> QChart:
    chart = themed_chart()
    chart.legend().setVisible(False)
    return chart

