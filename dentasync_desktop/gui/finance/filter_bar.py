"""The Finance page's filters: time period (a named one or a typed custom range), dental lab,
payment method and payment status."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from ...domain.dto import FinanceFilter, LabInfo
from ...domain.enums import PaymentMethod, PaymentStatus
from ..formatting import day, label, pydate, qdate
from ..translation import QT_TRANSLATE_NOOP, translate
from ..widgets.dates import date_edit
from ..widgets.lookup import NO_CHOICE
from .periods import Period, period_range

# The texts keep the page's context ("FinancePage"): they were the page's before the filters
# moved out of it.

PERIOD_TEXTS = {
    Period.THIS_MONTH: QT_TRANSLATE_NOOP("FinancePage", "This month"),
    Period.LAST_MONTH: QT_TRANSLATE_NOOP("FinancePage", "Last month"),
    Period.THIS_QUARTER: QT_TRANSLATE_NOOP("FinancePage", "This quarter"),
    Period.THIS_YEAR: QT_TRANSLATE_NOOP("FinancePage", "This year"),
    Period.ALL: QT_TRANSLATE_NOOP("FinancePage", "All dates"),
    Period.CUSTOM: QT_TRANSLATE_NOOP("FinancePage", "Custom range"),
}


class FinanceFilterBar(QWidget):
    """``changed`` fires whenever a filter is edited, not when the page sets one itself."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox()
        self.period.setObjectName("financePeriod")
        for period, text in PERIOD_TEXTS.items():
            self.period.addItem(translate("FinancePage", text), period.value)
        self.date_from = self._date_edit("financeFrom")
        self.date_to = self._date_edit("financeTo")
        self.lab = QComboBox()
        self.lab.setObjectName("financeLab")
        self.lab.setMinimumContentsLength(16)
        self.lab.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.method = QComboBox()
        self.method.setObjectName("financeMethod")
        self.method.addItem(translate("FinancePage", "All payment methods"), NO_CHOICE)
        for method in PaymentMethod:
            self.method.addItem(label(method), method.value)
        self.status = QComboBox()
        self.status.setObjectName("financeStatus")
        self.status.addItem(translate("FinancePage", "All payment statuses"), NO_CHOICE)
        for status in PaymentStatus:
            self.status.addItem(label(status), status.value)

        # The combos say what they filter ("All dental labs"); names and tooltips for the rest.
        for combo, name in ((self.lab, translate("FinancePage", "Dental lab")),
                            (self.method, translate("FinancePage", "Payment method")),
                            (self.status, translate("FinancePage", "Payment status"))):
            combo.setAccessibleName(name)
            combo.setToolTip(name)
        self.date_from.setAccessibleName(translate("FinancePage", "From"))
        self.date_to.setAccessibleName(translate("FinancePage", "To"))
        period_label = QLabel(translate("FinancePage", "&Period:"))
        period_label.setBuddy(self.period)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(period_label)
        layout.addWidget(self.period)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.date_to)
        layout.addSpacing(12)
        layout.addWidget(self.lab)
        layout.addWidget(self.method)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = date_edit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        return edit

    def wire(self) -> None:
        """Start reporting edits (a page the user may not use never does)."""
        self.period.currentIndexChanged.connect(lambda _i: self._period_chosen())
        self.date_from.dateChanged.connect(lambda _d: self._date_typed())
        self.date_to.dateChanged.connect(lambda _d: self._date_typed())
        for combo in (self.lab, self.method, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def current_filter(self) -> FinanceFilter:
        period = Period(self.period.currentData())
        start = end = None
        if period is not Period.ALL:
            start, end = pydate(self.date_from.date()), pydate(self.date_to.date())
        method, status = self.method.currentData(), self.status.currentData()
        return FinanceFilter(
            date_from=start, date_to=end, lab_id=self.lab.currentData() or None,
            method=PaymentMethod(method) if method else None,
            payment_status=PaymentStatus(status) if status else None,
        )

    # --- period ----------------------------------------------------------------------------

    def set_period(self, period: Period, start: QDate | None = None,
                   end: QDate | None = None) -> None:
        """Choose a period; for CUSTOM, ``start`` and ``end`` give the range."""
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(period.value))
        self.period.blockSignals(False)
        if period is Period.CUSTOM and start is not None and end is not None:
            self._set_dates(start, end)
        self.apply_period()

    def _period_chosen(self) -> None:
        self.apply_period()
        self.changed.emit()

    def apply_period(self) -> None:
        """Show the dates the chosen period covers; only a custom range can be typed."""
        period = Period(self.period.currentData())
        start, end = period_range(period, day(QDate.currentDate()))
        if start is not None and end is not None:
            self._set_dates(qdate(start), qdate(end))
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(period is not Period.ALL)

    def _set_dates(self, start: QDate, end: QDate) -> None:
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(value)
            edit.blockSignals(False)

    def _date_typed(self) -> None:
        """Typing a date makes the period a custom range."""
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(Period.CUSTOM.value))
        self.period.blockSignals(False)
        self.changed.emit()

    # --- labs ------------------------------------------------------------------------------

    def show_labs(self, labs: list[LabInfo]) -> None:
        """The lab choices; the chosen lab stays chosen while it is still there."""
        chosen = self.lab.currentData()
        self.lab.blockSignals(True)
        self.lab.clear()
        self.lab.addItem(translate("FinancePage", "All dental labs"), NO_CHOICE)
        for lab in labs:
            self.lab.addItem(lab.name, lab.id)
        found = self.lab.findData(chosen) if chosen else 0
        self.lab.setCurrentIndex(max(found, 0))
        self.lab.blockSignals(False)

    def choose_lab(self, lab_id: int) -> bool:
        """Choose the lab without reporting it; False when it is not among the choices (then
        all labs are chosen)."""
        found = self.lab.findData(lab_id)
        self.lab.blockSignals(True)
        self.lab.setCurrentIndex(max(found, 0))
        self.lab.blockSignals(False)
        return found >= 0

    # --- what applies ----------------------------------------------------------------------

    def gate(self, on_orders: bool, on_scorecard: bool) -> None:
        """Filters that do not apply to the tab on show are disabled, saying why."""
        self.status.setEnabled(on_orders)
        self.status.setToolTip(translate("FinancePage", "Payment status") if on_orders
                               else translate("FinancePage", "The payment status filter "
                                              "applies to the Work orders tab"))
        self.method.setEnabled(not on_scorecard)
        self.method.setToolTip(translate(
            "FinancePage", "The lab scorecard does not depend on the payment method")
            if on_scorecard else translate("FinancePage", "Payment method"))

    def disable(self) -> None:
        for widget in (self.period, self.date_from, self.date_to, self.lab, self.method,
                       self.status):
            widget.setEnabled(False)
