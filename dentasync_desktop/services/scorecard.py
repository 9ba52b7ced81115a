"""Lab scorecard: how each dental lab performs over a period, computed in SQL.

Per lab, over the orders documented in the period (cancelled ones never count, like finance):
orders; on-time rate = delivered on or before the due date, over the delivered orders that had
a due date; turnaround = sent to the lab (Publish) -> Delivered, in days, median and 90th
percentile (nearest rank), also per service (the service of the order's first item); remakes
(count, and rate over the orders); average lateness = days late, averaged over the late
deliveries. The times come from WorkOrder.published_at/delivered_at, which the lifecycle steps
keep (migration 0003 filled them from the activity log for older orders). Days are counted on
the stored UTC dates.

How the GUI uses it (the "Lab scorecard" tab of the finance page, needs View finance):
``lab_scorecard(uow, actor, ScorecardFilter(date_from, date_to, lab_id))`` -> LabScorecard with
``labs`` (table and chart) and ``by_service``; drill-down to a lab's orders: the order list with
OrderFilter(lab_id=...) or finance.order_rows with FinanceFilter(date_from, date_to, lab_id);
"Generate report": ``export_scorecard(uow_factory, actor, flt, fmt, target)`` with fmt "xlsx",
"pdf" or "csv" (the finance reports' writers).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from ..db.models import DentalLab, Service, WorkOrder, WorkOrderItem
from ..documents.csv_report import write_csv
from ..documents.pdf_report import write_pdf
from ..documents.report_table import Column, ColumnKind, ReportTable, Row
from ..documents.xlsx_report import write_xlsx
from ..domain.actions import Action
from ..domain.dto import (
    Actor,
    FinanceFilter,
    LabScore,
    LabScorecard,
    ScorecardFilter,
    TurnaroundByService,
)
from ..domain.enums import OrderStatus
from ..domain.errors import ValidationError
from ..paths import bundled
from .guards import authorize
from .masterdata import get_lab
from .reports import FORMATS, period_text
from .settings import get_settings
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

REPORT_TITLE = "Lab scorecard"
NOTE = ("Cancelled orders are excluded. Turnaround: sent to the lab to delivered, in days; "
        "on time: delivered on or before the due date.")


def _check(flt: ScorecardFilter) -> None:
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError("time period", "the start date is after the end date")


def _conditions(flt: ScorecardFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [WorkOrder.status != OrderStatus.CANCELLED]
    if flt.date_from is not None:
        conditions.append(WorkOrder.documented_at >= flt.date_from)
    if flt.date_to is not None:
        conditions.append(WorkOrder.documented_at <= flt.date_to)
    if flt.lab_id is not None:
        conditions.append(WorkOrder.lab_id == flt.lab_id)
    return conditions


def _turnaround_days() -> ColumnElement[float]:
    return func.julianday(WorkOrder.delivered_at) - func.julianday(WorkOrder.published_at)


def _lateness_days() -> ColumnElement[float]:
    return func.julianday(func.date(WorkOrder.delivered_at)) - func.julianday(WorkOrder.due_date)


def _percentiles(source: Select[Any], *groups: str) -> Select[Any]:
    """Median (mean of the middle one or two) and 90th percentile (nearest rank) of ``days``
    per group, with window functions: SQLite has no percentile aggregate."""
    inner = source.subquery()
    keys = [inner.c[g] for g in groups]
    ranked = select(
        *keys, inner.c.days,
        func.row_number().over(partition_by=keys, order_by=inner.c.days).label("rn"),
        func.count().over(partition_by=keys).label("n"),
    ).subquery()
    rn, n = ranked.c.rn, ranked.c.n
    rank_keys = [ranked.c[g] for g in groups]
    return select(
        *rank_keys, func.max(n),
        func.avg(ranked.c.days).filter(rn.in_([(n + 1) // 2, (n + 2) // 2])),
        func.min(ranked.c.days).filter(rn * 10 >= n * 9),
    ).group_by(*rank_keys)


def lab_scorecard(uow: UnitOfWork, actor: Actor, flt: ScorecardFilter) -> LabScorecard:
    """Every lab with orders in the period, by name; see the module text for the measures."""
    authorize(actor, Action.VIEW_FINANCE)
    _check(flt)
    conditions = _conditions(flt)
    delivered = WorkOrder.delivered_at.is_not(None)
    rated = delivered & WorkOrder.due_date.is_not(None)
    late = rated & (func.date(WorkOrder.delivered_at) > WorkOrder.due_date)
    counts = (
        select(WorkOrder.lab_id, func.count().label("orders"),
               func.count().filter(delivered).label("delivered"),
               func.count().filter(rated).label("rated"),
               func.count().filter(rated & ~late).label("on_time"),
               func.count().filter(WorkOrder.is_remake.is_(True)).label("remakes"),
               func.avg(_lateness_days()).filter(late).label("lateness"))
        .where(*conditions).group_by(WorkOrder.lab_id).subquery()
    )
    timed = delivered & WorkOrder.published_at.is_not(None)
    per_lab = _percentiles(
        select(WorkOrder.lab_id, _turnaround_days().label("days")).where(*conditions, timed),
        "lab_id")
    first_item = (WorkOrderItem.order_id == WorkOrder.id) & (WorkOrderItem.position == 1)
    per_service = _percentiles(
        select(WorkOrder.lab_id, func.coalesce(Service.name, "").label("service"),
               _turnaround_days().label("days"))
        .outerjoin(WorkOrderItem, first_item)
        .outerjoin(Service, Service.id == WorkOrderItem.service_id)
        .where(*conditions, timed),
        "lab_id", "service")
    with uow:
        names = {lab_id: name for lab_id, name in uow.session.execute(
            select(DentalLab.id, DentalLab.name))}
        times = {lab: (median, p90) for lab, _n, median, p90 in
                 uow.session.execute(per_lab)}
        labs = [
            LabScore(lab_id=r.lab_id, lab_name=names[r.lab_id], orders=r.orders,
                     delivered=r.delivered, rated=r.rated, on_time=r.on_time, remakes=r.remakes,
                     median_days=times.get(r.lab_id, (None, None))[0],
                     p90_days=times.get(r.lab_id, (None, None))[1],
                     average_lateness_days=r.lateness)
            for r in uow.session.execute(select(counts))
        ]
        services = [
            TurnaroundByService(lab_id=lab, lab_name=names[lab], service=service, delivered=n,
                                median_days=median, p90_days=p90)
            for lab, service, n, median, p90 in uow.session.execute(per_service)
        ]
    # By name as the finance tabs list labs, so the two pages agree.
    labs.sort(key=lambda s: (s.lab_name, s.lab_id))
    services.sort(key=lambda s: (s.lab_name, s.lab_id, s.service))
    return LabScorecard(labs=tuple(labs), by_service=tuple(services))


COLUMNS = (
    Column("Dental lab", ColumnKind.TEXT, 30),
    Column("Work orders", ColumnKind.INT, 11),
    Column("Delivered", ColumnKind.INT, 10),
    Column("On time", ColumnKind.TEXT, 9),
    Column("Median days", ColumnKind.TEXT, 11),
    Column("90% days", ColumnKind.TEXT, 9),
    Column("Remakes", ColumnKind.INT, 8),
    Column("Remake rate", ColumnKind.TEXT, 11),
    Column("Avg. days late", ColumnKind.TEXT, 13),
)


def percent_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f} %"


def days_text(days: float | None) -> str:
    return "—" if days is None else f"{days:.1f}"


def score_cells(score: LabScore) -> Row:
    return (score.lab_name, score.orders, score.delivered, percent_text(score.on_time_rate),
            days_text(score.median_days), days_text(score.p90_days), score.remakes,
            percent_text(score.remake_rate), days_text(score.average_lateness_days))


def export_scorecard(
    uow_factory: UnitOfWorkFactory, actor: Actor, flt: ScorecardFilter, fmt: str, target: Path
) -> Path:
    """Write the scorecard with its filters to ``target`` as XLSX, PDF or CSV; returns it."""
    if fmt not in FORMATS:
        raise ValidationError("format", f"must be one of {', '.join(FORMATS)}")
    target = Path(target)
    if not target.parent.is_dir():
        raise ValidationError("file", f"the folder {target.parent} does not exist")
    card = lab_scorecard(uow_factory(), actor, flt)
    uow = uow_factory()
    settings = get_settings(uow)
    lab = get_lab(uow_factory(), actor, flt.lab_id).name if flt.lab_id is not None else "All"
    rows = [score_cells(s) for s in card.labs]
    table = ReportTable(
        title=REPORT_TITLE, organisation=settings.name, view="Dental labs",
        filters=(("Time period", period_text(FinanceFilter(flt.date_from, flt.date_to))),
                 ("Dental lab", lab)),
        generated_at=uow.now(), columns=COLUMNS, rows=rows, row_count=len(rows),
        count_nouns=("lab", "labs"), note=NOTE,
    )
    if fmt == "xlsx":
        write_xlsx(table, target)
    elif fmt == "csv":
        write_csv(table, target)
    else:
        write_pdf(table, target, bundled("resources") / "fonts", settings.paper_size)
    return target
