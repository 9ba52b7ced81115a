"""A Qt table model over a window of a keyset-paged list of any length.

The model has as many rows as the list has (counted once per reload, in the background), but
holds only a window of them: pages continue from the window's last row (``query_after``) or
lead up to its first (``query_before``) as the view scrolls, and pages far from where the view
is are dropped, so memory stays flat however far the user scrolls. A jump (the scroll bar
dragged, Ctrl+End) seeks the position from the nearer end of the list (``query_at``) instead of
reading everything in between. Until the count comes, the view has the rows read so far and
reads on at their end (``fetchMore``): no page waits for the count.

The order list and the finance page's Work orders tab are such lists; each says which services
answer the four queries and how its rows look.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..domain.dto import OrderCursor
from .table_model import DISPLAY, Column, Index, RowTableModel
from .worker import Job, show_error

WINDOW_ROWS = 2_000  # rows held; pages beyond are dropped as the view moves on
AHEAD = 60  # a row this close to the window's edge asks for the next page already
# SQLite walks an index backwards (a jump sought from the end) ~3-4x slower than forwards: at
# a million orders by due date 250,000 rows from the end took 8.7 ms, 750,000 from the top
# 6.3, the middle 15 ms from the end and 4 from the top. PostgreSQL walks both ways alike;
# there a seek from the top walks at most twice the rows the nearer end would.
BACKWARDS_COST = 2

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class Slice(Protocol[R_co]):
    """One keyset page as the services return it: its rows, and where to go on from its
    ends (None where the list ends, or starts)."""

    @property
    def rows(self) -> tuple[R_co, ...]: ...

    @property
    def next(self) -> OrderCursor | None: ...

    @property
    def previous(self) -> OrderCursor | None: ...


S = TypeVar("S", bound=Slice[Any])


@dataclass(frozen=True)
class _Page:
    """How many rows one fetched page put in the window, and where to go on from its ends."""

    size: int
    previous: OrderCursor | None  # None: the list starts with this page
    next: OrderCursor | None  # None: the list ends with it


class KeysetTableModel(RowTableModel[R], Generic[R, S]):
    """Every query runs off the GUI thread (gui.worker), one at a time; an answer overtaken
    by a reload or a jump is dropped, an error is shown. Nothing is queried until the first
    ``reload``, so a view can restore its saved sort order before the first page.

    Subclasses give the queries (``query_after``, ``query_before``, ``query_at``,
    ``query_count``) for the filter and sort they show, and reload when either changes.
    """

    reloaded = Signal()  # new rows are shown (after a filter change, a sort, a refresh)
    counted = Signal()  # ``total_count`` is known for the filter shown

    def __init__(self, columns: tuple[Column[R], ...], parent: Any, context: str,
                 page_size: int, window_rows: int = WINDOW_ROWS) -> None:
        super().__init__(columns, parent, context)
        self._busy = parent if isinstance(parent, QWidget) else None
        self._page_size = page_size
        self._window_rows = max(window_rows, 2 * page_size)
        self._ahead = min(AHEAD, page_size // 3)  # well inside a page: no fetching both ways
        self._start = 0  # the list position of the window's first row
        # Whatever a subclass keeps per window row (the order list: its cells), None until
        # made; dropped with its row.
        self._cache: list[Any] = []
        self._pages: list[_Page] = []
        self._total = 0  # rows the view has: the count, or what is read until it comes
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

    # --- the queries, for the filter and sort shown ----------------------------------------

    def query_after(self, cursor: OrderCursor | None) -> Job[S]:
        """The page that follows ``cursor`` (the first page when None)."""
        raise NotImplementedError

    def query_before(self, cursor: OrderCursor) -> Job[S]:
        """The page that leads up to ``cursor``."""
        raise NotImplementedError

    def query_at(self, position: int, from_end: bool) -> Job[S]:
        """A page from row ``position`` on, or ending ``position`` rows before the end."""
        raise NotImplementedError

    def query_count(self) -> Job[int]:
        raise NotImplementedError

    # --- state -----------------------------------------------------------------------------

    @property
    def total_count(self) -> int:
        """How many rows the list has, once ``is_counted``."""
        return self._total

    @property
    def is_counted(self) -> bool:
        return self._counted

    def window(self) -> range:
        """The positions of the rows held now."""
        return range(self._start, self._start + len(self._rows))

    def loaded(self, row: int) -> R | None:
        return super().loaded(row - self._start)

    def row_at(self, row: int) -> R:
        found = self.loaded(row)
        if found is None:
            raise LookupError(f"row {row} is not loaded")
        return found

    def row_of(self, record_id: int) -> int | None:
        found = super().row_of(record_id)
        return None if found is None else self._start + found

    # --- reloading -------------------------------------------------------------------------

    def reload(self, keep_position: bool = False) -> Job[Any]:
        """Query again, off the GUI thread; ``reloaded`` says when the rows are shown.

        From the top, then counted in the background; with ``keep_position`` (rows joined or
        left the list, names changed) counted first, then the rows where the view is, put in
        place without a reset so the view keeps its place.
        """
        self._generation += 1
        self._window += 1
        generation = self._generation
        self._fetching, self._wanted = True, None
        if not keep_position or not self._counted:
            return self.query_after(None).then(
                lambda page: self._show_first(generation, page),
                lambda error: self._failed(generation, error), busy=self._busy)
        return self.query_count().then(
            lambda total: self._recounted(generation, total),
            lambda error: self._failed(generation, error), busy=self._busy)

    def _show_first(self, generation: int, page: S) -> None:
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
        self.query_count().then(
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
        from_end = self._from_end(position, total)
        self._seek_job(position, total, from_end).then(
            lambda page: self._show_again(generation, total, position, from_end, page),
            lambda error: self._failed(generation, error), busy=self._busy)

    def _show_again(self, generation: int, total: int, position: int, from_end: bool,
                    page: S) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._counted = True
        self._set_window(self._landing(position, total, from_end, page), page)
        self._resize(total)
        if total:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(total - 1, len(self.columns) - 1))
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

    def _reached(self, end: int, last: bool) -> None:
        """The window reaches row ``end``: the view's list ends there when ``last``, whatever
        was counted; until the count comes, it goes as far as rows were read."""
        if last or (not self._counted and end > self._total):
            self._resize(end)

    # --- the window ------------------------------------------------------------------------

    def _set_window(self, start: int, page: S) -> None:
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
            self._fetch(self.query_after(tail), forward=True)
        elif self._start - self._page_size <= row < self._start and head is not None:
            self._fetch(self.query_before(head), forward=False)
        elif row not in self.window() and 0 <= row < self._total:
            self._jump(row)

    def _fetch(self, job: Job[S], forward: bool) -> None:
        self._fetching = True
        window, generation = self._window, self._generation
        job.then(lambda page: self._extend(window, page, forward),
                 lambda error: self._failed(generation, error))

    def _extend(self, window: int, page: S, forward: bool) -> None:
        if window != self._window:
            return
        self._fetching = False
        # The window is made whole before any signal: a view painting in a slot asks for
        # the next page from what it finds.
        first, count = self._append(page) if forward else self._prepend(page)
        self._trim(forward)
        if forward:
            self._reached(self._start + len(self._rows), page.next is None)
        self._shown(first, count)

    def _append(self, page: S) -> tuple[int, int]:
        first, rows = self._start + len(self._rows), page.rows
        if rows:
            self._rows.extend(rows)
            self._cache.extend([None] * len(rows))
            self._pages.append(_Page(len(rows), page.previous, page.next))
        else:
            self._pages[-1] = replace(self._pages[-1], next=None)
        return first, len(rows)

    def _prepend(self, page: S) -> tuple[int, int]:
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
        from_end = self._from_end(position, total)
        self._seek_job(position, total, from_end).then(
            lambda page: self._landed(window, position, total, from_end, page),
            lambda error: self._failed(generation, error))

    def _from_end(self, position: int, total: int) -> bool:
        """Whether ``position`` is sought from the end, once counted (until then the list's
        end is not known): where it is nearer by the rows an index walks backwards in the
        time it walks BACKWARDS_COST times as many forwards."""
        behind = total - position - self._page_size // 2
        return self._counted and behind * BACKWARDS_COST < position

    def _seek_job(self, position: int, total: int, from_end: bool) -> Job[S]:
        if from_end:
            return self.query_at(max(total - position - self._page_size, 0), True)
        return self.query_at(position, False)

    def _landing(self, position: int, total: int, from_end: bool, page: S) -> int:
        """Where the seek's first row is in the list."""
        if from_end:
            return max(total - max(total - position - self._page_size, 0) - len(page.rows), 0)
        return position

    def _landed(self, window: int, position: int, total: int, from_end: bool, page: S) -> None:
        if window != self._window:
            return
        self._fetching = False
        start = 0 if page.previous is None else self._landing(position, total, from_end, page)
        self._set_window(start, page)
        self._reached(start + len(page.rows), page.next is None)
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
                self.dataChanged.emit(self.index(low, 0),
                                      self.index(high, len(self.columns) - 1))
        self._continue()

    def _continue(self) -> None:
        wanted, self._wanted = self._wanted, None
        if wanted is not None and self.loaded(wanted) is None:
            self._want(wanted)

    def _painted(self, number: int, column: int) -> int | None:
        """A view paints cell ``column`` of row ``number``: the row's place in the window, or
        None when it is not held (it is painted again when its page comes); the first cell of
        a row, or any cell of a row not held, also fetches what the view is about to need.

        Any cell of a row not held asks: the first column may be scrolled out of sight
        (Ctrl+End goes to the last column too). Held rows ask once, from the first column:
        the call for every cell of a row doubled what a screenful of cells cost."""
        at = number - self._start
        held = len(self._rows)
        if column and 0 <= at < held:
            return at
        self._seen = number
        # Ask for the next page while the rows on screen are still there.
        if not 0 <= at < held or (
                not self._fetching and (at >= held - self._ahead or at < self._ahead)):
            self._near(number, at)
            held = len(self._rows)
            at = number - self._start
        if 0 <= at < held:
            return at
        missed = self._missed
        self._missed = (number, number) if missed is None else (
            min(missed[0], number), max(missed[1], number))
        return None

    def _near(self, number: int, at: int) -> None:
        if not 0 <= at < len(self._rows):
            self._want(number)
        elif at >= len(self._rows) - self._ahead and self._pages[-1].next is not None:
            self._want(self._start + len(self._rows))  # the page after the window
        elif at < self._ahead and self._pages[0].previous is not None:
            self._want(self._start - 1)

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == DISPLAY:
            self._painted(index.row(), index.column())
        return super().data(index, role)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Until the count comes, the view's list ends with the rows read: at its end, the
        view asks for the next page."""
        return (not parent.isValid() and not self._counted and not self._fetching
                and bool(self._pages) and self._pages[-1].next is not None
                and self._start + len(self._rows) == self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._want(self._total)
