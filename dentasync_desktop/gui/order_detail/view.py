"""The order detail view the main window embeds: header, action menus and the tabs."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QVBoxLayout, QWidget

from ...domain.actions import Action
from ...domain.dto import CustomerInfo, OrderDetail
from ...domain.lifecycle import NEXT_STEP, TRANSITIONS
from ...domain.numbers import format_number
from ...services import masterdata, orders
from ...services.order_detail import find_order_id
from ..client import ServiceClient
from ..formatting import label, label_in_sentence
from ..widgets.lazy_tabs import LazyTabs
from ..worker import Job
from .activity_tab import ActivityTab
from .attachments_tab import AttachmentsTab
from .comments_tab import CommentsTab
from .context import OrderContext, OrderTab
from .dialogs import (
    AdjustPriceDialog,
    CustomerDialog,
    DueDateDialog,
    PaymentInstructionsDialog,
    RemakeDialog,
    TextDialog,
)
from .events_tab import EventsTab
from .header import OrderHeader
from .info_tab import InfoTab
from .payments_tab import PaymentsTab
from .payroll_tab import PayrollTab
from .side_panel import OrderSidePanel, SidePanelSplitter
from .widgets import apply_gate, confirm
from .workplan_tab import WorkPlanTab

CUSTOMER_SEARCH_LIMIT = 200


TabT = TypeVar("TabT", bound=OrderTab)


class _Tab(Generic[TabT]):
    """A tab of the view, named as its attribute says ("payments" for ``payments_tab``) and
    built the first time it is shown or asked for: opening an order built all eight, where
    most visits look at one or two."""

    def __init__(self, kind: type[TabT]) -> None:
        self.kind = kind
        self.name = ""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.name = attribute.removesuffix("_tab")

    @overload
    def __get__(self, view: None, owner: type) -> _Tab[TabT]: ...

    @overload
    def __get__(self, view: OrderDetailView, owner: type | None = None) -> TabT: ...

    def __get__(self, view: OrderDetailView | None,
                owner: type | None = None) -> TabT | _Tab[TabT]:
        if view is None:  # looked up on the class (introspection, mock's autospec)
            return self
        tab = view.tabs.widget(view._TABS.index(self))
        assert isinstance(tab, self.kind)
        return tab


class OrderDetailView(QWidget):
    """One order, loaded off the GUI thread: ``loaded`` when it is shown, ``load_failed`` with
    the service's DomainError (e.g. NotFound) if it cannot be read."""

    info_tab = _Tab(InfoTab)
    workplan_tab = _Tab(WorkPlanTab)
    payments_tab = _Tab(PaymentsTab)
    events_tab = _Tab(EventsTab)
    attachments_tab = _Tab(AttachmentsTab)
    comments_tab = _Tab(CommentsTab)
    activity_tab = _Tab(ActivityTab)
    payroll_tab = _Tab(PayrollTab)
    _TABS: tuple[_Tab[Any], ...] = (info_tab, workplan_tab, payments_tab, events_tab,
                                    attachments_tab, comments_tab, activity_tab, payroll_tab)

    order_changed = Signal(int)  # after every successful action on the order
    loaded = Signal(object)  # the OrderDetail, each time it is (re)loaded or changed
    load_failed = Signal(object)
    edit_requested = Signal(int)  # the editor dialog belongs to the main window
    open_order_requested = Signal(int)  # another order: a copy, a remake-of or copied-from link
    print_requested = Signal(int)
    print_instructions_requested = Signal(int)
    deleted = Signal(int)  # the order is gone: whoever shows this view closes it

    def __init__(self, client: ServiceClient, order_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = OrderContext(client, order_id, self)
        self.context.acted.connect(self.order_changed)
        self.header = OrderHeader()
        self.header.order_link_activated.connect(self._open_number)
        self.header.primary.clicked.connect(self.next_step)
        # The primary button relabels itself for the next step, so a double click would run
        # two steps: it stays off while its step runs and for a double-click interval after.
        self._stepping: Job[OrderDetail] | None = None
        self._step_hold = QTimer(self)
        self._step_hold.setSingleShot(True)
        self._step_hold.setInterval(QApplication.doubleClickInterval())
        self._step_hold.timeout.connect(self._show_primary_again)

        self.tabs = LazyTabs()
        self.tabs.setDocumentMode(True)
        for tab in self._TABS:
            self.tabs.add_lazy(partial(self._build_tab, tab.kind))

        self._gated: list[tuple[QAction, Action, tuple[Action, ...], str]] = []
        self.primary_action = QAction(self)
        self.primary_action.setShortcuts([QKeySequence("Ctrl+Return"),
                                          QKeySequence("Ctrl+Enter")])
        self.primary_action.triggered.connect(self.next_step)
        self._own_shortcut(self.primary_action)
        self._build_menus()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.header)
        self.side_panel = OrderSidePanel(self.context)
        self.split = SidePanelSplitter(self.tabs, self.side_panel)
        # In the header, not the tab bar: the tabs keep their room on a 1366-pixel screen.
        self.header.title_row.addWidget(self.split.toggle)
        self.split.toggle.setMinimumHeight(self.header.primary.sizeHint().height())
        layout.addWidget(self.split, 1)
        self.context.changed.connect(self._show_detail)
        self.context.changed.connect(self.loaded)
        self.context.load_failed.connect(self.load_failed)
        for item, _action, _also, _tip in self._gated:
            item.setEnabled(False)  # until the order is there to judge
        self.header.primary.setEnabled(False)
        self.primary_action.setEnabled(False)
        self.context.load()

    # --- public ---------------------------------------------------------------------------

    @property
    def order_id(self) -> int:
        return self.context.order_id

    @property
    def detail(self) -> OrderDetail:
        return self.context.detail

    def reload(self) -> None:
        self.context.reload()

    @property
    def is_loaded(self) -> bool:
        return self.context.loaded

    def show_tab(self, name: str) -> None:
        """Bring a tab to the front by its name: "info", "payments", "events"..."""
        for index, tab in enumerate(self._TABS):
            if tab.name == name:
                self.tabs.setCurrentIndex(index)

    # --- building ---------------------------------------------------------------------------

    def _build_tab(self, kind: type[OrderTab]) -> OrderTab:
        tab = kind(self.context)
        if self.context.loaded:  # built after the load: its later changes reach it by itself
            tab.show_detail(self.context.detail)
        return tab

    def _own_shortcut(self, action: QAction) -> None:
        """Shortcuts that act while the focus is in this view, not in the whole window."""
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object], action: Action,
             *also: Action, tip: str = "", shortcut: str = "") -> QAction:
        item = menu.addAction(text)
        item.triggered.connect(lambda _checked=False: slot())
        if shortcut:
            item.setShortcut(QKeySequence(shortcut))
            self._own_shortcut(item)
        self._gated.append((item, action, also, tip))
        return item

    def _build_menus(self) -> None:
        actions = QMenu(self)
        actions.setToolTipsVisible(True)
        self.edit_action = self._add(actions, self.tr("Edit…"), self.edit, Action.EDIT,
                                     tip=self.tr("Change lab, patient, dates, items"),
                                     shortcut="Ctrl+E")
        self.customer_action = self._add(actions, self.tr("Change customer…"),
                                         self.change_customer, Action.CHANGE_CUSTOMER)
        self.plan_action = self._add(actions, self.tr("Plan work"), self.plan_work,
                                     Action.PLAN_WORK,
                                     tip=self.tr("Open the work plan; plan it from the "
                                                 "service templates if it is empty"))
        self.copy_action = self._add(actions, self.tr("Copy…"), self.copy, Action.COPY,
                                     Action.CREATE_ORDER,
                                     tip=self.tr("A new draft with the same items, work plan "
                                                 "and attachments"))
        self.payroll_action = self._add(actions, self.tr("Payroll…"), self.add_payroll,
                                        Action.PAYROLL)
        self.print_action = self._add(actions, self.tr("Print…"), self.request_print, Action.PRINT,
                                      tip=self.tr("Order form and box label"))
        actions.addSeparator()
        self.due_action = self._add(actions, self.tr("Update due date…"), self.update_due_date,
                                    Action.UPDATE_DUE_DATE)
        self.event_action = self._add(actions, self.tr("Add event…"), self.add_event,
                                      Action.EVENTS, tip=self.tr("Schedule a try-in, delivery, "
                                                                 "pick-up…"),
                                      shortcut="Ctrl+Shift+E")
        self.hold_action = self._add(actions, self.tr("Put on hold…"), self.toggle_hold,
                                     Action.HOLD)
        self.remake_action = self._add(actions, self.tr("Mark as remake…"), self.mark_remake,
                                       Action.MARK_REMAKE)
        actions.addSeparator()
        self.move_back_action = self._add(actions, self.tr("Move back…"), self.move_back,
                                          Action.MOVE_BACK)
        self.cancel_action = self._add(actions, self.tr("Cancel order…"), self.cancel,
                                       Action.CANCEL)
        self.reopen_action = self._add(actions, self.tr("Reopen"), self.reopen, Action.REOPEN)
        actions.addSeparator()  # the one step that cannot be undone stands apart
        self.delete_action = self._add(actions, self.tr("Delete order…"), self.delete,
                                       Action.DELETE_ORDER,
                                       tip=self.tr("Only a draft created by mistake, with no "
                                                   "payments, events or attachments"))
        self.header.actions_button.setText(self.tr("Actions"))
        self.header.actions_button.setMenu(actions)

        payment = QMenu(self)
        payment.setToolTipsVisible(True)
        self.add_payment_action = self._add(payment, self.tr("Add payment…"), self.add_payment,
                                            Action.ADD_PAYMENT, shortcut="Ctrl+Shift+M")
        self.plan_payment_action = self._add(payment, self.tr("Payment plan…"),
                                             self.payment_plan, Action.PAYMENT_PLAN)
        self.instructions_action = self._add(payment, self.tr("Payment instructions…"),
                                             self.payment_instructions,
                                             Action.PAYMENT_INSTRUCTIONS,
                                             tip=self.tr("The lab's bank details"))
        payment.addSeparator()
        self.adjust_action = self._add(payment, self.tr("Adjust price…"), self.adjust_price,
                                       Action.ADJUST_PRICE)
        self.header.payment_button.setText(self.tr("Payment"))
        self.header.payment_button.setMenu(payment)
        # Wherever the focus is in the window (the page list, the search box): Qt ignores the
        # shortcut of an order that is not on screen, so only the one shown acts.
        for action in (self.edit_action, self.event_action, self.add_payment_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    # --- showing ----------------------------------------------------------------------------

    def _show_detail(self, order: OrderDetail) -> None:
        self.header.show_detail(order, QDate.currentDate())
        self.hold_action.setText(self.tr("Take off hold") if order.on_hold
                                 else self.tr("Put on hold…"))
        for item, action, also, tip in self._gated:
            apply_gate(item, self.context.gate(action, *also), tip)
        self._show_primary(order)
        self._show_tab_titles(order)

    def _show_primary(self, order: OrderDetail) -> None:
        step = NEXT_STEP.get(order.status)
        button = self.header.primary
        button.setVisible(step is not None)
        self.primary_action.setEnabled(step is not None)
        if step is None:
            return
        button.setText(self._step_text(step))
        gate = self.context.gate(step)
        tip = self.tr("{step} (Ctrl+Enter): {before} → {after}").format(
            step=label(step), before=label(order.status),
            after=label(TRANSITIONS[step][order.status]))
        apply_gate(button, gate, tip)
        self.primary_action.setEnabled(gate.allowed)
        if self._step_busy:
            button.setEnabled(False)
            self.primary_action.setEnabled(False)

    @property
    def _step_busy(self) -> bool:
        return self._stepping is not None or self._step_hold.isActive()

    def _show_primary_again(self) -> None:
        if not self._step_busy and self.context.loaded:
            self._show_primary(self.detail)

    def _step_text(self, step: Action) -> str:
        return {
            Action.PUBLISH: self.tr("Publish"),
            Action.START_PRODUCTION: self.tr("Start production"),
            Action.PRODUCE: self.tr("Produce"),
            Action.SHIP: self.tr("Ship…"),
            Action.DELIVER: self.tr("Deliver"),
            Action.COMPLETE: self.tr("Complete"),
        }[step]

    def _show_tab_titles(self, order: OrderDetail) -> None:
        titles = {
            "info": self.tr("Info"),
            "workplan": self.tr("Work plan ({done}/{count})").format(
                done=len(order.tasks) - order.open_tasks, count=len(order.tasks))
            if order.tasks else self.tr("Work plan"),
            "payments": _counted(self.tr("Payments"), len(order.payments)),
            "events": _counted(self.tr("Events"), len(order.events)),
            "attachments": _counted(self.tr("Attachments"), len(order.attachments)),
            "comments": _counted(self.tr("Comments"), len(order.comments)),
            "activity": self.tr("Activity"),
            "payroll": _counted(self.tr("Payroll"), len(order.payroll)),
        }
        for index, tab in enumerate(self._TABS):
            self.tabs.setTabText(index, titles[tab.name])

    # --- actions ----------------------------------------------------------------------------

    def next_step(self) -> None:
        if not self.context.loaded or self._step_busy:
            return
        step = NEXT_STEP.get(self.detail.status)
        if step is None or not self.context.gate(step).allowed:
            return
        if step is Action.PUBLISH and not confirm(
                self, self.tr("Publish order"),
                self.tr("Publish {number} and send it to {lab}?").format(
                    number=self.detail.number_text, lab=self.detail.lab.name),
                enter_says_yes=True):
            return
        if step is Action.SHIP:
            self.context.run_dialog(TextDialog(
                self, self.tr("Ship"), self.tr("Tracking number"), "tracking number",
                self.context.versioned(orders.ship),
                prompt=self.tr("Ship {number}: the parcel's tracking number.").format(
                    number=self.detail.number_text)))
            return
        service = {
            Action.PUBLISH: orders.publish,
            Action.START_PRODUCTION: orders.start_production,
            Action.PRODUCE: orders.produce,
            Action.DELIVER: orders.deliver,
            Action.COMPLETE: orders.complete,
        }[step]
        self._stepping = self.context.step(service)
        self._step_hold.start()
        self._show_primary(self.detail)
        self._stepping.finished.connect(self._step_finished)

    def _step_finished(self) -> None:
        self._stepping = None
        self._show_primary_again()

    def edit(self) -> None:
        self.edit_requested.emit(self.order_id)

    def change_customer(self) -> None:
        def search(text: str) -> Job[list[CustomerInfo]]:
            return self.context.client.submit(masterdata.list_customers, text, False,
                                      CUSTOMER_SEARCH_LIMIT)

        self.context.run_dialog(CustomerDialog(
            self, self.detail.customer, search, self.context.versioned(orders.change_customer)))

    def plan_work(self) -> None:
        self.show_tab("workplan")
        if not self.detail.tasks:
            self.workplan_tab.plan_automatically()

    def copy(self) -> None:
        if not confirm(self, self.tr("Copy order"), self.tr(
                "Make a new draft order from {number}, with its items, work plan and "
                "attachments?").format(number=self.detail.number_text)):
            return

        def copied(copy: OrderDetail) -> None:
            self.context.reload()  # its activity now lists the copy
            self.open_order_requested.emit(copy.id)

        self.context.submit(orders.copy_order, self.order_id, then=copied)

    def add_payroll(self) -> None:
        self.show_tab("payroll")
        self.payroll_tab.add()

    def request_print(self) -> None:
        self.print_requested.emit(self.order_id)

    def update_due_date(self) -> None:
        self.context.run_dialog(DueDateDialog(
            self, self.detail.due_date, self.context.versioned(orders.update_due_date)))

    def toggle_hold(self) -> None:
        if self.detail.on_hold:
            self.context.step(orders.set_hold, False)
            return
        self.context.run_dialog(TextDialog(
            self, self.tr("Put on hold"), self.tr("Reason"), "reason",
            self.context.submitter(orders.set_hold, self.order_id, self.detail.version, True),
            prompt=self.tr("While on hold the order cannot move forward."), required=True))

    def mark_remake(self) -> None:
        self.context.run_dialog(RemakeDialog(self, self.context.versioned(orders.mark_remake)))

    def move_back(self) -> None:
        order = self.detail
        target = TRANSITIONS[Action.MOVE_BACK].get(order.status)
        self.context.run_dialog(TextDialog(
            self, self.tr("Move back"), self.tr("Reason"), "reason",
            self.context.versioned(orders.move_back),
            prompt=self.tr("Move {number} back from {before} to {after}.").format(
                number=order.number_text, before=label(order.status),
                after=label(target) if target else ""), required=True))

    def cancel(self) -> None:
        number = self.detail.number_text
        dialog = TextDialog(
            self, self.tr("Cancel order"), self.tr("Reason"), "reason",
            self.context.versioned(orders.cancel),
            prompt=self.tr("A cancelled order stays for reference and becomes read-only; "
                           "it can be reopened as a draft."),
            confirmation=self.tr("Really cancel {number}?").format(number=number),
            required=True)
        dialog.name_buttons(self.tr("Cancel order"), self.tr("Keep order"))
        self.context.run_dialog(dialog)

    def delete(self) -> None:
        number = self.detail.number_text
        if not confirm(self, self.tr("Delete order"), self.tr(
                "Delete {number} for good? Its number is not used again and the activity log "
                "keeps a note of it.").format(number=number)):
            return
        def done(_none: None) -> None:
            self.context.gone()
            self.deleted.emit(self.order_id)

        self.context.submit(orders.delete_order, self.order_id, self.detail.version, then=done)

    def reopen(self) -> None:
        target = TRANSITIONS[Action.REOPEN].get(self.detail.status)
        if target is not None and confirm(self, self.tr("Reopen order"), self.tr(
                "Reopen {number} as {status}?").format(
                number=self.detail.number_text, status=label_in_sentence(target))):
            self.context.step(orders.reopen)

    def add_event(self) -> None:
        self.show_tab("events")
        self.events_tab.add()

    def add_payment(self) -> None:
        self.show_tab("payments")
        self.payments_tab.add_payment()

    def payment_plan(self) -> None:
        self.show_tab("payments")
        self.payments_tab.edit_plan()

    def payment_instructions(self) -> None:
        order = self.detail
        dialog = PaymentInstructionsDialog(self, order.lab, order.number_text, order.balance)
        dialog.print_requested.connect(
            lambda: self.print_instructions_requested.emit(self.order_id))
        dialog.exec()
        dialog.deleteLater()

    def adjust_price(self) -> None:
        self.context.run_dialog(AdjustPriceDialog(
            self, self.detail.total, self.context.versioned(orders.adjust_price)))

    def _open_number(self, number: int) -> None:
        self.context.read(self.context.client.submit(find_order_id, format_number(number)),
                          self._open_found)

    def _open_found(self, order_id: int | None) -> None:
        if order_id is not None:
            self.open_order_requested.emit(order_id)


def _counted(title: str, count: int) -> str:
    return f"{title} ({count})" if count else title
