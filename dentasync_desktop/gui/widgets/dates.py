"""A date that may be left out: a tick box in front of a calendar date field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ..formatting import date_format, pydate, qdate


def full_year(edit: QDateEdit) -> QDateEdit:
    """``edit`` showing dates as the lists and printouts write them (formatting.date_text):
    Qt's short format has a two-digit year."""
    edit.setDisplayFormat(date_format(edit.locale()))
    return edit


def date_edit(value: QDate | None = None) -> QDateEdit:
    return full_year(QDateEdit(value) if value is not None else QDateEdit())


class OptionalDate(QWidget):
    changed = Signal()

    def __init__(self, check_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.edit = date_edit()
        self.edit.setCalendarPopup(True)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.setFocusProxy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def value(self) -> date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.setDate(qdate(value))
        self.check.setChecked(value is not None)
