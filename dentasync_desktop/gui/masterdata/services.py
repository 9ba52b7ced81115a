"""Services & prices: the price list, each service with its work-plan task templates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.dto import ServiceInfo, ServiceInput, TaskTemplateInfo
from ...domain.money import Money
from ...services import masterdata, settings
from ..client import ServiceClient
from ..formatting import amount_input, money
from ..translation import translate
from ..widgets.currency import CurrencyCombo
from ..worker import Job
from .dialog import RecordDialog
from .model import RecordColumn
from .page import RecordKind, RecordPage

if TYPE_CHECKING:
    from ..shell import Shell

MAX_DAYS = 365


class TaskTemplateEditor(QWidget):
    """An ordered list of (task name, days after production starts)."""

    def __init__(self, templates: tuple[TaskTemplateInfo, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("templateTable")
        self.table.setHorizontalHeaderLabels([translate("services", "Task"),
                                              translate("services", "Days after start")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(150)
        self._ids: list[int | None] = []
        add = QPushButton(translate("services", "Add task"))
        add.clicked.connect(lambda: self.add_task("", 0, None, edit=True))
        self.remove = QPushButton(translate("services", "Remove"))
        self.remove.clicked.connect(self._remove)
        self.up = QPushButton(translate("services", "Move up"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton(translate("services", "Move down"))
        self.down.clicked.connect(lambda: self._move(1))
        buttons = QVBoxLayout()
        for button in (add, self.remove, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for template in sorted(templates, key=lambda t: t.position):
            self.add_task(template.name, template.days_offset, template.id)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def add_task(self, name: str, days: int, template_id: int | None, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_item = QTableWidgetItem(name)
        self.table.setItem(row, 0, name_item)
        spin = QSpinBox()
        spin.setRange(0, MAX_DAYS)
        spin.setValue(days)
        spin.setFrame(False)
        self.table.setCellWidget(row, 1, spin)
        self._ids.append(template_id)
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(name_item)

    def _values(self, row: int) -> tuple[str, int, int | None]:
        item = self.table.item(row, 0)
        spin = self.table.cellWidget(row, 1)
        days = spin.value() if isinstance(spin, QSpinBox) else 0
        return (item.text() if item else ""), days, self._ids[row]

    def _set_values(self, row: int, values: tuple[str, int, int | None]) -> None:
        name, days, template_id = values
        item = self.table.item(row, 0)
        if item is not None:
            item.setText(name)
        spin = self.table.cellWidget(row, 1)
        if isinstance(spin, QSpinBox):
            spin.setValue(days)
        self._ids[row] = template_id

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self._ids[row]
        self._update_buttons()

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        mine, theirs = self._values(row), self._values(other)
        self._set_values(row, theirs)
        self._set_values(other, mine)
        self.table.setCurrentCell(other, 0)

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        self.remove.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.table.rowCount() - 1)

    def templates(self) -> tuple[TaskTemplateInfo, ...]:
        rows = (self._values(row) for row in range(self.table.rowCount()))
        return tuple(TaskTemplateInfo(id=template_id, position=position, name=name.strip(),
                                      days_offset=days)
                     for position, (name, days, template_id) in enumerate(rows, start=1))


class ServiceDialog(RecordDialog):
    def __init__(self, client: ServiceClient, service: ServiceInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(client, translate("services", "Edit service") if service
                         else translate("services", "New service"), parent)
        self.setObjectName("serviceDialog")
        self._service = service
        self.code = self.add_field("code", translate("services", "&Code:"),
                                   QLineEdit(service.code if service else ""))
        self.code.setMaximumWidth(160)
        self.name = self.add_field("name", translate("services", "&Name:"),
                                   QLineEdit(service.name if service else ""))
        self.price = QLineEdit(amount_input(service.unit_price) if service else "")
        self.price.setObjectName("price")
        self.price.setPlaceholderText("0")
        self.currency = CurrencyCombo()
        if service is not None:
            self.currency.set_currency(service.unit_price.currency)
        else:
            client.submit_plain(settings.get_settings).then(
                lambda chosen: self.currency.set_currency(chosen.default_currency), busy=self)
        price_row = QWidget()
        row_layout = QHBoxLayout(price_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.price, 1)
        row_layout.addWidget(self.currency)
        self.fields["currency"] = self.currency
        self.add_field("price", translate("services", "&Unit price:"), price_row)
        self.fields["price"] = self.price
        self.templates = TaskTemplateEditor(service.task_templates if service else ())
        self.add_field("task", translate("services", "&Work-plan tasks:"), self.templates)
        self.fields["task templates"] = self.templates
        self.setMinimumWidth(560)

    def request(self) -> Job[ServiceInfo]:
        price = Money.parse(self.price.text(), self.currency.currency(), "price")
        return self.client.submit(masterdata.save_service, ServiceInput(
            code=self.code.text(), name=self.name.text(), unit_price=price,
            task_templates=self.templates.templates(),
            id=self._service.id if self._service else None))


SERVICES = RecordKind(
    key="services",
    noun=lambda: translate("services", "service"),
    columns=(
        RecordColumn(lambda: translate("services", "Code"), lambda r: r.code),
        RecordColumn(lambda: translate("services", "Name"), lambda r: r.name),
        RecordColumn(lambda: translate("services", "Unit price"), lambda r: money(r.unit_price),
                     numeric=True),
        RecordColumn(lambda: translate("services", "Work-plan tasks"),
                     lambda r: ", ".join(t.name for t in r.task_templates)),
    ),
    action=Action.MANAGE_CATALOGUE,
    load=lambda client, text, inactive: client.submit(masterdata.list_services, text, inactive),
    dialog=ServiceDialog,
    set_active=lambda client, record_id, active: client.submit(
        masterdata.set_service_active, record_id, active),
    delete=lambda client, record_id: client.submit(masterdata.delete_service, record_id),
    describe=lambda r: f"{r.code} {r.name}",
)


class ServicesPage(RecordPage):
    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(shell, translate("services", "Services & prices"), translate("services",
            "The price list. A service's tasks become the work plan when an order's work is "
            "planned automatically."), SERVICES, parent)
