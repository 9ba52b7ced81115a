"""Editors for the records an order holds: payments, the payment plan, events, tasks, payroll."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...domain.dto import (
    EventInfo,
    EventInput,
    PaymentInput,
    PaymentPlanInfo,
    PaymentPlanInput,
    PayrollInfo,
    StaffInfo,
    TaskInfo,
)
from ...domain.enums import EventKind, IntervalUnit, PaymentMethod
from ...domain.errors import ValidationError
from ...domain.money import Money
from ...domain.payments import MAX_INSTALLMENTS, schedule
from ..errors import error_words
from ..formatting import day, label, money, pydate, qdate
from ..widgets.dates import date_edit
from .dialogs import ServiceDialog
from .models import ScheduleModel
from .widgets import MoneyEdit, OptionalDateEdit, RecordTable

MAX_MINUTES = 7 * 24 * 60


def _enum_combo(members: Sequence[Any], current: Any = None) -> QComboBox:
    combo = QComboBox()
    for member in members:
        combo.addItem(label(member), member)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))
    return combo


def every(interval: int, unit: IntervalUnit) -> str:
    """Reads "every month" or "every 2 weeks"."""
    translate = QCoreApplication.translate
    if interval == 1:
        return {IntervalUnit.DAYS: translate("PlanDialog", "every day"),
                IntervalUnit.WEEKS: translate("PlanDialog", "every week"),
                IntervalUnit.MONTHS: translate("PlanDialog", "every month")}[unit]
    return translate("PlanDialog", "every {count} {unit}").format(
        count=interval, unit=interval_label(unit))


def interval_label(unit: IntervalUnit) -> str:
    translate = QCoreApplication.translate
    return {IntervalUnit.DAYS: translate("PlanDialog", "days"),
            IntervalUnit.WEEKS: translate("PlanDialog", "weeks"),
            IntervalUnit.MONTHS: translate("PlanDialog", "months")}[unit]


def staff_combo(staff: Sequence[StaffInfo], current_id: int | None, current_name: str,
                nobody: str | None) -> QComboBox:
    """Active staff; the current person stays choosable even if deactivated since."""
    combo = QComboBox()
    if nobody is not None:
        combo.addItem(nobody, None)
    for person in staff:
        combo.addItem(person.name, person.id)
    if current_id is not None and combo.findData(current_id) < 0:
        combo.addItem(current_name, current_id)
    combo.setCurrentIndex(max(combo.findData(current_id), 0))
    return combo


class PaymentDialog(ServiceDialog):
    """Record a payment: today, the open balance and the plan's method by default."""

    def __init__(self, parent: QWidget | None, balance: Money, method: PaymentMethod | None,
                 submit: Callable[..., Any]) -> None:
        super().__init__(parent, self.tr("Add payment"), submit)
        self.paid_on = date_edit(QDate.currentDate())
        self.paid_on.setCalendarPopup(True)
        self.amount = MoneyEdit(balance if balance.minor > 0 else Money.zero(balance.currency))
        # Selected whichever way the amount gets the focus (Tab, a click on the window): typing
        # replaces the balance.
        self.amount.amount.selectAll()
        self.method = _enum_combo(list(PaymentMethod), method or PaymentMethod.CASH)
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        # The amount first: the date is today's and the method the plan's far more often, and
        # the dialog opens with the open balance selected, to keep or to type over.
        self.add_field(self.tr("Amount"), self.amount, "amount")
        self.add_field(self.tr("Method"), self.method, "method")
        self.add_field(self.tr("Paid on"), self.paid_on, "paid on")
        self.add_field(self.tr("Note"), self.note, "note")

    def values(self) -> tuple[Any, ...]:
        return (PaymentInput(
            paid_on=day(self.paid_on.date()), amount=self.amount.money(),
            method=self.method.currentData(), note=self.note.text()),)


