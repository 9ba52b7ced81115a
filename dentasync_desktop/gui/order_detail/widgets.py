"""Small building blocks the detail tabs and dialogs share."""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from ...domain.money import CURRENCY_EXPONENTS, Money
from ..formatting import amount_input, qdate
from ..theme import on_white
from ..widgets.dates import date_edit
from .models import ID_ROLE, RowsModel


class Gate(NamedTuple):
    """Whether an action may run now and, if not, why (ready for a tooltip)."""

    allowed: bool
    reason: str = ""


def apply_gate(target: QAction | QWidget, gate: Gate, tip: str = "", missing: str = "") -> None:
    """Enable ``target`` as the lifecycle and permission tables say; say why when disabled.

    ``missing`` is why it stays off although allowed, e.g. that nothing is selected.
    """
    if not gate.allowed:
        target.setEnabled(False)
        target.setToolTip(gate.reason)
        return
    target.setEnabled(not missing)
    target.setToolTip(missing or tip)


def confirm(parent: QWidget | None, title: str, text: str, enter_says_yes: bool = False) -> bool:
    """Yes/No; Enter answers No unless ``enter_says_yes``: for a step the user has just asked
    for that loses nothing (Publish), the question is there against a stray click, not against
    the Enter that follows it."""
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes if enter_says_yes else QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def badge(colour: str = "#6b7280") -> QLabel:
    label = QLabel()
    set_badge_colour(label, colour)
    return label


def set_badge_colour(label: QLabel, colour: str) -> None:
    label.setStyleSheet(
        f"QLabel {{ background: {on_white(colour).name()}; color: white; border-radius: 4px;"
        " padding: 2px 8px; font-weight: 600; }"
    )


def button(text: str, slot: Any, tip: str = "") -> QPushButton:
    widget = QPushButton(text)
    widget.setToolTip(tip)
    widget.clicked.connect(slot)
    return widget


def button_row(*widgets: QWidget, stretch_at: int | None = None) -> QHBoxLayout:
    """Buttons left to right; a stretch before index ``stretch_at`` pushes the rest right."""
    row = QHBoxLayout()
    for index, widget in enumerate(widgets):
        if index == stretch_at:
            row.addStretch(1)
        row.addWidget(widget)
    if stretch_at is None:
        row.addStretch(1)
    return row


class RecordTable(QTableView):
    """A read-only, row-selecting table over a RowsModel that keeps the selection by id."""

    selection_changed = Signal()

    ROW_PADDING = 8

    def __init__(self, model: RowsModel, stretch_column: int | None = None,
                 fit_rows: int | None = None, parent: QWidget | None = None) -> None:
        """``fit_rows``: as tall as its rows (up to that many), instead of filling the space."""
        super().__init__(parent)
        self.setModel(model)
        self._stretch = stretch_column
        self._fit_rows = fit_rows
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(stretch_column is None)
        self.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        model.modelReset.connect(self.selection_changed.emit)

    def rows_model(self) -> RowsModel:
        model = self.model()
        assert isinstance(model, RowsModel)
        return model

    def selected(self) -> Any | None:
        rows = self.selectionModel().selectedRows()
        return self.rows_model().row_at(rows[0].row()) if rows else None

    def show_rows(self, rows: Any) -> None:
        keep = getattr(self.selected(), "id", None)
        model = self.rows_model()
        model.set_rows(rows)
        self.resizeColumnsToContents()
        if self._stretch is not None:
            self.horizontalHeader().setSectionResizeMode(
                self._stretch, QHeaderView.ResizeMode.Stretch)
        if self.wordWrap():
            self._size_rows()
        if self._fit_rows is not None:
            self._fit_height()
        if keep is not None:
            self.select_id(keep)

    def _size_rows(self) -> None:
        """Wrapped text gets the rows it needs, with the same breathing room as one-liners."""
        self.resizeRowsToContents()
        header = self.verticalHeader()
        for row in range(self.rows_model().rowCount()):
            height = header.sectionSize(row) + self.ROW_PADDING
            header.resizeSection(row, max(height, header.defaultSectionSize()))

    def _fit_height(self) -> None:
        assert self._fit_rows is not None
        header = self.verticalHeader()
        shown = min(self._fit_rows, self.rows_model().rowCount())
        rows = sum(header.sectionSize(row) for row in range(shown)) or header.defaultSectionSize()
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows
                            + 2 * self.frameWidth())

    def select_id(self, row_id: int) -> bool:
        model = self.rows_model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ID_ROLE) == row_id:
                self.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.setCurrentIndex(index)
                return True
        return False


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a tick box in front of a calendar date edit."""

    def __init__(self, label: str, value: QDate | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = date_edit()
        self.edit.setCalendarPopup(True)
        self.edit.setDate(value if value is not None and value.isValid()
                          else QDate.currentDate())
        self.check.setChecked(value is not None and value.isValid())
        self.edit.setEnabled(self.check.isChecked())
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)

    def value(self) -> QDate | None:
        return self.edit.date() if self.check.isChecked() else None

    def set_value(self, value: Any) -> None:
        """Accepts a Python date or None."""
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))


class MoneyEdit(QWidget):
    """An amount typed as text (parsed exactly by Money.parse) in a fixed or chosen currency."""

    def __init__(self, amount: Money, currency_editable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = QLineEdit(amount_input(amount))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText(amount_input(Money.zero(amount.currency)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.amount, 1)
        self.currency: QComboBox | None = None
        self._fixed_currency = amount.currency
        if currency_editable:
            self.currency = QComboBox()
            self.currency.addItems(sorted(CURRENCY_EXPONENTS))
            self.currency.setCurrentText(amount.currency)
            layout.addWidget(self.currency)
        else:
            layout.addWidget(QLabel(amount.currency))
        self.setFocusProxy(self.amount)

    def currency_code(self) -> str:
        return self.currency.currentText() if self.currency else self._fixed_currency

    def money(self, field: str = "amount") -> Money:
        """Raises ValidationError naming ``field`` when the text is not an amount."""
        return Money.parse(self.amount.text(), self.currency_code(), field)
