"""The new-order form's payment plan and work plan, set before the order is first saved.

The front desk often agrees the installments and the lab's steps while the patient is still at
the desk; both go to ``orders.create_order`` with the order, in one unit of work. Each part is
a tick-box group: left unticked, the order is created without it, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.actions import Action
from ..domain.dto import PaymentPlanInput, ServiceInfo, StaffInfo, TaskInput
from ..domain.enums import IntervalUnit, PaymentMethod
from ..domain.money import Money
from ..domain.payments import MAX_INSTALLMENTS
from .access import refusal_text
from .client import ServiceClient
from .formatting import label, money, pydate
from .order_detail.editors import interval_label
from .order_detail.widgets import OptionalDateEdit

(TASK, ASSIGNEE, DUE, REMOVE) = range(4)
WANTED = "wantedAssignee"  # the assignee a task asked for while the staff list was loading


class PlanFields(QGroupBox):
    """Payment plan: amount (the order total unless typed), method and the installments."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Payment plan"), parent)
        self.setObjectName("newOrderPlan")
        self.setCheckable(True)
        self.setChecked(False)
        self.setToolTip(self.tr("Tick to set the payment plan now; it can also be set later "
                                "from the order's Payment menu"))
        self._total = Money.zero("EUR")
        self.amount = QLineEdit()
        self.amount.setObjectName("planAmount")
        self.method = QComboBox()
        for method in PaymentMethod:
            self.method.addItem(label(method), method)
        self.method.setCurrentIndex(self.method.findData(PaymentMethod.BANK_TRANSFER))
        self.count = QSpinBox()
        self.count.setRange(1, MAX_INSTALLMENTS)
        self.count.setValue(1)
        self.first_due = QDateEdit(QDate.currentDate())
        self.first_due.setCalendarPopup(True)
        self.interval = QSpinBox()
        self.interval.setRange(1, 365)
        self.unit = QComboBox()
        for unit in IntervalUnit:
            self.unit.addItem(interval_label(unit), unit)
        self.unit.setCurrentIndex(self.unit.findData(IntervalUnit.MONTHS))
        every = QWidget()
        row = QHBoxLayout(every)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.interval)
        row.addWidget(self.unit, 1)
        self.summary = QLabel()
        self.summary.setObjectName("hintLabel")
        self.summary.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Installments"), self.count)
        form.addRow(self.tr("First due date"), self.first_due)
        form.addRow(self.tr("Every"), every)
        form.addRow(self.summary)
        self.count.valueChanged.connect(self._show_count)
        for signal in (self.amount.textChanged, self.method.currentIndexChanged,
                       self.count.valueChanged, self.first_due.dateChanged,
                       self.interval.valueChanged, self.unit.currentIndexChanged, self.toggled):
            signal.connect(self.changed)
        self._show_count(1)

    def set_total(self, total: Money) -> None:
        """The order total as the items add up: the amount when none is typed."""
        self._total = total
        self.amount.setPlaceholderText(self.tr("{total} (the order total)").format(
            total=money(total)))
        self._show_count(self.count.value())

    def _show_count(self, count: int) -> None:
        self.interval.setEnabled(count > 1)
        self.unit.setEnabled(count > 1)
        self.summary.setText(self.tr("{count} installments, the last one taking the "
                                     "rounding").format(count=count) if count > 1 else "")

    def plan_input(self) -> PaymentPlanInput | None:
        """None while unticked; raises ValidationError ("payment plan amount") if unreadable."""
        if not self.isChecked():
            return None
        typed = self.amount.text().strip()
        amount = (Money.parse(typed, self._total.currency, "payment plan amount") if typed
                  else self._total)
        return PaymentPlanInput(
            amount=amount, method=PaymentMethod(self.method.currentData()),
            installments=self.count.value(), first_due_date=pydate(self.first_due.date()),
            interval=self.interval.value(), interval_unit=IntervalUnit(self.unit.currentData()))

    def widget_for(self, field: str) -> QWidget | None:
        return {"amount": self.amount, "method": self.method, "installments": self.count,
                "first due date": self.first_due, "interval": self.interval,
                "interval unit": self.unit}.get(field)

    def state(self) -> dict[str, Any]:
        return {"on": self.isChecked(), "amount": self.amount.text(),
                "method": str(self.method.currentData()), "count": self.count.value(),
                "first_due": self.first_due.date().toString("yyyy-MM-dd"),
                "interval": self.interval.value(), "unit": str(self.unit.currentData())}

    def restore(self, state: dict[str, Any]) -> None:
        self.setChecked(bool(state.get("on")))
        self.amount.setText(str(state.get("amount", "")))
        self.method.setCurrentIndex(max(0, self.method.findData(
            PaymentMethod(state.get("method", PaymentMethod.BANK_TRANSFER.value)))))
        self.count.setValue(int(state.get("count", 1)))
        first_due = QDate.fromString(str(state.get("first_due", "")), "yyyy-MM-dd")
        if first_due.isValid():
            self.first_due.setDate(first_due)
        self.interval.setValue(int(state.get("interval", 1)))
        self.unit.setCurrentIndex(max(0, self.unit.findData(
            IntervalUnit(state.get("unit", IntervalUnit.MONTHS.value)))))