class PlanDialog(ServiceDialog):
    """Set the payment plan; the installment schedule is previewed as the user types."""

    def __init__(self, parent: QWidget | None, total: Money, plan: PaymentPlanInfo | None,
                 first_due: QDate, submit: Callable[..., Any]) -> None:
        super().__init__(parent, self.tr("Payment plan"), submit)
        self.setMinimumWidth(520)
        self.amount = MoneyEdit(plan.amount if plan else total)
        self.method = _enum_combo(list(PaymentMethod),
                                  plan.method if plan else PaymentMethod.BANK_TRANSFER)
        self.split = QCheckBox(self.tr("Pay in installments"))
        self.count = QSpinBox()
        self.count.setRange(2, MAX_INSTALLMENTS)
        self.count.setValue(plan.installments_count if plan and plan.installment else 3)
        self.first_due = date_edit(qdate(plan.first_due_date) if plan else first_due)
        self.first_due.setCalendarPopup(True)
        self.interval = QSpinBox()
        self.interval.setRange(1, 365)
        self.interval.setValue(plan.interval if plan else 1)
        self.unit = QComboBox()
        for unit in IntervalUnit:
            self.unit.addItem(interval_label(unit), unit)
        self.unit.setCurrentIndex(self.unit.findData(
            plan.interval_unit if plan else IntervalUnit.MONTHS))
        every = QWidget()
        row = QHBoxLayout(every)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.interval)
        row.addWidget(self.unit, 1)
        self.preview_model = ScheduleModel(self)
        self.preview = RecordTable(self.preview_model, stretch_column=2)
        self.preview.setMinimumHeight(160)
        self.preview.setWordWrap(False)
        self.preview_problem = QLabel()
        self.preview_problem.setWordWrap(True)
        self.add_field(self.tr("Amount"), self.amount, "amount")
        self.add_field(self.tr("Method"), self.method, "method")
        self.add_field("", self.split, "installment")
        self.add_field(self.tr("Installments"), self.count, "installments")
        self.add_field(self.tr("First due date"), self.first_due, "first due date")
        self.add_field(self.tr("Every"), every, "interval")
        self.add_field(self.tr("Schedule"), self.preview)
        self.form.addRow(self.preview_problem)
        self.split.toggled.connect(self._split_toggled)
        self.split.setChecked(bool(plan and plan.installment))
        self._split_toggled(self.split.isChecked())
        for signal in (self.amount.amount.textChanged, self.count.valueChanged,
                       self.first_due.dateChanged, self.interval.valueChanged,
                       self.unit.currentIndexChanged, self.split.toggled):
            signal.connect(self.update_preview)
        self.update_preview()

    def _split_toggled(self, on: bool) -> None:
        for widget in (self.count, self.interval, self.unit):
            widget.setEnabled(on)

    def plan_input(self) -> PaymentPlanInput:
        return PaymentPlanInput(
            amount=self.amount.money(), method=self.method.currentData(),
            installments=self.count.value() if self.split.isChecked() else 1,
            first_due_date=day(self.first_due.date()),
            interval=self.interval.value(), interval_unit=self.unit.currentData())

    def update_preview(self) -> None:
        try:
            plan = self.plan_input()
            rows = schedule(plan.amount, plan.installments, day(self.first_due.date()),
                            plan.interval, plan.interval_unit)
        except ValidationError as error:
            self.preview_model.set_rows([])
            _restyle(self.preview_problem, "errorLabel")
            self.preview_problem.setText(error_words(error))
            return
        _restyle(self.preview_problem, "hintLabel")
        self.preview_problem.setText(
            self.tr("%n installment(s), {total} in all", "", len(rows)).format(
                total=money(plan.amount)) if len(rows) > 1 else "")
        self.preview.show_rows(rows)

    def values(self) -> tuple[Any, ...]:
        return (self.plan_input(),)


