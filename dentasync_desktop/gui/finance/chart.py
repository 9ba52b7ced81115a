"""Paid vs outstanding per dental lab as stacked bars, one currency at a time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.dto import LabFinanceRow
from ...domain.money import CURRENCY_EXPONENTS
from ..theme import is_dark

# Bars shown by name at most; the rest share one bar. Qt draws a category label taller than its
# bar's band as "…", so a smaller chart names fewer.
NAMED_LABS = 8
# Title, value axis and legend: the height of the chart that is not bands, in label lines.
CHROME_LINES = 7
PAID_COLOUR = QColor("#15803d")
OUTSTANDING_COLOUR = QColor("#d97706")


class LabChart(QWidget):
    """Follows the lab rows it is given; amounts of different currencies never share bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LabFinanceRow] = []
        self.currency = QComboBox()
        self.currency.setObjectName("chartCurrency")
        self.currency.setToolTip(self.tr("Amounts of different currencies are never added up"))
        self.currency_label = QLabel(self.tr("Currency:"))
        self.currency_label.setBuddy(self.currency)
        self.chart = _new_chart()
        self.view = QChartView(self.chart)
        self.view.setObjectName("labChart")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(320, 240)

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.currency_label)
        top.addWidget(self.currency)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.currency.currentIndexChanged.connect(lambda _i: self._draw())
        self._named = self._labs_that_fit()

    def set_rows(self, rows: list[LabFinanceRow]) -> None:
        """Show ``rows``; keeps the chosen currency, else the one with the most work orders."""
        self._rows = list(rows)
        orders: Counter[str] = Counter()
        for row in rows:
            orders[row.currency] += row.order_count
        currencies = sorted(orders)
        chosen = self.currency.currentText()
        if chosen not in orders:
            chosen = orders.most_common(1)[0][0] if orders else ""
        self.currency.blockSignals(True)
        self.currency.clear()
        self.currency.addItems(currencies)
        self.currency.setCurrentText(chosen)
        self.currency.blockSignals(False)
        several = len(currencies) > 1
        self.currency.setVisible(several)
        self.currency_label.setVisible(several)
        self._draw()

    @property
    def shown_currency(self) -> str:
        return self.currency.currentText()

    def _draw(self) -> None:
        # A fresh chart each time: axes removed from a live chart can linger on screen.
        previous, self.chart = self.chart, _new_chart()
        self.view.setChart(self.chart)
        previous.deleteLater()
        currency = self.currency.currentText()
        rows = [r for r in self._rows if r.currency == currency]
        if not rows:
            self.chart.setTitle(self.tr("No work orders match these filters"))
            return
        self.chart.setTitle(self.tr("Paid and outstanding per dental lab ({currency})")
                            .format(currency=currency))
        scale = 10 ** CURRENCY_EXPONENTS[currency]
        paid = QBarSet(self.tr("Paid"))
        paid.setColor(PAID_COLOUR)
        outstanding = QBarSet(self.tr("Outstanding"))
        outstanding.setColor(OUTSTANDING_COLOUR)
        bars = self._bars(rows)
        # Bar lengths only: a chart needs floats, the figures themselves stay exact elsewhere.
        paid.append([bar.paid / scale for bar in bars])
        outstanding.append([bar.outstanding / scale for bar in bars])
        series = QHorizontalStackedBarSeries()
        series.append(paid)
        series.append(outstanding)
        self.chart.addSeries(series)
        labs = QBarCategoryAxis()
        labs.append([bar.name for bar in bars])
        amounts = QValueAxis()
        amounts.setLabelFormat("%.0f")
        amounts.setTitleText(currency)
        self.chart.addAxis(labs, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(amounts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(labs)
        series.attachAxis(amounts)
        amounts.applyNiceNumbers()


    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        named = self._labs_that_fit()
        if named != self._named:
            self._named = named
            self._draw()

    def _labs_that_fit(self) -> int:
        line = QFontMetrics(self.font()).height() + 6  # a band keeps some room around its label
        bands = self.view.height() // line - CHROME_LINES
        return max(2, min(NAMED_LABS, bands - 1))

    def _bars(self, rows: list[LabFinanceRow]) -> list[_Bar]:
        """The biggest labs by total in the table's order, then one bar for the others; listed
        bottom to top, as a horizontal bar chart draws its first category at the bottom."""
        named = rows
        if len(rows) > self._named + 1:
            biggest = sorted(rows, key=lambda r: r.total.minor, reverse=True)[:self._named]
            named = [r for r in rows if r in biggest]
        bars = [_Bar(short_name(r.lab_name), r.paid.minor, r.outstanding.minor) for r in named]
        rest = [r for r in rows if r not in named]
        if rest:
            bars.append(_Bar(self.tr("%n other lab(s)", "", len(rest)),
                             sum(r.paid.minor for r in rest),
                             sum(r.outstanding.minor for r in rest)))
        return bars[::-1]


@dataclass(frozen=True)
class _Bar:
    name: str
    paid: int  # minor units
    outstanding: int


def themed_chart() -> QChart:
    """A still chart in the window's theme; bar colours set on a set before it is added stay."""
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark()
                   else QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def _new_chart() -> QChart:
    chart = themed_chart()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def short_name(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
