"""The order list as a Qt model that asks the service for one page at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from ...domain.dto import OrderFilter, OrderPage, OrderRow
from ...services import order_list
from ...services.paging import MAX_PAGE
from ..client import ServiceClient
from ..formatting import PAYMENT_COLOURS, STATUS_COLOURS, date_text, label, money
from ..theme import icon, readable, tint
from ..translation import QT_TRANSLATE_NOOP, translate
from ..worker import Job, show_error

PAGE_SIZE = 100
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

# Row tints and status text are adapted to the current palette when drawn (gui/theme.py).
OVERDUE_BACKGROUND = "#fde8e8"
ON_HOLD_BACKGROUND = "#fff4d6"

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
DECORATION = Qt.ItemDataRole.DecorationRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    sort_key: str
    title: str  # source text, translated in headerData
    text: Callable[[OrderRow], str]
    numeric: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("number", QT_TRANSLATE_NOOP("OrderListModel", "Number"), lambda r: r.number_text),
    Column("patient", QT_TRANSLATE_NOOP("OrderListModel", "Patient"), lambda r: r.patient_name),
    Column("customer", QT_TRANSLATE_NOOP("OrderListModel", "Customer"),
           lambda r: r.customer_name),
    Column("lab", QT_TRANSLATE_NOOP("OrderListModel", "Dental lab"), lambda r: r.lab_name),
    Column("status", QT_TRANSLATE_NOOP("OrderListModel", "Status"), lambda r: label(r.status)),
    Column("documented_at", QT_TRANSLATE_NOOP("OrderListModel", "Documented"),
           lambda r: date_text(r.documented_at)),
    Column("due_date", QT_TRANSLATE_NOOP("OrderListModel", "Due date"),
           lambda r: date_text(r.due_date)),
    Column("total", QT_TRANSLATE_NOOP("OrderListModel", "Total"), lambda r: money(r.total),
           numeric=True),
    Column("paid", QT_TRANSLATE_NOOP("OrderListModel", "Paid"), lambda r: money(r.paid),
           numeric=True),
    Column("balance", QT_TRANSLATE_NOOP("OrderListModel", "Balance"),
           lambda r: money(r.balance), numeric=True),
    Column("payment_status", QT_TRANSLATE_NOOP("OrderListModel", "Payment"),
           lambda r: label(r.payment_status)),
)
STATUS_COLUMN = 4
PAYMENT_COLUMN = 10


class OrderListModel(QAbstractTableModel):
    """Rows arrive ``PAGE_SIZE`` at a time as the view scrolls (canFetchMore/fetchMore).

    Filtering and sorting happen in the service's query; changing either reloads from the top.
    Every query runs off the GUI thread (gui.worker); an answer overtaken by a newer reload is
    dropped.
    Nothing is queried until the first ``sort`` or ``set_filter``, so a view can restore its
    saved sort order before the first page is fetched.
    """

    reloaded = Signal()

    def __init__(self, client: ServiceClient, parent: Any = None) -> None:
        super().__init__(parent)
        self._client = client
        self._busy = parent if isinstance(parent, QWidget) else None
        self._filter = OrderFilter()
        self._rows: list[OrderRow] = []
        self._texts: list[tuple[str, ...] | None] = []  # each row's cell texts, once shown
        self._total = 0
        self._generation = 0  # bumped by every reload: older answers are dropped
        self._fetching = False

    # --- loading ---------------------------------------------------------------------------

    @property
    def order_filter(self) -> OrderFilter:
        return self._filter

    @property
    def total_count(self) -> int:
        return self._total

    def set_filter(self, flt: OrderFilter) -> None:
        """Apply ``flt`` (its sort fields are kept from the current sort)."""
        self._filter = replace(flt, sort_key=self._filter.sort_key,
                               descending=self._filter.descending)
        self.reload()

    def reload(self, keep_loaded: bool = False) -> Job[OrderPage]:
        """Fetch the first page again, off the GUI thread; ``reloaded`` says when it is shown.

        ``keep_loaded`` re-fetches as many rows as are loaded (rows appeared or went away).
        """
        limit = PAGE_SIZE
        if keep_loaded:
            limit = min(max(len(self._rows), PAGE_SIZE), MAX_PAGE)
        self._generation += 1
        generation = self._generation
        self._fetching = True
        return self._client.submit(order_list.list_orders, self._filter, 0, limit).then(
            lambda page: self._show_page(generation, page),
            lambda error: self._failed(generation, error), busy=self._busy)

    def _show_page(self, generation: int, page: OrderPage) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.beginResetModel()
        self._rows = list(page.rows)
        self._texts = [None] * len(self._rows)
        self._total = page.total_count
        self.endResetModel()
        self.reloaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
        show_error(self._busy, error)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        generation = self._generation
        self._client.submit(order_list.list_orders, self._filter, len(self._rows),
                            PAGE_SIZE).then(lambda page: self._append(generation, page),
                                            lambda error: self._failed(generation, error),
                                            busy=self._busy)

    def _append(self, generation: int, page: OrderPage) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        known = {row.id for row in self._rows}
        # Orders created or re-sorted since the last page may shift the offsets; skip repeats.
        fresh = [row for row in page.rows if row.id not in known]
        self._total = page.total_count
        if not fresh:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self._texts.extend([None] * len(fresh))
        self.endInsertRows()

    def refresh_orders(self, order_ids: set[int]) -> Job[dict[int, OrderRow]]:
        """After ``order_ids`` changed: update their rows in place, or re-query the loaded
        rows when one of them joins or leaves the list."""
        generation = self._generation
        return self._client.submit(order_list.matching_rows, self._filter,
                                   sorted(order_ids)).then(
            lambda rows: self._update_rows(generation, order_ids, rows), busy=self._busy)

    def _update_rows(self, generation: int, order_ids: set[int],
                     rows: dict[int, OrderRow]) -> None:
        if generation != self._generation:
            return  # a reload is under way and brings them all
        shown = {row.id: number for number, row in enumerate(self._rows)}
        if any((order_id in shown) != (order_id in rows) for order_id in order_ids):
            self.reload(keep_loaded=True)
            return
        for order_id, row in rows.items():
            number = shown[order_id]
            self._rows[number] = row
            self._texts[number] = None
            self.dataChanged.emit(self.index(number, 0),
                                  self.index(number, len(COLUMNS) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._filter = replace(self._filter, sort_key=COLUMNS[column].sort_key,
                               descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()

    # --- lookup ----------------------------------------------------------------------------

    def row_at(self, row: int) -> OrderRow:
        return self._rows[row]

    def row_of(self, order_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == order_id:
                return number
        return None

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("OrderListModel", COLUMNS[section].title)
        if role == ALIGNMENT and COLUMNS[section].numeric:
            return RIGHT
        return None

    @staticmethod
    def _background(row: OrderRow) -> QColor | None:
        if row.overdue:
            return tint(OVERDUE_BACKGROUND)
        return tint(ON_HOLD_BACKGROUND) if row.on_hold else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each paint: the cheap checks come first.
        number = index.row()
        if not 0 <= number < len(self._rows) or not index.isValid():
            return None
        column = index.column()
        if role == DISPLAY:
            texts = self._texts[number]
            if texts is None:
                texts = self._texts[number] = tuple(c.text(self._rows[number]) for c in COLUMNS)
            return texts[column]
        row = self._rows[number]
        if role == ALIGNMENT:
            return RIGHT if COLUMNS[column].numeric else LEFT
        if role == BACKGROUND:
            return self._background(row)
        if role == FOREGROUND:
            # Readable on the row's own tint, not only on the plain Base.
            if column == STATUS_COLUMN:
                return readable(STATUS_COLOURS[row.status], self._background(row))
            if column == PAYMENT_COLUMN:
                return readable(PAYMENT_COLOURS[row.payment_status], self._background(row))
            return None
        if role == DECORATION:
            if column != 0:
                return None
            if row.on_hold:
                return icon("on_hold")
            return icon("overdue") if row.overdue else None
        if role == ORDER_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == TOOLTIP:
            return self._marks(row) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return SELECTABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    @staticmethod
    def _marks(row: OrderRow) -> str:
        marks = []
        if row.on_hold:
            marks.append(translate("OrderListModel", "On hold"))
        if row.overdue:
            marks.append(translate("OrderListModel", "Overdue"))
        return " · ".join(marks)
