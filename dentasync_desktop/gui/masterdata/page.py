"""One list of master data with search and Add / Edit / Deactivate / Delete."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QModelIndex, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...services.changes import Change, ChangeKind
from ..access import gate
from ..changes import ChangeRelay
from ..client import ServiceClient
from ..theme import icon
from ..widgets.columns import install_column_layout
from ..widgets.record_table import record_table
from ..worker import Job
from .dialog import RecordDialog
from .model import RecordColumn, RecordTableModel

if TYPE_CHECKING:
    from ..shell import Shell

SEARCH_DELAY_MS = 150
DEACTIVATED = "deactivated"

# Which announced changes reload which list (by RecordKind.key).
_LISTED = {
    "labs": frozenset({ChangeKind.LAB}),
    "customers": frozenset({ChangeKind.CUSTOMER}),
    "patients": frozenset({ChangeKind.PATIENT}),
    "services": frozenset({ChangeKind.SERVICE}),
    "staff": frozenset({ChangeKind.STAFF}),
    "users": frozenset({ChangeKind.USER, ChangeKind.STAFF}),  # a user's staff link shows
}


@dataclass(frozen=True)
class ExtraCommand:
    """A further button acting on the selected record (Reset password, say)."""

    text: Callable[[], str]
    run: Callable[[QWidget, ServiceClient, Any], Any]  # returns the changed record or None


@dataclass(frozen=True)
class RecordKind:
    """Everything a list page needs to know about one kind of record."""

    key: str
    noun: Callable[[], str]  # "dental lab", for messages
    columns: Sequence[RecordColumn[Any]]
    action: Action  # what the role needs to change these records
    # The jobs below are built, not started: the panel starts them. load gets (client, search
    # text, inactive too).
    load: Callable[[ServiceClient, str, bool], Job[Sequence[Any]]]
    dialog: Callable[[ServiceClient, Any, QWidget], RecordDialog]  # record None: a new one
    set_active: Callable[[ServiceClient, int, bool], Job[Any]]
    describe: Callable[[Any], str]
    delete: Callable[[ServiceClient, int], Job[str]] | None = None
    # For services that do not search: which loaded records a (text, inactive too) shows.
    keep: Callable[[Any, str, bool], bool] | None = None
    extra: Sequence[ExtraCommand] = field(default_factory=tuple)
    limit: int | None = None  # the load stops here; the page then asks to refine the search


class RecordListPanel(QWidget):
    """The search line, the buttons and the table for one ``RecordKind``."""

    def __init__(self, client: ServiceClient, kind: RecordKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.kind = kind
        self.setObjectName(f"{kind.key}Panel")
        self.model: RecordTableModel[Any] = RecordTableModel(kind.columns, self)

        self.search = QLineEdit()
        self.search.setObjectName("recordSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setPlaceholderText(self.tr("Search…"))
        self.show_inactive = QCheckBox(self.tr("Show deactivated"))
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.extra_buttons = [QPushButton(command.text()) for command in kind.extra]
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_inactive)
        bar.addSpacing(12)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        for button in self.extra_buttons:
            bar.addWidget(button)
        bar.addWidget(self.active_button)
        if kind.delete is not None:
            bar.addWidget(self.delete_button)
        else:
            self.delete_button.hide()

        self.table = record_table(self.model, f"{kind.key}Table")
        self.table.horizontalHeader().setDefaultSectionSize(180)
        install_column_layout(self.table, kind.key)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(bar)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.count_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.show_inactive.toggled.connect(self.refresh)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete)
        for button, command in zip(self.extra_buttons, kind.extra, strict=True):
            button.clicked.connect(lambda _c=False, cmd=command: self._run_extra(cmd))
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._loaded = False
        self._generation = 0  # bumped by every load: older answers are dropped
        self._want_selected: int | None = None
        self._listens_to = _LISTED.get(kind.key, frozenset())
        ChangeRelay.of(client).changed.connect(self._on_changes)

    # --- loading ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        """Records of this list changed (here or elsewhere): reload now if shown, else when
        shown next."""
        if not any(c.kind in self._listens_to for c in changes):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._loaded = False

    def refresh(self) -> Job[Sequence[Any]]:
        """Load the records off the GUI thread; the selection is kept."""
        self._timer.stop()
        self._loaded = True
        selected = self.selected()
        if self._want_selected is None and selected is not None:
            self._want_selected = selected.id
        self._generation += 1
        generation = self._generation
        text, inactive = self.search.text().strip(), self.show_inactive.isChecked()
        return self.kind.load(self.client, text, inactive).then(
            lambda records: self._show(generation, records, text, inactive), busy=self)

    def _show(self, generation: int, records: Sequence[Any], text: str, inactive: bool) -> None:
        if generation != self._generation:
            return
        keep = self.kind.keep
        if keep is not None:
            records = [record for record in records if keep(record, text, inactive)]
        self.model.set_rows(records)
        limit = self.kind.limit
        if limit is not None and len(records) >= limit:
            self.count_label.setText(self.tr(
                "Showing the first {count}; type in the search box to find others."
            ).format(count=QLocale().toString(len(records))))
        else:
            self.count_label.setText(self.tr("{count} shown").format(
                count=QLocale().toString(len(records))))
        wanted, self._want_selected = self._want_selected, None
        if wanted is not None:
            self.select(wanted)

    def select(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectRow(row)

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _update_buttons(self, *_args: object) -> None:
        record = self.selected()
        has = record is not None
        gate(self.add_button, self.client, self.kind.action)
        gate(self.edit_button, self.client, self.kind.action, has)
        gate(self.delete_button, self.client, self.kind.action, has)
        for button in self.extra_buttons:
            gate(button, self.client, self.kind.action, has)
        active = getattr(record, "active", True)
        self.active_button.setText(self.tr("Deactivate") if active else self.tr("Activate"))
        gate(self.active_button, self.client, self.kind.action, has)

    # --- commands --------------------------------------------------------------------------

    def add(self) -> None:
        self._open_dialog(None)

    def edit(self) -> None:
        record = self.selected()
        if record is not None:
            self._open_dialog(record)

    def _double_clicked(self, _index: QModelIndex) -> None:
        if self.client.allows(self.kind.action):
            self.edit()

    def _open_dialog(self, record: Any) -> None:
        if not self.client.allows(self.kind.action):
            return
        dialog = self.kind.dialog(self.client, record, self)
        # Told at once, not after exec returns: the reload the save announced may come first.
        dialog.accepted.connect(lambda: self._after_change(dialog.saved))
        dialog.exec()

    def _after_change(self, record: Any) -> None:
        """The change bus reloads the list; select the record then (a deactivated record may
        have left the list: then nothing is selected)."""
        self._want_selected = record.id
        self.select(record.id)  # if the reload came first

    def toggle_active(self) -> Job[Any] | None:
        record = self.selected()
        if record is None or not self.client.allows(self.kind.action):
            return None
        active = not getattr(record, "active", True)
        return self.kind.set_active(self.client, record.id, active).then(
            self._after_change, busy=self)

    def delete(self) -> None:
        record = self.selected()
        remove = self.kind.delete
        if record is None or remove is None or not self.client.allows(self.kind.action):
            return
        name = self.kind.describe(record)
        answer = QMessageBox.question(
            self, self.tr("Delete {noun}").format(noun=self.kind.noun()),
            self.tr("Delete the {noun} “{name}”? This cannot be undone.\n\nIf it is still used "
                    "somewhere it is deactivated instead, and stays on record.").format(
                noun=self.kind.noun(), name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        remove(self.client, record.id).then(
            lambda outcome: self._deleted(name, outcome), busy=self)

    def _deleted(self, name: str, outcome: str) -> None:
        if outcome == DEACTIVATED:
            QMessageBox.information(
                self, self.tr("Deactivated instead"),
                self.tr("“{name}” is still referenced, so it was deactivated instead of "
                        "deleted. It no longer appears in choices for new work.").format(
                    name=name))

    def _run_extra(self, command: ExtraCommand) -> None:
        record = self.selected()
        if record is None or not self.client.allows(self.kind.action):
            return
        changed = command.run(self, self.client, record)
        if changed is not None:
            self._after_change(changed)


class RecordPage(QWidget):
    """A page with a title line over one ``RecordListPanel``."""

    def __init__(self, shell: Shell, title: str, intro: str, kind: RecordKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind.key}Page")
        self.panel = RecordListPanel(shell.client, kind, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(page_heading(title, intro))
        layout.addWidget(self.panel, 1)

    def refresh(self) -> None:
        self.panel.refresh()

    def focus_search(self) -> None:
        self.panel.focus_search()

    def table_view(self) -> QTableView:
        return self.panel.table


def page_heading(title: str, intro: str) -> QVBoxLayout:
    heading = QLabel(title)
    heading.setObjectName("pageTitle")
    text = QLabel(intro)
    text.setObjectName("pageIntro")
    text.setWordWrap(True)
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addWidget(heading)
    column.addWidget(text)
    column.addSpacing(6)
    return column

