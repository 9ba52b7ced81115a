"""Lab scorecard: on-time rate, turnaround median and 90th percentile, remakes, lateness, the
stored step times it reads, and its export."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dentasync_desktop.db.models import WorkOrder
from dentasync_desktop.domain.dto import OrderDetail, ScorecardFilter
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import PermissionDenied, ValidationError
from dentasync_desktop.services import orders, scorecard
from dentasync_desktop.services.order_detail import get_order

from ..factories import World
from .conftest import Clock
from .helpers import new_order, refused

SENT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def delivered(world: World, clock: Clock, days: float, due: date | None, **order: object
              ) -> OrderDetail:
    """An order sent to the lab at SENT and delivered ``days`` later."""
    clock.set(SENT)
    detail = new_order(world, documented_at=date(2026, 11, 2), due_date=due, **order)
    for step in (orders.publish, orders.start_production, orders.produce):
        detail = step(world.uow(), world.admin, detail.id, detail.version)
    detail = orders.ship(world.uow(), world.admin, detail.id, detail.version, "DHL")
    clock.set(SENT + timedelta(days=days))
    return orders.deliver(world.uow(), world.admin, detail.id, detail.version)


def stored_times(world: World, order_id: int) -> tuple[object, ...]:
    with world.uow() as uow:
        order = uow.session.get(WorkOrder, order_id)
        assert order is not None
        return (order.published_at, order.delivered_at, order.delivered_on,
                order.turnaround_minutes)


def test_scores_per_lab(timed: World, clock: Clock) -> None:
    due = date(2026, 11, 9)
    for days in (3, 5, 7):  # on time
        delivered(timed, clock, days, due)
    delivered(timed, clock, 10, due)  # 3 days late (Nov 12)
    late = delivered(timed, clock, 12, due)  # 5 days late
    orders.mark_remake(timed.uow(), timed.admin, late.id, late.version, 1, "Shade")
    delivered(timed, clock, 2, None)  # no due date: not rated
    clock.set(SENT)
    new_order(timed, documented_at=date(2026, 11, 2))  # draft: counts as an order only
    cancelled = new_order(timed, documented_at=date(2026, 11, 2))
    orders.cancel(timed.uow(), timed.admin, cancelled.id, cancelled.version, "Duplicate")
    delivered(timed, clock, 4, due, lab_id=timed.lab2_id)

    card = scorecard.lab_scorecard(timed.uow(), timed.admin, ScorecardFilter())
    # By name as the finance tabs order them (code points: Ł after Z).
    assert [s.lab_name for s in card.labs] == ["Zahntechnik Müller GmbH", "Łukasz Dental Lab"]
    main, other = card.labs
    assert (main.orders, main.delivered, main.rated, main.on_time, main.late, main.remakes) == (
        7, 6, 5, 3, 2, 1)
    assert main.on_time_rate == pytest.approx(0.6)
    assert main.remake_rate == pytest.approx(1 / 7)
    assert main.median_days == pytest.approx(5.0)  # 2 3 [5] 7 10 12: the lower middle value
    assert main.p90_days == pytest.approx(12.0)  # nearest rank: the 6th of 6
    assert main.average_lateness_days == pytest.approx(4.0)
    assert (other.orders, other.on_time, other.median_days, other.p90_days) == (1, 1, 4.0, 4.0)
    assert [(s.lab_name, s.service, s.delivered, s.median_days) for s in card.by_service] == [
        ("Zahntechnik Müller GmbH", "Zirconia crown", 6, 5.0),
        ("Łukasz Dental Lab", "Zirconia crown", 1, 4.0)]
    only = scorecard.lab_scorecard(timed.uow(), timed.admin, ScorecardFilter(
        date_from=date(2026, 11, 3), lab_id=timed.lab_id))
    assert only.labs == () and only.by_service == ()


def test_step_times_follow_the_lifecycle(timed: World, clock: Clock) -> None:
    order = delivered(timed, clock, 5, None)
    delivered_at = SENT + timedelta(days=5)
    assert stored_times(timed, order.id) == (
        SENT, delivered_at, delivered_at.astimezone().date(), 5 * 24 * 60)
    order = orders.move_back(timed.uow(), timed.admin, order.id, order.version, "Wrong box")
    assert stored_times(timed, order.id) == (SENT, None, None, None)
    for _ in range(3):
        order = orders.move_back(timed.uow(), timed.admin, order.id, order.version, "Redo")
    order = orders.move_back(timed.uow(), timed.admin, order.id, order.version, "Redo")
    assert get_order(timed.uow(), timed.admin, order.id).status.value == "draft"
    assert stored_times(timed, order.id) == (None, None, None, None)


def test_refusals_and_export(world: World, tmp_path: Path) -> None:
    with refused(world, PermissionDenied):
        scorecard.lab_scorecard(world.uow(), world.actors[Role.TECHNICIAN], ScorecardFilter())
    with refused(world, ValidationError, "^Time period"):
        scorecard.lab_scorecard(world.uow(), world.admin, ScorecardFilter(
            date_from=date(2026, 11, 2), date_to=date(2026, 11, 1)))
    new_order(world)
    flt = ScorecardFilter(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))
    xlsx = scorecard.export_scorecard(world.uow, world.admin, flt, "xlsx", tmp_path / "s.xlsx")
    sheet = load_workbook(xlsx).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Zahntechnik Müller GmbH" in values and "Work orders" in values
    for fmt in ("pdf", "csv"):
        path = scorecard.export_scorecard(world.uow, world.admin, flt, fmt, tmp_path / f"s.{fmt}")
        assert path.stat().st_size > 0
    assert "Zahntechnik Müller GmbH" in (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    with refused(world, ValidationError, "^Format"):
        scorecard.export_scorecard(world.uow, world.admin, flt, "doc", tmp_path / "s.doc")