class WorkPlanFields(QGroupBox):
    """Work plan: tasks typed by hand or taken from the chosen services' task templates."""

    changed = Signal()

    def __init__(self, client: ServiceClient, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Work plan"), parent)
        self.setObjectName("newOrderWorkPlan")
        self.setCheckable(True)
        self.setChecked(False)
        self._staff: list[StaffInfo] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("newOrderTasks")
        self.table.setHorizontalHeaderLabels([self.tr("Task"), self.tr("Assignee"),
                                              self.tr("Due date"), ""])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setMinimumHeight(130)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ASSIGNEE, 150), (DUE, 170), (REMOVE, 34)):
            header.resizeSection(column, width)
        self.add_button = QPushButton(self.tr("Add &task"))
        self.add_button.clicked.connect(lambda: self.add_task(focus=True))
        self.templates_button = QPushButton(self.tr("From the services' templates"))
        self.templates_button.setToolTip(self.tr("The task templates of the services chosen "
                                                 "in the items, as \"Plan work\" builds them"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.templates_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.toggled.connect(self.changed)
        reason = refusal_text(client, Action.PLAN_WORK)
        if reason:  # the service would refuse the whole order
            self.setEnabled(False)
            self.setToolTip(reason)
        else:
            self.setToolTip(self.tr("Tick to plan the work now; it can also be planned later "
                                    "on the order's Work plan tab"))

    def set_staff(self, staff: Sequence[StaffInfo]) -> None:
        self._staff = list(staff)
        for row in range(self.table.rowCount()):
            combo = self._assignee(row)
            # A task restored from a draft before the staff arrived keeps its assignee.
            chosen = combo.currentData() or combo.property(WANTED)
            combo.setProperty(WANTED, None)
            self._fill_staff(combo)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _fill_staff(self, combo: QComboBox) -> None:
        combo.clear()
        combo.addItem(self.tr("Nobody"), None)
        for person in self._staff:
            combo.addItem(person.name, person.id)

    def _assignee(self, row: int) -> QComboBox:
        combo = self.table.cellWidget(row, ASSIGNEE)
        assert isinstance(combo, QComboBox)
        return combo

    def _name(self, row: int) -> QLineEdit:
        edit = self.table.cellWidget(row, TASK)
        assert isinstance(edit, QLineEdit)
        return edit

    def _due(self, row: int) -> OptionalDateEdit:
        edit = self.table.cellWidget(row, DUE)
        assert isinstance(edit, OptionalDateEdit)
        return edit

    def add_task(self, name: str = "", assignee_id: int | None = None,
                 due: QDate | None = None, focus: bool = False) -> None:
        self.setChecked(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        edit = QLineEdit(name)
        edit.setFrame(False)
        edit.setMaxLength(200)
        edit.setPlaceholderText(self.tr("e.g. Model, Framework, Layering"))
        assignee = QComboBox()
        self._fill_staff(assignee)
        assignee.setCurrentIndex(max(0, assignee.findData(assignee_id)))
        if assignee_id is not None and assignee.currentData() != assignee_id:
            assignee.setProperty(WANTED, assignee_id)
        when = OptionalDateEdit(self.tr("by"), due)
        remove = QToolButton()
        remove.setText("✕")
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Remove this task"))
        remove.clicked.connect(lambda _c=False, e=edit: self._remove(e))
        for column, widget in ((TASK, edit), (ASSIGNEE, assignee), (DUE, when),
                               (REMOVE, remove)):
            self.table.setCellWidget(row, column, widget)
        edit.textChanged.connect(self.changed)
        assignee.currentIndexChanged.connect(self.changed)
        when.edit.dateChanged.connect(self.changed)
        when.check.toggled.connect(self.changed)
        self.changed.emit()
        if focus:
            edit.setFocus()

    def _remove(self, edit: QLineEdit) -> None:
        for row in range(self.table.rowCount()):
            if self._name(row) is edit:
                self.table.removeRow(row)
                self.changed.emit()
                return

    def add_from_templates(self, services: Sequence[ServiceInfo], documented: QDate) -> int:
        """The chosen services' template tasks not planned yet, due as "Plan work" sets them
        (documented date + the template's days); returns how many were added."""
        present = {self._name(row).text().strip().casefold()
                   for row in range(self.table.rowCount())}
        added = 0
        for service in services:
            for template in service.task_templates:
                if template.name.casefold() in present:
                    continue
                present.add(template.name.casefold())
                self.add_task(template.name, None, documented.addDays(template.days_offset))
                added += 1
        return added

    def tasks(self) -> tuple[TaskInput, ...]:
        if not self.isChecked():
            return ()
        tasks = []
        for row in range(self.table.rowCount()):
            due = self._due(row).value()
            tasks.append(TaskInput(self._name(row).text(), self._assignee(row).currentData(),
                                   pydate(due) if due is not None else None))
        return tuple(tasks)

    def widget_for(self, position: int, part: str) -> QWidget | None:
        row = position - 1
        if not 0 <= row < self.table.rowCount():
            return self.table
        return {"assignee": self._assignee(row), "due date": self._due(row)}.get(
            part, self._name(row))

    def state(self) -> dict[str, Any]:
        rows = []
        for row in range(self.table.rowCount()):
            due = self._due(row).value()
            rows.append({"name": self._name(row).text(),
                         "assignee": self._assignee(row).currentData(),
                         "due": due.toString("yyyy-MM-dd") if due is not None else None})
        return {"on": self.isChecked(), "tasks": rows}

    def restore(self, state: dict[str, Any]) -> None:
        for task in state.get("tasks", []):
            due = QDate.fromString(str(task.get("due") or ""), "yyyy-MM-dd")
            self.add_task(str(task.get("name", "")), task.get("assignee"),
                          due if due.isValid() else None)
        self.setChecked(bool(state.get("on")))

