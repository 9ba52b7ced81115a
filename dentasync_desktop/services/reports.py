"""Finance reports: exactly one tab of the finance page, with its filters, as XLSX, PDF or CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal, get_args

from ..documents.report_table import Column, ColumnKind, ReportTable, Row
from ..domain.actions import Action
from ..domain.dto import Actor, FinanceFilter, LabFinanceRow, OrderFinanceRow
from ..domain.errors import DomainError, ValidationError
from ..domain.formats import DEFAULT_LOCALE, date_text
from ..domain.text import fold
from ..paths import bundled
from . import finance
from .guards import authorize
from .masterdata import get_lab, list_labs
from .output_target import checked_target
from .settings import get_settings
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

View = Literal["labs", "orders"]
Format = Literal["xlsx", "pdf", "csv"]
VIEWS: tuple[str, ...] = get_args(View)
FORMATS: tuple[str, ...] = get_args(Format)
VIEW_TITLES = {"labs": "Dental labs", "orders": "Work orders"}
REPORT_TITLE = "Finance report"
EXCLUDED_NOTE = "Cancelled orders are excluded."
# How often (in rows) the progress callback hears from a long export.
PROGRESS_STEP = 500

Progress = Callable[[int, int], bool]

LAB_COLUMNS = (
    Column("Dental lab", ColumnKind.TEXT, 32),
    Column("Currency", ColumnKind.TEXT, 8),
    Column("Work orders", ColumnKind.INT, 11, total=True),
    Column("Paid", ColumnKind.MONEY, 15),
    Column("Total", ColumnKind.MONEY, 15),
    Column("Outstanding", ColumnKind.MONEY, 15),
)

ORDER_COLUMNS = (
    Column("Number", ColumnKind.TEXT, 10),
    Column("Dental lab", ColumnKind.TEXT, 30),
    Column("Payment method", ColumnKind.TEXT, 14),
    Column("Currency", ColumnKind.TEXT, 8),
    Column("Paid", ColumnKind.MONEY, 14),
    Column("Total", ColumnKind.MONEY, 14),
    Column("Outstanding", ColumnKind.MONEY, 14),
    Column("Status", ColumnKind.TEXT, 13),
    Column("Payment status", ColumnKind.TEXT, 14),
    Column("Documented", ColumnKind.DATE, 11),
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
    locale: str = DEFAULT_LOCALE,
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
    filters = describe_filter(uow_factory, actor, view, flt, locale)

    rows: Iterable[Row]
    columns: tuple[Column, ...]
    if view == "labs":
        lab_rows = finance.lab_rows(uow_factory(), actor, flt)
        count = len(lab_rows)
        rows, columns, nouns = map(lab_cells, lab_rows), LAB_COLUMNS, ("lab", "labs")
    else:
        count = finance.order_count(uow_factory(), actor, flt)
        streamed = finance.iter_order_rows(uow_factory(), actor, flt, sort_key=sort_key,
                                           descending=descending)
        rows, columns = map(order_cells, streamed), ORDER_COLUMNS
        nouns = ("work order", "work orders")
    table = ReportTable(
        title=REPORT_TITLE, organisation=settings.name, view=VIEW_TITLES[view],
        filters=filters, generated_at=generated_at, columns=columns,
        rows=_reporting(rows, count, progress), row_count=count, count_nouns=nouns,
        note=EXCLUDED_NOTE, locale=locale,
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
    uow_factory: UnitOfWorkFactory, actor: Actor, view: str, flt: FinanceFilter,
    locale: str = DEFAULT_LOCALE,
) -> tuple[tuple[str, str], ...]:
    """The filters as a reader of the report needs them, every one named even when unset."""
    lab = get_lab(uow_factory(), actor, flt.lab_id).name if flt.lab_id is not None else "All"
    described = [
        ("Time period", period_text(flt, locale)),
        ("Dental lab", lab),
        ("Payment method", flt.method.label if flt.method else "All"),
    ]
    if view == "orders":
        described.append(("Payment status",
                          flt.payment_status.label if flt.payment_status else "All"))
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


def period_text(flt: FinanceFilter, locale: str = DEFAULT_LOCALE) -> str:
    start, end = date_text(flt.date_from, locale), date_text(flt.date_to, locale)
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return "All dates"


def lab_cells(row: LabFinanceRow) -> Row:
    return (row.lab_name, row.currency, row.order_count, row.paid, row.total, row.outstanding)


def order_cells(row: OrderFinanceRow) -> Row:
    return (
        row.number_text, row.lab_name, row.payment_method.label if row.payment_method else "",
        row.total.currency, row.paid, row.total, row.outstanding, row.status.label,
        row.payment_status.label, row.documented_at,
    )


def _reporting(rows: Iterable[Row], total: int, progress: Progress | None) -> Iterator[Row]:
    """The rows, telling ``progress`` how far along they are; its False stops the export."""
    if progress is None:
        yield from rows
        return
    _tell(progress, 0, total)
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_STEP == 0:
            _tell(progress, done, total)
    if done % PROGRESS_STEP:
        _tell(progress, done, total)


def _tell(progress: Progress, done: int, total: int) -> None:
    if not progress(done, total):
        raise ExportCancelled("The export was cancelled; no file was written.")
