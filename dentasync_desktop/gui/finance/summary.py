"""The figures above the Finance page's tabs: one row per currency, never added together."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from ...domain.dto import FinanceSummary
from ..formatting import money
from ..translation import translate
from ..widgets.emptied import empty_layout

# The texts keep the page's context ("FinancePage"): they were the page's before the summary
# moved out of it.


class SummaryBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financeSummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(24)

    def show_summary(self, summary: FinanceSummary) -> None:
        empty_layout(self.grid)
        if not summary.per_currency:
            self.grid.addWidget(
                QLabel(translate("FinancePage", "No work orders match these filters.")), 0, 0)
            return
        titles = (translate("FinancePage", "Work orders"), translate("FinancePage", "Total"),
                  translate("FinancePage", "Paid"), translate("FinancePage", "Outstanding"),
                  translate("FinancePage", "Overdue"))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for column, title in enumerate(titles, start=1):
            heading = QLabel(title)
            heading.setObjectName("mutedLabel")
            heading.setAlignment(right)
            self.grid.addWidget(heading, 0, column)
        for row, figures in enumerate(summary.per_currency, start=1):
            values = (
                f"<b>{figures.currency}</b>",
                self.locale().toString(figures.order_count),
                f"<b>{money(figures.total)}</b>",
                money(figures.paid),
                money(figures.outstanding),
                money(figures.overdue),
            )
            for column, text in enumerate(values):
                cell = QLabel(text)
                cell.setObjectName(f"summary_{figures.currency}_{column}")
                if column:
                    cell.setAlignment(right)
                if column == len(values) - 1 and figures.overdue.minor:
                    cell.setProperty("warning", True)
                self.grid.addWidget(cell, row, column)
        self.grid.setColumnStretch(len(titles) + 1, 1)
