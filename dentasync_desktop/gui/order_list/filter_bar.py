"""The order list's filters: status quick filters with their counts, then lab, customer,
payment, due range, overdue and on hold."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dto import CustomerInfo, OrderFilter
from ...domain.enums import OrderStatus, PaymentStatus
from ...services import masterdata
from ..client import ServiceClient
from ..formatting import label, pydate
from ..translation import translate
from ..widgets.dates import date_edit
from ..widgets.flow_layout import FlowLayout
from ..widgets.lookup import LookupCombo

# The texts keep the page's context ("OrderListPage"): they were the page's before the filters
# moved out of it.

LOOKUP_LIMIT = 200



class OrderFilterBar(QWidget):
    """``changed`` fires whenever a filter is edited (not while ``clear`` resets them all).

    The lab and customer choices are loaded by ``reload_choices`` (the page calls it once its
    first rows are shown)."""

    changed = Signal()

    def __init__(self, client: ServiceClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quick = QButtonGroup(self)
        self.quick.setExclusive(True)
        quick_row = FlowLayout(spacing=4)
        self.quick_buttons: dict[OrderStatus | None, QPushButton] = {}
        for status in (None, *OrderStatus):
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName("quickFilter")
            button.setProperty("status", status.value if status else "all")
            self.quick.addButton(button)
            self.quick_buttons[status] = button
            quick_row.addWidget(button)
        self.quick_buttons[None].setChecked(True)
        self.show_counts({})

        self.lab_filter = LookupCombo(
            lambda text: client.submit(masterdata.list_labs, text, True),
            lambda lab: lab.name, none_text=translate("OrderListPage", "All labs"), load=False)
        self.lab_filter.setObjectName("labFilter")
        self.customer_filter = LookupCombo(
            lambda text: client.submit(masterdata.list_customers, text, True, LOOKUP_LIMIT),
            _customer_text, none_text=translate("OrderListPage", "All customers"), load=False)
        self.customer_filter.setObjectName("customerFilter")
        self.payment_filter = QComboBox()
        self.payment_filter.setObjectName("paymentFilter")
        self.payment_filter.addItem(translate("OrderListPage", "Any payment"), "")
        for payment in PaymentStatus:
            self.payment_filter.addItem(label(payment), payment)
        self.due_check = QCheckBox(translate("OrderListPage", "Due from"))
        self.due_from = date_edit()
        self.due_to = date_edit()
        today = QDate.currentDate()
        for edit, value in ((self.due_from, today), (self.due_to, today.addDays(7))):
            edit.setCalendarPopup(True)
            edit.setDate(value)
            edit.setEnabled(False)
        self.overdue_check = QCheckBox(translate("OrderListPage", "Overdue"))
        self.hold_check = QCheckBox(translate("OrderListPage", "On hold"))
        self.clear_button = QPushButton(translate("OrderListPage", "Clear filters"))
        # The due range wraps as one piece: "to" never starts a row.
        due_range = QWidget()
        due_row = QHBoxLayout(due_range)
        due_row.setContentsMargins(8, 0, 8, 0)
        due_row.addWidget(self.due_check)
        due_row.addWidget(self.due_from)
        due_row.addWidget(QLabel(translate("OrderListPage", "to")))
        due_row.addWidget(self.due_to)
        # Wraps onto a second row where the width runs out (small windows, 150 %, German).
        filters = FlowLayout()
        for widget in (self.lab_filter, self.customer_filter, self.payment_filter, due_range,
                       self.overdue_check, self.hold_check, self.clear_button):
            filters.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(quick_row)
        layout.addLayout(filters)
        self._wire()

    def _wire(self) -> None:
        self.quick.buttonToggled.connect(self._quick_toggled)
        self.lab_filter.value_changed.connect(self.changed)
        self.customer_filter.value_changed.connect(self.changed)
        self.payment_filter.currentIndexChanged.connect(self.changed)
        self.due_check.toggled.connect(self._due_toggled)
        self.due_from.dateChanged.connect(lambda _d: self._due_changed(self.due_from))
        self.due_to.dateChanged.connect(lambda _d: self._due_changed(self.due_to))
        self.overdue_check.toggled.connect(self.changed)
        self.hold_check.toggled.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)

    def current_filter(self, text: str) -> OrderFilter:
        """The filters shown, with the search ``text``."""
        status = next((s for s, b in self.quick_buttons.items() if b.isChecked()), None)
        due_on = self.due_check.isChecked()
        payment = self.payment_filter.currentData()  # Qt hands the enum back as its str value
        return OrderFilter(
            text=text,
            statuses=(status,) if status else (),
            lab_id=self.lab_filter.value(),
            customer_id=self.customer_filter.value(),
            due_from=pydate(self.due_from.date()) if due_on else None,
            due_to=pydate(self.due_to.date()) if due_on else None,
            payment_status=PaymentStatus(payment) if payment else None,
            overdue_only=self.overdue_check.isChecked(),
            on_hold_only=self.hold_check.isChecked(),
        )

    def clear(self) -> None:
        """Every filter back to "all", then one ``changed``."""
        widgets = (self.lab_filter, self.customer_filter, self.payment_filter, self.due_check,
                   self.overdue_check, self.hold_check, *self.quick_buttons.values())
        for widget in widgets:
            widget.blockSignals(True)
        self.lab_filter.set_record(None)
        self.customer_filter.set_record(None)
        self.payment_filter.setCurrentIndex(0)
        self.due_check.setChecked(False)
        self.overdue_check.setChecked(False)
        self.hold_check.setChecked(False)
        self.quick_buttons[None].setChecked(True)
        for widget in widgets:
            widget.blockSignals(False)
        self._due_toggled(False)

    def reload_choices(self) -> None:
        """Labs and customers again (renamed, added or deactivated elsewhere)."""
        self.lab_filter.reload()
        self.customer_filter.reload()

    def show_counts(self, counts: dict[OrderStatus, int]) -> None:
        for status, button in self.quick_buttons.items():
            name = label(status) if status else translate("OrderListPage", "All")
            if counts:
                number = sum(counts.values()) if status is None else counts.get(status, 0)
                button.setText(f"{name}  {QLocale().toString(number)}")
            else:
                button.setText(name)

    def _quick_toggled(self, _button: QPushButton, checked: bool) -> None:
        if checked:  # the one switched on; the one switched off says nothing
            self.changed.emit()

    def _due_toggled(self, on: bool) -> None:
        self.due_from.setEnabled(on)
        self.due_to.setEnabled(on)
        self.changed.emit()

    def _due_changed(self, edited: QDateEdit) -> None:
        """Keep from <= to by moving the other end along with the one just edited."""
        if self.due_from.date() > self.due_to.date():
            other = self.due_to if edited is self.due_from else self.due_from
            other.blockSignals(True)
            other.setDate(edited.date())
            other.blockSignals(False)
        if self.due_check.isChecked():
            self.changed.emit()


def _customer_text(customer: CustomerInfo) -> str:
    return f"{customer.name} ({customer.clinic})" if customer.clinic else customer.name
