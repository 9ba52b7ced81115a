"""Accounts: signing in, creating the first administrator, changing one's own password."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.dto import Actor
from ..domain.enums import Role
from ..domain.errors import DomainError
from ..services import users
from ..services.unit_of_work import UnitOfWorkFactory
from .client import ServiceClient
from .errors import error_words
from .formatting import label
from .theme import APP_ICON, icon
from .widgets.inline_error import error_label, run_in_dialog, show_inline_error
from .worker import Job


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _banner(title: str, subtitle: str) -> QHBoxLayout:
    logo = QLabel()
    logo.setPixmap(icon(APP_ICON).pixmap(48, 48))
    text = QLabel(f"<div style='font-size:16pt;font-weight:600'>{title}</div>"
                  f"<div>{subtitle}</div>")
    text.setWordWrap(True)
    row = QHBoxLayout()
    row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(text, 1)
    return row


class SignInDialog(QDialog):
    """User name and password; ``actor`` holds who signed in once the dialog is accepted."""

    def __init__(
        self, uow_factory: UnitOfWorkFactory,
        demo_users: Sequence[tuple[str, str, Role]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._uow_factory = uow_factory
        self.actor: Actor | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — Dentasync Desktop"))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = _password_field()
        self.password.setObjectName("password")
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        self.buttons = buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(self.tr("Sign in"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("primaryButton")
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(_banner(self.tr("Dentasync Desktop"),
                                 self.tr("Sign in to continue.")))
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        if demo_users:
            layout.addWidget(self._demo_hint(demo_users))
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _demo_hint(self, demo_users: Sequence[tuple[str, str, Role]]) -> QLabel:
        rows = "".join(
            f"<tr><td style='padding-right:16px'>{name}</td>"
            f"<td style='padding-right:16px'>{password}</td><td>{label(role)}</td></tr>"
            for name, password, role in demo_users)
        hint = QLabel(self.tr(
            "<b>Demo database.</b> Sign in as one of these users:"
            "<table cellspacing='0' cellpadding='1'><tr><th align='left'>User</th>"
            "<th align='left'>Password</th><th align='left'>Role</th></tr>{rows}</table>"
        ).format(rows=rows))
        hint.setObjectName("demoHint")
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return hint

    def _sign_in(self) -> None:
        # The password check is slow on purpose (a key-stretching hash): off the GUI thread.
        factory, username, password = self._uow_factory, self.username.text(), \
            self.password.text()
        run_in_dialog(self, self.buttons, Job(
            lambda _control: users.sign_in(factory(), username, password)),
            self._signed_in, self._refused)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, error: DomainError) -> None:
        show_inline_error(self.error, error_words(error))
        self.password.selectAll()
        self.password.setFocus()


class FirstAdminDialog(QDialog):
    """No active administrator yet: create one, who is then signed in.

    ``first_start`` is False when others can sign in but nobody could manage their accounts.
    """

    def __init__(self, uow_factory: UnitOfWorkFactory, parent: QWidget | None = None,
                 first_start: bool = True) -> None:
        super().__init__(parent)
        self._uow_factory = uow_factory
        self.actor: Actor | None = None
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("Create administrator — Dentasync Desktop"))
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("fullName")
        self.password = _password_field()
        self.password.setObjectName("password")
        self.confirm = _password_field()
        self.confirm.setObjectName("confirm")
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.confirm)
        self.buttons = buttons = QDialogButtonBox()
        create = buttons.addButton(self.tr("Create administrator"),
                                   QDialogButtonBox.ButtonRole.AcceptRole)
        create.setObjectName("primaryButton")
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(_banner(
            self.tr("Welcome to Dentasync Desktop") if first_start
            else self.tr("No administrator"),
            self.tr("This is the first start. Create the administrator account; the "
                    "administrator then adds the accounts of the other users.") if first_start
            else self.tr("This database has no active administrator, so nobody can manage the "
                         "user accounts. Create an administrator account to continue.")))
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.full_name.setFocus()

    def _create(self) -> None:
        if self.password.text() != self.confirm.text():
            show_inline_error(self.error, self.tr("Repeat password: the two passwords differ."))
            self.confirm.setFocus()
            return
        factory, username, full_name, password = (
            self._uow_factory, self.username.text(), self.full_name.text(), self.password.text())
        run_in_dialog(self, self.buttons, Job(
            lambda _control: users.create_first_admin(factory(), username, full_name, password)),
            self._created, lambda error: show_inline_error(self.error, error_words(error)))

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()


class ChangePasswordDialog(QDialog):
    def __init__(self, client: ServiceClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self.setWindowTitle(self.tr("Change my password"))
        self.current = _password_field()
        self.new = _password_field()
        self.confirm = _password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Current password:"), self.current)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("&Repeat new password:"), self.confirm)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _change(self) -> None:
        if self.new.text() != self.confirm.text():
            show_inline_error(self.error, self.tr("Repeat new password: the two passwords differ."))
            return
        run_in_dialog(self, self.buttons, self._client.submit(
            users.change_own_password, self.current.text(), self.new.text()),
            lambda _none: self.accept(),
            lambda error: show_inline_error(self.error, error_words(error)))


class LockDialog(QDialog):
    """Over the idle main window: the signed-in user's password unlocks it, or they sign out.

    Closing it (Esc, the window's close button) does not unlock.
    """

    UNLOCKED = QDialog.DialogCode.Accepted
    SIGN_OUT = QDialog.DialogCode.Rejected

    def __init__(self, client: ServiceClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._leaving = False
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("Locked — Dentasync Desktop"))
        self.setModal(True)
        actor = client.actor
        self.password = _password_field()
        self.password.setObjectName("password")
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        self.buttons = buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("Unlock"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("primaryButton")
        self.sign_out_button = buttons.addButton(self.tr("Sign out"),
                                                 QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.clicked.connect(self._unlock)
        self.sign_out_button.clicked.connect(self.sign_out)
        layout = QVBoxLayout(self)
        layout.addLayout(_banner(
            self.tr("Locked"),
            self.tr("The window was locked after a while without use. {name}, enter your "
                    "password to continue, or sign out.").format(
                        name=actor.full_name or actor.username)))
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.password.setFocus()

    def _unlock(self) -> None:
        run_in_dialog(self, self.buttons, self._client.submit(users.unlock, self.password.text()),
                      self._unlocked, self._refused, on_ended=self.sign_out)

    def _unlocked(self, _none: None) -> None:
        self._leaving = True
        self.accept()

    def _refused(self, error: DomainError) -> None:
        show_inline_error(self.error, error_words(error))
        self.password.selectAll()
        self.password.setFocus()

    def sign_out(self) -> None:
        self._leaving = True
        self.done(self.SIGN_OUT)

    def reject(self) -> None:
        if self._leaving:
            super().reject()