def _restyle(widget: QWidget, object_name: str) -> None:
    """Switch the theme rule that styles ``widget``."""
    if widget.objectName() != object_name:
        widget.setObjectName(object_name)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class EventDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, title: str, event: EventInfo | None,
                 submit: Callable[..., Any]) -> None:
        super().__init__(parent, title, submit)
        self.kind = _enum_combo(list(EventKind), event.kind if event else EventKind.TRY_IN)
        self.starts = QDateTimeEdit(_local(event.starts_at) if event else _next_hour())
        self.starts.setCalendarPopup(True)
        self.duration = QSpinBox()
        self.duration.setRange(5, MAX_MINUTES)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(event.duration_minutes if event else 30)
        self.reminder = QSpinBox()
        self.reminder.setRange(0, MAX_MINUTES)
        self.reminder.setSingleStep(15)
        self.reminder.setSuffix(self.tr(" min before"))
        self.reminder.setSpecialValueText(self.tr("No reminder"))
        self.reminder.setValue((event.reminder_minutes or 0) if event else 60)
        self.note = QPlainTextEdit(event.note if event else "")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.add_field(self.tr("Type"), self.kind, "kind", "type")
        self.add_field(self.tr("Starts"), self.starts, "starts at", "start")
        self.add_field(self.tr("Duration"), self.duration, "duration", "duration minutes")
        self.add_field(self.tr("Reminder"), self.reminder, "reminder", "reminder minutes")
        self.add_field(self.tr("Note"), self.note, "note")

    def values(self) -> tuple[Any, ...]:
        starts = datetime.fromtimestamp(self.starts.dateTime().toSecsSinceEpoch(), UTC)
        return (EventInput(
            kind=self.kind.currentData(), starts_at=starts,
            duration_minutes=self.duration.value(),
            reminder_minutes=self.reminder.value() or None,
            note=self.note.toPlainText()),)


def _local(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def _next_hour() -> QDateTime:
    now = QDateTime.currentDateTime()
    return QDateTime(now.date(), QTime(now.time().hour(), 0)).addSecs(3600)


class TaskDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, title: str, task: TaskInfo | None,
                 staff: Sequence[StaffInfo], submit: Callable[..., Any]) -> None:
        super().__init__(parent, title, submit)
        self.name = QLineEdit(task.name if task else "")
        self.name.setMaxLength(200)
        self.assignee = staff_combo(staff, task.assignee_id if task else None,
                                    task.assignee_name if task else "", self.tr("Nobody"))
        self.due = OptionalDateEdit(self.tr("Due by"))
        self.due.set_value(task.due_date if task else None)
        self.add_field(self.tr("Task"), self.name, "name", "task")
        self.add_field(self.tr("Assignee"), self.assignee, "assignee")
        self.add_field(self.tr("Due date"), self.due, "due date")

    def values(self) -> tuple[Any, ...]:
        due = self.due.value()
        return (self.name.text(), self.assignee.currentData(),
                pydate(due) if due is not None else None)


class AssignDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, task: TaskInfo, staff: Sequence[StaffInfo],
                 submit: Callable[..., Any]) -> None:
        super().__init__(parent, self.tr("Assign “{task}”").format(task=task.name), submit)
        self.assignee = staff_combo(staff, task.assignee_id, task.assignee_name,
                                    self.tr("Nobody"))
        self.add_field(self.tr("Assignee"), self.assignee, "assignee")

    def values(self) -> tuple[Any, ...]:
        return (self.assignee.currentData(),)


class PayrollDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, title: str, record: PayrollInfo | None,
                 currency: str, staff: Sequence[StaffInfo], submit: Callable[..., Any]) -> None:
        super().__init__(parent, title, submit)
        self.staff = staff_combo(staff, record.staff_id if record else None,
                                 record.staff_name if record else "", None)
        self.amount = MoneyEdit(record.amount if record else Money.zero(currency))
        self.amount.amount.selectAll()
        self.comment = QLineEdit(record.comment if record else "")
        self.comment.setMaxLength(500)
        self.add_field(self.tr("Employee"), self.staff, "staff", "employee")
        self.add_field(self.tr("Amount"), self.amount, "amount")
        self.add_field(self.tr("Comment"), self.comment, "comment")

    def values(self) -> tuple[Any, ...]:
        if self.staff.currentData() is None:
            raise ValidationError("employee", "add staff under Staff & users first")
        return (self.staff.currentData(), self.amount.money(), self.comment.text())

