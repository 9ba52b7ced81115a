"""Customers: the dentists and clinics who order the work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.actions import Action
from ...domain.dto import CustomerInfo, CustomerInput
from ...services import masterdata
from ..client import ServiceClient
from ..translation import translate
from ..worker import Job
from .dialog import RecordDialog
from .labs import multi_line
from .model import RecordColumn
from .page import RecordKind, RecordPage

if TYPE_CHECKING:
    from ..shell import Shell

LIST_LIMIT = 500


class CustomerDialog(RecordDialog):
    def __init__(self, client: ServiceClient, customer: CustomerInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(client, translate("customers", "Edit customer") if customer
                         else translate("customers", "New customer"), parent)
        self.setObjectName("customerDialog")
        self._customer = customer
        customer = customer or CustomerInfo(id=0, name="")
        self.name = self.add_field("name",
                                   translate("customers", "&Name:"), QLineEdit(customer.name))
        self.name.setPlaceholderText(translate("customers", "Dr. Jane Smith"))
        self.clinic = self.add_field("clinic",
                                     translate("customers", "&Clinic:"), QLineEdit(customer.clinic))
        self.phone = self.add_field("phone",
                                    translate("customers", "&Phone:"), QLineEdit(customer.phone))
        self.email = self.add_field("e-mail",
                                    translate("customers", "&E-mail:"), QLineEdit(customer.email))
        self.address = self.add_field("address", translate("customers", "&Address:"),
                                      multi_line(customer.address))

    def request(self) -> Job[CustomerInfo]:
        return self.client.submit(masterdata.save_customer, CustomerInput(
            name=self.name.text(), clinic=self.clinic.text(), phone=self.phone.text(),
            email=self.email.text(), address=self.address.toPlainText(),
            id=self._customer.id if self._customer else None))


CUSTOMERS = RecordKind(
    key="customers",
    noun=lambda: translate("customers", "customer"),
    columns=(
        RecordColumn(lambda: translate("customers", "Name"), lambda r: r.name),
        RecordColumn(lambda: translate("customers", "Clinic"), lambda r: r.clinic),
        RecordColumn(lambda: translate("customers", "Phone"), lambda r: r.phone),
        RecordColumn(lambda: translate("customers", "E-mail"), lambda r: r.email),
        RecordColumn(lambda: translate("customers", "Address"),
                     lambda r: " ".join(r.address.split())),
    ),
    action=Action.MANAGE_CLIENTS,
    load=lambda client, text, inactive: client.submit(
        masterdata.list_customers, text, inactive, LIST_LIMIT),
    dialog=CustomerDialog,
    set_active=lambda client, record_id, active: client.submit(
        masterdata.set_customer_active, record_id, active),
    delete=lambda client, record_id: client.submit(masterdata.delete_customer, record_id),
    describe=lambda r: r.name,
    limit=LIST_LIMIT,
)


class CustomersPage(RecordPage):
    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(shell, translate("customers", "Customers"), translate("customers",
            "The dentists and clinics who order work."), CUSTOMERS, parent)
