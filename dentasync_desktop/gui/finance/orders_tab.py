"""The Work orders tab: every order the filters match, with its figures, and how many."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..translation import translate
from ..widgets.columns import fit_columns, install_column_layout
from .models import (
    ID_ROLE,
    ORDER_DEFAULT_SORT,
    ORDER_HIDE_FIRST,
    ORDER_NAME_COLUMNS,
    OrderFinanceModel,
)
from .table import finance_table

# The texts keep the page's context ("FinancePage"): they were the page's before the tab
# moved out of it.


class OrdersTab(QWidget):
    """``order_chosen`` asks to open an order (double-click or Enter, as the platform
    activates items)."""

    order_chosen = Signal(int)

    def __init__(self, model: OrderFinanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = finance_table("financeOrdersTable", model)
        # Columns fit the rows in sight, as the order list's do: Qt's default reads the first
        # 1,000 rows of every column (~100 ms for the first page, the tab's whole opening).
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self._sized = install_column_layout(self.table, "financeOrders", self._fit_columns)
        self.count = QLabel()
        self.count.setObjectName("financeOrdersCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def wire(self) -> None:
        """Start showing and sorting (a page the user may not use never does)."""
        self.table.activated.connect(self._activated)
        self.model.modelReset.connect(self._show_count)
        self.model.counted.connect(self._show_count)
        self.model.modelReset.connect(self._size_once)

    def start_sorting(self) -> None:
        """The newest documented first."""
        self.table.horizontalHeader().setSortIndicator(
            ORDER_DEFAULT_SORT, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

    def _show_count(self) -> None:
        if not self.model.is_counted:
            self.count.setText(translate("FinancePage", "Counting work orders…"))
            return
        count = self.model.total_count
        text = (translate("FinancePage", "1 work order") if count == 1
                else translate("FinancePage", "{count} work orders"))
        self.count.setText(text.format(count=self.locale().toString(count)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._size_once()

    def _size_once(self) -> None:
        """Fitted once, to the first rows in sight and the tab's width (so it waits for the
        tab to be shown); later the user's widths stay, and are remembered."""
        if not self._sized and self.model.rowCount() and self.table.isVisible():
            self._sized = True
            self._fit_columns()

    def _fit_columns(self) -> None:
        fit_columns(self.table, elide=ORDER_NAME_COLUMNS, hide_first=ORDER_HIDE_FIRST)

    def _activated(self, index: QModelIndex) -> None:
        order_id = index.data(ID_ROLE)
        if order_id is not None:
            self.order_chosen.emit(int(order_id))
