"""The Finance page wires its parts together: the filter bar, the summary per currency, the
Dental labs, Work orders and Lab scorecard tabs, and "Generate report…" for exactly the tab on
show with its filters."""

from __future__ import annotations

import traceback
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.dto import FinanceFilter, FinanceSummary, LabFinanceRow, ScorecardFilter
from ...domain.errors import DomainError, ValidationError
from ...domain.validation import date_range
from ...services import finance, masterdata, reports, scorecard
from ...services.changes import Change, ChangeKind
from ..access import refusal_text
from ..changes import ChangeRelay
from ..client import ServiceClient
from ..errors import error_words, show_refusal, show_unexpected
from ..worker import Job, show_error
from .export import FORMATS, ExportProgress, ExportRequest, export_job
from .filter_bar import FinanceFilterBar
from .labs_tab import LabsTab
from .models import LabFinanceModel, OrderFinanceModel
from .orders_tab import OrdersTab
from .periods import Period
from .scorecard import ScorecardTab
from .summary import SummaryBox

LABS_TAB, ORDERS_TAB, SCORECARD_TAB = 0, 1, 2
# The summary above the tabs: the scorecard counts orders per lab like the labs tab.
VIEW_OF_TAB = {LABS_TAB: "labs", ORDERS_TAB: "orders", SCORECARD_TAB: "labs"}
FIGURES_FROM = frozenset({ChangeKind.ORDER, ChangeKind.PAYMENT, ChangeKind.LAB})


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
        self._shown = False
        self._outdated = False  # the change bus reported new figures while hidden
        self._labs_generation = self._summary_generation = 0  # older answers are dropped
        self._build()
        if not self.allowed:
            self._refuse()
            return
        self._wire()
        self._load_labs()
        self.filters.apply_period()
        self._filters_changed()
        self.orders_tab.start_sorting()
        self.labs_tab.start_sorting()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.filters = FinanceFilterBar()
        self.generate = QPushButton(self.tr("Generate report…"))
        self.generate.setObjectName("primaryButton")
        self.generate.setToolTip(self.tr(
            "Save the tab on show, with these filters, as an Excel, PDF or CSV file"))

        self.range_problem = QLabel()
        self.range_problem.setObjectName("warningLabel")
        self.range_problem.hide()
        self.note = QLabel(self.tr("Cancelled orders are excluded from all figures."))
        self.note.setObjectName("mutedLabel")
        self.summary_box = SummaryBox()

        self.labs_tab = LabsTab(self.labs_model)
        self.orders_tab = OrdersTab(self.orders_model)
        self.scorecard = ScorecardTab(self.client)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("financeTabs")
        self.tabs.addTab(self.labs_tab, self.tr("Dental labs"))
        self.tabs.addTab(self.orders_tab, self.tr("Work orders"))
        self.tabs.addTab(self.scorecard, self.tr("Lab scorecard"))
        self.tabs.setCornerWidget(self.generate)

        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.setOpenExternalLinks(True)
        self.export_status.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.range_problem)
        layout.addWidget(self.summary_box)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.export_status)

    def _refuse(self) -> None:
        """A role without finance access sees why, and no figures."""
        self.filters.disable()
        self.generate.setEnabled(False)
        self.tabs.setEnabled(False)
        self.range_problem.setText(refusal_text(self.client, Action.VIEW_FINANCE))
        self.range_problem.show()
        self.summary_box.hide()

    def _wire(self) -> None:
        self.filters.wire()
        self.filters.changed.connect(self._filters_changed)
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.labs_tab.wire()
        self.labs_tab.lab_chosen.connect(self.show_lab_orders)
        self.orders_tab.wire()
        self.orders_tab.order_chosen.connect(self.open_order_requested)
        ChangeRelay.of(self.client).changed.connect(self._on_changes)
        self.generate.clicked.connect(self.generate_report)
        self.scorecard.lab_chosen.connect(self.show_lab_orders)
        self._gate_filters()  # the first tab too, not only after a switch

    # --- filters ---------------------------------------------------------------------------

    def _load_labs(self) -> None:
        """The lab choices, off the GUI thread; then the tab on show is queried."""
        self.client.submit(masterdata.list_labs, "", True).then(self.filters.show_labs,
                                                                busy=self)

    def set_period(self, period: Period, start: QDate | None = None,
                   end: QDate | None = None) -> None:
        """Choose a period; for CUSTOM, ``start`` and ``end`` give the range."""
        self.filters.set_period(period, start, end)
        self._filters_changed()

    def current_filter(self) -> FinanceFilter:
        return self.filters.current_filter()

    def scorecard_filter(self) -> ScorecardFilter:
        return ScorecardFilter(self._filter.date_from, self._filter.date_to, self._filter.lab_id)

    def current_view(self) -> reports.View:
        return "orders" if self.tabs.currentIndex() == ORDERS_TAB else "labs"

    def _filters_changed(self) -> None:
        flt = self.current_filter()
        try:
            date_range(flt.date_from, flt.date_to, "time period")
        except ValidationError as error:
            self.range_problem.setText(error_words(error))
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
        tab = self.tabs.currentIndex()
        self.filters.gate(on_orders=tab == ORDERS_TAB, on_scorecard=tab == SCORECARD_TAB)

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
            self.summary = summary
            self.summary_box.show_summary(summary)

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

    def _lab_rows_arrived(self, generation: int, rows: list[LabFinanceRow]) -> None:
        if generation == self._labs_generation:
            self.labs_tab.show_rows(rows)

    def _tab_failed(self, tab: int, error: BaseException) -> None:
        self._stale.add(tab)
        show_error(self, error)

    # --- navigation ------------------------------------------------------------------------

    def show_lab_orders(self, lab_id: int) -> None:
        """The Work orders tab, filtered to one lab (the other filters stay)."""
        if not self.filters.choose_lab(lab_id):
            self._load_labs()
        self._filters_changed()
        self.tabs.setCurrentIndex(ORDERS_TAB)

    def table_view(self) -> QTableView:
        tab = self.tabs.currentIndex()
        if tab == SCORECARD_TAB:
            return self.scorecard.table
        return self.orders_tab.table if tab == ORDERS_TAB else self.labs_tab.table

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
