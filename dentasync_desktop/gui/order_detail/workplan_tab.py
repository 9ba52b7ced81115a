"""The Work plan tab: the technicians' ordered tasks, planned from templates or by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.actions import Action
from ...domain.dto import OrderDetail, TaskInfo
from ...domain.enums import TaskStatus
from ...services import workplan
from .context import OrderContext, OrderTab
from .editors import AssignDialog, TaskDialog
from .models import TasksModel
from .widgets import RecordTable, apply_gate, button, button_row, confirm


class WorkPlanTab(OrderTab):
    def __init__(self, context: OrderContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = TasksModel(self)
        self.model.check_requested.connect(self.set_done, Qt.ConnectionType.QueuedConnection)
        self.table = RecordTable(self.model, stretch_column=2)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selection_changed.connect(self.update_actions)
        self.plan_button = button(self.tr("Plan automatically"), self.plan_automatically,
                                  self.tr("Add the task templates of the order's services"))
        self.add_button = button(self.tr("Add…"), self.add)
        self.edit_button = button(self.tr("Edit…"), self.edit)
        self.assign_button = button(self.tr("Assign…"), self.assign)
        self.up_button = button(self.tr("Move up"), lambda: self.move_task(-1))
        self.down_button = button(self.tr("Move down"), lambda: self.move_task(+1))
        self.remove_button = button(self.tr("Remove"), self.remove)
        self.progress = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(
            self.plan_button, self.add_button, self.edit_button, self.assign_button,
            self.up_button, self.down_button, self.remove_button, self.progress, stretch_at=7))
        layout.addWidget(self.table)
        context.changed.connect(self.show_detail)

    def show_detail(self, order: OrderDetail) -> None:
        self.table.show_rows(order.tasks)
        done = sum(1 for task in order.tasks if task.status is TaskStatus.DONE)
        self.progress.setText(self.tr("{done} of {count} tasks done").format(
            done=done, count=len(order.tasks)) if order.tasks else self.tr("No tasks yet"))
        self.update_actions()

    def update_actions(self) -> None:
        plan = self._context.gate(Action.PLAN_WORK)
        self.model.checks_enabled = self._context.gate(Action.WORK_TASKS).allowed
        task: TaskInfo | None = self.table.selected()
        none = self.tr("Select a task first") if task is None else ""
        tasks = self._context.detail.tasks
        apply_gate(self.plan_button, plan, self.plan_button.toolTip())
        apply_gate(self.add_button, plan, self.tr("Add a task by hand"))
        apply_gate(self.edit_button, plan, missing=none)
        apply_gate(self.assign_button, plan, missing=none)
        apply_gate(self.remove_button, plan, missing=none)
        apply_gate(self.up_button, plan, missing=none or (
            self.tr("Already the first task") if task == tasks[0] else ""))
        apply_gate(self.down_button, plan, missing=none or (
            self.tr("Already the last task") if task == tasks[-1] else ""))

    def plan_automatically(self) -> None:
        self._context.run(workplan.plan_automatically, self._context.order_id)

    def add(self) -> None:
        self._context.with_staff(lambda staff: self._context.run_dialog(TaskDialog(
            self, self.tr("Add task"), None, staff,
            self._context.submitter(workplan.add_task, self._context.order_id))))

    def edit(self) -> None:
        task: TaskInfo | None = self.table.selected()
        if task is None or not self.edit_button.isEnabled():
            return
        self._context.with_staff(lambda staff: self._context.run_dialog(TaskDialog(
            self, self.tr("Edit task"), task, staff,
            self._context.submitter(workplan.edit_task, task.id))))

    def assign(self) -> None:
        task: TaskInfo | None = self.table.selected()
        if task is not None:
            self._context.with_staff(lambda staff: self._context.run_dialog(AssignDialog(
                self, task, staff, self._context.submitter(workplan.assign_task, task.id))))

    def move_task(self, delta: int) -> None:  # not move(): that is QWidget's
        task: TaskInfo | None = self.table.selected()
        if task is not None:
            self._context.run(workplan.move_task, task.id, delta)

    def set_done(self, task_id: int, done: bool) -> None:
        self._context.run(workplan.set_task_done, task_id, done)

    def remove(self) -> None:
        task: TaskInfo | None = self.table.selected()
        if task is not None and confirm(
                self, self.tr("Remove task"),
                self.tr("Remove the task “{name}” from the work plan?").format(name=task.name)):
            self._context.run(workplan.remove_task, task.id)
