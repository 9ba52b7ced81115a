"""Which order a new event belongs to: search by number (typed or scanned) or patient."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.dto import OrderRow
from ...services import calendar
from ..client import ServiceClient
from ..formatting import date_text, label

SEARCH_DELAY_MS = 150


class OrderPickerDialog(QDialog):
    """``order_id`` is the chosen order once the dialog was accepted."""

    def __init__(self, client: ServiceClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New event: which order?"))
        self.setMinimumSize(680, 400)
        self._client = client
        self._generation = 0
        self.order_id: int | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Order number, patient, customer or lab"))
        self.results = QListWidget()
        self.results.setObjectName("orderPickerResults")
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setUniformItemSizes(True)
        self.empty = QLabel(self.tr("No order matches (cancelled orders take no events)."))
        self.empty.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Type or scan the order number, or part of the patient's name:")))
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_orders)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.accept)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.results.currentRowChanged.connect(lambda _row: self._update_ok())
        self._update_ok()
        self.search_orders()

    def search_orders(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        self._client.submit(calendar.orders_for_new_event, self.search.text()).then(
            lambda rows: self._show(generation, rows), busy=self)

    def _show(self, generation: int, rows: list[OrderRow]) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for row in rows:
            due = date_text(row.due_date)
            item = QListWidgetItem(
                f"{row.number_text}  ·  {row.patient_name}  ·  {row.customer_name}  ·  "
                f"{row.lab_name}  ·  {label(row.status)}"
                + (f"  ·  {self.tr('due {date}').format(date=due)}" if due else ""))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(item.text())
            self.results.addItem(item)
        self.empty.setVisible(not rows)
        if rows:
            self.results.setCurrentRow(0)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.results.currentItem() is not None)

    def accept(self) -> None:
        if self.results.currentRow() < 0:
            return
        item = self.results.currentItem()
        self.order_id = int(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
