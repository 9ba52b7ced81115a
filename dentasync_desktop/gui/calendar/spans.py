"""Which days a view shows, stepping through them, and laying out overlapping events.

Plain Python (no widgets) so the rules are easy to test and to reuse by each view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from ...domain.dto import CalendarEvent

MONTH_CELLS = 42  # six weeks: every month fits, and the grid never changes height


class ViewMode(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    AGENDA = "agenda"


@dataclass(frozen=True, slots=True)
class Span:
    """The days a view shows: ``first`` and ``count`` days on, plus the month it is about."""

    first: date
    count: int
    month: date | None = None  # the first of the month the month view/agenda is about

    @property
    def last(self) -> date:
        return self.first + timedelta(days=self.count - 1)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(self.count)]


def week_start(day: date, first_weekday: int) -> date:
    """The first day of ``day``'s week; ``first_weekday`` is 1 (Monday) .. 7 (Sunday)."""
    return day - timedelta(days=(day.isoweekday() - first_weekday) % 7)


def span_of(mode: ViewMode, anchor: date, first_weekday: int = 1) -> Span:
    if mode is ViewMode.DAY:
        return Span(anchor, 1)
    if mode is ViewMode.WEEK:
        return Span(week_start(anchor, first_weekday), 7)
    month = anchor.replace(day=1)
    if mode is ViewMode.AGENDA:
        return Span(month, (_add_months(month, 1) - month).days, month)
    return Span(week_start(month, first_weekday), MONTH_CELLS, month)


def step(mode: ViewMode, anchor: date, direction: int) -> date:
    """The anchor one day, week or month before (-1) or after (+1) ``anchor``."""
    if mode is ViewMode.DAY:
        return anchor + timedelta(days=direction)
    if mode is ViewMode.WEEK:
        return anchor + timedelta(days=7 * direction)
    return _add_months(anchor, direction)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    first = date(year, month + 1, 1)
    following = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return first.replace(day=min(day.day, (following - first).days))


def local_start(event: CalendarEvent) -> datetime:
    """The event's start in the computer's time zone (what the grid shows)."""
    return event.starts_at.astimezone()


def by_day(events: Sequence[CalendarEvent]) -> dict[date, list[CalendarEvent]]:
    """Events grouped by their local start date, each day in start order."""
    days: dict[date, list[CalendarEvent]] = {}
    for event in events:
        days.setdefault(local_start(event).date(), []).append(event)
    return days


def lanes(events: Sequence[CalendarEvent]) -> dict[int, tuple[int, int]]:
    """Side-by-side placement of one day's events: id -> (lane, lanes in its overlap group).

    Events that overlap in time share the width of the day; each takes the first free lane.
    """
    placed: dict[int, tuple[int, int]] = {}
    group: list[tuple[int, int]] = []  # (event id, lane) of the current overlap group
    lane_ends: list[datetime] = []
    group_end: datetime | None = None

    def close_group() -> None:
        for event_id, lane in group:
            placed[event_id] = (lane, len(lane_ends))

    for event in sorted(events, key=lambda e: (e.starts_at, e.id)):
        start, end = event.starts_at, max(event.ends_at, event.starts_at + timedelta(minutes=1))
        if group_end is not None and start >= group_end:
            close_group()
            group, lane_ends, group_end = [], [], None
        lane = next((i for i, lane_end in enumerate(lane_ends) if lane_end <= start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(end)
        else:
            lane_ends[lane] = end
        group.append((event.id, lane))
        group_end = end if group_end is None else max(group_end, end)
    close_group()
    return placed
