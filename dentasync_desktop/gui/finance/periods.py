"""The time periods the finance filters offer, as date ranges on the documented date."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class Period(StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    ALL = "all"
    CUSTOM = "custom"


def period_range(period: Period, today: date) -> tuple[date | None, date | None]:
    """First and last day (inclusive) of ``period`` around ``today``; (None, None) for all.

    CUSTOM has no range of its own: the caller takes the dates the user typed.
    """
    if period is Period.THIS_MONTH:
        return today.replace(day=1), _month_end(today)
    if period is Period.LAST_MONTH:
        last_month = today.replace(day=1) - timedelta(days=1)
        return last_month.replace(day=1), last_month
    if period is Period.THIS_QUARTER:
        first_month = (today.month - 1) // 3 * 3 + 1
        start = date(today.year, first_month, 1)
        return start, _month_end(date(today.year, first_month + 2, 1))
    if period is Period.THIS_YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    return None, None


def _month_end(day: date) -> date:
    next_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return next_month - timedelta(days=1)
