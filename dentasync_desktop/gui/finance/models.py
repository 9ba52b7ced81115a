"""Qt models of the two finance tabs: labs (a few rows, sorted here) and work orders (a
window of a paged list)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ...domain.dto import (
    FinanceFilter,
    LabFinanceRow,
    OrderCursor,
    OrderFinanceRow,
    OrderFinanceSlice,
)
from ...domain.money import Money
from ...services import finance
from ..client import ServiceClient
from ..collation import by_name
from ..formatting import PAYMENT_COLOURS, STATUS_COLOURS, date_text, label, money
from ..keyset_model import WINDOW_ROWS, KeysetTableModel
from ..table_model import ID_ROLE, ROW_ROLE, Column, RowTableModel
from ..translation import QT_TRANSLATE_NOOP, translate
from ..worker import Job

PAGE_SIZE = 100
CONTEXT = "FinanceModel"
__all__ = ["ID_ROLE", "LAB_CURRENCY_COLUMN", "ROW_ROLE", "LabFinanceModel", "OrderFinanceModel"]


def _money_key(amount: Money) -> tuple[str, int]:
    # Amounts of different currencies are never compared: group by currency first.
    return amount.currency, amount.minor


LAB_COLUMNS: tuple[Column[LabFinanceRow], ...] = (
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Dental lab"), lambda r: r.lab_name, sort_key="lab"),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Currency"), lambda r: r.currency,
           sort_key="currency"),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Work orders"),
           lambda r: QLocale().toString(r.order_count), sort_key="orders", numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Paid"), lambda r: money(r.paid), sort_key="paid",
           numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Total"), lambda r: money(r.total), sort_key="total",
           numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Outstanding"), lambda r: money(r.outstanding),
           sort_key="outstanding", numeric=True),
)

LAB_CURRENCY_COLUMN = next(i for i, c in enumerate(LAB_COLUMNS) if c.sort_key == "currency")
# Hidden first where the table is too narrow: the count, then Paid (Total less Outstanding).
LAB_HIDE_FIRST = tuple(i for key in ("orders", "paid")
                       for i, c in enumerate(LAB_COLUMNS) if c.sort_key == key)

_LAB_SORT: dict[str, Callable[[LabFinanceRow], Any]] = {
    "lab": by_name(lambda r: r.lab_name, lambda r: r.currency),
    "currency": by_name(lambda r: r.currency, by_name(lambda r: r.lab_name)),
    "orders": lambda r: (r.order_count, r.currency),
    "paid": lambda r: _money_key(r.paid),
    "total": lambda r: _money_key(r.total),
    "outstanding": lambda r: _money_key(r.outstanding),
}

ORDER_COLUMNS: tuple[Column[OrderFinanceRow], ...] = (
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Number"), lambda r: r.number_text, sort_key="number"),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Patient"), lambda r: r.patient_name,
           sort_key="patient", tooltip_is_text=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Customer"), lambda r: r.customer_name,
           sort_key="customer", tooltip_is_text=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Dental lab"), lambda r: r.lab_name, sort_key="lab",
           tooltip_is_text=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Payment method"),
           lambda r: label(r.payment_method) if r.payment_method else "",
           sort_key="payment_method"),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Paid"), lambda r: money(r.paid), sort_key="paid",
           numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Total"), lambda r: money(r.total), sort_key="total",
           numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Outstanding"), lambda r: money(r.outstanding),
           sort_key="outstanding", numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Status"), lambda r: label(r.status),
           sort_key="status",
           colour=lambda r: STATUS_COLOURS[r.status]),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Payment status"), lambda r: label(r.payment_status),
           sort_key="payment_status", colour=lambda r: PAYMENT_COLOURS[r.payment_status]),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Documented"), lambda r: date_text(r.documented_at),
           sort_key="documented_at"),
)
ORDER_DEFAULT_SORT = next(
    i for i, c in enumerate(ORDER_COLUMNS) if c.sort_key == "documented_at")
# Where the tab is too narrow for every column: the names are cut with "…" (whole in their
# tooltip), then Paid (Total less Outstanding), the customer and the payment method go first.
ORDER_NAME_COLUMNS = tuple(i for i, c in enumerate(ORDER_COLUMNS)
                           if c.sort_key in ("patient", "customer", "lab"))
ORDER_HIDE_FIRST = tuple(i for key in ("paid", "customer", "payment_method")
                         for i, c in enumerate(ORDER_COLUMNS) if c.sort_key == key)


class LabFinanceModel(RowTableModel[LabFinanceRow]):
    """One row per lab and currency; a lab's name reads as a link to its work orders."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(LAB_COLUMNS, parent, CONTEXT)
        self._sort = ("lab", False)

    def set_rows(self, rows: Sequence[LabFinanceRow]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (self.columns[column].sort_key, order == Qt.SortOrder.DescendingOrder)
        if not self._rows:
            # The page turns sorting on before its rows come: a layout change of nothing
            # made the table and its header lay themselves out again (~1 ms a page built).
            return
        self.layoutAboutToBeChanged.emit()
        self._rows = self._sorted(self._rows)
        self.layoutChanged.emit()

    def _sorted(self, rows: Sequence[LabFinanceRow]) -> list[LabFinanceRow]:
        key, descending = self._sort
        return sorted(rows, key=_LAB_SORT[key], reverse=descending)

    def record_id(self, row: LabFinanceRow) -> int:
        return row.lab_id

    def foreground(self, row: LabFinanceRow, column: int) -> QColor | None:
        if column == 0:
            return QApplication.palette().color(QPalette.ColorRole.Link)
        return None

    def font(self, row: LabFinanceRow, column: int) -> QFont | None:
        if column != 0:
            return None
        font = QFont()
        font.setUnderline(True)
        return font

    def tooltip(self, row: LabFinanceRow, column: int) -> str | None:
        if column != 0:
            return None
        return translate("FinanceModel", "Show the work orders of {lab}").format(lab=row.lab_name)


class OrderFinanceModel(KeysetTableModel[OrderFinanceRow, OrderFinanceSlice]):
    """The Work orders tab over a window of its list (gui/keyset_model.py); sorting runs in
    the query, and a sort or filter change reloads from the top.

    Each page continues from the last row's sort value and id (``order_rows_after``), so
    a page deep down costs what the first does, and an order written meanwhile neither pushes
    a row into the next page again nor out of it. The first page is shown as soon as it is
    read; how many orders match is counted after it, in the background (``counted``).
    """

    def __init__(self, client: ServiceClient, parent: Any = None,
                 page_size: int = PAGE_SIZE, window_rows: int = WINDOW_ROWS) -> None:
        super().__init__(ORDER_COLUMNS, parent, CONTEXT, page_size, window_rows)
        self._client = client
        self._filter = FinanceFilter()
        self._sort_key = "documented_at"
        self._descending = True

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filter(self, flt: FinanceFilter) -> None:
        self._filter = flt
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort_key = self.columns[column].sort_key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def query_after(self, cursor: OrderCursor | None) -> Job[OrderFinanceSlice]:
        return self._client.submit(finance.order_rows_after, self._filter, cursor,
                                   self._page_size, self._sort_key, self._descending)

    def query_before(self, cursor: OrderCursor) -> Job[OrderFinanceSlice]:
        return self._client.submit(finance.order_rows_before, self._filter, cursor,
                                   self._page_size, self._sort_key, self._descending)

    def query_at(self, position: int, from_end: bool) -> Job[OrderFinanceSlice]:
        return self._client.submit(finance.order_rows_at, self._filter, position,
                                   self._page_size, self._sort_key, self._descending, from_end)

    def query_count(self) -> Job[int]:
        return self._client.submit(finance.order_count, self._filter)

    def record_id(self, row: OrderFinanceRow) -> int:
        return row.order_id
