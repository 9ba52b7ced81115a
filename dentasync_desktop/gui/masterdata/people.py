"""Staff & users: the people who work here, and the accounts that sign in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.dto import StaffInfo, StaffInput, UserInfo, UserInput
from ...domain.enums import Role
from ...domain.errors import ValidationError
from ...services import masterdata, users
from ..access import refusal_text
from ..client import ServiceClient
from ..errors import error_words
from ..formatting import label
from ..translation import translate
from ..widgets.inline_error import error_label, run_in_dialog, show_inline_error
from ..widgets.lookup import NO_CHOICE
from ..worker import Job
from .dialog import RecordDialog
from .model import RecordColumn
from .page import ExtraCommand, RecordKind, RecordListPanel, page_heading

if TYPE_CHECKING:
    from ..shell import Shell


def _matches(text: str, *values: str) -> bool:
    needle = text.casefold()
    return not needle or any(needle in value.casefold() for value in values)


class StaffDialog(RecordDialog):
    def __init__(self, client: ServiceClient, staff: StaffInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(client, translate("people", "Edit staff member") if staff
                         else translate("people", "New staff member"), parent)
        self.setObjectName("staffDialog")
        self._staff = staff
        staff = staff or StaffInfo(id=0, name="")
        self.name = self.add_field("name", translate("people", "&Name:"), QLineEdit(staff.name))
        self.job_title = self.add_field("job title", translate("people", "&Job title:"),
                                        QLineEdit(staff.job_title))
        self.email = self.add_field("e-mail",
                                    translate("people", "&E-mail:"), QLineEdit(staff.email))
        self.phone = self.add_field("phone", translate("people", "&Phone:"), QLineEdit(staff.phone))

    def request(self) -> Job[StaffInfo]:
        return self.client.submit(masterdata.save_staff, StaffInput(
            name=self.name.text(), job_title=self.job_title.text(), email=self.email.text(),
            phone=self.phone.text(), id=self._staff.id if self._staff else None))


def _staff_matches(staff: StaffInfo, text: str, _inactive: bool) -> bool:
    return _matches(text, staff.name, staff.job_title, staff.email, staff.phone)


STAFF = RecordKind(
    key="staff",
    noun=lambda: translate("people", "staff member"),
    columns=(
        RecordColumn(lambda: translate("people", "Name"), lambda r: r.name),
        RecordColumn(lambda: translate("people", "Job title"), lambda r: r.job_title),
        RecordColumn(lambda: translate("people", "E-mail"), lambda r: r.email),
        RecordColumn(lambda: translate("people", "Phone"), lambda r: r.phone),
    ),
    action=Action.MANAGE_CATALOGUE,
    load=lambda client, _text, inactive: client.submit(masterdata.list_staff, inactive),
    keep=_staff_matches,
    dialog=StaffDialog,
    set_active=lambda client, record_id, active: client.submit(
        masterdata.set_staff_active, record_id, active),
    delete=lambda client, record_id: client.submit(masterdata.delete_staff, record_id),
    describe=lambda r: r.name,
)


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class UserDialog(RecordDialog):
    def __init__(self, client: ServiceClient, user: UserInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(client, translate("people", "Edit user") if user
                         else translate("people", "New user"), parent)
        self.setObjectName("userDialog")
        self._user = user
        self.username = self.add_field("username", translate("people", "&User name:"),
                                       QLineEdit(user.username if user else ""))
        self.full_name = self.add_field("full name", translate("people", "&Full name:"),
                                        QLineEdit(user.full_name if user else ""))
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(label(role), role)
        self.role.setCurrentIndex(self.role.findData(user.role if user else Role.FRONT_DESK))
        self.add_field("role", translate("people", "&Role:"), self.role)
        self.staff = QComboBox()
        self.staff.setObjectName("staff")
        self.staff.addItem(translate("people", "(none)"), NO_CHOICE)
        if user and user.staff_id is not None:
            # Shown until the staff list arrives, and kept if the member was deactivated.
            self.staff.addItem(translate("people", "(deactivated staff member)"), user.staff_id)
            self.staff.setCurrentIndex(1)
        client.submit(masterdata.list_staff, False).then(self._fill_staff, busy=self)
        self.staff.setToolTip(translate(
            "people", "Links the account to a staff member, for work-plan tasks"))
        self.add_field("staff", translate("people", "&Staff member:"), self.staff)
        self.password: QLineEdit | None = None
        self.confirm: QLineEdit | None = None
        if user is None:
            self.password = self.add_field("password", translate("people", "&Password:"),
                                           _password_field("password"))
            self.confirm = self.add_field("repeat password",
                                          translate("people", "R&epeat password:"),
                                          _password_field("confirm"))

    def _fill_staff(self, staff: list[StaffInfo]) -> None:
        chosen = self.staff.currentData()
        placeholder = self.staff.count() - 1 if self.staff.count() > 1 else None
        for position, member in enumerate(staff, start=1):
            self.staff.insertItem(position, member.name, member.id)
        if placeholder is not None and chosen in {member.id for member in staff}:
            self.staff.removeItem(placeholder + len(staff))  # active after all
        self.staff.setCurrentIndex(max(0, self.staff.findData(chosen)))

    def request(self) -> Job[UserInfo]:
        password = ""
        if self.password is not None and self.confirm is not None:
            password = self.password.text()
            if password != self.confirm.text():
                raise ValidationError("repeat password", "the two passwords differ")
        return self.client.submit(users.save_user, UserInput(
            username=self.username.text(), full_name=self.full_name.text(),
            role=Role(self.role.currentData()), password=password,
            staff_id=self.staff.currentData() or None,
            id=self._user.id if self._user else None))


class ResetPasswordDialog(QDialog):
    def __init__(self, client: ServiceClient, user: UserInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._user = user
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(translate("people", "Reset password"))
        self.password = _password_field("password")
        self.confirm = _password_field("confirm")
        self.error = error_label()
        form = QFormLayout()
        form.addRow(translate("people", "&New password:"), self.password)
        form.addRow(translate("people", "&Repeat password:"), self.confirm)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._reset)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "people", "Set a new password for {name} ({user}).").format(
                name=user.full_name, user=user.username)))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def _reset(self) -> None:
        if self.password.text() != self.confirm.text():
            show_inline_error(self.error,
                              translate("people", "Repeat password: the two passwords differ."))
            return
        run_in_dialog(self, self.buttons, self._client.submit(
            users.reset_password, self._user.id, self.password.text()),
            lambda _none: self.accept(),
            lambda error: show_inline_error(self.error, error_words(error)))


def _reset_password(parent: QWidget, client: ServiceClient, user: UserInfo) -> Any:
    if ResetPasswordDialog(client, user, parent).exec() == QDialog.DialogCode.Accepted:
        QMessageBox.information(parent, translate("people", "Reset password"), translate("people",
            "The password of {user} was reset. Tell them the new one.").format(
                user=user.username))
    return None


def _user_matches(user: UserInfo, text: str, inactive: bool) -> bool:
    return (inactive or user.active) and _matches(text, user.username, user.full_name)


USERS = RecordKind(
    key="users",
    noun=lambda: translate("people", "user"),
    columns=(
        RecordColumn(lambda: translate("people", "User name"), lambda r: r.username),
        RecordColumn(lambda: translate("people", "Full name"), lambda r: r.full_name),
        RecordColumn(lambda: translate("people", "Role"), lambda r: label(r.role)),
        RecordColumn(lambda: translate("people", "Status"),
                     lambda r: translate("people", "Active") if r.active
                     else translate("people", "Deactivated")),
    ),
    action=Action.MANAGE_USERS,
    load=lambda client, _text, _inactive: client.submit(users.list_users),
    keep=_user_matches,
    dialog=UserDialog,
    set_active=lambda client, record_id, active: client.submit(
        users.set_user_active, record_id, active),
    describe=lambda r: r.username,
    extra=(ExtraCommand(lambda: translate("people", "Reset password…"), _reset_password),),
)


class PeoplePage(QWidget):
    """Two tabs: staff (assignable to tasks and payroll) and user accounts."""

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePage")
        client = shell.client
        self.staff = RecordListPanel(client, STAFF)
        self.users = RecordListPanel(client, USERS)
        for panel in (self.staff, self.users):
            panel.body.setContentsMargins(0, 8, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.staff, translate("people", "Staff"))
        self.tabs.addTab(self.users, translate("people", "User accounts"))
        reason = refusal_text(client, Action.MANAGE_USERS)
        if reason:
            self.tabs.setTabEnabled(1, False)
            self.tabs.setTabToolTip(1, reason)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(page_heading(translate("people", "Staff & users"), translate("people",
            "Staff are the people work-plan tasks and payroll are assigned to; user accounts "
            "sign in, each with a role that decides what they may do.")))
        layout.addWidget(self.tabs, 1)

    def _panel(self) -> RecordListPanel:
        current = self.tabs.currentWidget()
        return current if isinstance(current, RecordListPanel) else self.staff

    def refresh(self) -> None:
        self._panel().refresh()

    def focus_search(self) -> None:
        self._panel().focus_search()

    def table_view(self) -> QTableView:
        return self._panel().table
