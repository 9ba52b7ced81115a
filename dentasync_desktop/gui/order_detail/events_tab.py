"""The Events tab: try-ins, deliveries, pick-ups and impressions scheduled for the order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.actions import Action
from ...domain.dto import Actor, EventInfo, EventInput, EventSaved, OrderDetail
from ...domain.readiness import BACK_FROM_LAB, SeatWarning
from ...services import events
from ...services.unit_of_work import UnitOfWork
from ..formatting import datetime_text, label_in_sentence
from ..worker import Job
from .context import OrderContext, OrderTab
from .editors import EventDialog
from .models import EventsModel
from .widgets import RecordTable, apply_gate, button, button_row, confirm


class EventsTab(OrderTab):
    def __init__(self, context: OrderContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = EventsModel(self)
        self.model.check_requested.connect(self.set_done, Qt.ConnectionType.QueuedConnection)
        self.table = RecordTable(self.model, stretch_column=5)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selection_changed.connect(self.update_actions)
        self.add_button = button(self.tr("Add…"), self.add)
        self.edit_button = button(self.tr("Edit…"), self.edit)
        self.done_button = button(self.tr("Mark done"), self.toggle_done)
        self.delete_button = button(self.tr("Delete…"), self.delete)
        self.warning = QLabel()
        self.warning.setObjectName("seatWarning")
        self.warning.setWordWrap(True)
        self.warning.setAutoFillBackground(True)
        self.warning.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.warning.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.warning.setMargin(8)
        self.warning.hide()
        self._saved_warning: SeatWarning | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(button_row(
            self.add_button, self.edit_button, self.done_button, self.delete_button))
        layout.addWidget(self.table)
        context.changed.connect(self.show_detail)

    def show_detail(self, order: OrderDetail) -> None:
        if order.status in BACK_FROM_LAB:
            self.warning.hide()
        self.table.show_rows(order.events)
        self.update_actions()

    def update_actions(self) -> None:
        gate = self._context.gate(Action.EVENTS)
        self.model.checks_enabled = gate.allowed
        event: EventInfo | None = self.table.selected()
        none = self.tr("Select an event first") if event is None else ""
        self.done_button.setText(self.tr("Mark not done") if event is not None and event.done
                                 else self.tr("Mark done"))
        apply_gate(self.add_button, gate, self.tr("Schedule a try-in, delivery, pick-up…"))
        for widget in (self.edit_button, self.done_button, self.delete_button):
            apply_gate(widget, gate, missing=none)

    def add(self) -> None:
        self._save_through(EventDialog(
            self, self.tr("Add event"), None,
            self._keeping_warning(events.add_event, self._context.order_id)))

    def edit(self) -> None:
        event: EventInfo | None = self.table.selected()
        if event is not None and self.edit_button.isEnabled():
            self._save_through(EventDialog(
                self, self.tr("Edit event"), event,
                self._keeping_warning(events.edit_event, event.id)))

    def _keeping_warning(self, service: Callable[[UnitOfWork, Actor, int, EventInput], EventSaved],
                         target_id: int) -> Callable[..., Job[OrderDetail]]:
        """The dialog saves the event; the tab shows the whole order and the save's warning."""
        def saved(uow: UnitOfWork, actor: Actor, data: EventInput) -> OrderDetail:
            result = service(uow, actor, target_id, data)
            # Set on the worker thread, read on the GUI thread after the job delivered.
            self._saved_warning = result.warning
            return result.detail
        return self._context.submitter(saved)

    def _save_through(self, dialog: EventDialog) -> None:
        self._saved_warning = None
        if self._context.run_dialog(dialog) is not None:
            self.show_warning(self._saved_warning)

    def show_warning(self, warning: SeatWarning | None) -> None:
        """A seat-readiness warning after a save: the event is saved, this only informs."""
        self.warning.setVisible(warning is not None)
        if warning is not None:
            self.warning.setText(self.tr("Saved. Note: {warning}. Check with the lab before "
                                         "the appointment.").format(
                warning=warning.text()))

    def set_done(self, event_id: int, done: bool) -> None:
        self._context.run(events.set_event_done, event_id, done)

    def toggle_done(self) -> None:
        event: EventInfo | None = self.table.selected()
        if event is not None:
            self.set_done(event.id, not event.done)

    def delete(self) -> None:
        event: EventInfo | None = self.table.selected()
        if event is not None and confirm(
                self, self.tr("Delete event"),
                self.tr("Delete the {kind} on {when}?").format(
                    kind=label_in_sentence(event.kind), when=datetime_text(event.starts_at))):
            self._context.run(events.delete_event, event.id)
