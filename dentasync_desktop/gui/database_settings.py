"""Settings > Database: this computer's file or the clinic's PostgreSQL server.

The choice applies from the next start (the open window keeps its database), so saving asks
first and then offers to close. "Test connection" runs off the GUI thread; Enter in a field
tests, it never saves.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.actions import Action
from ..domain.errors import DomainError, ValidationError, field_errors
from ..services import database_choice
from ..services.database_choice import (
    ConnectionReport,
    DatabaseChoice,
    SavedChoice,
    SchemaState,
    ServerSettings,
)
from .access import gate
from .errors import error_words
from .forms import holding
from .translation import QT_TRANSLATE_NOOP
from .widgets.field_errors import FieldMarks
from .widgets.inline_error import error_label
from .worker import Job

if TYPE_CHECKING:
    from .shell import Shell

TLS_LABELS = {
    "disable": QT_TRANSLATE_NOOP("DatabaseSection", "disable: never"),
    "allow": QT_TRANSLATE_NOOP("DatabaseSection", "allow: when the server insists"),
    "prefer": QT_TRANSLATE_NOOP("DatabaseSection", "prefer: when the server offers it"),
    "require": QT_TRANSLATE_NOOP("DatabaseSection", "require: always"),
    "verify-ca": QT_TRANSLATE_NOOP("DatabaseSection", "verify-ca: always, checking the "
                                                      "certificate's authority"),
    "verify-full": QT_TRANSLATE_NOOP("DatabaseSection", "verify-full: always, checking the "
                                                        "certificate and the server name"),
}
SCHEMA_WORDS = {
    SchemaState.CURRENT: QT_TRANSLATE_NOOP("DatabaseSection",
                                           "The Dentasync data there is up to date."),
    SchemaState.EMPTY: QT_TRANSLATE_NOOP("DatabaseSection",
                                         "The database is empty: Dentasync Desktop sets it up "
                                         "at its first start on it."),
    SchemaState.OLDER: QT_TRANSLATE_NOOP("DatabaseSection",
                                         "It holds Dentasync data of an earlier version, "
                                         "upgraded at the next start."),
    SchemaState.NEWER: QT_TRANSLATE_NOOP("DatabaseSection",
                                         "Its Dentasync data was written by a newer version: "
                                         "update Dentasync Desktop on this PC first."),
    SchemaState.FOREIGN: QT_TRANSLATE_NOOP("DatabaseSection",
                                           "It holds other tables but no Dentasync data: "
                                           "choose an empty database or the clinic's one."),
}
# The form's field for each field name a refusal can carry.
FIELD_NAMES = ("host", "port", "database", "user", "password", "TLS mode")


class DatabaseSection(QGroupBox):
    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Database"), parent)
        self.setObjectName("databaseSection")
        self._shell = shell
        self._client = shell.client
        self._current: DatabaseChoice | None = None
        self.test_job: Job[ConnectionReport] | None = None

        self.this_computer = QRadioButton(self.tr("&This computer"))
        self.clinic_server = QRadioButton(self.tr("Clinic se&rver (PostgreSQL)"))
        choice = QButtonGroup(self)
        choice.addButton(self.this_computer)
        choice.addButton(self.clinic_server)
        self.file_path = QLabel()
        self.file_path.setObjectName("mutedLabel")
        self.file_path.setWordWrap(True)
        self.file_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. clinic-server or 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(database_choice.ServerSettings.port)
        self.port.setGroupSeparatorShown(False)
        self.port.setMinimumWidth(90)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox()
        for mode in database_choice.TLS_MODES:
            self.tls.addItem(self.tr(TLS_LABELS[mode]), mode)
        self.fields: dict[str, QWidget] = dict(zip(FIELD_NAMES, (
            self.host, self.port, self.database, self.user, self.password, self.tls),
            strict=True))

        self.test_button = QPushButton(self.tr("Test co&nnection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # A wrapped label is sized for its narrowest width: without a floor, a one-line
        # answer leaves several empty lines below it.
        self.test_result.setMinimumWidth(320)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setObjectName("hintLabel")
        self.note.setWordWrap(True)
        self.error = error_label()
        self.marks = FieldMarks(self, self.fields.get, self.error)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.refresh)
        self.save_button = QPushButton(self.tr("Save database choice"))
        self.save_button.clicked.connect(self.save)

        self._server_form = QWidget()
        form = QFormLayout(self._server_form)
        form.setContentsMargins(24, 0, 0, 0)
        address = QHBoxLayout()
        address.setContentsMargins(0, 0, 0, 0)
        address.addWidget(self.host, 1)
        port_caption = QLabel(self.tr("&Port:"))
        port_caption.setBuddy(self.port)
        address.addWidget(port_caption)
        address.addWidget(self.port)
        self._add(form, self.tr("&Host:"), self.host, address)
        self._add(form, self.tr("&Database:"), self.database)
        self._add(form, self.tr("&User:"), self.user)
        self._add(form, self.tr("Pass&word:"), self.password)
        self._add(form, self.tr("T&LS mode:"), self.tls)
        test_row = QHBoxLayout()
        test_row.setContentsMargins(0, 0, 0, 0)
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        form.addRow("", holding(test_row))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.this_computer)
        local_path = QHBoxLayout()
        local_path.setContentsMargins(24, 0, 0, 0)
        local_path.addWidget(self.file_path)
        layout.addLayout(local_path)
        layout.addWidget(self.clinic_server)
        layout.addWidget(self._server_form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        order = (self.this_computer, self.clinic_server, self.host, self.port, self.database,
                 self.user, self.password, self.tls, self.test_button, self.revert_button,
                 self.save_button)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        for line in (self.host, self.database, self.user, self.password):
            # Enter tries the half-typed form, it never saves it.
            line.returnPressed.connect(self.test_connection)
        self.clinic_server.toggled.connect(self._show_choice)
        self._allowed = gate(self.save_button, self._client, Action.CHOOSE_DATABASE)
        for widget in (self.this_computer, self.clinic_server, self._server_form,
                       self.revert_button):
            widget.setEnabled(self._allowed)
        self.refresh()

    def _add(self, form: QFormLayout, caption: str, field: QWidget,
             row: QHBoxLayout | None = None) -> None:
        label = QLabel(caption)
        label.setBuddy(field)
        form.addRow(label, holding(row) if row is not None else field)

    # --- showing the current choice ----------------------------------------------------------

    def refresh(self) -> None:
        """The form as the data folder uses it now (the password is never shown)."""
        self._current = database_choice.current_choice(self._client.paths)
        self._fill(self._current)

    def _fill(self, current: DatabaseChoice) -> None:
        self.file_path.setText(str(current.file))
        chosen = current.server or ServerSettings()
        self.host.setText(chosen.host)
        self.port.setValue(chosen.port)
        self.database.setText(chosen.database)
        self.user.setText(chosen.user)
        self.password.clear()
        self.tls.setCurrentIndex(max(0, self.tls.findData(chosen.tls)))
        (self.clinic_server if current.server else self.this_computer).setChecked(True)
        self._show_choice()
        self._show_test("")
        self.marks.clear()
        notes = []
        if current.server is not None:
            self.password.setPlaceholderText(self.tr(
                "Empty: keep the password already kept for this server"))
            notes.append(self.tr("In use now: the clinic server {host}.").format(
                host=current.server.host))
        else:
            self.password.setPlaceholderText("")
            notes.append(self.tr("In use now: this computer's file."))
        if current.overridden:
            notes.append(self.tr(
                "The environment variable DENTASYNC_DATABASE_URL chooses the database on this "
                "computer; what is saved here applies once it is removed."))
        self.note.setText(" ".join(notes))

    def _show_choice(self) -> None:
        on_server = self.clinic_server.isChecked()
        self._server_form.setVisible(on_server)
        self.file_path.setEnabled(not on_server)

    def values(self) -> ServerSettings:
        return ServerSettings(host=self.host.text(), port=self.port.value(),
                              database=self.database.text(), user=self.user.text(),
                              password=self.password.text(), tls=str(self.tls.currentData()))

    # --- testing ---------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Try the server as typed; a second click while one test runs does nothing."""
        if self.test_job is not None or not self.clinic_server.isChecked():
            return
        settings = self.values()
        self.test_button.setEnabled(False)
        self._show_test(self.tr("Connecting to {host}…").format(host=settings.host.strip()))
        self.marks.clear()
        self.test_job = self._client.background(
            lambda _control: database_choice.try_connection(settings)).then(
            self._tested, self._not_tested, busy=self)

    def _tested(self, report: ConnectionReport) -> None:
        self._test_ended()
        self._show_test(self.tr("Connected: PostgreSQL {version}.").format(
            version=report.version) + " " + self.tr(SCHEMA_WORDS[report.schema]),
            warning=report.schema in (SchemaState.NEWER, SchemaState.FOREIGN))

    def _not_tested(self, error: BaseException) -> None:
        self._test_ended()
        if not isinstance(error, DomainError):
            raise error
        if field_errors(error):
            self._show_test("")
            self.marks.show(error)  # the fields as typed, before any connection
        else:
            self._show_test(error_words(error), warning=True)

    def _test_ended(self) -> None:
        self.test_job = None
        self.test_button.setEnabled(True)

    def _show_test(self, text: str, warning: bool = False) -> None:
        self.test_result.setText(text)
        self.test_result.setVisible(bool(text))
        self.test_result.setProperty("warning", warning)
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        """Ask before switching databases, then keep the choice for the next start."""
        if not self._allowed:
            return
        settings = self.values()
        on_server = self.clinic_server.isChecked()
        if on_server:
            try:
                settings = database_choice.validated(settings)
            except ValidationError as error:
                self._refused(error)
                return
        if self._switches(settings if on_server else None) and not self._confirmed(
                settings if on_server else None):
            return
        self.save_button.setEnabled(False)
        paths = self._client.paths
        if on_server:
            job = self._client.submit(database_choice.choose_server, paths, settings)
        else:
            job = self._client.submit(database_choice.choose_this_computer, paths)
        job.then(self._saved, self._refused, busy=self)

    def _switches(self, settings: ServerSettings | None) -> bool:
        current = self._current.server if self._current else None
        if settings is None or current is None:
            return (settings is None) != (current is None)
        return (settings.host, settings.port, settings.database, settings.user,
                settings.tls) != (current.host, current.port, current.database, current.user,
                                  current.tls)

    def _confirmed(self, settings: ServerSettings | None) -> bool:
        if settings is None:
            text = self.tr(
                "Use this computer's own database file from the next start?\n\n{path}\n\n"
                "The clinic server keeps its data, but this PC no longer sees it; the file "
                "holds only what was entered on this PC before.").format(
                path=self._current.file if self._current else "")
        else:
            text = self.tr(
                "Use the clinic server {host} (database {database}) from the next start?\n\n"
                "This PC then works with the server's data; the data in this computer's "
                "file stays in the file but is not shown while the server is used.").format(
                host=settings.host, database=settings.database)
        answer = QMessageBox.question(
            self, self.tr("Switch the database"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, saved: SavedChoice) -> None:
        self.save_button.setEnabled(self._allowed)
        self.marks.clear()
        self.password.clear()
        if not saved.password_kept:
            QMessageBox.warning(self, self.tr("Password not kept"), self.tr(
                "The server was saved, but this computer has no keyring to keep its password "
                "in (Windows Credential Manager, the macOS Keychain or a Secret Service such "
                "as GNOME Keyring). Set the environment variable DENTASYNC_DATABASE_PASSWORD "
                "to the password for the user who starts Dentasync Desktop; it is never "
                "written to a file."))
        if saved.restart_needed:
            where = (self.tr("the clinic server {host}").format(host=saved.server.host)
                     if saved.server else self.tr("this computer's file"))
            self.note.setText(self.tr(
                "Saved. Dentasync Desktop uses {where} from its next start.").format(
                where=where))
            answer = QMessageBox.question(self, self.tr("Restart needed"), self.tr(
                "Saved. Dentasync Desktop switches to {where} when it is next started.\n\n"
                "Restart it now?").format(where=where),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                self._shell.restart()
        else:
            self._shell.show_message(self.tr("Database choice saved."))

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(self._allowed)
        if not isinstance(error, DomainError):
            raise error
        self.marks.show(error)

