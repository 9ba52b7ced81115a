"""The seat-readiness rule: which appointments warn, from when, and what they say."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dentasync_desktop.domain.enums import EventKind, OrderStatus
from dentasync_desktop.domain.readiness import (
    BACK_FROM_LAB,
    CASE_NOT_BACK,
    SEAT_KINDS,
    SeatWarning,
    seat_warning,
)

TODAY = date(2026, 11, 20)


def test_try_in_in_two_days_with_the_case_in_production_warns() -> None:
    warning = seat_warning(EventKind.TRY_IN, TODAY + timedelta(days=2), False,
                           OrderStatus.IN_PRODUCTION, TODAY)
    assert warning == SeatWarning(CASE_NOT_BACK, EventKind.TRY_IN, 2, OrderStatus.IN_PRODUCTION)
    assert warning.text("en") == "Case not back: try-in in 2 days (the order is in production)"


@pytest.mark.parametrize(("days", "text"), [(0, "today"), (1, "tomorrow"), (2, "in 2 days")])
def test_the_message_names_the_day(days: int, text: str) -> None:
    warning = seat_warning(EventKind.DELIVERY, TODAY + timedelta(days=days), False,
                           OrderStatus.PUBLISHED, TODAY)
    assert warning is not None and f"delivery {text}" in warning.text("en")


@pytest.mark.parametrize("status", sorted(BACK_FROM_LAB | {OrderStatus.CANCELLED}))
def test_back_from_the_lab_or_cancelled_never_warns(status: OrderStatus) -> None:
    assert seat_warning(EventKind.TRY_IN, TODAY, False, status, TODAY) is None


def test_other_kinds_done_events_past_and_far_ones_do_not_warn() -> None:
    status = OrderStatus.DRAFT
    assert seat_warning(EventKind.IMPRESSION, TODAY, False, status, TODAY) is None
    assert seat_warning(EventKind.TRY_IN, TODAY, True, status, TODAY) is None
    assert seat_warning(EventKind.TRY_IN, TODAY - timedelta(days=1), False, status, TODAY) is None
    assert seat_warning(EventKind.TRY_IN, TODAY + timedelta(days=3), False, status, TODAY) is None
    assert seat_warning(EventKind.TRY_IN, TODAY + timedelta(days=3), False, status, TODAY,
                        days=3) is not None


@given(kind=st.sampled_from(EventKind), status=st.sampled_from(OrderStatus),
       offset=st.integers(-40, 40), days=st.integers(0, 30), done=st.booleans())
def test_warns_exactly_inside_the_window(kind: EventKind, status: OrderStatus, offset: int,
                                         days: int, done: bool) -> None:
    warning = seat_warning(kind, TODAY + timedelta(days=offset), done, status, TODAY, days)
    expected = (kind in SEAT_KINDS and not done and 0 <= offset <= days
                and status not in BACK_FROM_LAB and status is not OrderStatus.CANCELLED)
    assert (warning is not None) is expected
    if warning is not None:
        assert (warning.days_until, warning.kind, warning.status) == (offset, kind, status)


def test_the_words_follow_the_readers_language() -> None:
    warning = seat_warning(EventKind.TRY_IN, TODAY + timedelta(days=2), False,
                           OrderStatus.PUBLISHED, TODAY)
    assert warning is not None
    german = warning.text("de")
    assert german != warning.text("en") and "Einprobe" in german and "2 Tagen" in german
