"""Seat-readiness: a try-in or delivery is only useful if the case is back from the lab.

Pure rule, shared by the event save (a warning, never a refusal), the calendar, the Today board
and the reminders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..i18n import in_sentence, label, translate
from .enums import EventKind, OrderStatus

# The case is in the practice (or on its way with tracking): nothing to warn about.
BACK_FROM_LAB = frozenset({OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED})
SEAT_KINDS = frozenset({EventKind.TRY_IN, EventKind.DELIVERY})
DEFAULT_WARNING_DAYS = 2
MAX_WARNING_DAYS = 30
CASE_NOT_BACK = "case_not_back"


@dataclass(frozen=True, slots=True)
class SeatWarning:
    """``code`` for programs, the parameters for the words ``text`` puts them in."""

    code: str
    kind: EventKind
    days_until: int  # 0 = today
    status: OrderStatus

    def text(self, language: str | None = None) -> str:
        """"Case not back: try-in in 2 days (the order is in production)" in ``language``
        (None: the process's), for the screen and the printed agenda alike."""
        days = self.days_until  # a plain name: lupdate reads only that as a plural's count
        if days == 0:
            when = translate("readiness", "today", None, language)
        elif days == 1:
            when = translate("readiness", "tomorrow", None, language)
        else:
            when = translate("readiness", "in %n day(s)", None, language, days)
        return translate("readiness", "Case not back: {kind} {when} (the order is {status})",
                         None, language).format(
            kind=in_sentence(label(self.kind, language), language), when=when,
            status=in_sentence(label(self.status, language), language))


def seat_warning(
    kind: EventKind, starts_on: date, done: bool, status: OrderStatus, today: date,
    days: int = DEFAULT_WARNING_DAYS,
) -> SeatWarning | None:
    """The warning for an appointment on ``starts_on`` (local date), or None.

    Warns for an open try-in or delivery from ``days`` days before it until its day, while the
    order is neither back from the lab nor cancelled (a cancelled order's appointment is moot).
    """
    if kind not in SEAT_KINDS or done:
        return None
    if status in BACK_FROM_LAB or status is OrderStatus.CANCELLED:
        return None
    days_until = (starts_on - today).days
    if not 0 <= days_until <= days:
        return None
    return SeatWarning(CASE_NOT_BACK, kind, days_until, status)
