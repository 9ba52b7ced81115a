"""The Work orders page: search, quick filters, filters, the paged list, and open orders as tabs."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.dto import CustomerInfo, OrderFilter
from ...domain.enums import OrderStatus, PaymentStatus
from ...domain.errors import DomainError
from ...domain.numbers import format_number, looks_like_number
from ...services import masterdata, order_detail, order_list
from ...services.changes import ORDER_PARTS, Change, ChangeKind
from ..access import gate
from ..changes import ChangeRelay
from ..errors import show_refusal
from ..formatting import label, pydate
from ..order_detail.view import OrderDetailView
from ..order_editor import OrderEditorDialog
from ..theme import icon
from ..widgets.columns import fit_columns, install_column_layout
from ..widgets.dates import date_edit
from ..widgets.lookup import LookupCombo
from ..widgets.record_table import record_table
from ..worker import show_error
from .model import COLUMNS, ORDER_ID_ROLE, OrderListModel

if TYPE_CHECKING:
    from ..shell import Shell

SEARCH_DELAY_MS = 150
NAMES_SHOWN = frozenset({ChangeKind.LAB, ChangeKind.CUSTOMER, ChangeKind.PATIENT})
LOOKUP_LIMIT = 200


class OrderListPage(QWidget):
    """The list on the first tab; every opened order gets a closable tab of its own."""

    current_order_changed = Signal(object)  # the selected/open order's id, or None
    new_order_requested = Signal()

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderListPage")
        self._shell = shell
        self._client = shell.client
        self.model = OrderListModel(self._client, self)
        self._details: dict[int, OrderDetailView] = {}
        self._reselect_id: int | None = None  # selected again once the reload is shown
        self._select_first = False
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

        self.quick = QButtonGroup(self)
        self.quick.setExclusive(True)
        quick_row = QHBoxLayout()
        quick_row.setSpacing(4)
        self._quick_buttons: dict[OrderStatus | None, QPushButton] = {}
        for status in (None, *OrderStatus):
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName("quickFilter")
            button.setProperty("status", status.value if status else "all")
            self.quick.addButton(button)
            self._quick_buttons[status] = button
            quick_row.addWidget(button)
        quick_row.addStretch(1)
        self._quick_buttons[None].setChecked(True)
        self._show_counts({})

        self.lab_filter = LookupCombo(
            lambda text: self._client.submit(masterdata.list_labs, text, True),
            lambda lab: lab.name, none_text=self.tr("All labs"))
        self.lab_filter.setObjectName("labFilter")
        self.customer_filter = LookupCombo(
            lambda text: self._client.submit(masterdata.list_customers, text, True,
                                             LOOKUP_LIMIT),
            _customer_text, none_text=self.tr("All customers"))
        self.customer_filter.setObjectName("customerFilter")
        self.payment_filter = QComboBox()
        self.payment_filter.setObjectName("paymentFilter")
        self.payment_filter.addItem(self.tr("Any payment"), "")
        for payment in PaymentStatus:
            self.payment_filter.addItem(label(payment), payment)
        self.due_check = QCheckBox(self.tr("Due from"))
        self.due_from = date_edit()
        self.due_to = date_edit()
        today = QDate.currentDate()
        for edit, value in ((self.due_from, today), (self.due_to, today.addDays(7))):
            edit.setCalendarPopup(True)
            edit.setDate(value)
            edit.setEnabled(False)
        self.overdue_check = QCheckBox(self.tr("Overdue"))
        self.hold_check = QCheckBox(self.tr("On hold"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        filters = QHBoxLayout()
        filters.addWidget(self.lab_filter, 2)
        filters.addWidget(self.customer_filter, 2)
        filters.addWidget(self.payment_filter, 1)
        filters.addSpacing(8)
        filters.addWidget(self.due_check)
        filters.addWidget(self.due_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.due_to)
        filters.addSpacing(8)
        filters.addWidget(self.overdue_check)
        filters.addWidget(self.hold_check)
        filters.addStretch(1)
        filters.addWidget(self.clear_button)

        self.table = record_table(self.model, "orderTable", multi_select=True)
        header = self.table.horizontalHeader()
        header.setSortIndicator(
            [c.sort_key for c in COLUMNS].index("due_date"), Qt.SortOrder.AscendingOrder)
        # Without a remembered layout the columns fit the first page of rows, once.
        self._fit_columns = not install_column_layout(self.table, "orderList")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.setContentsMargins(0, 6, 0, 0)
        list_layout.addLayout(quick_row)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("orderTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(list_tab, self.tr("All orders"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

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
        self.model.reloaded.connect(self._counts_timer.start)
        self.model.reloaded.connect(self._show_total)
        self.model.reloaded.connect(self._first_fit)
        self.model.reloaded.connect(self._after_reload)
        ChangeRelay.of(self._client).changed.connect(self._on_changes)
        self.model.rowsInserted.connect(self._show_total)
        self.quick.buttonToggled.connect(lambda _b, checked: checked and self.apply_filters())
        self.lab_filter.value_changed.connect(self.apply_filters)
        self.customer_filter.value_changed.connect(self.apply_filters)
        self.payment_filter.currentIndexChanged.connect(self.apply_filters)
        self.due_check.toggled.connect(self._due_toggled)
        self.due_from.dateChanged.connect(lambda _d: self._due_changed(self.due_from))
        self.due_to.dateChanged.connect(lambda _d: self._due_changed(self.due_to))
        self.overdue_check.toggled.connect(self.apply_filters)
        self.hold_check.toggled.connect(self.apply_filters)
        self.clear_button.clicked.connect(self.clear_filters)
        self.new_button.clicked.connect(self.new_order_requested)
        gate(self.new_button, self._client, Action.CREATE_ORDER)
        self.print_button.clicked.connect(self.print_selected)
        gate(self.print_button, self._client, Action.PRINT)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.current_order_changed.emit(self.selected_order_id()))
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(
            lambda _i: self.current_order_changed.emit(self.selected_order_id()))
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
        status = next((s for s, b in self._quick_buttons.items() if b.isChecked()), None)
        due_on = self.due_check.isChecked()
        payment = self.payment_filter.currentData()  # Qt hands the enum back as its str value
        return OrderFilter(
            text=self.search.text().strip(),
            statuses=(status,) if status else (),
            lab_id=self.lab_filter.value(),
            customer_id=self.customer_filter.value(),
            due_from=pydate(self.due_from.date()) if due_on else None,
            due_to=pydate(self.due_to.date()) if due_on else None,
            payment_status=PaymentStatus(payment) if payment else None,
            overdue_only=self.overdue_check.isChecked(),
            on_hold_only=self.hold_check.isChecked(),
        )

    def apply_filters(self) -> bool:
        """Query the list for the filters shown, unless it shows them already (False)."""
        self._search_timer.stop()
        flt = self.current_filter()
        if flt == replace(self.model.order_filter, sort_key=flt.sort_key,
                          descending=flt.descending):
            return False
        self._reselect_id = self.selected_order_id()
        self.model.set_filter(flt)
        return True

    def clear_filters(self) -> None:
        for widget in (self.search, self.lab_filter, self.customer_filter, self.payment_filter,
                       self.due_check, self.overdue_check, self.hold_check,
                       *self._quick_buttons.values()):
            widget.blockSignals(True)
        self.search.clear()
        self.lab_filter.set_record(None)
        self.customer_filter.set_record(None)
        self.payment_filter.setCurrentIndex(0)
        self.due_check.setChecked(False)
        self.overdue_check.setChecked(False)
        self.hold_check.setChecked(False)
        self._quick_buttons[None].setChecked(True)
        for widget in (self.search, self.lab_filter, self.customer_filter, self.payment_filter,
                       self.due_check, self.overdue_check, self.hold_check,
                       *self._quick_buttons.values()):
            widget.blockSignals(False)
        self._due_toggled(False)

    def _due_toggled(self, on: bool) -> None:
        self.due_from.setEnabled(on)
        self.due_to.setEnabled(on)
        self.apply_filters()

    def _due_changed(self, edited: QDateEdit) -> None:
        """Keep from <= to by moving the other end along with the one just edited."""
        if self.due_from.date() > self.due_to.date():
            other = self.due_to if edited is self.due_from else self.due_from
            other.blockSignals(True)
            other.setDate(edited.date())
            other.blockSignals(False)
        if self.due_check.isChecked():
            self.apply_filters()

    def refresh_counts(self) -> None:
        self._client.submit(order_list.count_by_status, self.model.order_filter).then(
            self._show_counts, busy=self)

    def _show_counts(self, counts: dict[OrderStatus, int]) -> None:
        for status, button in self._quick_buttons.items():
            name = label(status) if status else self.tr("All")
            if counts:
                number = sum(counts.values()) if status is None else counts.get(status, 0)
                button.setText(f"{name}  {QLocale().toString(number)}")
            else:
                button.setText(name)

    def _first_fit(self) -> None:
        if self._fit_columns and self.model.rowCount():
            self._fit_columns = False
            fit_columns(self.table)

    def _show_total(self) -> None:
        locale = QLocale()
        self.count_label.setText(self.tr("Showing {shown} of {total} work orders").format(
            shown=locale.toString(self.model.rowCount()),
            total=locale.toString(self.model.total_count)))

    # --- search and number jump ------------------------------------------------------------

    def _search_entered(self) -> None:
        text = self.search.text().strip()
        if looks_like_number(text):
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
        current = self.tabs.currentWidget()
        for order_id, view in self._details.items():
            if view is current:
                return order_id
        index = self.table.currentIndex()
        return index.data(ORDER_ID_ROLE) if index.isValid() else None

    def selected_order_ids(self) -> list[int]:
        """Every order selected in the list, in list order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(ORDER_ID_ROLE) for index in rows]

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
        existing = self._details.get(order_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            if tab is not None:
                existing.show_tab(tab)
            return
        view = OrderDetailView(self._client, order_id, self)
        view.loaded.connect(lambda detail, v=view: self._name_tab(v, detail.number_text))
        view.load_failed.connect(lambda error, v=view: self._not_opened(v, error))
        view.edit_requested.connect(lambda _id, v=view: self.edit_order(v))
        view.open_order_requested.connect(self.open_order)
        view.deleted.connect(lambda _id, v=view: self.close_tab(self.tabs.indexOf(v)))
        view.print_requested.connect(
            lambda order: self._shell.run_order_command(Action.PRINT, order))
        self._details[order_id] = view
        index = self.tabs.addTab(view, self.tr("Loading…"))
        self.tabs.setCurrentIndex(index)
        if tab is not None:
            view.show_tab(tab)

    def _name_tab(self, view: OrderDetailView, text: str) -> None:
        index = self.tabs.indexOf(view)
        if index > 0:
            self.tabs.setTabText(index, text)

    def _not_opened(self, view: OrderDetailView, error: DomainError) -> None:
        self.close_tab(self.tabs.indexOf(view))
        show_refusal(self, error)

    def edit_order(self, view: OrderDetailView) -> None:
        """The editor saves through the services; the change bus refreshes the order's views."""
        dialog = OrderEditorDialog(self._client, view.detail, self)
        dialog.exec()
        dialog.deleteLater()

    def close_tab(self, index: int) -> None:
        view = self.tabs.widget(index)
        if index <= 0 or view is None:
            return
        for order_id, open_view in list(self._details.items()):
            if open_view is view:
                del self._details[order_id]
        self.tabs.removeTab(index)
        view.deleteLater()

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        """What the change bus reports: changed orders refresh their rows and the counts;
        renamed labs, customers or patients re-query the loaded rows and the filter choices."""
        if any(c.kind in NAMES_SHOWN for c in changes):
            self.refresh(keep_loaded=True)
            return
        order_ids = {c.order_id for c in changes if c.kind in ORDER_PARTS and c.order_id}
        if order_ids:
            self.model.refresh_orders(order_ids)
            self._counts_timer.start()

    # --- page hooks the main window calls --------------------------------------------------

    def refresh(self, keep_loaded: bool = False) -> None:
        self._reselect_id = self.selected_order_id()
        self.model.reload(keep_loaded=keep_loaded)
        self.lab_filter.reload()
        self.customer_filter.reload()

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


def _customer_text(customer: CustomerInfo) -> str:
    return f"{customer.name} ({customer.clinic})" if customer.clinic else customer.name


def _number_text(text: str) -> str:
    digits = "".join(c for c in text if c.isdigit())
    return format_number(int(digits)) if digits else text

