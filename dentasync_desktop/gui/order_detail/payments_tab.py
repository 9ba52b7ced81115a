"""The Payments tab: balance, the payment plan with its installments, and the payment history."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.actions import Action
from ...domain.dto import OrderDetail, PaymentInfo, PaymentPlanInfo
from ...services import payments
from ..formatting import PAYMENT_COLOURS, date_text, label, label_in_sentence, money, qdate
from .context import OrderContext, OrderTab
from .dialogs import TextDialog
from .editors import PaymentDialog, PlanDialog, every
from .models import InstallmentsModel, PaymentsModel
from .widgets import (
    RecordTable,
    apply_gate,
    badge,
    button,
    button_row,
    confirm,
    set_badge_colour,
)

INSTALLMENTS_SHOWN = 6  # a longer schedule scrolls inside its table


class PaymentsTab(OrderTab):
    def __init__(self, context: OrderContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.total, self.paid, self.balance = QLabel(), QLabel(), QLabel()
        for amount in (self.total, self.paid, self.balance):
            amount.setStyleSheet("QLabel { font-size: 13pt; font-weight: 600; }")
        self.status = badge()
        summary = QGridLayout()
        summary.setHorizontalSpacing(32)
        for column, (title, value) in enumerate((
                (self.tr("Total"), self.total), (self.tr("Paid"), self.paid),
                (self.tr("Balance"), self.balance), (self.tr("Status"), self.status))):
            caption = QLabel(title)
            caption.setObjectName("hintLabel")
            summary.addWidget(caption, 0, column)
            summary.addWidget(value, 1, column, Qt.AlignmentFlag.AlignLeft)
        summary.setColumnStretch(4, 1)

        self.plan_text = QLabel()
        self.plan_text.setWordWrap(True)
        self.installments_model = InstallmentsModel(self)
        self.installments = RecordTable(self.installments_model, stretch_column=4,
                                        fit_rows=INSTALLMENTS_SHOWN)
        self.installments.setWordWrap(False)
        self.plan_button = button(self.tr("Payment plan…"), self.edit_plan)
        self.remove_plan_button = button(self.tr("Remove plan"), self.remove_plan)
        plan_box = QGroupBox(self.tr("Payment plan"))
        plan_layout = QVBoxLayout(plan_box)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_text, 1)
        plan_row.addWidget(self.plan_button)
        plan_row.addWidget(self.remove_plan_button)
        plan_layout.addLayout(plan_row)
        plan_layout.addWidget(self.installments)

        self.payments_model = PaymentsModel(self)
        self.payments = RecordTable(self.payments_model, stretch_column=4)
        self.payments.setWordWrap(False)
        self.payments.selection_changed.connect(self.update_actions)
        self.add_button = button(self.tr("Add payment…"), self.add_payment)
        self.void_button = button(self.tr("Void…"), self.void)
        history = QGroupBox(self.tr("Payments"))
        history_layout = QVBoxLayout(history)
        history_layout.addLayout(button_row(self.add_button, self.void_button))
        history_layout.addWidget(self.payments)

        layout = QVBoxLayout(self)
        layout.addLayout(summary)
        layout.addSpacing(6)
        layout.addWidget(plan_box)
        layout.addWidget(history, 1)
        context.changed.connect(self.show_detail)

    def show_detail(self, order: OrderDetail) -> None:
        self.total.setText(money(order.total))
        self.paid.setText(money(order.paid))
        self.balance.setText(money(order.balance))
        self.status.setText(label(order.payment_status))
        set_badge_colour(self.status, PAYMENT_COLOURS[order.payment_status])
        self.plan_text.setText(self._plan_text(order.plan))
        self.installments.show_rows(order.plan.installments if order.plan else ())
        self.installments.setVisible(order.plan is not None and order.plan.installment)
        self.payments.show_rows(order.payments)
        self.update_actions()

    def _plan_text(self, plan: PaymentPlanInfo | None) -> str:
        if plan is None:
            return self.tr("No payment plan.")
        if not plan.installment:
            return self.tr("{amount} by {method}, due {due}.").format(
                amount=money(plan.amount), method=label_in_sentence(plan.method),
                due=date_text(plan.first_due_date))
        return self.tr("{amount} by {method} in {count} installments, {every}, "
                       "from {first}.").format(
            amount=money(plan.amount), method=label_in_sentence(plan.method),
            count=plan.installments_count, every=every(plan.interval, plan.interval_unit),
            first=date_text(plan.first_due_date))

    def update_actions(self) -> None:
        order = self._context.detail
        plan_gate = self._context.gate(Action.PAYMENT_PLAN)
        apply_gate(self.plan_button, plan_gate,
                   self.tr("Change the plan") if order.plan else self.tr("Set up a plan"))
        apply_gate(self.remove_plan_button, plan_gate,
                   missing="" if order.plan else self.tr("The order has no payment plan"))
        apply_gate(self.add_button, self._context.gate(Action.ADD_PAYMENT))
        payment: PaymentInfo | None = self.payments.selected()
        missing = ""
        if payment is None:
            missing = self.tr("Select a payment first")
        elif payment.voided:
            missing = self.tr("This payment is already voided")
        apply_gate(self.void_button, self._context.gate(Action.VOID_PAYMENT), missing=missing)

    def add_payment(self) -> None:
        order = self._context.detail
        method = order.plan.method if order.plan else order.payment_method
        self._context.run_dialog(PaymentDialog(
            self, order.balance, method,
            self._context.submitter(payments.record_payment, order.id)))

    def edit_plan(self) -> None:
        order = self._context.detail
        first_due = max(qdate(order.due_date), QDate.currentDate()) if order.due_date else (
            QDate.currentDate())
        self._context.run_dialog(PlanDialog(
            self, order.total, order.plan, first_due,
            self._context.submitter(payments.set_payment_plan, order.id)))

    def remove_plan(self) -> None:
        if confirm(self, self.tr("Remove payment plan"),
                   self.tr("Remove the payment plan and its installments? "
                           "Recorded payments stay.")):
            self._context.run(payments.remove_payment_plan, self._context.order_id)

    def void(self) -> None:
        payment: PaymentInfo | None = self.payments.selected()
        if payment is None or payment.voided:
            return
        self._context.run_dialog(TextDialog(
            self, self.tr("Void payment"), self.tr("Reason"), "reason",
            self._context.submitter(payments.void_payment, payment.id),
            prompt=self.tr("Void the payment of {amount} from {date}? It stays on record, "
                           "struck through, and stops counting.").format(
                amount=money(payment.amount), date=date_text(payment.paid_on))))
