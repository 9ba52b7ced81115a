"""Lab scorecard: how each dental lab performs over a period, aggregated in SQL.

Per lab, over the orders documented in the period (cancelled ones never count, like finance):
orders; on-time rate = delivered on or before the due date, over the delivered orders that had
a due date; turnaround = sent to the lab (Publish) -> Delivered, in days to a quarter, median
(the lower middle value) and 90th percentile (nearest rank), also per service in whole days
(the service of the order's first item, WorkOrder.main_service_id); remakes
(count, and rate over the orders); average lateness = days late, averaged over the late
deliveries. The times come from WorkOrder.published_at/delivered_at, which the lifecycle steps
keep, with the local day of delivery and the minutes in between (migration 0004 filled them
from the activity log for older orders, on UTC days).

How the GUI uses it (the "Lab scorecard" tab of the finance page, needs View finance):
``lab_scorecard(uow, actor, ScorecardFilter(date_from, date_to, lab_id))`` -> LabScorecard with
``labs`` (table and chart) and ``by_service``; drill-down to a lab's orders: the order list with
OrderFilter(lab_id=...) or finance.order_rows with FinanceFilter(date_from, date_to, lab_id);
"Generate report": ``export_scorecard(uow_factory, actor, flt, fmt, target)`` with fmt "xlsx",
"pdf" or "csv" (the finance reports' writers).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import (
    ColumnElement,
    Select,
    func,
    literal_column,
    select,
)

from ..db.models import DentalLab, Service, WorkOrder
from ..documents.report_table import Column, ColumnKind, ReportTable, Row
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import (
    Actor,
    FinanceFilter,
    LabScore,
    LabScorecard,
    ScorecardFilter,
    TurnaroundByService,
)
from ..domain.errors import ValidationError
from ..domain.formats import DEFAULT_LOCALE
from .finance import counted_orders
from .guards import authorize
from .masterdata import get_lab
from .reports import FORMATS, period_text, write_table
from .settings import get_settings
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

REPORT_TITLE = "Lab scorecard"
BUCKETS_PER_DAY = 4  # turnaround is counted in quarters of a day
MINUTES_PER_BUCKET = 24 * 60 // BUCKETS_PER_DAY
NOTE = ("Cancelled orders are excluded. Turnaround: sent to the lab to delivered, in days "
        "(to a quarter day); on time: delivered on or before the due date.")


def _check(flt: ScorecardFilter) -> None:
    validation.in_range(flt.date_from, "from")
    validation.in_range(flt.date_to, "to")
    validation.record_id(flt.lab_id, "dental lab")
    validation.date_range(flt.date_from, flt.date_to, "time period")


def _conditions(flt: ScorecardFilter) -> list[ColumnElement[bool]]:
    return counted_orders(flt.date_from, flt.date_to, flt.lab_id)


def _histogram(flt: ScorecardFilter) -> Select[int, int | None, int | None, int]:
    """Delivered orders per lab, service and turnaround in quarter days: one pass over the
    covering index, the turnaround computed once per order (grouped by its label). A few
    thousand rows, however many orders: labs × services × distinct quarter days."""
    minutes = WorkOrder.turnaround_minutes
    bucket = ((minutes + MINUTES_PER_BUCKET // 2) // MINUTES_PER_BUCKET).label("b")
    return (
        select(WorkOrder.lab_id, WorkOrder.main_service_id, bucket, func.count())
        .where(*_conditions(flt), minutes.is_not(None))
        .group_by(WorkOrder.lab_id, WorkOrder.main_service_id, literal_column("b"))
    )


_Times = dict[tuple[int, int, int | None], tuple[int, float, float]]


def _percentiles(histogram: Iterable[tuple[int, int | None, int | None, int]]) -> _Times:
    """Count, median (the lower middle value) and 90th percentile (nearest rank) in days per
    lab (key (0, lab, None)) and per lab and service (key (1, lab, service)), read off the
    cumulative bucket counts. SQLite has no percentile aggregate; walking the small histogram
    here costs a fraction of ranking it with window functions."""
    groups: dict[tuple[int, int, int | None], Counter[int]] = defaultdict(Counter)
    for lab, service, bucket, count in histogram:
        assert bucket is not None  # the query keeps only orders with a turnaround
        groups[(0, lab, None)][bucket] += count
        # Per service in whole days: a detail read in days anyway.
        whole_day = (bucket + BUCKETS_PER_DAY // 2) // BUCKETS_PER_DAY * BUCKETS_PER_DAY
        groups[(1, lab, service)][whole_day] += count
    times: _Times = {}
    for key, counts in groups.items():
        total, upto, median = counts.total(), 0, None
        for bucket in sorted(counts):
            upto += counts[bucket]
            if median is None and upto * 2 >= total:
                median = bucket
            if upto * 10 >= total * 9:
                assert median is not None  # the median is reached no later than the 90th
                times[key] = (total, median / BUCKETS_PER_DAY, bucket / BUCKETS_PER_DAY)
                break
    return times


def lab_scorecard(uow: UnitOfWork, actor: Actor, flt: ScorecardFilter) -> LabScorecard:
    """Every lab with orders in the period, by name; see the module text for the measures."""
    _check(flt)
    delivered = WorkOrder.delivered_on.is_not(None)
    rated = delivered & WorkOrder.due_date.is_not(None)
    late = rated & (WorkOrder.delivered_on > WorkOrder.due_date)
    lateness = func.julianday(WorkOrder.delivered_on) - func.julianday(WorkOrder.due_date)
    # Grouped by lab only, in the index's order: no sort.
    per_lab = (
        select(WorkOrder.lab_id, func.count(), func.count().filter(delivered),
               func.count().filter(rated), func.count().filter(rated & ~late),
               func.count().filter(WorkOrder.is_remake.is_(True)),
               func.avg(lateness).filter(late))
        .where(*_conditions(flt)).group_by(WorkOrder.lab_id)
    )
    with uow.reading():
        authorize(uow, actor, Action.VIEW_FINANCE)
        labs = {lab_id: name for lab_id, name in uow.session.execute(
            select(DentalLab.id, DentalLab.name))}
        services: dict[int | None, str] = {
            service_id: name
            for service_id, name in uow.session.execute(select(Service.id, Service.name))}
        times = _percentiles(uow.session.execute(_histogram(flt)).all())
        counts = uow.session.execute(per_lab).all()
    scores = []
    for lab_id, orders, delivered, rated, on_time, remakes, lateness in counts:
        _n, median, p90 = times.get((0, lab_id, None), (0, None, None))
        scores.append(LabScore(
            lab_id=lab_id, lab_name=labs[lab_id], orders=orders, delivered=delivered,
            rated=rated, on_time=on_time, remakes=remakes, median_days=median, p90_days=p90,
            average_lateness_days=lateness))
    by_service = [
        TurnaroundByService(lab_id=lab, lab_name=labs[lab], service=services.get(service, ""),
                            delivered=count, median_days=median, p90_days=p90)
        for (per_service, lab, service), (count, median, p90) in times.items() if per_service
    ]
    # By name as the finance tabs list labs, so the two pages agree.
    scores.sort(key=lambda s: (s.lab_name, s.lab_id))
    by_service.sort(key=lambda s: (s.lab_name, s.lab_id, s.service))
    return LabScorecard(labs=tuple(scores), by_service=tuple(by_service))


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
    uow_factory: UnitOfWorkFactory, actor: Actor, flt: ScorecardFilter, fmt: str, target: Path,
    locale: str = DEFAULT_LOCALE,
) -> Path:
    """Write the scorecard with its filters to ``target`` as XLSX, PDF or CSV; returns it."""
    if fmt not in FORMATS:
        raise ValidationError("format", code="one_of", params={"choices": list(FORMATS)})
    target = Path(target)
    if not target.parent.is_dir():
        raise ValidationError("file", code="no_folder", params={"path": str(target.parent)})
    card = lab_scorecard(uow_factory(), actor, flt)
    uow = uow_factory()
    settings = get_settings(uow)
    lab = get_lab(uow_factory(), actor, flt.lab_id).name if flt.lab_id is not None else "All"
    rows = [score_cells(s) for s in card.labs]
    table = ReportTable(
        title=REPORT_TITLE, organisation=settings.name, view="Dental labs",
        filters=(("Time period", period_text(FinanceFilter(flt.date_from, flt.date_to), locale)),
                 ("Dental lab", lab)),
        generated_at=uow.now(), columns=COLUMNS, rows=rows, row_count=len(rows),
        count_nouns=("lab", "labs"), note=NOTE, locale=locale,
    )
    return write_table(table, fmt, target, settings.paper_size)
