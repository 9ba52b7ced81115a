"""The Info tab: what the order is about, its dates and its items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain.dto import OrderDetail
from ...domain.teeth import format_teeth
from ..formatting import date_text, datetime_text, label, money
from .context import OrderContext, OrderTab
from .models import ItemsModel
from .widgets import RecordTable

ITEMS_SHOWN = 12  # more items scroll inside the table


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class InfoTab(OrderTab):
    def __init__(self, context: OrderContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._values: dict[str, QLabel] = {}
        for key, title in (
            ("patient", self.tr("Patient")),
            ("born", self.tr("Date of birth")),
            ("customer", self.tr("Customer")),
            ("lab", self.tr("Dental lab")),
            ("documented", self.tr("Documented")),
            ("due", self.tr("Due date")),
            ("created", self.tr("Created")),
            ("shade", self.tr("Shade")),
            ("teeth", self.tr("Teeth")),
            ("tracking", self.tr("Tracking number")),
            ("method", self.tr("Payment method")),
            ("hold", self.tr("On hold because")),
            ("remake", self.tr("Remake because")),
            ("cancel", self.tr("Cancelled because")),
        ):
            self._values[key] = _value_label()
            self._form.addRow(title, self._values[key])
        details = QGroupBox(self.tr("Details"))
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(self._form)
        details_layout.addStretch(1)  # the rows keep together when the box is taller

        # Whom to call about the case, at the desk and at the lab.
        self._contacts = QFormLayout()
        self._contacts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, title in (
            ("patient phone", self.tr("Patient's phone")),
            ("patient contact", self.tr("Patient's contact")),
            ("patient address", self.tr("Patient's address")),
            ("lab contact", self.tr("Lab contact")),
            ("lab phone", self.tr("Lab phone")),
            ("lab email", self.tr("Lab e-mail")),
            ("lab address", self.tr("Lab address")),
        ):
            self._values[key] = _value_label()
            self._contacts.addRow(title, self._values[key])
        contacts = QGroupBox(self.tr("Contacts"))
        contacts.setLayout(self._contacts)

        self.description = _value_label()
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        about = QGroupBox(self.tr("Description"))
        QVBoxLayout(about).addWidget(self.description)

        self.items_model = ItemsModel(self)
        self.items = RecordTable(self.items_model, stretch_column=1, fit_rows=ITEMS_SHOWN)
        self.items.setWordWrap(False)
        self.items_total = QLabel()
        self.items_total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.items_total.setStyleSheet("QLabel { font-weight: 600; }")
        items_box = QGroupBox(self.tr("Items"))
        items_layout = QVBoxLayout(items_box)
        items_layout.addWidget(self.items)
        items_layout.addWidget(self.items_total)

        layout = QGridLayout(self)
        layout.addWidget(details, 0, 0, 2, 1)
        layout.addWidget(contacts, 0, 1)
        layout.addWidget(about, 1, 1)
        layout.addWidget(items_box, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        layout.setRowStretch(3, 1)
        context.changed.connect(self.show_detail)

    def value(self, key: str) -> str:
        return self._values[key].text()

    def show_detail(self, order: OrderDetail) -> None:
        customer = order.customer.name + (f" — {order.customer.clinic}"
                                          if order.customer.clinic else "")
        texts = {
            "patient": order.patient.full_name,
            "born": date_text(order.patient.date_of_birth),
            "customer": customer,
            "lab": order.lab.name,
            "documented": date_text(order.documented_at),
            "due": date_text(order.due_date) or self.tr("not set"),
            "created": datetime_text(order.created_at),
            "shade": order.shade or "—",
            "teeth": format_teeth(order.teeth) or "—",
            "tracking": order.tracking_number,
            "method": label(order.payment_method) if order.payment_method else "",
            "hold": order.hold_reason if order.on_hold else "",
            "remake": order.remake_reason if order.is_remake else "",
            "cancel": order.cancel_reason,
        }
        optional = {"born", "tracking", "method", "hold", "remake", "cancel"}
        for key, text in texts.items():
            self._values[key].setText(text)
            self._form.setRowVisible(self._values[key], bool(text) or key not in optional)
        patient, lab = order.patient, order.lab
        for key, text in (
            ("patient phone", patient.phone), ("patient contact", patient.contact_person),
            ("patient address", patient.address), ("lab contact", lab.contact_person),
            ("lab phone", lab.phone), ("lab email", lab.email), ("lab address", lab.address),
        ):
            self._values[key].setText(text.strip() or "—")
        self.description.setText(order.description or self.tr("No description."))
        self.items.show_rows(order.items)
        if order.price_adjustment.minor == 0:
            text = self.tr("Total: {total}").format(total=money(order.total))
        else:
            text = self.tr("Items: {items} · adjustment: {adjustment} · total: {total}").format(
                items=money(order.items_total), adjustment=money(order.price_adjustment),
                total=money(order.total))
        self.items_total.setText(text)
