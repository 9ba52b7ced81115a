"""The order list as a Qt model over a window of a list of any length.

The model has as many rows as orders match (counted once per filter change, in the
background), but holds only a window of them: pages continue from the window's last row
(``orders_after``) or lead up to its first (``orders_before``) as the view scrolls, and pages
far from where the view is are dropped, so memory stays flat however far the user scrolls. A
jump (the scroll bar dragged, End) seeks the position from the nearer end of the list
(``orders_at``) instead of reading everything in between.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QWidget

from ...domain.dto import OrderCursor, OrderFilter, OrderRow, OrderSlice
from ...domain.enums import OrderStatus, PaymentStatus
from ...services import order_list
from .. import theme
from ..client import ServiceClient
from ..formatting import PAYMENT_COLOURS, STATUS_COLOURS, date_text, label, money
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
    RowTableModel,
)
from ..theme import icon, readable, tint
from ..translation import QT_TRANSLATE_NOOP, translate
from ..worker import Job, show_error

PAGE_SIZE = 200
WINDOW_ROWS = 2_000  # rows held; pages beyond are dropped as the view moves on
AHEAD = 60  # a row this close to the window's edge asks for the next page already
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
# value (roles without one left out), and the theme they were made in.
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


@dataclass(frozen=True)
class _Page:
    """How many rows one fetched page put in the window, and where to go on from its ends."""

    size: int
    previous: OrderCursor | None  # None: the list starts with this page
    next: OrderCursor | None  # None: the list ends with it


class OrderListModel(RowTableModel[OrderRow]):
    """Filtering and sorting happen in the service's query; changing either reloads from the
    top. Every query runs off the GUI thread (gui.worker), one at a time; an answer overtaken
    by a reload or a jump is dropped. Nothing is queried until the first ``sort`` or
    ``set_filter``, so a view can restore its saved sort order before the first page.
    """

    reloaded = Signal()  # new rows are shown (after a filter change, a sort, a refresh)
    counted = Signal()  # ``total_count`` is known for the filter shown

    def __init__(self, client: ServiceClient, parent: Any = None,
                 page_size: int = PAGE_SIZE, window_rows: int = WINDOW_ROWS) -> None:
        super().__init__(COLUMNS, parent, CONTEXT)
        self._client = client
        self._busy = parent if isinstance(parent, QWidget) else None
        self._page_size = page_size
        self._window_rows = max(window_rows, 2 * page_size)
        self._ahead = min(AHEAD, page_size // 3)  # well inside a page: no fetching both ways
        self._filter = OrderFilter()
        self._start = 0  # the list position of the window's first row
        self._cache: list[_Shown | None] = []  # each window row's cells, once shown
        self._looks: dict[_LookKey, _Look] = {}
        self._looks_theme = theme.generation
        self._pages: list[_Page] = []
        self._total = 0  # rows the view has: the count, or what is loaded until it comes
        self._counted = False
        self._generation = 0  # bumped by every reload: older answers are dropped
        self._window = 0  # bumped when the window is replaced: older page answers are dropped
        self._fetching = False
        self._wanted: int | None = None  # a row asked for while a page was on its way
        self._seen = 0  # the last row the view asked for: where a refresh goes back to
        # The rows the view painted empty (not held then): only they need painting again when
        # a page brings them. A page fetched ahead of the view repaints nothing: telling the
        # view of its 200 rows made it repaint the whole viewport, a second paint in a step.
        self._missed: tuple[int, int] | None = None

    # --- state -----------------------------------------------------------------------------

    @property
    def order_filter(self) -> OrderFilter:
        return self._filter

    @property
    def total_count(self) -> int:
        return self._total

    @property
    def is_counted(self) -> bool:
        return self._counted

    def window(self) -> range:
        """The positions of the rows held now."""
        return range(self._start, self._start + len(self._rows))

    def loaded(self, row: int) -> OrderRow | None:
        at = row - self._start
        return self._rows[at] if 0 <= at < len(self._rows) else None

    def row_at(self, row: int) -> OrderRow:
        found = self.loaded(row)
        if found is None:
            raise LookupError(f"row {row} is not loaded")
        return found

    def row_of(self, order_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == order_id:
                return self._start + number
        return None

    # --- reloading -------------------------------------------------------------------------

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

    def reload(self, keep_position: bool = False) -> Job[Any]:
        """Query again, off the GUI thread; ``reloaded`` says when the rows are shown.

        From the top, then counted in the background; with ``keep_position`` (rows joined or
        left the list, names changed) counted first, then the rows where the view is, put in
        place without a reset so the view keeps its place.
        """
        self._generation += 1
        self._window += 1
        generation, flt = self._generation, self._filter
        self._fetching, self._wanted = True, None
        if not keep_position or not self._counted:
            return self._client.submit(order_list.orders_after, flt, None,
                                       self._page_size).then(
                lambda page: self._show_first(generation, page),
                lambda error: self._failed(generation, error), busy=self._busy)
        return self._client.submit(order_list.count_orders, flt).then(
            lambda total: self._recounted(generation, total),
            lambda error: self._failed(generation, error), busy=self._busy)

    def _show_first(self, generation: int, page: OrderSlice) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.beginResetModel()
        self._set_window(0, page)
        self._total = len(page.rows)
        self._counted = page.next is None
        self.endResetModel()
        self.reloaded.emit()
        if self._counted:
            self.counted.emit()
            return
        # Counted once the rows are painted (the count's query would slow their paint), and
        # not at all when another filter came first.
        QTimer.singleShot(0, self, lambda: self._count(generation))

    def _count(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._client.submit(order_list.count_orders, self._filter).then(
            lambda total: self._show_count(generation, total),
            lambda error: self._failed(generation, error))

    def _show_count(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self._counted = True
        self._resize(max(total, self._start + len(self._rows)))
        self.counted.emit()
        self._continue()

    def _recounted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        position = max(0, min(self._seen, total - 1) - self._page_size // 2)
        job = self._seek_job(position, total)
        job.then(lambda page: self._show_again(generation, total, position, page),
                 lambda error: self._failed(generation, error), busy=self._busy)

    def _show_again(self, generation: int, total: int, position: int,
                    page: OrderSlice) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._counted = True
        self._set_window(self._landing(position, total, page), page)
        self._resize(total)
        if total:
            self.dataChanged.emit(self.index(0, 0), self.index(total - 1, len(COLUMNS) - 1))
        self.reloaded.emit()
        self.counted.emit()
        self._continue()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
        show_error(self._busy, error)

    def _resize(self, total: int) -> None:
        """Rows come or go at the end of the view's list (the count arrived or changed)."""
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < self._total:
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()

    # --- the window ------------------------------------------------------------------------

    def _set_window(self, start: int, page: OrderSlice) -> None:
        self._start = start
        self._rows = list(page.rows)
        self._cache = [None] * len(self._rows)
        self._pages = [_Page(len(page.rows), page.previous, page.next)] if page.rows else []

    def _want(self, row: int) -> None:
        """Fetch what row ``row`` needs: the next or previous page, or a jump to it."""
        if self._fetching:
            self._wanted = row
            return
        end = self._start + len(self._rows)
        head = self._pages[0].previous if self._pages else None
        tail = self._pages[-1].next if self._pages else None
        if end <= row < end + self._page_size and tail is not None:
            self._fetch(order_list.orders_after, tail, forward=True)
        elif self._start - self._page_size <= row < self._start and head is not None:
            self._fetch(order_list.orders_before, head, forward=False)
        elif row not in self.window() and 0 <= row < self._total:
            self._jump(row)

    def _fetch(self, service: Any, cursor: OrderCursor, forward: bool) -> None:
        self._fetching = True
        window, generation = self._window, self._generation
        self._client.submit(service, self._filter, cursor, self._page_size).then(
            lambda page: self._extend(window, page, forward),
            lambda error: self._failed(generation, error))

    def _extend(self, window: int, page: OrderSlice, forward: bool) -> None:
        if window != self._window:
            return
        self._fetching = False
        # The window is made whole before any signal: a view painting in a slot asks for
        # the next page from what it finds.
        first, count = self._append(page) if forward else self._prepend(page)
        self._trim(forward)
        if forward and page.next is None:
            self._resize(self._start + len(self._rows))  # the end, whatever was counted
        self._shown(first, count)

    def _append(self, page: OrderSlice) -> tuple[int, int]:
        first, rows = self._start + len(self._rows), page.rows
        if rows:
            self._rows.extend(rows)
            self._cache.extend([None] * len(rows))
            self._pages.append(_Page(len(rows), page.previous, page.next))
        else:
            self._pages[-1] = replace(self._pages[-1], next=None)
        return first, len(rows)

    def _prepend(self, page: OrderSlice) -> tuple[int, int]:
        rows = page.rows
        if rows:
            self._rows[:0] = rows
            self._cache[:0] = [None] * len(rows)
            self._pages.insert(0, _Page(len(rows), page.previous, page.next))
        else:
            self._pages[0] = replace(self._pages[0], previous=None)
        if page.previous is None and self._start != len(rows):
            # The list starts here, whatever the positions said: the rows move up.
            self._start = 0
            return 0, len(self._rows)
        self._start -= len(rows)
        return self._start, len(rows)

    def _trim(self, forward: bool) -> None:
        """Drop pages from the far end of the window while it holds too many rows."""
        while len(self._rows) > self._window_rows and len(self._pages) > 1:
            if forward:
                size = self._pages.pop(0).size
                del self._rows[:size], self._cache[:size]
                self._start += size
            else:
                size = self._pages.pop().size
                del self._rows[-size:], self._cache[-size:]

    def _jump(self, row: int) -> None:
        """Seek the page at ``row`` from the nearer end of the list; the window starts over."""
        self._window += 1
        self._fetching = True
        window, generation, total = self._window, self._generation, self._total
        position = max(0, row - self._page_size // 4)
        self._seek_job(position, total).then(
            lambda page: self._landed(window, position, total, page),
            lambda error: self._failed(generation, error))

    def _seek_job(self, position: int, total: int) -> Job[OrderSlice]:
        from_end = position + self._page_size // 2 > total // 2
        if from_end:
            beyond = max(total - position - self._page_size, 0)
            return self._client.submit(order_list.orders_at, self._filter, beyond,
                                       self._page_size, True)
        return self._client.submit(order_list.orders_at, self._filter, position,
                                   self._page_size, False)

    def _landing(self, position: int, total: int, page: OrderSlice) -> int:
        """Where the seek's first row is in the list."""
        if position + self._page_size // 2 > total // 2:
            return max(total - max(total - position - self._page_size, 0) - len(page.rows), 0)
        return position

    def _landed(self, window: int, position: int, total: int, page: OrderSlice) -> None:
        if window != self._window:
            return
        self._fetching = False
        start = 0 if page.previous is None else self._landing(position, total, page)
        self._set_window(start, page)
        if page.next is None:
            self._resize(start + len(page.rows))  # the end of the list, whatever was counted
        self._shown(start, len(page.rows))

    def _shown(self, first: int, count: int) -> None:
        """Repaint those of the ``count`` rows that came from ``first`` on which the view
        painted empty (and are still held), then fetch what the view asked for meanwhile."""
        first, last = max(first, self._start), min(first + count, self._start + len(self._rows),
                                                   self._total) - 1
        missed = self._missed
        if missed is not None and first <= last:
            if first <= missed[0] and missed[1] <= last:
                self._missed = None  # all there now; rows missed beyond wait for their page
            low, high = max(first, missed[0]), min(last, missed[1])
            if low <= high:
                self.dataChanged.emit(self.index(low, 0), self.index(high, len(COLUMNS) - 1))
        self._continue()

    def _continue(self) -> None:
        wanted, self._wanted = self._wanted, None
        if wanted is not None and self.loaded(wanted) is None:
            self._want(wanted)

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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _ROW:
            return self.loaded(index.row())
        cell = self.cell(index.row(), index.column(), role == DISPLAY)
        return None if cell is None else cell.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return SELECTABLE if index.isValid() else Qt.ItemFlag.NoItemFlags  # no tick boxes

    def cell(self, number: int, column: int, painted: bool = False) -> Cell | None:
        """The cell's roles and their values, if its row is held; a cell being painted also
        fetches what the view is about to need."""
        at = number - self._start
        held = len(self._rows)
        if painted and column == 0:
            self._seen = number
            # Ask for the next page while the rows on screen are still there.
            if not 0 <= at < held or (
                    not self._fetching and (at >= held - self._ahead or at < self._ahead)):
                self._near(number, at)
                held = len(self._rows)
                at = number - self._start
        if not 0 <= at < held:
            if painted:
                missed = self._missed
                self._missed = (number, number) if missed is None else (
                    min(missed[0], number), max(missed[1], number))
            return None
        shown = self._cache[at]
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
            cell = {**look, _ID: row.id, _DISPLAY: self.text(number, row, column),
                    _ALIGNMENT: ALIGNMENTS[column]}
            tip = self.cell_tooltip(number, row, column)
            if tip is not None:
                cell[_TOOLTIP] = tip
            cells.append(cell)
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

    def _near(self, number: int, at: int) -> None:
        if not 0 <= at < len(self._rows):
            self._want(number)
        elif at >= len(self._rows) - self._ahead and self._pages[-1].next is not None:
            self._want(self._start + len(self._rows))  # the page after the window
        elif at < self._ahead and self._pages[0].previous is not None:
            self._want(self._start - 1)

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
