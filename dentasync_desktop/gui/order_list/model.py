"""The order list as a Qt model over a window of a list of any length (gui/keyset_model.py):
``orders_after``, ``orders_before`` and ``orders_at`` read its pages, ``count_orders`` counts
it. Its cells are made once per row held and drawn fast: a scroll step repaints 40 rows.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon

from ...domain.dto import OrderCursor, OrderFilter, OrderRow, OrderSlice
from ...domain.enums import OrderStatus, PaymentStatus
from ...services import order_list
from .. import theme
from ..client import ServiceClient
from ..formatting import PAYMENT_COLOURS, STATUS_COLOURS, date_text, label, money
from ..keyset_model import WINDOW_ROWS, KeysetTableModel
from ..table_model import (
    ALIGNMENT,
    BACKGROUND,
    DECORATION,
    DISPLAY,
    FOREGROUND,
    ID_ROLE,
    ROW_ROLE,
    SELECTABLE,
    TOOLTIP,
    Column,
    Index,
)
from ..theme import icon, readable, tint
from ..translation import QT_TRANSLATE_NOOP, translate
from ..worker import Job

PAGE_SIZE = 200
ORDER_ID_ROLE = ID_ROLE

# Row tints and status text are adapted to the current palette when drawn (gui/theme.py).
OVERDUE_BACKGROUND = "#fde8e8"
ON_HOLD_BACKGROUND = "#fff4d6"
CONTEXT = "OrderListModel"  # where the column titles are translated


COLUMNS: tuple[Column[OrderRow], ...] = (
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Number"), lambda r: r.number_text,
           sort_key="number"),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Patient"), lambda r: r.patient_name,
           sort_key="patient", tooltip_is_text=True),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Customer"), lambda r: r.customer_name,
           sort_key="customer", tooltip_is_text=True),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Dental lab"), lambda r: r.lab_name, sort_key="lab",
           tooltip_is_text=True),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Status"), lambda r: label(r.status),
           sort_key="status"),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Documented"), lambda r: date_text(r.documented_at),
           sort_key="documented_at"),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Due date"), lambda r: date_text(r.due_date),
           sort_key="due_date"),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Total"), lambda r: money(r.total), numeric=True,
           sort_key="total"),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Paid"), lambda r: money(r.paid), numeric=True,
           sort_key="paid"),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Balance"), lambda r: money(r.balance), numeric=True,
           sort_key="balance"),
    Column(QT_TRANSLATE_NOOP("OrderListModel", "Payment"), lambda r: label(r.payment_status),
           sort_key="payment_status"),
)
STATUS_COLUMN = 4
PAYMENT_COLUMN = 10
NAME_COLUMNS = (1, 2, 3)  # patient, customer, lab: cut with "…" before a column goes
# Hidden first where the window is too narrow for all: the money still owed (Balance,
# Payment) matters more at the desk than when the order was documented or what was paid.
HIDE_FIRST = (5, 8, 7, 2)  # documented, paid, total, customer
ALIGNMENTS = tuple(column.alignment for column in COLUMNS)
# A row's cells as ``_cells`` makes them: per column, each role a view asks for mapped to its
# value (roles without one left out; the tooltip is made when asked), and the theme they were
# made in.
Cell = dict[int, Any]
_Shown = tuple[tuple[Cell, ...], int]
_icon = lru_cache(maxsize=8)(icon)  # a file look-up and a QIcon per paint otherwise
# What a row's colours and icons depend on (status, payment, overdue, on hold) and what they
# are: a row's readable colours took longer to work out than its texts.
_LookKey = tuple[OrderStatus, PaymentStatus, bool, bool]
_Look = tuple[Cell, ...]
_ID, _ROW, _DISPLAY, _ALIGNMENT, _TOOLTIP = (
    int(ID_ROLE), int(ROW_ROLE), int(DISPLAY), int(ALIGNMENT), int(TOOLTIP))
_BACKGROUND, _FOREGROUND, _DECORATION = int(BACKGROUND), int(FOREGROUND), int(DECORATION)


class OrderListModel(KeysetTableModel[OrderRow, OrderSlice]):
    """Filtering and sorting happen in the service's query; changing either reloads from the
    top. Nothing is queried until the first ``sort`` or ``set_filter``, so a view can restore
    its saved sort order before the first page.
    """

    def __init__(self, client: ServiceClient, parent: Any = None,
                 page_size: int = PAGE_SIZE, window_rows: int = WINDOW_ROWS) -> None:
        super().__init__(COLUMNS, parent, CONTEXT, page_size, window_rows)
        self._client = client
        self._filter = OrderFilter()
        self._looks: dict[_LookKey, _Look] = {}
        self._looks_theme = theme.generation

    @property
    def order_filter(self) -> OrderFilter:
        return self._filter

    def query_after(self, cursor: OrderCursor | None) -> Job[OrderSlice]:
        return self._client.submit(order_list.orders_after, self._filter, cursor,
                                   self._page_size)

    def query_before(self, cursor: OrderCursor) -> Job[OrderSlice]:
        return self._client.submit(order_list.orders_before, self._filter, cursor,
                                   self._page_size)

    def query_at(self, position: int, from_end: bool) -> Job[OrderSlice]:
        return self._client.submit(order_list.orders_at, self._filter, position,
                                   self._page_size, from_end)

    def query_count(self) -> Job[int]:
        return self._client.submit(order_list.count_orders, self._filter)

    def set_filter(self, flt: OrderFilter) -> None:
        """Apply ``flt`` (its sort fields are kept from the current sort)."""
        self._filter = replace(flt, sort_key=self._filter.sort_key,
                               descending=self._filter.descending)
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._filter = replace(self._filter, sort_key=COLUMNS[column].sort_key,
                               descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()

    # --- change-bus refreshes --------------------------------------------------------------

    def refresh_orders(self, order_ids: set[int]) -> Job[dict[int, OrderRow]]:
        """After ``order_ids`` changed: update their rows in place, or re-query where the view
        is when one of them joins or leaves the list."""
        generation = self._generation
        return self._client.submit(order_list.matching_rows, self._filter,
                                   sorted(order_ids)).then(
            lambda rows: self._update_rows(generation, order_ids, rows), busy=self._busy)

    def _update_rows(self, generation: int, order_ids: set[int],
                     rows: dict[int, OrderRow]) -> None:
        if generation != self._generation:
            return  # a reload is under way and brings them all
        shown = {row.id: number for number, row in enumerate(self._rows)}
        joined = any(order_id in rows and order_id not in shown for order_id in order_ids)
        left = any(order_id in shown and order_id not in rows for order_id in order_ids)
        if joined or left:
            self.reload(keep_position=True)
            return
        for order_id, row in rows.items():
            number = shown[order_id]
            self._rows[number] = row
            self._cache[number] = None
            self.dataChanged.emit(self.index(self._start + number, 0),
                                  self.index(self._start + number, len(COLUMNS) - 1))

    # --- Qt model --------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _ROW:
            return self.loaded(index.row())
        if role == _TOOLTIP:
            # Asked for one cell under the mouse, not for every cell a scroll uncovers.
            number = index.row()
            row = self.loaded(number)
            return None if row is None else self.cell_tooltip(number, row, index.column())
        cell = self.cell(index.row(), index.column(), role == DISPLAY)
        return None if cell is None else cell.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return SELECTABLE if index.isValid() else Qt.ItemFlag.NoItemFlags  # no tick boxes

    def cell(self, number: int, column: int, painted: bool = False) -> Cell | None:
        """The cell's roles and their values, if its row is held; a cell being painted also
        fetches what the view is about to need."""
        if painted:
            found = self._painted(number, column)
        else:
            at = number - self._start
            found = at if 0 <= at < len(self._rows) else None
        if found is None:
            return None
        at = found
        shown: _Shown | None = self._cache[at]
        if shown is None or shown[1] != theme.generation:
            shown = self._cells(at)
        return shown[0][column]

    def _cells(self, at: int) -> _Shown:
        """Row ``at``'s cells, made once (until the theme changes)."""
        row = self._rows[at]
        number = self._start + at
        cells = []
        for column, look in enumerate(self._look(row)):
            # No row in the cell (data() gives it): a cell of only strings and ints is one the
            # cycle collector stops following once it has seen it; a window's 22,000 cells
            # were most of what a full collection walked in a scroll step.
            cells.append({**look, _ID: row.id, _DISPLAY: self.text(number, row, column),
                          _ALIGNMENT: ALIGNMENTS[column]})
        shown = (tuple(cells), theme.generation)
        self._cache[at] = shown
        return shown

    def _look(self, row: OrderRow) -> _Look:
        """Each column's background, foreground and icon roles (those it has) for the row."""
        if self._looks_theme != theme.generation:
            self._looks, self._looks_theme = {}, theme.generation
        key = (row.status, row.payment_status, row.overdue, row.on_hold)
        look = self._looks.get(key)
        if look is None:
            background = self.background(row)
            look = self._looks[key] = tuple(
                {role: value for role, value in ((_BACKGROUND, background),
                                                 (_FOREGROUND, self.foreground(row, column)),
                                                 (_DECORATION, self.decoration(row, column)))
                 if value is not None}
                for column in range(len(COLUMNS)))
        return look

    def text(self, number: int, row: OrderRow, column: int) -> str:
        return COLUMNS[column].text(row)

    def background(self, row: OrderRow) -> QColor | None:
        if row.overdue:
            return tint(OVERDUE_BACKGROUND)
        return tint(ON_HOLD_BACKGROUND) if row.on_hold else None

    def foreground(self, row: OrderRow, column: int) -> QColor | None:
        # Readable on the row's own tint, not only on the plain Base.
        if column == STATUS_COLUMN:
            return readable(STATUS_COLOURS[row.status], self.background(row))
        if column == PAYMENT_COLUMN:
            return readable(PAYMENT_COLOURS[row.payment_status], self.background(row))
        return None

    def decoration(self, row: OrderRow, column: int) -> QIcon | None:
        if column != 0:
            return None
        if row.on_hold:
            return _icon("on_hold")
        return _icon("overdue") if row.overdue else None

    def tooltip(self, row: OrderRow, column: int) -> str | None:
        marks = []
        if row.on_hold:
            marks.append(translate("OrderListModel", "On hold"))
        if row.overdue:
            marks.append(translate("OrderListModel", "Overdue"))
        return " · ".join(marks) or None
