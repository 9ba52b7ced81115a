"""Finance reports: exactly one tab of the finance page, with its filters, as XLSX, PDF or CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..documents.report_table import (
    Column,
    ColumnKind,
    Counted,
    ReportTable,
    Row,
    batches,
    columns,
)
from ..domain.actions import Action
from ..domain.dto import Actor, FinanceFilter, LabFinanceRow
from ..domain.enums import OrderStatus, PaymentMethod, PaymentStatus
from ..domain.errors import DomainError, ValidationError
from ..domain.formats import date_text
from ..domain.numbers import format_number
from ..domain.text import fold
from ..i18n import QT_TRANSLATE_NOOP, default_language, label, translate
from ..paths import bundled
from . import finance
from .guards import authorize
from .masterdata import get_lab, list_labs
from .output_target import checked_target
from .report_options import FORMATS as FORMATS
from .report_options import VIEWS as VIEWS
from .report_options import Format as Format
from .report_options import View as View
from .settings import get_settings
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

VIEW_TITLES = {"labs": QT_TRANSLATE_NOOP("reports", "Dental labs"),
               "orders": QT_TRANSLATE_NOOP("reports", "Work orders")}
REPORT_TITLE = QT_TRANSLATE_NOOP("reports", "Finance report")
EXCLUDED_NOTE = QT_TRANSLATE_NOOP("reports", "Cancelled orders are excluded.")
# How often (in rows) the progress callback hears from a long export.
PROGRESS_STEP = 500

Progress = Callable[[int, int], bool]

LAB_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("reports", "Dental lab"), ColumnKind.TEXT, 32),
    Column(QT_TRANSLATE_NOOP("reports", "Currency"), ColumnKind.TEXT, 8),
    Column(QT_TRANSLATE_NOOP("reports", "Work orders"), ColumnKind.INT, 11, total=True),
    Column(QT_TRANSLATE_NOOP("reports", "Paid"), ColumnKind.MONEY, 15),
    Column(QT_TRANSLATE_NOOP("reports", "Total"), ColumnKind.MONEY, 15),
    Column(QT_TRANSLATE_NOOP("reports", "Outstanding"), ColumnKind.MONEY, 15),
)

ORDER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("reports", "Number"), ColumnKind.TEXT, 10),
    Column(QT_TRANSLATE_NOOP("reports", "Dental lab"), ColumnKind.TEXT, 30),
    Column(QT_TRANSLATE_NOOP("reports", "Payment method"), ColumnKind.TEXT, 14),
    Column(QT_TRANSLATE_NOOP("reports", "Currency"), ColumnKind.TEXT, 8),
    Column(QT_TRANSLATE_NOOP("reports", "Paid"), ColumnKind.MONEY, 14),
    Column(QT_TRANSLATE_NOOP("reports", "Total"), ColumnKind.MONEY, 14),
    Column(QT_TRANSLATE_NOOP("reports", "Outstanding"), ColumnKind.MONEY, 14),
    Column(QT_TRANSLATE_NOOP("reports", "Status"), ColumnKind.TEXT, 13),
    Column(QT_TRANSLATE_NOOP("reports", "Payment status"), ColumnKind.TEXT, 14),
    Column(QT_TRANSLATE_NOOP("reports", "Documented"), ColumnKind.DATE, 11),
)


class ExportCancelled(DomainError):
    """The user stopped the export; nothing was written."""


def export_finance(
    uow_factory: UnitOfWorkFactory,
    actor: Actor,
    view: View,
    flt: FinanceFilter,
    fmt: Format,
    target: Path,
    progress: Progress | None = None,
    *,
    sort_key: str = "documented_at",
    descending: bool = True,
) -> Path:
    """Write the ``view`` tab filtered by ``flt`` to ``target`` and return it.

    ``progress(done, total)`` is called now and then; returning False stops the export with
    ExportCancelled. The file appears only when complete: a failed or cancelled export leaves
    no file (and an existing file at ``target`` untouched). The work-orders tab keeps the
    page's sort order (``sort_key``/``descending`` as finance.order_rows takes them).
    """
    with uow_factory() as check:
        authorize(check, actor, Action.VIEW_FINANCE)
    if view not in VIEWS:
        raise ValidationError("view", code="one_of", params={"choices": list(VIEWS)})
    if fmt not in FORMATS:
        raise ValidationError("format", code="one_of", params={"choices": list(FORMATS)})
    target = checked_target(target, "file", fmt.upper())
    uow = uow_factory()
    settings = get_settings(uow)
    generated_at = uow.now()
    filters = describe_filter(uow_factory, actor, view, flt)

    rows: Iterable[Row]
    columns: tuple[Column, ...]
    if view == "labs":
        lab_rows = finance.lab_rows(uow_factory(), actor, flt)
        count = len(lab_rows)
        rows, columns, counted = map(lab_cells, lab_rows), LAB_COLUMNS, Counted.LABS
    else:
        count = finance.order_count(uow_factory(), actor, flt)
        streamed = finance.iter_order_values(uow_factory(), actor, flt, sort_key=sort_key,
                                             descending=descending)
        rows, columns, counted = order_cells(streamed), ORDER_COLUMNS, Counted.ORDERS
    table = ReportTable(
        title=REPORT_TITLE, organisation=settings.name, view=VIEW_TITLES[view],
        filters=filters, generated_at=generated_at, columns=columns,
        rows=_reporting(rows, count, progress), row_count=count, counted=counted,
        note=EXCLUDED_NOTE, currency_column=1 if view == "labs" else 3,
    )
    return write_table(table, fmt, target, settings.paper_size)


def write_table(table: ReportTable, fmt: str, target: Path, paper: str) -> Path:
    """Write ``table`` to ``target`` as XLSX, CSV or PDF (on ``paper``); returns ``target``.

    The writers load openpyxl or ReportLab (~0.4 s): only when a report is made, so the pages
    whose services import this module open without them.
    """
    if fmt == "xlsx":
        from ..documents.xlsx_report import write_xlsx

        write_xlsx(table, target)
    elif fmt == "csv":
        from ..documents.csv_report import write_csv

        write_csv(table, target)
    else:
        from ..documents.pdf_report import write_pdf

        write_pdf(table, target, bundled("resources") / "fonts", paper)
    return target


def describe_filter(
    uow_factory: UnitOfWorkFactory, actor: Actor, view: str, flt: FinanceFilter
) -> tuple[tuple[str, str], ...]:
    """The filters as a reader of the report needs them, every one named even when unset."""
    every = translate("reports", "All")
    lab = get_lab(uow_factory(), actor, flt.lab_id).name if flt.lab_id is not None else every
    described = [
        (QT_TRANSLATE_NOOP("reports", "Time period"), period_text(flt)),
        (QT_TRANSLATE_NOOP("reports", "Dental lab"), lab),
        (QT_TRANSLATE_NOOP("reports", "Payment method"),
         label(flt.method) if flt.method else every),
    ]
    if view == "orders":
        described.append((QT_TRANSLATE_NOOP("reports", "Payment status"),
                          label(flt.payment_status) if flt.payment_status else every))
    return tuple(described)


def lab_named(uow: UnitOfWork, actor: Actor, name: str) -> int:
    """The id of the dental lab called ``name`` (any letter case), as typed on a command line."""
    labs = list_labs(uow, actor, include_inactive=True)
    wanted = fold(" ".join(name.split()))
    for lab in labs:
        if fold(lab.name) == wanted:
            return lab.id
    raise ValidationError("lab", code="no_lab_named",
                          params={"name": name, "labs": [lab.name for lab in labs]})


def period_text(flt: FinanceFilter) -> str:
    """The filter's dates in the app's language, written its way."""
    locale = default_language()
    start, end = date_text(flt.date_from, locale), date_text(flt.date_to, locale)
    if start and end:
        return translate("reports", "{start} to {end}").format(start=start, end=end)
    if start:
        return translate("reports", "from {start}").format(start=start)
    if end:
        return translate("reports", "until {end}").format(end=end)
    return translate("reports", "All dates")


def lab_cells(row: LabFinanceRow) -> Row:
    return (row.lab_name, row.currency, row.order_count, row.paid.minor, row.total.minor,
            row.outstanding.minor)


def order_cells(orders: Iterable[finance.OrderValues]) -> Iterator[Row]:
    """The Work orders tab's rows as the report prints them (money in minor units)."""
    # Each label translated once per export, not once a row; looked up by stored value.
    methods: dict[str | None, str] = {m.value: label(m) for m in PaymentMethod}
    methods[None] = ""
    statuses = {s.value: label(s) for s in OrderStatus}
    payments = {s.value: label(s) for s in PaymentStatus}
    for batch in batches(orders):  # a column at a time: no Python call for each row
        number, lab, method, currency, paid, total, left, status, payment, day = columns(
            batch, 10)
        yield from zip(map(format_number, number), lab, map(methods.__getitem__, method),
                       currency, paid, total, left, map(statuses.__getitem__, status),
                       map(payments.__getitem__, payment), day, strict=True)


def _reporting(rows: Iterable[Row], total: int, progress: Progress | None) -> Iterator[Row]:
    """The rows, telling ``progress`` how far along they are; its False stops the export."""
    if progress is None:
        yield from rows
        return
    _tell(progress, 0, total)
    done = 0
    for step in batches(rows, PROGRESS_STEP):
        yield from step
        done += len(step)
        _tell(progress, done, total)


def _tell(progress: Progress, done: int, total: int) -> None:
    if not progress(done, total):
        raise ExportCancelled(translate("reports",
                                        "The export was cancelled; no file was written."))
