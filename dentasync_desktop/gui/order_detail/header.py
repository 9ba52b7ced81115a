"""The header of the order detail: who and what at a glance, and the action buttons."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.dto import OrderDetail
from ...domain.enums import OrderStatus
from ...domain.numbers import format_number
from ..formatting import (
    PAYMENT_COLOURS,
    STATUS_COLOURS,
    date_text,
    datetime_text,
    label,
    money,
    qdate,
)
from ..theme import readable
from .widgets import badge, set_badge_colour

WARNING_COLOUR = "#b91c1c"
# Past these the due date no longer matters.
DUE_DONE = frozenset({OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.CANCELLED})


class ElidedLabel(QLabel):
    """One line that ends in "…" where the header runs out of room; the tooltip has it all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setMinimumWidth(80)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(
            self.full_text, Qt.TextElideMode.ElideRight, max(self.width(), 80)))


def order_link(number: int) -> str:
    return f'<a href="order:{number}">{format_number(number)}</a>'


class OrderHeader(QFrame):
    order_link_activated = Signal(int)  # the order *number* of a remake-of / copied-from link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel()
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = badge()
        self.hold = badge(WARNING_COLOUR)
        self.links = QLabel()
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.linkActivated.connect(self._link)
        self.primary = QPushButton()
        self.primary.setObjectName("primaryButton")  # styled by the theme
        self.primary.setDefault(False)
        self.primary.setAutoDefault(False)
        self.actions_button = QPushButton()
        self.payment_button = QPushButton()
        for menu_button in (self.actions_button, self.payment_button):
            menu_button.setAutoDefault(False)
            menu_button.setMinimumHeight(self.primary.sizeHint().height())

        title = QHBoxLayout()
        title.addWidget(self.number)
        title.addSpacing(8)
        title.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        title.addWidget(self.hold, 0, Qt.AlignmentFlag.AlignVCenter)
        title.addSpacing(8)
        title.addWidget(self.links, 0, Qt.AlignmentFlag.AlignVCenter)
        title.addStretch(1)
        title.addWidget(self.primary)
        title.addWidget(self.actions_button)
        title.addWidget(self.payment_button)
        self.title_row = title  # the view adds the side panel's toggle at its end

        self._values: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        facts.setVerticalSpacing(2)
        for column, (key, caption) in enumerate((
                ("patient", self.tr("Patient")), ("customer", self.tr("Customer")),
                ("lab", self.tr("Dental lab")), ("due", self.tr("Due date")),
                ("total", self.tr("Total")), ("paid", self.tr("Paid")),
                ("balance", self.tr("Balance")), ("payment", self.tr("Payment")))):
            caption_label = QLabel(caption)
            caption_label.setObjectName("hintLabel")
            # Names end in "…" where a narrow window runs out of room, never cut mid-letter.
            value = (badge() if key == "payment" else ElidedLabel()
                     if key in ("patient", "customer", "lab") else QLabel())
            if key != "payment":
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._values[key] = value
            align = (Qt.AlignmentFlag.AlignRight if key in ("total", "paid", "balance")
                     else Qt.AlignmentFlag.AlignLeft)
            facts.addWidget(caption_label, 0, column, align)
            if isinstance(value, ElidedLabel):  # the whole column, to elide at its edge
                align = Qt.AlignmentFlag(0)
            facts.addWidget(value, 1, column, align | Qt.AlignmentFlag.AlignVCenter)
        # The second line: when the case was taken and what it is, as the lab's manual shows.
        for column, (key, caption) in enumerate((
                ("created", self.tr("Created")), ("documented", self.tr("Documented")))):
            self._add_fact(facts, 2, column, key, caption)
        self._add_fact(facts, 2, 2, "description", self.tr("Description"), span=6)
        facts.setColumnStretch(0, 3)
        facts.setColumnStretch(1, 3)
        facts.setColumnStretch(2, 3)
        facts.setColumnStretch(3, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(title)
        layout.addLayout(facts)

    def _add_fact(self, facts: QGridLayout, row: int, column: int, key: str, caption: str,
                  span: int = 1) -> None:
        caption_label = QLabel(caption)
        caption_label.setObjectName("hintLabel")
        value = ElidedLabel() if key == "description" else QLabel()
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._values[key] = value
        facts.addWidget(caption_label, row, column, 1, span)
        facts.addWidget(value, row + 1, column, 1, span)

    def value(self, key: str) -> str:
        label = self._values[key]
        return label.full_text if isinstance(label, ElidedLabel) else label.text()

    def show_detail(self, order: OrderDetail, today: QDate) -> None:
        self.number.setText(order.number_text)
        self.status.setText(label(order.status))
        set_badge_colour(self.status, STATUS_COLOURS[order.status])
        self.hold.setVisible(order.on_hold)
        self.hold.setText(self.tr("On hold: {reason}").format(reason=order.hold_reason)
                          if order.hold_reason else self.tr("On hold"))
        self.hold.setToolTip(order.hold_reason)
        links = []
        if order.is_remake:
            links.append(self.tr("Remake of {link}").format(
                link=order_link(order.remake_of_number)) if order.remake_of_number
                else self.tr("Remake"))
        if order.copied_from_number:
            links.append(self.tr("Copied from {link}").format(
                link=order_link(order.copied_from_number)))
        self.links.setText(" · ".join(links))
        self.links.setToolTip(order.remake_reason if order.is_remake else "")
        self.links.setVisible(bool(links))

        customer = order.customer.name + (f" — {order.customer.clinic}"
                                          if order.customer.clinic else "")
        self._set("patient", order.patient.full_name)
        self._set("customer", customer)
        self._set("lab", order.lab.name)
        late = (order.due_date is not None and order.status not in DUE_DONE
                and qdate(order.due_date) < today)
        self._set("due", date_text(order.due_date) or self.tr("not set"),
                  self.tr("Past the due date") if late else "")
        warning = readable(WARNING_COLOUR).name()
        self._values["due"].setStyleSheet(
            f"QLabel {{ color: {warning}; font-weight: 600; }}" if late else "")
        self._set("created", datetime_text(order.created_at))
        self._set("documented", date_text(order.documented_at))
        description = " ".join(order.description.split())
        self._values["description"].setText(description or "—")
        self._values["description"].setToolTip(order.description)
        self._set("total", money(order.total))
        self._set("paid", money(order.paid))
        self._set("balance", money(order.balance))
        self._values["payment"].setText(label(order.payment_status))
        set_badge_colour(self._values["payment"], PAYMENT_COLOURS[order.payment_status])

    def _set(self, key: str, text: str, tip: str = "") -> None:
        self._values[key].setText(text)
        self._values[key].setToolTip(tip or text)

    def _link(self, href: str) -> None:
        if href.startswith("order:"):
            self.order_link_activated.emit(int(href.split(":", 1)[1]))
