"""The Work orders page: search, filters (filter_bar), the list of any length (model) and the
opened orders as tabs (order_tabs)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.dto import OrderFilter
from ...domain.enums import OrderStatus
from ...domain.numbers import format_number, looks_like_number
from ...services import order_list
from ...services.changes import ORDER_PARTS, Change, ChangeKind
from ..access import gate
from ..changes import ChangeRelay
from ..theme import icon
from ..widgets.columns import fit_columns, install_column_layout
from ..widgets.record_table import record_table
from ..worker import show_error
from .delegate import OrderCellDelegate
from .filter_bar import OrderFilterBar
from .model import COLUMNS, HIDE_FIRST, NAME_COLUMNS, ORDER_ID_ROLE, OrderListModel
from .order_tabs import OrderTabs

if TYPE_CHECKING:
    from ..shell import Shell

SEARCH_DELAY_MS = 150
NAMES_SHOWN = frozenset({ChangeKind.LAB, ChangeKind.CUSTOMER, ChangeKind.PATIENT})


class OrderListPage(QWidget):
    """The list on the first tab; every opened order gets a closable tab of its own."""

    current_order_changed = Signal(object)  # the selected/open order's id, or None
    new_order_requested = Signal()
    loaded = Signal()  # rows were shown (after a filter change, a sort, a refresh)

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderListPage")
        self._shell = shell
        self._client = shell.client
        self.model = OrderListModel(self._client, self)
        self._reselect_id: int | None = None  # selected again once the reload is shown
        self._select_first = False
        self._choices_loaded = False
        self._build()
        self._wire()
        self.table.setSortingEnabled(True)  # runs the first query, in the remembered order

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("orderSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setPlaceholderText(self.tr(
            "Search patient, customer, lab or description; type or scan a number and press Enter"))
        self.new_button = QPushButton(self.tr("New order"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(self.tr("Create a new work order (Ctrl+N)"))
        self.print_button = QPushButton(self.tr("Print selected…"))
        self.print_button.setObjectName("printSelected")
        self.print_button.setToolTip(self.tr(
            "Print the order forms of the selected orders (Ctrl+click or Shift+click to "
            "select several)"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)

        # The tabs and the list's tab first, the filters and the table then made inside it:
        # put into the tabs once made, all of it was styled again (the app's style sheet).
        list_tab = QWidget()
        self.tabs = OrderTabs(self._shell, list_tab, self.tr("All orders"), self)
        layout.addWidget(self.tabs, 1)
        self.filters = OrderFilterBar(self._client, list_tab)
        self.table = record_table(self.model, "orderTable", multi_select=True, parent=list_tab)
        self.table.setItemDelegate(OrderCellDelegate(self.model, self.table))
        header = self.table.horizontalHeader()
        # Columns fit the rows in sight: any other row of the list is a query away.
        header.setResizeContentsPrecision(0)
        header.setSortIndicator(
            [c.sort_key for c in COLUMNS].index("due_date"), Qt.SortOrder.AscendingOrder)
        # Without a remembered layout the columns fit the first page of rows, once.
        self._fit_columns = not install_column_layout(self.table, "orderList",
                                                      self._fit_widths)
        self.count_label = QLabel(list_tab)
        self.count_label.setObjectName("countLabel")
        list_layout = QVBoxLayout(list_tab)
        list_layout.setContentsMargins(0, 6, 0, 0)
        list_layout.addWidget(self.filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)

    def _wire(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)  # after the list has painted
        self._counts_timer.timeout.connect(self.refresh_counts)
        self._counts_timer.timeout.connect(self._load_choices)
        self.model.reloaded.connect(self._counts_timer.start)
        self.model.reloaded.connect(self._show_total)
        self.model.counted.connect(self._show_total)
        self.model.reloaded.connect(self._first_fit)
        self.model.reloaded.connect(self._after_reload)
        self.model.reloaded.connect(self.loaded)
        ChangeRelay.of(self._client).changed.connect(self._on_changes)
        self.filters.changed.connect(self.apply_filters)
        self.new_button.clicked.connect(self.new_order_requested)
        gate(self.new_button, self._client, Action.CREATE_ORDER)
        self.print_button.clicked.connect(self.print_selected)
        gate(self.print_button, self._client, Action.PRINT)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.current_order_changed.emit(self.selected_order_id()))
        self.tabs.order_shown.connect(
            lambda: self.current_order_changed.emit(self.selected_order_id()))
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(lambda: self.close_tab(self.tabs.currentIndex()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._open_index(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    # --- filters ---------------------------------------------------------------------------

    def current_filter(self) -> OrderFilter:
        return self.filters.current_filter(self.search.text().strip())

    def apply_filters(self) -> bool:
        """Query the list for the filters shown, unless it shows them already (False)."""
        self._search_timer.stop()
        flt = self.current_filter()
        if flt == replace(self.model.order_filter, sort_key=flt.sort_key,
                          descending=flt.descending):
            return False
        self._reselect_id = self.selected_order_id()
        # Counts not yet asked for the filter shown until now would only hold up the query
        # for this one; its rows being shown asks for its own.
        self._counts_timer.stop()
        self.model.set_filter(flt)
        return True

    def clear_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.clear()

    def refresh_counts(self) -> None:
        self._client.submit(order_list.count_by_status, self.model.order_filter).then(
            self._show_counts, busy=self)

    def _show_counts(self, counts: dict[OrderStatus, int]) -> None:
        self.filters.show_counts(counts)

    def _first_fit(self) -> None:
        if self._fit_columns and self.model.rowCount():
            self._fit_columns = False
            self._fit_widths()

    def _load_choices(self) -> None:
        """The lab and customer filters' choices, once the first rows are painted: the list's
        first page no longer waits behind their queries for the workers and the processor."""
        if not self._choices_loaded:
            self._choices_loaded = True
            self.filters.reload_choices()

    def _fit_widths(self) -> None:
        fit_columns(self.table, elide=NAME_COLUMNS, hide_first=HIDE_FIRST)

    def _show_total(self) -> None:
        if self.model.is_counted:
            self.count_label.setText(self.tr("Work orders: {count}").format(
                count=QLocale().toString(self.model.total_count)))
        else:
            self.count_label.setText(self.tr("Counting work orders…"))

    # --- search and number jump ------------------------------------------------------------

    def _search_entered(self) -> None:
        text = self.search.text().strip()
        if looks_like_number(text):
            # As the order view: on first use (the order services are not needed before).
            from ...services import order_detail

            self._client.submit(order_detail.find_order_id, text).then(
                lambda found: self._number_found(text, found), self._search_refused, busy=self)
            return
        self._search_text()

    def _number_found(self, text: str, found: int | None) -> None:
        if found is not None:
            self.search.selectAll()  # the next scan replaces the number
            self.open_order(found)
            return
        self._shell.show_message(self.tr("There is no work order {number}.").format(
            number=_number_text(text)))
        self._search_text()

    def _search_refused(self, error: BaseException) -> None:
        show_error(self, error)
        self._search_text()

    def _search_text(self) -> None:
        """Apply the search; the first row gets the focus once the rows are there."""
        self._select_first = True
        if not self.apply_filters():
            self._after_reload()  # nothing to query: the rows shown are the answer

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    # --- open orders -----------------------------------------------------------------------

    def selected_order_id(self) -> int | None:
        if self.tabs.currentIndex() > 0:
            return self.tabs.current_order_id()
        index = self.table.currentIndex()
        return index.data(ORDER_ID_ROLE) if index.isValid() else None

    def help_topic(self) -> str:
        """An open order has a guide of its own; the list has the page's."""
        return "order" if self.tabs.currentIndex() > 0 else "orders"

    def selected_order_ids(self) -> list[int]:
        """Every order selected in the list (and held in its window), in list order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [order_id for index in rows
                if (order_id := index.data(ORDER_ID_ROLE)) is not None]

    def print_selected(self) -> None:
        # Imported on first use: printing loads ReportLab, which would double the start-up time.
        from ..printing import batch_print

        batch_print(self._client, self, self.selected_order_ids())

    def _open_index(self, index: QModelIndex) -> None:
        order_id = index.data(ORDER_ID_ROLE) if index.isValid() else None
        if order_id is not None:
            self.open_order(order_id)

    def open_order(self, order_id: int, tab: str | None = None) -> None:
        """Show the order in its own tab (switching to it if it is already open), on its
        ``tab`` ("events", say) if given."""
        self.tabs.open_order(order_id, tab)

    def close_tab(self, index: int) -> None:
        self.tabs.close_tab(index)

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        """What the change bus reports: changed orders refresh their rows and the counts;
        renamed labs, customers or patients re-query the rows shown and the filter choices."""
        if any(c.kind in NAMES_SHOWN for c in changes):
            self.refresh(keep_position=True)
            return
        order_ids = {c.order_id for c in changes if c.kind in ORDER_PARTS and c.order_id}
        if order_ids:
            self.model.refresh_orders(order_ids)
            self._counts_timer.start()

    # --- page hooks the main window calls --------------------------------------------------

    def refresh(self, keep_position: bool = False) -> None:
        self._reselect_id = self.selected_order_id()
        self.model.reload(keep_position=keep_position)
        self._choices_loaded = True
        self.filters.reload_choices()

    def _after_reload(self) -> None:
        selected, self._reselect_id = self._reselect_id, None
        if self._select_first and self.model.rowCount():
            self._select_first = False
            self.table.setFocus()
            self.table.selectRow(0)
            return
        self._select_first = False
        self._reselect(selected)

    def table_view(self) -> QTableView:
        return self.table

    def _reselect(self, order_id: int | None) -> None:
        if order_id is None:
            return
        row = self.model.row_of(order_id)
        if row is not None:
            self.table.selectRow(row)


def _number_text(text: str) -> str:
    digits = "".join(c for c in text if c.isdigit())
    return format_number(int(digits)) if digits else text
