"""The new / edit work order dialog (Designer form ui/order_editor.ui plus code-built parts)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import (
    CustomerInfo,
    ItemInput,
    LabInfo,
    OrderDetail,
    OrderInput,
    PatientInfo,
    ServiceInfo,
)
from ..domain.errors import ConcurrencyError, DomainError
from ..domain.money import CURRENCY_EXPONENTS, Money
from ..domain.teeth import format_teeth, parse_teeth
from ..services import masterdata, order_detail, orders, settings
from .access import gate
from .client import ServiceClient
from .errors import show_refusal
from .formatting import amount_input, datetime_text, money, pydate, qdate
from .forms import child, child_layout, load_form
from .order_draft import draft_path, read_draft, remove_draft, write_draft
from .order_editor_plans import PlanFields, WorkPlanFields
from .quick_patient import QuickPatientDialog
from .widgets.dates import full_year
from .widgets.field_errors import FieldMarks
from .widgets.lookup import NO_CHOICE, LookupCombo
from .widgets.screen_fit import fit_to_screen, scrolling
from .widgets.teeth_chart import TeethChart

PATIENT_LOOKUP_LIMIT = 50
CUSTOMER_LOOKUP_LIMIT = 200
LAST_LAB_PREFERENCE = "order-editor.last-lab"
MAX_QUANTITY = 10_000
AUTOSAVE_DELAY_MS = 1500
DEFAULT_TURNAROUND_DAYS = 7  # what a new lab starts with, until a lab is chosen
(SERVICE, DESCRIPTION, TEETH, QUANTITY, PRICE, LINE_TOTAL, REMOVE) = range(7)


def patient_text(patient: PatientInfo) -> str:
    born = f" ({patient.date_of_birth.year})" if patient.date_of_birth else ""
    return f"{patient.last_name}, {patient.first_name}{born}" if patient.first_name \
        else patient.last_name + born


def customer_text(customer: CustomerInfo) -> str:
    return f"{customer.name} — {customer.clinic}" if customer.clinic else customer.name


@dataclass
class ItemRow:
    """The widgets of one line of the items table."""

    service: QComboBox
    description: QLineEdit
    teeth: QLineEdit
    quantity: QSpinBox
    price: QLineEdit
    total: QTableWidgetItem
    remove: QToolButton

    def widget_for(self, part: str) -> QWidget:
        return {"quantity": self.quantity, "price": self.price, "teeth": self.teeth,
                "service": self.service}.get(part, self.description)


class OrderEditorDialog(QDialog):
    """Create a work order (``order`` None) or edit one; ``saved`` holds the service's answer."""

    def __init__(self, client: ServiceClient, order: OrderDetail | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.saved: OrderDetail | None = None
        self._saving = False
        self._order = order
        self._due_by_hand = order is not None
        self._setting_due = False
        self._rows: list[ItemRow] = []
        self.setObjectName("orderEditor")
        self.setWindowTitle(self.tr("Edit work order {number}").format(number=order.number_text)
                            if order else self.tr("New work order"))
        self.form = load_form("order_editor", self)
        self._find_widgets()
        self._build_lookups()
        self._build_items()
        self.plans: PlanFields | None = None
        self.work_plan: WorkPlanFields | None = None
        self._draft = draft_path(client.actor.user_id)
        # A moment after the last change the new order's fields go to the draft file.
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.write_draft)
        self._watching = False
        self._restoring: dict[str, Any] | None = None
        if order is None:
            self._build_plans()
            self._restoring = self._offered_draft()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self.form), 1)  # the buttons stay in sight on a small screen
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1040, 780 if order else 900)
        self._wire()
        self._services: list[ServiceInfo] = []
        self._last_lab = ""
        # Save waits for the price list, which the item rows offer.
        self.buttons.setEnabled(False)
        self.lab.setFocus()  # the keyboard starts in the first field, not on the scroll area
        client.submit(masterdata.list_services, "", True).then(self._open, busy=self)

    # --- building --------------------------------------------------------------------------

    def _find_widgets(self) -> None:
        f = self.form
        self.documented = full_year(child(f, QDateEdit, "documentedEdit"))
        self.due_check = child(f, QCheckBox, "dueCheck")
        self.due = full_year(child(f, QDateEdit, "dueEdit"))
        self.due_hint = child(f, QLabel, "dueHint")
        self.due_hint.setObjectName("hintLabel")
        self.shade = child(f, QLineEdit, "shadeEdit")
        self.description = child(f, QPlainTextEdit, "descriptionEdit")
        self.new_patient = child(f, QPushButton, "newPatientButton")
        self.items = child(f, QTableWidget, "itemsTable")
        self.add_item_button = child(f, QPushButton, "addItemButton")
        self.currency = child(f, QComboBox, "currencyCombo")
        self.total = child(f, QLabel, "totalLabel")
        self.total.setObjectName("totalLabel")
        self.error = child(f, QLabel, "errorLabel")
        self.error.hide()
        self.marks = FieldMarks(self, self.widget_for, self.error)
        self.currency.addItems(sorted(CURRENCY_EXPONENTS))
        for edit in (self.documented, self.due):
            edit.setMinimumWidth(130)
        self.teeth = TeethChart()
        child_layout(self.form, "teethBox").addWidget(self.teeth)

    def _build_lookups(self) -> None:
        submit = self.client.submit
        self.lab = LookupCombo(lambda _text: submit(masterdata.list_labs, "", False),
                               lambda lab: lab.name)
        self.lab.setObjectName("labCombo")
        self.customer = LookupCombo(
            lambda text: submit(masterdata.list_customers, text, False, CUSTOMER_LOOKUP_LIMIT),
            customer_text)
        self.customer.setObjectName("customerCombo")
        self.patient = LookupCombo(
            lambda text: submit(masterdata.list_patients, text, False, PATIENT_LOOKUP_LIMIT),
            patient_text)
        self.patient.setObjectName("patientCombo")
        self.patient.edit.setPlaceholderText(self.tr("Type to search patients"))
        f = self.form
        child_layout(f, "labHost").addWidget(self.lab)
        child_layout(f, "customerHost").addWidget(self.customer)
        child_layout(f, "patientHost").insertWidget(0, self.patient, 1)
        child(f, QLabel, "labLabel").setBuddy(self.lab)
        child(f, QLabel, "customerLabel").setBuddy(self.customer)
        child(f, QLabel, "patientLabel").setBuddy(self.patient)
        gate(self.new_patient, self.client, Action.MANAGE_CLIENTS)
        # The lookups join the form after its own widgets: Tab goes down the parties first,
        # as they are read.
        chain = (self.lab, self.customer, self.patient, self.new_patient, self.documented,
                 self.due_check, self.due)
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _build_items(self) -> None:
        table = self.items
        table.setColumnCount(7)
        table.setHorizontalHeaderLabels([
            self.tr("Service"), self.tr("Description"), self.tr("Teeth"), self.tr("Qty"),
            self.tr("Unit price"), self.tr("Line total"), ""])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The service's name and the description share the spare width: a long service name
        # ("Custom implant abutment, zirconia") was cut while the description had room.
        header.setSectionResizeMode(SERVICE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((TEETH, 90), (QUANTITY, 60), (PRICE, 100), (LINE_TOTAL, 120),
                              (REMOVE, 34)):
            header.resizeSection(column, width)
        table.verticalHeader().setDefaultSectionSize(30)

    def _build_plans(self) -> None:
        """A new order's payment plan and work plan, side by side under the items."""
        self.plans = PlanFields()
        self.work_plan = WorkPlanFields(self.client)
        self.work_plan.templates_button.clicked.connect(self.plan_from_templates)
        row = QHBoxLayout()
        row.addWidget(self.plans, 2)
        row.addWidget(self.work_plan, 3)
        main = self.form.layout()
        assert isinstance(main, QVBoxLayout)
        main.insertLayout(main.indexOf(self.error), row)
        self.plans.changed.connect(self._touched)
        self.work_plan.changed.connect(self._touched)
        if self.work_plan.isEnabled():
            self.client.submit(masterdata.list_staff, False).then(
                self.work_plan.set_staff, busy=self)

    def plan_from_templates(self) -> None:
        if self.work_plan is None:
            return
        chosen = {row.service.currentData() for row in self._rows}
        services = [s for s in self._services if s.id in chosen]
        if not self.work_plan.add_from_templates(services, self.documented.date()):
            QMessageBox.information(self, self.tr("Work plan"), self.tr(
                "None of the services in the items has task templates that are not planned "
                "yet."))

    def _wire(self) -> None:
        self.lab.value_changed.connect(self._lab_changed)
        self.documented.dateChanged.connect(self._documented_changed)
        self.due.dateChanged.connect(self._due_edited)
        self.due_check.toggled.connect(self.due.setEnabled)
        self.new_patient.clicked.connect(self.quick_add_patient)
        self.add_item_button.clicked.connect(lambda: self.add_item(focus=True))
        self.currency.currentTextChanged.connect(lambda _c: self._update_total())
        for signal in (self.lab.value_changed, self.customer.value_changed,
                       self.patient.value_changed, self.documented.dateChanged,
                       self.due.dateChanged, self.due_check.toggled, self.shade.textChanged,
                       self.description.textChanged, self.teeth.selection_changed,
                       self.currency.currentTextChanged):
            signal.connect(self._touched)

    # --- filling ---------------------------------------------------------------------------

    def _open(self, services: list[ServiceInfo]) -> None:
        """The price list is in: show the order (or a new one's defaults) and allow Save."""
        self._services = services
        self.buttons.setEnabled(True)
        if self._order is None:
            self._fill_defaults()
            if self._restoring is not None:
                self.restore_draft(self._restoring)
            self._watching = True
        else:
            self.fill(self._order)

    def _fill_defaults(self) -> None:
        self.documented.setDate(QDate.currentDate())
        self.lab.set_record(None)
        self.customer.set_record(None)
        self.patient.set_record(None)
        self._apply_default_due()
        self._update_total()
        self.client.submit_plain(settings.get_settings).then(
            lambda chosen: self.currency.setCurrentText(chosen.default_currency), busy=self)
        self.client.submit_plain(settings.get_preference, LAST_LAB_PREFERENCE).then(
            self._remembered_lab, busy=self)

    def _remembered_lab(self, last_lab: str) -> None:
        self._last_lab = last_lab
        if self.lab.searching is None:
            self._choose_default_lab()
        else:
            self.lab.loaded.connect(self._choose_default_lab,
                                    Qt.ConnectionType.SingleShotConnection)

    def _choose_default_lab(self) -> None:
        """The lab used last (or the only one), unless the user chose one meanwhile."""
        if self.lab.value() is not None:
            return
        labs = [self.lab.itemData(i) for i in range(self.lab.count())]
        if self._last_lab.isdigit() and int(self._last_lab) in labs:
            self.lab.set_value(int(self._last_lab))
        elif len(labs) == 1:
            self.lab.set_value(labs[0])
        if self.lab.value() is not None and self.lab.hasFocus() \
                and not self.lab.edit.isModified():
            self.customer.setFocus()  # the usual lab is there: the customer comes next

    def fill(self, order: OrderDetail) -> None:
        """Show ``order`` as it is saved; used on opening and after a stale-edit reload."""
        self._order = order
        self.lab.set_record(order.lab)
        self.customer.set_record(order.customer)
        self.patient.set_record(order.patient)
        self.documented.setDate(qdate(order.documented_at))
        self._setting_due = True
        self.due_check.setChecked(order.due_date is not None)
        self.due.setDate(qdate(order.due_date or order.documented_at))
        self._setting_due = False
        self.due.setEnabled(order.due_date is not None)
        self.shade.setText(order.shade)
        self.description.setPlainText(order.description)
        self.teeth.set_selected(order.teeth)
        self.currency.setCurrentText(order.total.currency)
        self.items.setRowCount(0)
        self._rows.clear()
        for item in order.items:
            self.add_item(item.service_id, item.description, item.teeth, item.quantity,
                          amount_input(item.unit_price))
        self._update_total()
        self.due_hint.clear()

    # --- due date --------------------------------------------------------------------------

    def _lab_changed(self, _lab_id: int | None) -> None:
        if not self._due_by_hand:
            self._apply_default_due()

    def _documented_changed(self, _date: QDate) -> None:
        if not self._due_by_hand:
            self._apply_default_due()

    def _due_edited(self, _date: QDate) -> None:
        if not self._setting_due:
            self._due_by_hand = True
            self.due_hint.clear()

    def _apply_default_due(self) -> None:
        lab: LabInfo | None = self.lab.record()
        days = lab.default_turnaround_days if lab else DEFAULT_TURNAROUND_DAYS
        self._setting_due = True
        self.due.setDate(self.documented.date().addDays(days))
        self._setting_due = False
        if lab is not None:
            self.due_hint.setText(self.tr(
                "Due date: documented date plus {lab}'s turnaround of {days} days.").format(
                    lab=lab.name, days=days))
        else:
            self.due_hint.clear()

    # --- items -----------------------------------------------------------------------------

    def add_item(self, service_id: int | None = None, description: str = "",
                 teeth: tuple[int, ...] | None = None, quantity: int = 1, price: str = "",
                 focus: bool = False) -> ItemRow:
        table = self.items
        row_number = table.rowCount()
        table.insertRow(row_number)
        service = QComboBox()
        service.addItem(self.tr("(custom)"), NO_CHOICE)
        for info in self._services:
            if info.active or info.id == service_id:
                service.addItem(f"{info.code} — {info.name}", info.id)
        service.setCurrentIndex(max(0, service.findData(service_id or NO_CHOICE)))
        describe = QLineEdit(description)
        describe.setFrame(False)
        tooth_text = QLineEdit(format_teeth(self.teeth.selected() if teeth is None else teeth))
        tooth_text.setFrame(False)
        tooth_text.setPlaceholderText("11, 21")
        count = QSpinBox()
        count.setRange(1, MAX_QUANTITY)
        count.setValue(quantity)
        count.setFrame(False)
        amount = QLineEdit(price)
        amount.setFrame(False)
        amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        amount.setPlaceholderText("0")
        line_total = QTableWidgetItem()
        line_total.setFlags(Qt.ItemFlag.ItemIsEnabled)
        line_total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        remove = QToolButton()
        remove.setText("✕")
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Remove this item"))
        row = ItemRow(service, describe, tooth_text, count, amount, line_total, remove)
        for column, widget in ((SERVICE, service), (DESCRIPTION, describe), (TEETH, tooth_text),
                               (QUANTITY, count), (PRICE, amount), (REMOVE, remove)):
            table.setCellWidget(row_number, column, widget)
        table.setItem(row_number, LINE_TOTAL, line_total)
        self._rows.append(row)
        service.currentIndexChanged.connect(lambda _i, r=row: self._service_chosen(r))
        count.valueChanged.connect(lambda _v: self._update_total())
        amount.textChanged.connect(lambda _t: self._update_total())
        remove.clicked.connect(lambda _c=False, r=row: self.remove_item(r))
        for signal in (service.currentIndexChanged, describe.textChanged,
                       tooth_text.textChanged, count.valueChanged, amount.textChanged):
            signal.connect(self._touched)
        self._touched()
        self._update_total()
        if focus:
            service.setFocus()
        return row

    def item_rows(self) -> list[ItemRow]:
        return list(self._rows)

    def remove_item(self, row: ItemRow) -> None:
        index = self._rows.index(row)
        self.items.removeRow(index)
        del self._rows[index]
        self._touched()
        self._update_total()

    def _service_chosen(self, row: ItemRow) -> None:
        service_id = row.service.currentData() or None
        info = next((s for s in self._services if s.id == service_id), None)
        if info is None:
            return
        row.description.setText(info.name)
        row.price.setText(amount_input(info.unit_price))
        if info.unit_price.currency != self.currency.currentText():
            row.price.setToolTip(self.tr("The price list has this price in {currency}.").format(
                currency=info.unit_price.currency))
        else:
            row.price.setToolTip("")

    def _update_total(self) -> None:
        currency = self.currency.currentText()
        total = Money.zero(currency)
        complete = True
        for row in self._rows:
            try:
                line = Money.parse(row.price.text() or "0", currency) * row.quantity.value()
            except DomainError:
                row.total.setText("?")
                complete = False
                continue
            row.total.setText(money(line))
            total += line
        text = money(total) if complete else self.tr("check the prices")
        if complete and self.plans is not None:
            self.plans.set_total(total)
        self.total.setText(self.tr("Total: {total}").format(total=text))
        font = QFont(self.total.font())
        font.setBold(True)
        self.total.setFont(font)

    # --- quick add -------------------------------------------------------------------------

    def quick_add_patient(self) -> None:
        dialog = QuickPatientDialog(self.patient.edit.text()
                                    if self.patient.value() is None else "", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.client.submit(masterdata.quick_add_patient, dialog.first.text(),
                           dialog.last.text()).then(self.patient.set_record, busy=self)

    # --- saving ----------------------------------------------------------------------------

    def order_input(self) -> OrderInput:
        """The form as the service's input; raises ValidationError for unreadable entries."""
        currency = self.currency.currentText()
        check = validation.Checks()
        items = []
        for number, row in enumerate(self._rows, start=1):
            items.append(ItemInput(
                description=row.description.text(),
                quantity=row.quantity.value(),
                unit_price=check(Money.parse, row.price.text() or "0", currency,
                                 f"item {number} price"),
                service_id=row.service.currentData() or None,
                teeth=check(parse_teeth, row.teeth.text(), f"item {number} teeth"),
            ))
        check.done()
        return OrderInput(
            lab_id=self.lab.value() or 0,
            customer_id=self.customer.value() or 0,
            patient_id=self.patient.value() or 0,
            documented_at=pydate(self.documented.date()) or date.today(),
            due_date=pydate(self.due.date()) if self.due_check.isChecked() else None,
            currency=currency,
            description=self.description.toPlainText(),
            shade=self.shade.text(),
            teeth=self.teeth.selected(),
            items=tuple(items),
            payment_plan=self.plans.plan_input() if self.plans is not None else None,
            tasks=self.work_plan.tasks() if self.work_plan is not None else (),
        )

    def save(self) -> None:
        """Check the form, then create or edit the order off the GUI thread; the dialog stays
        open (Save disabled) until the service answers and closes only once it saved."""
        if self._saving:
            return
        self.marks.clear()
        try:
            data = self.order_input()
        except DomainError as error:
            self.show_error(error)
            return
        order = self._order
        job = (self.client.submit(orders.create_order, data) if order is None else
               self.client.submit(orders.edit_order, order.id, order.version, data))
        self._saving = True
        self.buttons.setEnabled(False)
        job.then(lambda saved: self._saved(saved, data), self._refused, busy=self)

    def _saved(self, saved: OrderDetail, data: OrderInput) -> None:
        self._save_ended()
        self.saved = saved
        self._autosave.stop()
        remove_draft(self._draft)
        if self._order is None:
            self.client.submit(settings.set_preference, LAST_LAB_PREFERENCE,
                               str(data.lab_id)).then()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._save_ended()
        if isinstance(error, ConcurrencyError) and self._order is not None:
            show_refusal(self, error)
            self.client.submit(order_detail.get_order, self._order.id).then(
                self.fill, busy=self)
        elif isinstance(error, DomainError):
            self.show_error(error)
        else:
            raise error

    def reject(self) -> None:
        """Escape, Cancel or the close box: a new order with something typed is discarded only
        when the user says so."""
        if self._order is None and self.saved is None and self.has_typed() and \
                QMessageBox.question(
                    self, self.tr("New work order"), self.tr("Discard this new order?"),
                    QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Discard:
            return
        self._autosave.stop()
        if self._order is None:
            remove_draft(self._draft)
        super().reject()

    def has_typed(self) -> bool:
        """Whether the user entered anything beyond the defaults (the lab and currency are
        preset, so choosing them alone loses nothing)."""
        return bool(
            self.customer.edit.text().strip() or self.patient.edit.text().strip()
            or self.shade.text().strip() or self.description.toPlainText().strip()
            or self.teeth.selected() or self._rows or self._due_by_hand
            or self.documented.date() != QDate.currentDate()
            or any(part is not None and part.isChecked()
                   for part in (self.plans, self.work_plan)))

    def _save_ended(self) -> None:
        self._saving = False
        self.buttons.setEnabled(True)

    def show_error(self, error: DomainError) -> None:
        self.marks.show(error)

    def widget_for(self, field: str) -> QWidget | None:
        """The input a service's field name points at ("item 2 price" -> row 2's price)."""
        plan = re.match(r"payment plan (.+)", field)
        if plan and self.plans is not None:
            return self.plans.widget_for(plan.group(1))
        task = re.match(r"task (\d+)\s*(.*)", field)
        if task and self.work_plan is not None:
            return self.work_plan.widget_for(int(task.group(1)), task.group(2))
        if field == "work plan":
            return self.work_plan
        match = re.match(r"item (\d+)\s*(\w*)", field)
        if match:
            index = int(match.group(1)) - 1
            if 0 <= index < len(self._rows):
                return self._rows[index].widget_for(match.group(2))
            return self.items
        return {
            "dental lab": self.lab, "customer": self.customer, "patient": self.patient,
            "documented date": self.documented, "due date": self.due, "shade": self.shade,
            "description": self.description, "teeth": self.teeth, "currency": self.currency,
            "items": self.items,
        }.get(field)


    # --- the autosaved draft ------------------------------------------------------------------

    def _touched(self, *_args: object) -> None:
        if self._watching and self._order is None and self.saved is None:
            self._autosave.start()

    def draft_state(self) -> dict[str, Any]:
        """The form's fields as typed (a half-typed price too), to restore after a crash."""
        return {
            "lab": self.lab.value(), "customer": self.customer.value(),
            "patient": self.patient.value(),
            "documented": self.documented.date().toString("yyyy-MM-dd"),
            "due": self.due.date().toString("yyyy-MM-dd") if self._due_by_hand else None,
            "due_set": self.due_check.isChecked(), "shade": self.shade.text(),
            "description": self.description.toPlainText(), "teeth": list(self.teeth.selected()),
            "currency": self.currency.currentText(),
            "items": [{"service": r.service.currentData() or None,
                       "description": r.description.text(), "teeth": r.teeth.text(),
                       "quantity": r.quantity.value(), "price": r.price.text()}
                      for r in self._rows],
            "plan": self.plans.state() if self.plans is not None else None,
            "work_plan": self.work_plan.state() if self.work_plan is not None else None,
        }

    def write_draft(self) -> None:
        if self._order is not None or self.saved is not None:
            return
        if self.has_typed():
            write_draft(self._draft, self.draft_state())
        else:
            remove_draft(self._draft)

    def _offered_draft(self) -> dict[str, Any] | None:
        """A draft left by a crash, if the user takes it back (asked before the form opens;
        it is filled in once the price list is there)."""
        found = read_draft(self._draft)
        if found is None:
            return None
        saved_at, state = found
        if self.ask_restore(saved_at):
            return state
        remove_draft(self._draft)
        return None

    def ask_restore(self, saved_at: datetime) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("New work order"), self.tr(
            "A new order you were typing on {when} was not saved (the application closed "
            "before). Restore it?").format(when=datetime_text(saved_at)),
            parent=self.parentWidget())
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Discard)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def restore_draft(self, state: dict[str, Any]) -> None:
        """Put a draft back; the parties are read again, so a renamed one shows its name."""
        submit = self.client.submit
        for combo, key, getter in ((self.lab, "lab", masterdata.get_lab),
                                   (self.customer, "customer", masterdata.get_customer),
                                   (self.patient, "patient", masterdata.get_patient)):
            if isinstance(state.get(key), int):
                submit(getter, state[key]).then(combo.set_record, lambda _e: None, busy=self)
        documented = QDate.fromString(str(state.get("documented", "")), "yyyy-MM-dd")
        if documented.isValid():
            self.documented.setDate(documented)
        due = QDate.fromString(str(state.get("due") or ""), "yyyy-MM-dd")
        if due.isValid():
            self.due.setDate(due)  # by hand, as it was
        self.due_check.setChecked(bool(state.get("due_set", True)))
        self.shade.setText(str(state.get("shade", "")))
        self.description.setPlainText(str(state.get("description", "")))
        self.teeth.set_selected(tuple(int(t) for t in state.get("teeth", [])))
        self.currency.setCurrentText(str(state.get("currency", self.currency.currentText())))
        for item in state.get("items", []):
            row = self.add_item(item.get("service"), str(item.get("description", "")), (),
                                int(item.get("quantity", 1)), str(item.get("price", "")))
            row.teeth.setText(str(item.get("teeth", "")))
        if self.plans is not None and isinstance(state.get("plan"), dict):
            self.plans.restore(state["plan"])
        if self.work_plan is not None and isinstance(state.get("work_plan"), dict):
            self.work_plan.restore(state["work_plan"])

