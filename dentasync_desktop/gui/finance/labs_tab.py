"""The Dental labs tab: paid, total and outstanding per lab and currency, next to its chart."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

from ...domain.dto import LabFinanceRow
from ..widgets.columns import fit_columns, install_column_layout
from .chart import LabChart
from .models import ID_ROLE, LAB_CURRENCY_COLUMN, LAB_HIDE_FIRST, LabFinanceModel
from .table import finance_table


class LabsTab(QSplitter):
    """``lab_chosen`` asks for the lab's work orders (its name clicked, or a row activated)."""

    lab_chosen = Signal(int)

    def __init__(self, model: LabFinanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = finance_table("financeLabsTable", model)
        # A handful of rows: the figures fit their contents; the lab's name takes the rest,
        # cut with "…" (whole in its tooltip) rather than pushing Outstanding out of sight.
        # Where even that is too wide, the order count and Paid (Total less Outstanding) go
        # first; the header's menu shows them again.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._fitted = install_column_layout(self.table, "financeLabs", self._fit_columns)
        self.chart = LabChart()
        self.addWidget(self.table)
        self.addWidget(self.chart)
        self.setChildrenCollapsible(False)
        # Halves, kept in proportion as the window resizes: the chart's lab names may take 40 %
        # of its width before Qt cuts them to "…", so at 1366 it needs half the page.
        self.setSizes([500, 500])

    def wire(self) -> None:
        """Start answering clicks (a page the user may not use never does)."""
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._activated)

    def start_sorting(self) -> None:
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

    def show_rows(self, rows: list[LabFinanceRow]) -> None:
        self.model.set_rows(rows)
        # With one currency the amounts say it: the column only tells a lab's two rows apart.
        self.table.setColumnHidden(LAB_CURRENCY_COLUMN, len({row.currency for row in rows}) < 2)
        if rows and not self._fitted:
            self._fitted = True
            self._fit_columns()
        self.chart.set_rows(rows)

    def _fit_columns(self) -> None:
        fit_columns(self.table, elide=(0,), hide_first=LAB_HIDE_FIRST)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == 0:
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        lab_id = index.data(ID_ROLE)
        if lab_id is not None:
            self.lab_chosen.emit(int(lab_id))
