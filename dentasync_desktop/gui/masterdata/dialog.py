"""The shared frame of the master-data edit dialogs: a form, an error line, Save/Cancel."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ..client import ServiceClient
from ..widgets.field_errors import FieldMarks
from ..widgets.inline_error import error_label, run_in_dialog
from ..worker import Job

W = TypeVar("W", bound=QWidget)


class RecordDialog(QDialog):
    """Subclasses fill ``self.form``, register fields in ``self.fields`` and implement
    ``request``: read the widgets and return the (not yet started) service job.

    Save runs that job off the GUI thread; the dialog stays open with Save disabled until the
    service answers. A refusal shows the service's message under the form, focuses the field
    it names and keeps everything typed; ``saved`` holds the service's answer once the dialog
    is accepted.
    """

    def __init__(self, client: ServiceClient, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.saved: Any = None
        self.pending: Job[Any] | None = None  # the save under way
        self.fields: dict[str, QWidget] = {}
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = error_label()
        self.marks = FieldMarks(self, self.field_widget, self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def add_field(self, key: str, text: str, widget: W, form: QFormLayout | None = None) -> W:
        """A form row; ``key`` is the field name the service uses in its messages."""
        (form or self.form).addRow(text, widget)
        self.fields[key.lower()] = widget
        return widget

    def field_widget(self, field: str) -> QWidget | None:
        """The widget for a service's field name: exact, else the longest registered prefix
        ("task 2 name" finds the widget registered as "task")."""
        name = field.lower()
        if name in self.fields:
            return self.fields[name]
        prefixes = [key for key in self.fields if name.startswith(key)]
        return self.fields[max(prefixes, key=len)] if prefixes else None

    def request(self) -> Job[Any]:
        """The save job built from the widgets (``client.submit(...)``, not started); raise
        ValidationError for input refused before it reaches the service."""
        raise NotImplementedError

    def show_error(self, error: DomainError) -> None:
        self.marks.show(error)
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _save(self) -> None:
        if self.pending is not None:
            return  # Save again while saving
        self.marks.clear()
        try:
            job = self.request()
        except DomainError as error:
            self.show_error(error)
            return
        self.pending = run_in_dialog(self, self.buttons, job, self._saved, self._refused)

    def _saved(self, record: Any) -> None:
        self.pending = None
        self.saved = record
        self.accept()

    def _refused(self, error: DomainError) -> None:
        self.pending = None
        self.show_error(error)
