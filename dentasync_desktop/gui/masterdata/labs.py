"""Dental labs: contacts, turnaround time and the bank details for payment instructions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...domain.actions import Action
from ...domain.bank import EPC_MAX_NAME
from ...domain.dto import LabInfo, LabInput
from ...i18n import LANGUAGES
from ...services import masterdata
from ..client import ServiceClient
from ..translation import translate
from ..worker import Job
from .dialog import RecordDialog
from .model import RecordColumn
from .page import RecordKind, RecordPage

if TYPE_CHECKING:
    from ..shell import Shell


def multi_line(text: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


class LabDialog(RecordDialog):
    def __init__(self, client: ServiceClient, lab: LabInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(client, translate("labs", "Edit dental lab") if lab
                         else translate("labs", "New dental lab"), parent)
        self.setObjectName("labDialog")
        self._lab = lab
        lab = lab or LabInfo(id=0, name="")
        self.name = self.add_field("name", translate("labs", "&Name:"), QLineEdit(lab.name))
        self.contact = self.add_field("contact person", translate("labs", "&Contact person:"),
                                      QLineEdit(lab.contact_person))
        self.phone = self.add_field("phone", translate("labs", "&Phone:"), QLineEdit(lab.phone))
        self.email = self.add_field("e-mail", translate("labs", "&E-mail:"), QLineEdit(lab.email))
        self.address = self.add_field("address", translate("labs", "&Address:"),
                                      multi_line(lab.address))
        self.turnaround = QSpinBox()
        self.turnaround.setRange(0, 365)
        self.turnaround.setSuffix(translate("labs", " days"))
        self.turnaround.setValue(lab.default_turnaround_days)
        self.turnaround.setToolTip(translate(
            "labs", "A new order's due date is its documented date plus this"))
        self.add_field("default turnaround days", translate("labs", "&Turnaround:"),
                       self.turnaround)
        self.language = QComboBox()
        self.language.setObjectName("documentLanguage")
        self.language.addItem(translate("labs", "As the app"), None)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lab.document_language)))
        self.language.setToolTip(translate(
            "labs", "The language of this lab's order forms, box labels and payment "
                    "instructions"))
        self.add_field("document language", translate("labs", "&Documents in:"), self.language)

        bank = QGroupBox(translate("labs", "Payment instructions"))
        bank_form = QFormLayout(bank)
        self.holder = self.add_field("account holder", translate("labs", "Account &holder:"),
                                     QLineEdit(lab.account_holder), bank_form)
        self.bank_name = self.add_field("bank name", translate("labs", "&Bank:"),
                                        QLineEdit(lab.bank_name), bank_form)
        self.iban = self.add_field("iban", translate("labs", "&IBAN:"), QLineEdit(lab.iban),
                                   bank_form)
        self.bic = self.add_field("bic", translate("labs", "BI&C:"), QLineEdit(lab.bic), bank_form)
        self.note = self.add_field("payment note", translate("labs", "N&ote:"),
                                   multi_line(lab.payment_note, 2), bank_form)
        self.qr_name_note = QLabel()
        self.qr_name_note.setProperty("warning", True)
        self.qr_name_note.setWordWrap(True)
        bank_form.addRow(self.qr_name_note)
        for edit in (self.name, self.holder):
            edit.textChanged.connect(self._check_qr_name)
        self._check_qr_name()
        self.body.insertWidget(1, bank)
        self.setMinimumWidth(520)

    def _check_qr_name(self) -> None:
        """Warn while typing: the payment QR code can carry only the first 70 characters."""
        name = self.holder.text().strip() or self.name.text().strip()
        self.qr_name_note.setVisible(len(name) > EPC_MAX_NAME)
        self.qr_name_note.setText(translate("labs",
            "The payment QR code carries only the first {limit} characters of this name: "
            "banking apps will show \u201c{shown}\u201d. A shorter account holder avoids it."
        ).format(limit=EPC_MAX_NAME, shown=name[:EPC_MAX_NAME]))

    def request(self) -> Job[LabInfo]:
        data = LabInput(
            name=self.name.text(), contact_person=self.contact.text(), phone=self.phone.text(),
            email=self.email.text(), address=self.address.toPlainText(),
            default_turnaround_days=self.turnaround.value(),
            account_holder=self.holder.text(), bank_name=self.bank_name.text(),
            iban=self.iban.text(), bic=self.bic.text(), payment_note=self.note.toPlainText(),
            id=self._lab.id if self._lab else None,
            document_language=self.language.currentData(),
        )
        return self.client.submit(masterdata.save_lab, data)


LABS = RecordKind(
    key="labs",
    noun=lambda: translate("labs", "dental lab"),
    columns=(
        RecordColumn(lambda: translate("labs", "Name"), lambda r: r.name),
        RecordColumn(lambda: translate("labs", "Contact person"), lambda r: r.contact_person),
        RecordColumn(lambda: translate("labs", "Phone"), lambda r: r.phone),
        RecordColumn(lambda: translate("labs", "E-mail"), lambda r: r.email),
        RecordColumn(lambda: translate("labs", "Turnaround"),
                     lambda r: translate("labs", "{days} days").format(
                         days=r.default_turnaround_days),
                     numeric=True),
        RecordColumn(lambda: translate("labs", "IBAN"), lambda r: r.iban),
    ),
    action=Action.MANAGE_CATALOGUE,
    load=lambda client, text, inactive: client.submit(masterdata.list_labs, text, inactive),
    dialog=LabDialog,
    set_active=lambda client, lab_id, active: client.submit(
        masterdata.set_lab_active, lab_id, active),
    delete=lambda client, lab_id: client.submit(masterdata.delete_lab, lab_id),
    describe=lambda r: r.name,
)


class LabsPage(RecordPage):
    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(shell, translate("labs", "Dental labs"), translate("labs",
            "The labs that make the work. The turnaround sets a new order's due date; the bank "
            "details appear in the order's payment instructions."), LABS, parent)
