"""Qt models of the two finance tabs: labs (a few rows, sorted here) and work orders (paged)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ...domain.dto import FinanceFilter, LabFinanceRow, OrderFinanceRow
from ...domain.money import Money
from ...services import finance
from ..client import ServiceClient
from ..collation import by_name
from ..formatting import PAYMENT_COLOURS, STATUS_COLOURS, date_text, label, money
from ..theme import readable
from ..translation import QT_TRANSLATE_NOOP
from ..worker import Job, show_error

PAGE_SIZE = 100
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the lab id or the order id of the row
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str  # source text, translated in headerData
    text: Callable[[R], str]
    sort_key: str  # the service's sort key (orders) or the in-memory key name (labs)
    numeric: bool = False
    colour: Callable[[R], str] | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("FinanceModel", text)


def _money_key(amount: Money) -> tuple[str, int]:
    # Amounts of different currencies are never compared: group by currency first.
    return amount.currency, amount.minor


LAB_COLUMNS: tuple[Column[LabFinanceRow], ...] = (
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Dental lab"), lambda r: r.lab_name, "lab"),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Work orders"),
           lambda r: QLocale().toString(r.order_count), "orders", numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Paid"), lambda r: money(r.paid), "paid",
           numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Total"), lambda r: money(r.total), "total",
           numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Outstanding"), lambda r: money(r.outstanding),
           "outstanding", numeric=True),
)

_LAB_SORT: dict[str, Callable[[LabFinanceRow], Any]] = {
    "lab": by_name(lambda r: r.lab_name, lambda r: r.currency),
    "orders": lambda r: (r.order_count, r.currency),
    "paid": lambda r: _money_key(r.paid),
    "total": lambda r: _money_key(r.total),
    "outstanding": lambda r: _money_key(r.outstanding),
}

ORDER_COLUMNS: tuple[Column[OrderFinanceRow], ...] = (
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Number"), lambda r: r.number_text, "number"),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Dental lab"), lambda r: r.lab_name, "lab"),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Payment method"),
           lambda r: label(r.payment_method) if r.payment_method else "", "payment_method"),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Paid"), lambda r: money(r.paid), "paid",
           numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Total"), lambda r: money(r.total), "total",
           numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Outstanding"), lambda r: money(r.outstanding),
           "outstanding", numeric=True),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Status"), lambda r: label(r.status), "status",
           colour=lambda r: STATUS_COLOURS[r.status]),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Payment status"),
           lambda r: label(r.payment_status), "payment_status",
           colour=lambda r: PAYMENT_COLOURS[r.payment_status]),
    Column(QT_TRANSLATE_NOOP("FinanceModel", "Documented"),
           lambda r: date_text(r.documented_at), "documented_at"),
)
ORDER_DEFAULT_SORT = next(
    i for i, c in enumerate(ORDER_COLUMNS) if c.sort_key == "documented_at")


class _TableModel(QAbstractTableModel, Generic[R]):
    """Read-only rows of ``columns``; subclasses fill ``_rows``."""

    def __init__(self, columns: tuple[Column[R], ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[R] = []

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.columns[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.columns[section].numeric else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            return readable(column.colour(row))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class LabFinanceModel(_TableModel[LabFinanceRow]):
    """One row per lab and currency; a lab's name reads as a link to its work orders."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(LAB_COLUMNS, parent)
        self._sort = ("lab", False)

    @property
    def rows(self) -> list[LabFinanceRow]:
        return list(self._rows)

    def set_rows(self, rows: list[LabFinanceRow]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (self.columns[column].sort_key, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        self._rows = self._sorted(self._rows)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[LabFinanceRow]) -> list[LabFinanceRow]:
        key, descending = self._sort
        return sorted(rows, key=_LAB_SORT[key], reverse=descending)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self._rows):
            if role == ID_ROLE:
                return self._rows[index.row()].lab_id
            if index.column() == 0 and role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().color(QPalette.ColorRole.Link)
            if index.column() == 0 and role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setUnderline(True)
                return font
            if index.column() == 0 and role == Qt.ItemDataRole.ToolTipRole:
                return _tr("Show the work orders of {lab}").format(
                    lab=self._rows[index.row()].lab_name)
        return super().data(index, role)


class OrderFinanceModel(_TableModel[OrderFinanceRow]):
    """Rows arrive ``PAGE_SIZE`` at a time as the view scrolls; sorting runs in the query."""

    def __init__(self, client: ServiceClient, parent: Any = None) -> None:
        super().__init__(ORDER_COLUMNS, parent)
        self._client = client
        self._filter = FinanceFilter()
        self._sort_key = "documented_at"
        self._descending = True
        self._total = 0
        self._busy = parent if isinstance(parent, QWidget) else None
        self._generation = 0  # bumped by every reload: older answers are dropped
        self._fetching = False

    @property
    def total_count(self) -> int:
        return self._total

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filter(self, flt: FinanceFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> Job[int]:
        """Count, then fetch the first page, off the GUI thread; modelReset says when shown."""
        self._generation += 1
        generation = self._generation
        self._fetching = True
        page = self._page_query(0)  # with the filter and sort of now
        return self._client.submit(finance.order_count, self._filter).then(
            lambda total: self._counted(generation, total, page),
            lambda error: self._failed(generation, error), busy=self._busy)

    def _counted(self, generation: int, total: int,
                 page: Job[list[OrderFinanceRow]]) -> None:
        if generation != self._generation:
            return
        page.then(lambda rows: self._show(generation, total, rows),
                  lambda error: self._failed(generation, error), busy=self._busy)

    def _show(self, generation: int, total: int, rows: list[OrderFinanceRow]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
        show_error(self._busy, error)

    def _page_query(self, offset: int) -> Job[list[OrderFinanceRow]]:
        """The (not started) query for one page, with the filter and sort of now."""
        return self._client.submit(finance.order_rows, self._filter, offset, PAGE_SIZE,
                                   self._sort_key, self._descending)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        generation = self._generation
        self._page_query(len(self._rows)).then(
            lambda rows: self._append(generation, rows),
            lambda error: self._failed(generation, error), busy=self._busy)

    def _append(self, generation: int, rows: list[OrderFinanceRow]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        known = {row.order_id for row in self._rows}
        # Orders added or changed since the first page can shift the offsets; skip repeats.
        fresh = [row for row in rows if row.order_id not in known]
        if not fresh:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort_key = self.columns[column].sort_key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ID_ROLE and index.isValid() and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()].order_id
        return super().data(index, role)
