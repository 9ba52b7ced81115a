"""The Finance page: filters, summary per currency, the Dental labs, Work orders and Lab scorecard
tabs, charts, and "Generate report…" for exactly the tab on show with its filters."""

from __future__ import annotations

import traceback
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.dto import FinanceFilter, FinanceSummary, LabFinanceRow, LabInfo, ScorecardFilter
from ...domain.enums import PaymentMethod, PaymentStatus
from ...domain.errors import DomainError
from ...services import finance, masterdata, reports, scorecard
from ...services.changes import Change, ChangeKind
from ..access import refusal_text
from ..changes import ChangeRelay
from ..client import ServiceClient
from ..errors import error_words, show_refusal, show_unexpected
from ..formatting import day, label, money, pydate, qdate
from ..translation import QT_TRANSLATE_NOOP
from ..widgets.columns import fit_columns, install_column_layout
from ..widgets.dates import date_edit
from ..widgets.lookup import NO_CHOICE
from ..worker import Job, show_error
from .chart import LabChart
from .export import FORMATS, ExportProgress, ExportRequest, export_job
from .models import (
    ID_ROLE,
    LAB_CURRENCY_COLUMN,
    LAB_HIDE_FIRST,
    ORDER_DEFAULT_SORT,
    LabFinanceModel,
    OrderFinanceModel,
)
from .periods import Period, period_range
from .scorecard import ScorecardTab

LABS_TAB, ORDERS_TAB, SCORECARD_TAB = 0, 1, 2
# The summary above the tabs: the scorecard counts orders per lab like the labs tab.
VIEW_OF_TAB = {LABS_TAB: "labs", ORDERS_TAB: "orders", SCORECARD_TAB: "labs"}
FIGURES_FROM = frozenset({ChangeKind.ORDER, ChangeKind.PAYMENT, ChangeKind.LAB})

PERIOD_TEXTS = {
    Period.THIS_MONTH: QT_TRANSLATE_NOOP("FinancePage", "This month"),
    Period.LAST_MONTH: QT_TRANSLATE_NOOP("FinancePage", "Last month"),
    Period.THIS_QUARTER: QT_TRANSLATE_NOOP("FinancePage", "This quarter"),
    Period.THIS_YEAR: QT_TRANSLATE_NOOP("FinancePage", "This year"),
    Period.ALL: QT_TRANSLATE_NOOP("FinancePage", "All dates"),
    Period.CUSTOM: QT_TRANSLATE_NOOP("FinancePage", "Custom range"),
}


