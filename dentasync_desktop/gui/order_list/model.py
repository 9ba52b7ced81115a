"""The order list as a Qt model that asks the service for one page at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ...domain.dto import OrderFilter, OrderRow
from ...services import order_list
from ...services.paging import MAX_PAGE
from ..client import ServiceClient
from ..formatting import PAYMENT_COLOURS, STATUS_COLOURS, date_text, label, money
from ..theme import icon

PAGE_SIZE = 100
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

OVERDUE_BACKGROUND = QColor("#fde8e8")
ON_HOLD_BACKGROUND = QColor("#fff4d6")
STATUS_BRUSHES = {status: QColor(colour) for status, colour in STATUS_COLOURS.items()}
PAYMENT_BRUSHES = {status: QColor(colour) for status, colour in PAYMENT_COLOURS.items()}

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderListModel", text)


class OrderListModel(QAbstractTableModel):
    """Rows arrive ``PAGE_SIZE`` at a time as the view scrolls (canFetchMore/fetchMore).

    Filtering and sorting happen in the service's query; changing either reloads from the top.
    Nothing is queried until the first ``sort`` or ``set_filter``, so a view can restore its
    saved sort order before the first page is fetched.
    """

    reloaded = Signal()

    def __init__(self, client: ServiceClient, parent: Any = None) -> None:
        super().__init__(parent)
        self._client = client
        self._filter = OrderFilter()
        self._rows: list[OrderRow] = []
        self._texts: list[tuple[str, ...] | None] = []  # each row's cell texts, once shown
        self._total = 0

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

    def reload(self, keep_loaded: bool = False) -> None:
        """Fetch the first page again; ``keep_loaded`` re-fetches as many rows as are loaded."""
        limit = PAGE_SIZE
        if keep_loaded:
            limit = min(max(len(self._rows), PAGE_SIZE), MAX_PAGE)
        page = self._client.call(order_list.list_orders, self._filter, 0, limit)
        self.beginResetModel()
        self._rows = list(page.rows)
        self._texts = [None] * len(self._rows)
        self._total = page.total_count
        self.endResetModel()
        self.reloaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._client.call(order_list.list_orders, self._filter, len(self._rows),
                                 PAGE_SIZE)
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
            return _tr(COLUMNS[section].title)
        if role == ALIGNMENT and COLUMNS[section].numeric:
            return RIGHT
        return None

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
            if row.overdue:
                return OVERDUE_BACKGROUND
            return ON_HOLD_BACKGROUND if row.on_hold else None
        if role == FOREGROUND:
            if column == STATUS_COLUMN:
                return STATUS_BRUSHES[row.status]
            return PAYMENT_BRUSHES[row.payment_status] if column == PAYMENT_COLUMN else None
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
            marks.append(_tr("On hold"))
        if row.overdue:
            marks.append(_tr("Overdue"))
        return " · ".join(marks)
