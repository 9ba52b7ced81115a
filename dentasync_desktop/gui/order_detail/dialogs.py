"""Dialogs for the order actions that need input.

Each ``ServiceDialog`` opens with the focus in its first field and tabs through the fields
before its buttons, so typing goes where it is meant and Enter (not Space) presses OK. It runs
its service off the GUI thread when the user presses OK, and stays open (OK disabled) until it
answers. A refusal of the input (a ``ValidationError`` naming the field) is shown inside the
dialog, which stays open with what the user typed; any other refusal is shown and closes the
dialog so the view can reload.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import validation
from ...domain.dto import CustomerInfo, LabInfo
from ...domain.errors import DomainError, ValidationError
from ...domain.money import Money
from ...domain.numbers import format_number, parse_number
from ..errors import show_refusal
from ..formatting import money, pydate, qdate
from ..widgets.dates import date_edit
from ..widgets.field_errors import FieldMarks
from ..widgets.inline_error import error_label
from ..worker import Job
from .models import ID_ROLE
from .widgets import MoneyEdit, confirm

MAX_TEXT = 500  # what the order services keep of a reason or a tracking number


class ServiceDialog(QDialog):
    """A form whose OK starts the job ``submit(*self.values())`` (OrderContext.submitter);
    ``outcome`` holds what it returned."""

    def __init__(self, parent: QWidget | None, title: str,
                 submit: Callable[..., Job[Any]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._submit = submit
        self._fields: dict[str, QWidget] = {}
        self.outcome: Any = None
        self.refusal: DomainError | None = None
        self.pending: Job[Any] | None = None  # the save under way
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = error_label()
        self.marks = FieldMarks(self, self._fields.get, self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self.form)
        self._layout.addWidget(self.error)
        self._arranged = False

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def name_buttons(self, ok: str, cancel: str) -> None:
        """Verbs instead of OK/Cancel where "cancel" would be ambiguous."""
        self.ok_button.setText(ok)
        self.cancel_button.setText(cancel)

    def setVisible(self, visible: bool) -> None:
        if visible and not self._arranged:
            self._arrange()
        super().setVisible(visible)

    def _arrange(self) -> None:
        """Buttons join the layout last so the focus chain (the order widgets got their
        parent) runs through the subclasses' rows first; the first field takes the focus."""
        self._arranged = True
        self._layout.addWidget(self.buttons)
        self.ok_button.setDefault(True)  # Enter in a field presses it; Space only when focused
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self and widget is not self.buttons:
            if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
                    and not widget.isHidden()):
                widget.setFocus(Qt.FocusReason.TabFocusReason)  # selects a pre-filled text
                return
            widget = widget.nextInFocusChain()

    def add_field(self, label: str, widget: QWidget, *names: str) -> QWidget:
        """A labelled row; ``names`` are the field names a ValidationError may point at."""
        self.form.addRow(label, widget)
        for name in names:
            self._fields[name] = widget
        return widget

    def values(self) -> tuple[Any, ...]:
        """The service arguments from the form; may raise ValidationError for bad text."""
        raise NotImplementedError

    def confirmed(self) -> bool:
        return True

    def accept(self) -> None:
        """Check the form, then run the service off the GUI thread; the dialog stays open
        (OK disabled, busy cursor) until it answers, and closes only if it saved."""
        if self.pending is not None:
            return  # OK again while saving
        self.marks.clear()
        try:
            values = self.values()
            if not self.confirmed():
                return
        except ValidationError as error:
            self.show_error(error)
            return
        self.buttons.setEnabled(False)
        self.pending = self._submit(*values).then(self._saved, self._refused, busy=self)

    def _saved(self, outcome: Any) -> None:
        self.pending = None
        self.buttons.setEnabled(True)
        self.outcome = outcome
        super().accept()

    def _refused(self, error: BaseException) -> None:
        self.pending = None
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_error(error)
        elif isinstance(error, DomainError):
            self.refusal = error
            show_refusal(self, error)
            self.reject()
        else:
            raise error

    def show_error(self, error: ValidationError) -> None:
        self.marks.show(error)
        self._grow()

    def _grow(self) -> None:
        """Taller for the messages, rather than squeezing the rows (a dialog never grows
        by itself once shown)."""
        self._layout.activate()
        needed = self._layout.totalHeightForWidth(self.width())
        if self.height() < needed:
            self.resize(self.width(), needed)

    @property
    def error_text(self) -> str:
        return self.marks.text


class TextDialog(ServiceDialog):
    """One text: a reason, a tracking number, a comment. Optionally confirmed before it runs;
    a ``required`` text is checked first, so the confirmation never asks about a bad form."""

    def __init__(self, parent: QWidget | None, title: str, label: str, field: str,
                 submit: Callable[..., Job[Any]], *, text: str = "", prompt: str = "",
                 multiline: bool = False, confirmation: str = "",
                 required: bool = False) -> None:
        super().__init__(parent, title, submit)
        self._confirmation = confirmation
        self._field = field if required else ""
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.form.addRow(self.prompt)
        self.prompt.setVisible(bool(prompt))
        self.edit: QLineEdit | QPlainTextEdit
        if multiline:
            self.edit = QPlainTextEdit(text)
            self.edit.setTabChangesFocus(True)
            self.edit.setMinimumHeight(100)
        else:
            self.edit = QLineEdit(text)
            self.edit.setMaxLength(MAX_TEXT)
        self.add_field(label, self.edit, field)

    def values(self) -> tuple[Any, ...]:
        text = (self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit)
                else self.edit.text())
        if self._field:
            validation.required(text, self._field, MAX_TEXT)
        return (text,)

    def confirmed(self) -> bool:
        if not self._confirmation:
            return True
        return confirm(self, self.windowTitle(), self._confirmation)


class DueDateDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, current: Any,
                 submit: Callable[..., Job[Any]]) -> None:
        super().__init__(parent, self.tr("Update due date"), submit)
        self.date = date_edit(qdate(current) if current else QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.add_field(self.tr("Due date"), self.date, "due date")

    def values(self) -> tuple[Any, ...]:
        return (pydate(self.date.date()),)


class AdjustPriceDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, total: Money,
                 submit: Callable[..., Job[Any]]) -> None:
        super().__init__(parent, self.tr("Adjust price"), submit)
        note = QLabel(self.tr("The order total is now {total}.").format(total=money(total)))
        self.form.addRow(note)
        self.price = MoneyEdit(total, currency_editable=True)
        self.add_field(self.tr("New total"), self.price, "price", "amount", "currency")

    def values(self) -> tuple[Any, ...]:
        return (self.price.money("price"),)


class RemakeDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, submit: Callable[..., Job[Any]]) -> None:
        super().__init__(parent, self.tr("Mark as remake"), submit)
        self.number = QLineEdit()
        self.number.setPlaceholderText(format_number(123))
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.add_field(self.tr("Remake of order"), self.number, "remake of", "number")
        self.add_field(self.tr("Reason"), self.reason, "reason")

    def values(self) -> tuple[Any, ...]:
        number = self.number.text()
        try:
            parsed = parse_number(number)
        except ValidationError as error:
            raise ValidationError("remake of", error.reason) from error
        return (parsed, self.reason.text())


class CustomerDialog(ServiceDialog):
    """Pick another customer; the list follows what is typed in the search box."""

    SEARCH_DELAY_MS = 150

    def __init__(self, parent: QWidget | None, current: CustomerInfo,
                 search: Callable[[str], Job[list[CustomerInfo]]],
                 submit: Callable[..., Job[Any]]) -> None:
        super().__init__(parent, self.tr("Change customer"), submit)
        self._search = search
        self._current = current
        self._generation = 0  # bumped by every search: older answers are dropped
        self.form.addRow(QLabel(self.tr("Current customer: {name}").format(
            name=_customer_text(current))))
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Type a name or clinic…"))
        self.query.setClearButtonEnabled(True)
        self.customers = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.customers)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(220)
        self.list.doubleClicked.connect(self.accept)
        self.add_field(self.tr("Search"), self.query)
        self.add_field(self.tr("New customer"), self.list, "customer")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.query.textChanged.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> Job[list[CustomerInfo]]:
        """Search off the GUI thread; only the latest search's answer is shown."""
        self._generation += 1
        generation = self._generation
        return self._search(self.query.text().strip()).then(
            lambda found: self._show(generation, found), busy=self)

    def _show(self, generation: int, found: Sequence[CustomerInfo]) -> None:
        if generation != self._generation:
            return
        self.customers.clear()
        for customer in found:
            item = QStandardItem(_customer_text(customer))
            item.setData(customer.id, ID_ROLE)
            item.setEditable(False)
            if customer.id == self._current.id:
                item.setEnabled(False)
            self.customers.appendRow(item)
        # The list opens at the current customer (shown, not choosable), the cursor on its
        # nearest neighbour: the choice is usually a customer of the same name or clinic.
        rows = range(self.customers.rowCount())
        current = next((r for r in rows if not self.customers.item(r).isEnabled()), 0)
        nearest = sorted((r for r in rows if self.customers.item(r).isEnabled()),
                         key=lambda r: (abs(r - current), r))
        if nearest:
            self.list.setCurrentIndex(self.customers.index(nearest[0], 0))
        if self.customers.rowCount():
            self.list.scrollTo(self.customers.index(current, 0),
                               QAbstractItemView.ScrollHint.PositionAtCenter)

    def values(self) -> tuple[Any, ...]:
        index = self.list.currentIndex()
        if not index.isValid() or not self.list.selectionModel().isSelected(index):
            raise ValidationError("customer", "choose a customer from the list")
        return (index.data(ID_ROLE),)


def _customer_text(customer: CustomerInfo) -> str:
    return f"{customer.name} — {customer.clinic}" if customer.clinic else customer.name


class PaymentInstructionsDialog(QDialog):
    """The lab's bank details and the amount due, ready to paste into a message or to print
    (``print_requested``: the same print preview as File › Print payment instructions)."""

    print_requested = Signal()

    def __init__(self, parent: QWidget | None, lab: LabInfo, number_text: str,
                 balance: Money) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Payment instructions"))
        self.setMinimumWidth(440)
        rows = [
            (self.tr("Account holder"), lab.account_holder or lab.name),
            (self.tr("Bank"), lab.bank_name),
            (self.tr("IBAN"), " ".join(lab.iban[i:i + 4] for i in range(0, len(lab.iban), 4))),
            (self.tr("BIC"), lab.bic),
            (self.tr("Reference"), number_text),
            (self.tr("Amount due"), money(balance)),
            (self.tr("Note"), lab.payment_note),
        ]
        form = QFormLayout()
        for label, value in rows:
            field = QLabel(value or "—")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(label, field)
        self.text = "\n".join(f"{label}: {value}" for label, value in rows if value)
        missing = not (lab.iban or lab.bank_name)
        warning = QLabel(self.tr("The lab has no bank details yet; add them under Dental labs."))
        warning.setObjectName("errorLabel")
        warning.setWordWrap(True)
        warning.setVisible(missing)
        self.copy_button = QPushButton(self.tr("Copy to clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self._print)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(buttons)

    def _print(self) -> None:
        self.accept()
        self.print_requested.emit()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copy_button.setText(self.tr("Copied"))