class FinancePage(QWidget):
    """Figures come from services.finance; nothing here adds amounts of different currencies."""

    open_order_requested = Signal(int)
    report_written = Signal(str)  # the file a finished export wrote
    report_failed = Signal(str)  # why an export stopped (cancelled, refused or failed)

    def __init__(self, client: ServiceClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financePage")
        self.client = client
        self.allowed = client.allows(Action.VIEW_FINANCE)
        self.labs_model = LabFinanceModel(self)
        self.orders_model = OrderFinanceModel(client, self)
        self.summary: FinanceSummary = FinanceSummary()
        self._filter = FinanceFilter()
        self._stale = set(VIEW_OF_TAB)
        self._job: Job[Path] | None = None
        self._orders_sized = False
        self._shown = False
        self._outdated = False  # the change bus reported new figures while hidden
        self._labs_generation = self._summary_generation = 0  # older answers are dropped
        self._build()
        if not self.allowed:
            self._refuse()
            return
        self._wire()
        self._load_labs()
        self._apply_period()
        self._filters_changed()
        self.orders_table.horizontalHeader().setSortIndicator(
            ORDER_DEFAULT_SORT, Qt.SortOrder.DescendingOrder)
        self.orders_table.setSortingEnabled(True)
        self.labs_table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.labs_table.setSortingEnabled(True)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.period = QComboBox()
        self.period.setObjectName("financePeriod")
        for period, text in PERIOD_TEXTS.items():
            self.period.addItem(self.tr(text), period.value)
        self.date_from = self._date_edit("financeFrom")
        self.date_to = self._date_edit("financeTo")
        self.lab = QComboBox()
        self.lab.setObjectName("financeLab")
        self.lab.setMinimumContentsLength(16)
        self.lab.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.method = QComboBox()
        self.method.setObjectName("financeMethod")
        self.method.addItem(self.tr("All payment methods"), NO_CHOICE)
        for method in PaymentMethod:
            self.method.addItem(label(method), method.value)
        self.status = QComboBox()
        self.status.setObjectName("financeStatus")
        self.status.addItem(self.tr("All payment statuses"), NO_CHOICE)
        for status in PaymentStatus:
            self.status.addItem(label(status), status.value)
        self.generate = QPushButton(self.tr("Generate report…"))
        self.generate.setObjectName("primaryButton")
        self.generate.setToolTip(self.tr(
            "Save the tab on show, with these filters, as an Excel, PDF or CSV file"))

        # The combos say what they filter ("All dental labs"); names and tooltips for the rest.
        for combo, name in ((self.lab, self.tr("Dental lab")),
                            (self.method, self.tr("Payment method")),
                            (self.status, self.tr("Payment status"))):
            combo.setAccessibleName(name)
            combo.setToolTip(name)
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to.setAccessibleName(self.tr("To"))
        filters = QHBoxLayout()
        filters.addWidget(self._label(self.tr("&Period:"), self.period))
        filters.addWidget(self.period)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.date_to)
        filters.addSpacing(12)
        filters.addWidget(self.lab)
        filters.addWidget(self.method)
        filters.addWidget(self.status)
        filters.addStretch(1)

        self.range_problem = QLabel()
        self.range_problem.setObjectName("warningLabel")
        self.range_problem.hide()
        self.note = QLabel(self.tr("Cancelled orders are excluded from all figures."))
        self.note.setObjectName("mutedLabel")

        self.summary_box = QFrame()
        self.summary_box.setObjectName("financeSummary")
        self.summary_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_grid = QGridLayout(self.summary_box)
        self.summary_grid.setHorizontalSpacing(24)

        self.labs_table = self._table("financeLabsTable", self.labs_model)
        # A handful of rows: the figures fit their contents; the lab's name takes the rest,
        # cut with "…" (whole in its tooltip) rather than pushing Outstanding out of sight.
        # Where even that is too wide, the order count and Paid (Total less Outstanding) go
        # first; the header's menu shows them again.
        lab_header = self.labs_table.horizontalHeader()
        lab_header.setStretchLastSection(False)
        lab_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._labs_fitted = install_column_layout(self.labs_table, "financeLabs",
                                                  self._fit_lab_columns)
        self.chart = LabChart()
        lab_split = QSplitter()
        lab_split.addWidget(self.labs_table)
        lab_split.addWidget(self.chart)
        lab_split.setChildrenCollapsible(False)
        # Halves, kept in proportion as the window resizes: the chart's lab names may take 40 %
        # of its width before Qt cuts them to "…", so at 1366 it needs half the page.
        lab_split.setSizes([500, 500])

        self.orders_table = self._table("financeOrdersTable", self.orders_model)
        self.orders_count = QLabel()
        self.orders_count.setObjectName("financeOrdersCount")
        orders_tab = QWidget()
        orders_layout = QVBoxLayout(orders_tab)
        orders_layout.setContentsMargins(0, 4, 0, 0)
        orders_layout.addWidget(self.orders_table, 1)
        orders_layout.addWidget(self.orders_count)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("financeTabs")
        self.tabs.addTab(lab_split, self.tr("Dental labs"))
        self.tabs.addTab(orders_tab, self.tr("Work orders"))
        self.scorecard = ScorecardTab(self.client)
        self.tabs.addTab(self.scorecard, self.tr("Lab scorecard"))
        self.tabs.setCornerWidget(self.generate)

        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.setOpenExternalLinks(True)
        self.export_status.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.range_problem)
        layout.addWidget(self.summary_box)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.export_status)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = date_edit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        return edit

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        made = QLabel(text)
        made.setBuddy(buddy)
        return made

    def _table(self, name: str, model: LabFinanceModel | OrderFinanceModel) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        return table

    def _refuse(self) -> None:
        """A role without finance access sees why, and no figures."""
        for widget in (self.period, self.date_from, self.date_to, self.lab, self.method,
                       self.status, self.generate, self.tabs):
            widget.setEnabled(False)
        self.range_problem.setText(refusal_text(self.client, Action.VIEW_FINANCE))
        self.range_problem.show()
        self.summary_box.hide()

    def _wire(self) -> None:
        self.period.currentIndexChanged.connect(lambda _i: self._period_chosen())
        self.date_from.dateChanged.connect(lambda _d: self._date_typed())
        self.date_to.dateChanged.connect(lambda _d: self._date_typed())
        for combo in (self.lab, self.method, self.status):
            combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.labs_table.clicked.connect(self._lab_clicked)
        self.labs_table.activated.connect(self._lab_activated)
        # Double-click or Enter, as the platform activates items.
        self.orders_table.activated.connect(self._order_activated)
        self.orders_model.modelReset.connect(self._show_count)
        self.orders_model.modelReset.connect(self._size_orders_once)
        ChangeRelay.of(self.client).changed.connect(self._on_changes)
        self.generate.clicked.connect(self.generate_report)
        self.scorecard.lab_chosen.connect(self.show_lab_orders)
        self._gate_filters()  # the first tab too, not only after a switch

    # --- filters ---------------------------------------------------------------------------

    def _load_labs(self) -> None:
        """The lab choices, off the GUI thread; then the tab on show is queried."""
        self.client.submit(masterdata.list_labs, "", True).then(self._show_labs, busy=self)

    def _show_labs(self, labs: list[LabInfo]) -> None:
        chosen = self.lab.currentData()
        self.lab.blockSignals(True)
        self.lab.clear()
        self.lab.addItem(self.tr("All dental labs"), NO_CHOICE)
        for lab in labs:
            self.lab.addItem(lab.name, lab.id)
        found = self.lab.findData(chosen) if chosen else 0
        self.lab.setCurrentIndex(max(found, 0))
        self.lab.blockSignals(False)

    def set_period(self, period: Period, start: QDate | None = None,
                   end: QDate | None = None) -> None:
        """Choose a period; for CUSTOM, ``start`` and ``end`` give the range."""
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(period.value))
        self.period.blockSignals(False)
        if period is Period.CUSTOM and start is not None and end is not None:
            self._set_dates(start, end)
        self._apply_period()
        self._filters_changed()

    def _period_chosen(self) -> None:
        self._apply_period()
        self._filters_changed()

    def _apply_period(self) -> None:
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
        self._filters_changed()

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

    def scorecard_filter(self) -> ScorecardFilter:
        return ScorecardFilter(self._filter.date_from, self._filter.date_to, self._filter.lab_id)

    def current_view(self) -> reports.View:
        return "orders" if self.tabs.currentIndex() == ORDERS_TAB else "labs"

    def _filters_changed(self) -> None:
        flt = self.current_filter()
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            self.range_problem.setText(self.tr(
                "Time period: the start date is after the end date."))
            self.range_problem.show()
            return
        self.range_problem.hide()
        self._filter = flt
        self._stale = set(VIEW_OF_TAB)
        self._refresh_tab()

    def _tab_changed(self) -> None:
        self._gate_filters()
        self._refresh_tab()

    def _gate_filters(self) -> None:
        """Filters that do not apply to the tab on show are disabled, saying why."""
        on_orders = self.tabs.currentIndex() == ORDERS_TAB
        self.status.setEnabled(on_orders)
        self.status.setToolTip(self.tr("Payment status") if on_orders else self.tr(
            "The payment status filter applies to the Work orders tab"))
        on_scorecard = self.tabs.currentIndex() == SCORECARD_TAB
        self.method.setEnabled(not on_scorecard)
        self.method.setToolTip(self.tr(
            "The lab scorecard does not depend on the payment method") if on_scorecard
            else self.tr("Payment method"))

    # --- data ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page shows figures as they are now, if the change bus said that
        orders, payments or labs changed meanwhile; the first show has just been loaded."""
        super().showEvent(event)
        if self._shown and self._outdated and not event.spontaneous():
            self.refresh()
        self._shown = True

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        if not any(c.kind in FIGURES_FROM for c in changes):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._outdated = True

    def refresh(self) -> None:
        """Query everything again (View > Refresh)."""
        if not self.allowed:
            return
        self._outdated = False
        self._stale = set(VIEW_OF_TAB)
        self._load_labs()
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        """The tab on show is re-queried when its filters changed; the other one waits."""
        tab = self.tabs.currentIndex()
        view = VIEW_OF_TAB[tab]
        flt = self._filter
        if tab != ORDERS_TAB:
            flt = replace(flt, payment_status=None)  # only the orders tab has that filter
        if tab in self._stale:
            self._stale.discard(tab)
            self._load(tab, flt)
        self._summary_generation += 1
        generation = self._summary_generation
        self.client.submit(finance.summary, flt, view).then(
            lambda summary: self._summary_arrived(generation, summary), busy=self)

    def _summary_arrived(self, generation: int, summary: FinanceSummary) -> None:
        if generation == self._summary_generation:  # else a newer one is on its way
            self._show_summary(summary)

    def _load(self, tab: int, flt: FinanceFilter) -> None:
        """Query the tab off the GUI thread; a refusal marks it to be queried again."""
        if tab == LABS_TAB:
            self._labs_generation += 1
            generation = self._labs_generation
            self.client.submit(finance.lab_rows, flt).then(
                lambda rows: self._lab_rows_arrived(generation, rows),
                lambda error: self._tab_failed(tab, error), busy=self)
        elif tab == SCORECARD_TAB:
            self.scorecard.load(self.scorecard_filter(),
                                lambda error: self._tab_failed(tab, error))
        else:
            self.orders_model.set_filter(flt)

    def _size_orders_once(self) -> None:
        if not self._orders_sized and self.orders_model.rowCount():
            # Sized once to the first page; later the user's widths stay.
            self.orders_table.resizeColumnsToContents()
            self._orders_sized = True

    def _lab_rows_arrived(self, generation: int, rows: list[LabFinanceRow]) -> None:
        if generation == self._labs_generation:
            self.labs_model.set_rows(rows)
            # With one currency the amounts say it: the column only tells a lab's two rows apart.
            self.labs_table.setColumnHidden(LAB_CURRENCY_COLUMN,
                                            len({row.currency for row in rows}) < 2)
            if rows and not self._labs_fitted:
                self._labs_fitted = True
                self._fit_lab_columns()
            self.chart.set_rows(rows)

    def _fit_lab_columns(self) -> None:
        fit_columns(self.labs_table, elide=(0,), hide_first=LAB_HIDE_FIRST)

    def _tab_failed(self, tab: int, error: BaseException) -> None:
        self._stale.add(tab)
        show_error(self, error)

    def _show_summary(self, summary: FinanceSummary) -> None:
        self.summary = summary
        while self.summary_grid.count():
            item = self.summary_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if not summary.per_currency:
            self.summary_grid.addWidget(
                QLabel(self.tr("No work orders match these filters.")), 0, 0)
            return
        titles = (self.tr("Work orders"), self.tr("Total"), self.tr("Paid"),
                  self.tr("Outstanding"), self.tr("Overdue"))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for column, title in enumerate(titles, start=1):
            heading = QLabel(title)
            heading.setObjectName("mutedLabel")
            heading.setAlignment(right)
            self.summary_grid.addWidget(heading, 0, column)
        for row, figures in enumerate(summary.per_currency, start=1):
            values = (
                f"<b>{figures.currency}</b>",
                self.locale().toString(figures.order_count),
                f"<b>{money(figures.total)}</b>",
                money(figures.paid),
                money(figures.outstanding),
                money(figures.overdue),
            )
            for column, text in enumerate(values):
                cell = QLabel(text)
                cell.setObjectName(f"summary_{figures.currency}_{column}")
                if column:
                    cell.setAlignment(right)
                if column == len(values) - 1 and figures.overdue.minor:
                    cell.setProperty("warning", True)
                self.summary_grid.addWidget(cell, row, column)
        self.summary_grid.setColumnStretch(len(titles) + 1, 1)

    def _show_count(self) -> None:
        count = self.orders_model.total_count
        text = self.tr("1 work order") if count == 1 else self.tr("{count} work orders")
        self.orders_count.setText(text.format(count=self.locale().toString(count)))

    # --- navigation ------------------------------------------------------------------------

    def _lab_clicked(self, index: QModelIndex) -> None:
        if index.column() == 0:
            self._lab_activated(index)

    def _lab_activated(self, index: QModelIndex) -> None:
        lab_id = index.data(ID_ROLE)
        if lab_id is None:
            return
        self.show_lab_orders(int(lab_id))

    def show_lab_orders(self, lab_id: int) -> None:
        """The Work orders tab, filtered to one lab (the other filters stay)."""
        found = self.lab.findData(lab_id)
        if found < 0:
            self._load_labs()
            found = self.lab.findData(lab_id)
        self.lab.blockSignals(True)
        self.lab.setCurrentIndex(max(found, 0))
        self.lab.blockSignals(False)
        self._filters_changed()
        self.tabs.setCurrentIndex(ORDERS_TAB)

    def _order_activated(self, index: QModelIndex) -> None:
        order_id = index.data(ID_ROLE)
        if order_id is not None:
            self.open_order_requested.emit(int(order_id))

    def table_view(self) -> QTableView:
        tab = self.tabs.currentIndex()
        if tab == SCORECARD_TAB:
            return self.scorecard.table
        return self.orders_table if tab == ORDERS_TAB else self.labs_table

    # --- reports ---------------------------------------------------------------------------

    def generate_report(self) -> None:
        """Ask where to save, then export the tab on show with its filters."""
        dialog = QFileDialog(self, self.tr("Generate report"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        names = {self.tr(text): fmt for fmt, text in FORMATS.items()}
        dialog.setNameFilters(list(names))
        dialog.setDefaultSuffix("xlsx")
        dialog.filterSelected.connect(lambda chosen: dialog.setDefaultSuffix(names[chosen]))
        folder = self.client.paths.exports_dir
        folder.mkdir(parents=True, exist_ok=True)
        dialog.setDirectory(str(folder))
        dialog.selectFile(self.suggested_name("xlsx"))
        if not dialog.exec() or not dialog.selectedFiles():
            return
        target = Path(dialog.selectedFiles()[0])
        fmt = next((f for f in FORMATS if f == target.suffix.lower().lstrip(".")), None)
        if fmt is None:
            fmt = names[dialog.selectedNameFilter()]
            target = target.with_name(f"{target.name}.{fmt}")
        if self.tabs.currentIndex() == SCORECARD_TAB:
            self.export_scorecard(target, fmt)
        else:
            self.start_export(target, fmt)

    def export_scorecard(self, target: Path, fmt: str) -> Job[Path]:
        """A few rows per lab: no progress needed, but written off the GUI thread all the same;
        report_written or report_failed tells how it ended."""
        uow_factory, actor, flt = self.client.uow_factory, self.client.actor, \
            self.scorecard_filter()
        job = self.client.background(lambda _control: scorecard.export_scorecard(
            uow_factory, actor, flt, fmt, target))
        self._job = job
        self.generate.setEnabled(False)
        self.export_status.hide()
        return job.then(self._exported, self._export_failed, busy=self)

    def suggested_name(self, fmt: str) -> str:
        start, end = self._filter.date_from, self._filter.date_to
        period = f"{start or 'start'}_{end or 'today'}" if start or end else "all-dates"
        view = "scorecard" if self.tabs.currentIndex() == SCORECARD_TAB else self.current_view()
        return f"finance-{view}-{period}.{fmt}"

    def start_export(self, target: Path, fmt: reports.Format) -> Job[Path]:
        """Export off the GUI thread; report_written or report_failed tells how it ended."""
        flt = self._filter
        if self.current_view() == "labs":
            flt = replace(flt, payment_status=None)
        request = ExportRequest(
            view=self.current_view(), flt=flt, fmt=fmt, target=target,
            sort_key=self.orders_model.sort_key, descending=self.orders_model.descending,
        )
        job = export_job(self.client, request)
        progress = ExportProgress(job, request, self)
        job.finished.connect(progress.hide)
        job.finished.connect(progress.deleteLater)
        self._job = job
        self.generate.setEnabled(False)
        self.export_status.hide()
        return job.then(self._exported, self._export_failed, busy=self)

    def _export_ended(self) -> None:
        self._job = None
        self.generate.setEnabled(True)

    def _exported(self, written: Path) -> None:
        self._export_ended()
        url = QUrl.fromLocalFile(str(written)).toString()
        self.export_status.setText(self.tr('Report saved: <a href="{url}">{name}</a>')
                                   .format(url=url, name=written.name))
        self.export_status.show()
        self.report_written.emit(str(written))

    def _export_failed(self, error: BaseException) -> None:
        self._export_ended()
        if isinstance(error, reports.ExportCancelled):
            self.export_status.setText(self.tr("Report cancelled; no file was written."))
            self.export_status.show()
            self.report_failed.emit(error_words(error))
        elif isinstance(error, DomainError):
            self.report_failed.emit(error_words(error))
            show_refusal(self, error)
        else:
            summary = "".join(traceback.format_exception_only(error)).strip()
            self.report_failed.emit(summary)
            show_unexpected(self, self.client.log_file, summary)

    def export_running(self) -> bool:
        return self._job is not None
