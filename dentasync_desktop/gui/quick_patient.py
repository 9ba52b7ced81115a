"""Adding a patient from the order form by name alone, without leaving the form."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class QuickPatientDialog(QDialog):
    """Just a name: the rest of the patient's details can wait for the Patients page."""

    def __init__(self, typed: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickPatientDialog")
        self.setWindowTitle(self.tr("New patient"))
        first, _, last = typed.strip().rpartition(" ")
        self.first = QLineEdit(first)
        self.first.setObjectName("firstName")
        self.last = QLineEdit(last)
        self.last.setObjectName("lastName")
        form = QFormLayout()
        form.addRow(self.tr("&First name:"), self.first)
        form.addRow(self.tr("&Last name:"), self.last)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(340)
        (self.last if first and not last else self.first).setFocus()

