"""Patients: the people the work is for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.actions import Action
from ...domain.dto import PatientInfo, PatientInput
from ...services import masterdata
from ..client import ServiceClient
from ..formatting import date_text
from ..translation import translate
from ..widgets.dates import OptionalDate
from ..worker import Job
from .dialog import RecordDialog
from .labs import multi_line
from .model import RecordColumn
from .page import RecordKind, RecordPage

if TYPE_CHECKING:
    from ..shell import Shell

LIST_LIMIT = 500


class PatientDialog(RecordDialog):
    def __init__(self, client: ServiceClient, patient: PatientInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(client, translate("patients", "Edit patient") if patient
                         else translate("patients", "New patient"), parent)
        self.setObjectName("patientDialog")
        self._patient = patient
        patient = patient or PatientInfo(id=0, first_name="", last_name="")
        self.first_name = self.add_field("first name", translate("patients", "&First name:"),
                                         QLineEdit(patient.first_name))
        self.last_name = self.add_field("last name", translate("patients", "&Last name:"),
                                        QLineEdit(patient.last_name))
        self.birth = OptionalDate(translate("patients", "known"))
        self.birth.edit.setMaximumDate(QDate.currentDate())
        self.birth.set_value(patient.date_of_birth)
        self.add_field("date of birth", translate("patients", "&Date of birth:"), self.birth)
        self.phone = self.add_field("phone",
                                    translate("patients", "&Phone:"), QLineEdit(patient.phone))
        self.contact = self.add_field("contact person", translate("patients", "&Contact person:"),
                                      QLineEdit(patient.contact_person))
        self.contact.setPlaceholderText(translate("patients", "e.g. a parent or carer"))
        self.address = self.add_field("address", translate("patients", "&Address:"),
                                      multi_line(patient.address))
        self.note = self.add_field("note",
                                   translate("patients", "&Note:"), multi_line(patient.note))

    def request(self) -> Job[PatientInfo]:
        return self.client.submit(masterdata.save_patient, PatientInput(
            last_name=self.last_name.text(), first_name=self.first_name.text(),
            date_of_birth=self.birth.value(), phone=self.phone.text(),
            contact_person=self.contact.text(), address=self.address.toPlainText(),
            note=self.note.toPlainText(), id=self._patient.id if self._patient else None))


PATIENTS = RecordKind(
    key="patients",
    noun=lambda: translate("patients", "patient"),
    columns=(
        RecordColumn(lambda: translate("patients", "Last name"), lambda r: r.last_name),
        RecordColumn(lambda: translate("patients", "First name"), lambda r: r.first_name),
        RecordColumn(lambda: translate("patients", "Date of birth"),
                     lambda r: date_text(r.date_of_birth)),
        RecordColumn(lambda: translate("patients", "Phone"), lambda r: r.phone),
        RecordColumn(lambda: translate("patients", "Contact person"),
                     lambda r: r.contact_person),
        RecordColumn(lambda: translate("patients", "Note"), lambda r: " ".join(r.note.split())),
    ),
    action=Action.MANAGE_CLIENTS,
    load=lambda client, text, inactive: client.submit(
        masterdata.list_patients, text, inactive, LIST_LIMIT),
    dialog=PatientDialog,
    set_active=lambda client, record_id, active: client.submit(
        masterdata.set_patient_active, record_id, active),
    delete=lambda client, record_id: client.submit(masterdata.delete_patient, record_id),
    describe=lambda r: r.full_name,
    limit=LIST_LIMIT,
)


class PatientsPage(RecordPage):
    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(shell, translate("patients", "Patients"), translate("patients",
            "The patients the work is for. Search by name, phone or note."), PATIENTS, parent)
