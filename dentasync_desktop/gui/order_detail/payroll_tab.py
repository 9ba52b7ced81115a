"""The Payroll tab: what the technicians earn on this order; a finalized record is locked."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.actions import Action
from ...domain.dto import OrderDetail, PayrollInfo
from ...domain.money import totals_by_currency
from ...services import payroll
from ..formatting import money
from .context import OrderContext, OrderTab
from .editors import PayrollDialog
from .models import PayrollModel
from .widgets import RecordTable, apply_gate, button, button_row, confirm


class PayrollTab(OrderTab):
    def __init__(self, context: OrderContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = PayrollModel(self)
        self.table = RecordTable(self.model, stretch_column=4)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selection_changed.connect(self.update_actions)
        self.add_button = button(self.tr("Add…"), self.add)
        self.edit_button = button(self.tr("Edit…"), self.edit)
        self.finalize_button = button(self.tr("Finalize…"), self.finalize)
        self.total = QLabel()
        self.total.setStyleSheet("QLabel { font-weight: 600; }")
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.add_button, self.edit_button, self.finalize_button,
                                    self.total, stretch_at=3))
        layout.addWidget(self.table)
        context.changed.connect(self.show_detail)

    def show_detail(self, order: OrderDetail) -> None:
        self.table.show_rows(order.payroll)
        sums = totals_by_currency([record.amount for record in order.payroll])
        self.total.setText(self.tr("Total: {amounts}").format(
            amounts=", ".join(money(amount) for amount in sums.values())) if sums else "")
        self.update_actions()

    def update_actions(self) -> None:
        gate = self._context.gate(Action.PAYROLL)
        record: PayrollInfo | None = self.table.selected()
        missing = ""
        if record is None:
            missing = self.tr("Select a payroll record first")
        elif record.finalized:
            missing = self.tr("The record is finalized and can no longer change")
        apply_gate(self.add_button, gate, self.tr("Record what a technician earns on this order"))
        apply_gate(self.edit_button, gate, missing=missing)
        # Calculating is allowed from Draft; locking waits for production (the lifecycle table).
        apply_gate(self.finalize_button, self._context.gate(Action.FINALIZE_PAYROLL),
                   missing=missing)

    def add(self) -> None:
        self._context.with_staff(lambda staff: self._context.run_dialog(PayrollDialog(
            self, self.tr("Add payroll record"), None, self._context.detail.total.currency,
            staff, self._context.submitter(payroll.add_payroll, self._context.order_id))))

    def edit(self) -> None:
        record: PayrollInfo | None = self.table.selected()
        if record is None or not self.edit_button.isEnabled():
            return
        self._context.with_staff(lambda staff: self._context.run_dialog(PayrollDialog(
            self, self.tr("Edit payroll record"), record, record.amount.currency, staff,
            self._context.submitter(payroll.edit_payroll, record.id))))

    def finalize(self) -> None:
        record: PayrollInfo | None = self.table.selected()
        if record is not None and not record.finalized and confirm(
                self, self.tr("Finalize payroll record"),
                self.tr("Finalize {amount} for {name}? A finalized record can no longer be "
                        "changed.").format(amount=money(record.amount), name=record.staff_name)):
            self._context.run(payroll.finalize_payroll, record.id)
