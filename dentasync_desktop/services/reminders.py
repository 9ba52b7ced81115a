"""Reminders that fire: derived from events, seat-readiness, due dates and installments; each
user's answers (notified, dismissed, snoozed) stored per user, so two users on one database each
get their own and a dismissed reminder stays dismissed after a restart.

How the GUI uses it (one timer, no polling):
1. After sign-in call ``fire_reminders(uow, actor)``: it hands out every reminder that came due
   and was not handed out yet, and marks them handed out (exactly once per user, across
   restarts). Those with ``missed=True`` came due while the app was closed: list them ("missed
   reminders") rather than popping one tray message each.
2. Arm ONE single-shot timer for ``next_reminder_time(uow, actor)`` (None: nothing within
   HORIZON; re-check when the change bus reports an event, order or payment change, and at
   least at HORIZON). When it fires, call ``fire_reminders`` again: show a tray message
   (QSystemTrayIcon.showMessage) per returned reminder, refresh the bell, re-arm the timer.
3. The bell's panel lists ``due_reminders(uow, actor)`` (everything due and not dismissed, its
   count is the bell's number) with Open (``order_id``), Snooze
   (``snooze_reminder(uow, actor, key, minutes)``, SNOOZE_CHOICES) and Dismiss
   (``dismiss_reminder(uow, actor, key)``; ``dismiss_reminders`` for "Dismiss all"); both
   announce a REMINDER change for the user. Both return nothing; re-read the panel and
   re-arm the timer after them. A snoozed reminder fires again when the snooze ends.
``missed_reminders(uow, actor, since)`` lists what came due after ``since`` and is still
pending, for a "since you were last here" view. Every function takes an optional ``now`` (the
unit of work's clock by default), so tests drive time without sleeping.

What reminds (the last two switch off in the schedule settings, both on by default):
- an event's own reminder, at its start minus its reminder minutes, while the event is not done;
- seat-readiness: a try-in/delivery whose case is not back from the lab, at DAY_REMINDER_AT on
  the first day of the warning window (settings: seat_warning_days before the appointment);
- an order due tomorrow that is not back from the lab (neither Shipped, Delivered, Completed
  nor Cancelled), at DAY_REMINDER_AT the day before;
- an installment due today and not yet paid, at DAY_REMINDER_AT (only for users who may record
  payments).
Reminders more than LOOKBACK old are never handed out or listed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from ..db.functions import least
from ..db.models import Event, Installment, Patient, PaymentPlan, ReminderState, WorkOrder
from ..domain import formats, permissions, validation
from ..domain.actions import Action
from ..domain.dto import Actor, ReminderInfo, ReminderKind
from ..domain.enums import OrderStatus
from ..domain.errors import ValidationError
from ..domain.money import Money
from ..domain.numbers import format_number
from ..domain.readiness import BACK_FROM_LAB, SEAT_KINDS, seat_warning
from ..i18n import default_language, in_sentence, label, translate
from .changes import ChangeKind
from .guards import signed_in
from .settings import read_schedule
from .unit_of_work import UnitOfWork

LOOKBACK = timedelta(days=7)
HORIZON = timedelta(days=8)
MISSED_AFTER = timedelta(minutes=5)  # handed out this much after it came due: missed
DAY_REMINDER_AT = time(8, 0)  # local time of the day-based reminders
SNOOZE_CHOICES = (5, 15, 60)
MAX_SNOOZE = 7 * 24 * 60
MAX_EVENT_REMINDER = timedelta(days=7)  # services.events.MAX_REMINDER
NOT_BACK = tuple(s for s in OrderStatus if s not in BACK_FROM_LAB and s != OrderStatus.CANCELLED)
_KEY = re.compile(r"^(event|seat|due|installment):[0-9]+(:[0-9T-]+)?$")


def _local_at(day: date, at: time = DAY_REMINDER_AT) -> datetime:
    return datetime.combine(day, at).astimezone().astimezone(UTC)


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _patient(first: str, last: str) -> str:
    return f"{first} {last}".strip()


def _event_reminders(uow: UnitOfWork, lo: datetime, hi: datetime) -> list[ReminderInfo]:
    query = (
        select(Event.id, Event.kind, Event.starts_at, Event.reminder_minutes, Event.note,
               WorkOrder.id, WorkOrder.number, Patient.first_name, Patient.last_name)
        .join(WorkOrder, WorkOrder.id == Event.order_id)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .where(Event.starts_at >= lo, Event.starts_at <= hi + MAX_EVENT_REMINDER,
               Event.reminder_minutes.is_not(None), Event.done.is_(False),
               WorkOrder.status != OrderStatus.CANCELLED)
    )
    found = []
    for event_id, kind, starts, minutes, note, order_id, number, first, last in (
            uow.session.execute(query)):
        assert minutes is not None, "the query keeps only events with a reminder"
        due = starts - timedelta(minutes=minutes)
        if lo <= due <= hi:
            found.append(ReminderInfo(
                key=f"event:{event_id}:{starts:%Y%m%dT%H%M}", kind=ReminderKind.EVENT,
                due_at=due, order_id=order_id, order_number=number,
                title=translate("reminders", "{kind} {when}: {patient}").format(
                    kind=label(kind), when=formats.datetime_text(starts, default_language()),
                    patient=_patient(first, last)),
                detail=f"{format_number(number)}" + (f" · {note}" if note else ""),
                event_id=event_id, event_start=starts))
    return found


def _order_is(number: int, status: OrderStatus) -> str:
    """ "WO-000123 is in production", in the app's language (reminders are the desk's)."""
    return translate("reminders", "{order} is {status}").format(
        order=format_number(number), status=in_sentence(label(status)))


def _seat_reminders(uow: UnitOfWork, lo: datetime, hi: datetime, days: int
                    ) -> list[ReminderInfo]:
    query = (
        select(Event.id, Event.kind, Event.starts_at, WorkOrder.id, WorkOrder.number,
               WorkOrder.status, Patient.first_name, Patient.last_name)
        .join(WorkOrder, WorkOrder.id == Event.order_id)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .where(Event.starts_at >= lo, Event.starts_at <= hi + timedelta(days=days + 1),
               Event.kind.in_(SEAT_KINDS), Event.done.is_(False),
               WorkOrder.status.in_(NOT_BACK))
    )
    found = []
    for event_id, kind, starts, order_id, number, status, first, last in (
            uow.session.execute(query)):
        start_day = _local_day(starts)
        warn_from = start_day - timedelta(days=days)
        due = min(_local_at(warn_from), starts)
        warning = seat_warning(kind, start_day, False, status, warn_from, days)
        if lo <= due <= hi and warning is not None:
            found.append(ReminderInfo(
                key=f"seat:{event_id}:{start_day:%Y%m%d}", kind=ReminderKind.SEAT,
                due_at=due, order_id=order_id, order_number=number,
                title=translate("reminders", "Case not back: {kind} on {day}: {patient}").format(
                    kind=in_sentence(label(kind)),
                    day=formats.date_text(start_day, default_language()),
                    patient=_patient(first, last)),
                detail=_order_is(number, status),
                event_id=event_id, event_start=starts))
    return found


def _due_tomorrow_reminders(uow: UnitOfWork, lo: datetime, hi: datetime) -> list[ReminderInfo]:
    first, last = _local_day(lo) + timedelta(days=1), _local_day(hi) + timedelta(days=1)
    query = (
        select(WorkOrder.id, WorkOrder.number, WorkOrder.due_date, WorkOrder.status,
               Patient.first_name, Patient.last_name)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .where(WorkOrder.due_date >= first, WorkOrder.due_date <= last,
               WorkOrder.status.in_(NOT_BACK))
    )
    found = []
    for order_id, number, due_date, status, first_name, last_name in (
            uow.session.execute(query)):
        assert due_date is not None, "the query keeps only orders due in the window"
        due = _local_at(due_date - timedelta(days=1))
        if lo <= due <= hi:
            found.append(ReminderInfo(
                key=f"due:{order_id}:{due_date:%Y%m%d}", kind=ReminderKind.ORDER_DUE,
                due_at=due, order_id=order_id, order_number=number,
                title=translate("reminders", "Due tomorrow, not back from the lab: {patient}")
                .format(patient=_patient(first_name, last_name)),
                detail=_order_is(number, status)))
    return found


def unpaid_installments(first: date, last: date):  # type: ignore[no-untyped-def]
    """Installments due in [first, last] that payments do not cover yet (oldest first).

    Columns: installment id, due date, what is left to pay on it, currency, order id, number,
    patient first and last name. Payments settle installments oldest first (domain.payments).
    """
    # Only orders whose first unpaid installment (kept on the order) is due by ``last`` can
    # have one due in the range: the running sums then cover a handful of plans, not all.
    running = (
        select(Installment.id, Installment.due_date, Installment.amount_minor,
               PaymentPlan.order_id,
               func.sum(Installment.amount_minor).over(
                   partition_by=Installment.plan_id, order_by=Installment.seq).label("upto"))
        .join(PaymentPlan, PaymentPlan.id == Installment.plan_id)
        .join(WorkOrder, WorkOrder.id == PaymentPlan.order_id)
        .where(WorkOrder.unpaid_due_date <= last, WorkOrder.status != OrderStatus.CANCELLED)
        .subquery()
    )
    left = least(running.c.amount_minor, running.c.upto - WorkOrder.paid_minor)
    return (
        select(running.c.id, running.c.due_date, left.label("left"), WorkOrder.currency,
               WorkOrder.id, WorkOrder.number, Patient.first_name, Patient.last_name)
        .join(WorkOrder, WorkOrder.id == running.c.order_id)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .where(running.c.due_date >= first, running.c.due_date <= last,
               running.c.upto > WorkOrder.paid_minor,
               WorkOrder.status != OrderStatus.CANCELLED)
        .order_by(running.c.due_date, WorkOrder.number)
    )


def _installment_reminders(uow: UnitOfWork, lo: datetime, hi: datetime
                           ) -> list[ReminderInfo]:
    found = []
    query = unpaid_installments(_local_day(lo), _local_day(hi))
    for inst_id, due_date, left, currency, order_id, number, first, last in (
            uow.session.execute(query)):
        due = _local_at(due_date)
        if lo <= due <= hi:
            amount = Money(left, currency)
            found.append(ReminderInfo(
                key=f"installment:{inst_id}:{due_date:%Y%m%d}",
                kind=ReminderKind.INSTALLMENT_DUE, due_at=due, order_id=order_id,
                order_number=number,
                title=translate("reminders", "Installment due today: {patient}").format(
                    patient=_patient(first, last)),
                detail=translate("reminders", "{order}: {amount} to pay").format(
                    order=format_number(number),
                    amount=formats.money_text(amount, default_language())), amount=amount))
    return found


def _candidates(uow: UnitOfWork, actor: Actor, lo: datetime, hi: datetime
                ) -> list[ReminderInfo]:
    """Every reminder whose own due time is in [lo, hi], before anyone's answer to it."""
    schedule = read_schedule(uow)
    found = _event_reminders(uow, lo, hi) + _seat_reminders(uow, lo, hi,
                                                             schedule.seat_warning_days)
    if schedule.remind_orders_due_tomorrow:
        found += _due_tomorrow_reminders(uow, lo, hi)
    if schedule.remind_installments_due_today and permissions.allows(actor.role,
                                                                     Action.ADD_PAYMENT):
        found += _installment_reminders(uow, lo, hi)
    return found


def _states(uow: UnitOfWork, actor: Actor, keys: list[str]) -> dict[str, ReminderState]:
    if actor.user_id is None or not keys:
        return {}
    rows = uow.session.scalars(select(ReminderState).where(
        ReminderState.user_id == actor.user_id, ReminderState.key.in_(keys)))
    return {row.key: row for row in rows}


def _aware(now: datetime | None, uow: UnitOfWork) -> datetime:
    moment = uow.now() if now is None else now
    if moment.tzinfo is None:
        raise ValidationError("now", code="needs_time_zone")
    validation.in_range(moment, "now")  # look-back and horizon stay within datetime's years
    return moment.astimezone(UTC)


def _live(uow: UnitOfWork, actor: Actor, candidates: list[ReminderInfo]
          ) -> list[tuple[ReminderInfo, ReminderState | None]]:
    """The candidates this user has not dismissed, with their state; a snoozed one comes due
    when its snooze ends."""
    states = _states(uow, actor, [c.key for c in candidates])
    live = []
    for reminder in candidates:
        state = states.get(reminder.key)
        if state is not None and state.dismissed_at is not None:
            continue
        if state is not None and state.snoozed_until is not None:
            reminder = replace(reminder, due_at=state.snoozed_until, snoozed=True)
        live.append((reminder, state))
    return live


def _pending(uow: UnitOfWork, actor: Actor, now: datetime
             ) -> list[tuple[ReminderInfo, ReminderState | None]]:
    """Reminders due at ``now`` and not dismissed, with their state; snooze ends as due time."""
    pending = [(reminder, state) for reminder, state in
               _live(uow, actor, _candidates(uow, actor, now - LOOKBACK, now))
               if reminder.due_at <= now]
    pending.sort(key=lambda pair: (pair[0].due_at, pair[0].key))
    return pending


def _missed(reminder: ReminderInfo, handed_out: datetime) -> bool:
    return handed_out - reminder.due_at > MISSED_AFTER


def due_reminders(uow: UnitOfWork, actor: Actor, now: datetime | None = None
                  ) -> list[ReminderInfo]:
    """Everything due at ``now`` and not dismissed (snoozed ones once the snooze ended),
    oldest first: the bell's panel and its count."""
    with uow.reading():
        signed_in(uow, actor)
        moment = _aware(now, uow)
        return [replace(r, missed=_missed(r, s.notified_at if s and s.notified_at else moment))
                for r, s in _pending(uow, actor, moment)]


def missed_reminders(uow: UnitOfWork, actor: Actor, since: datetime,
                     now: datetime | None = None) -> list[ReminderInfo]:
    """Still-pending reminders that came due after ``since`` (e.g. when the app last ran)."""
    cut = _aware(since, uow)
    return [r for r in due_reminders(uow, actor, now) if r.due_at > cut]


def fire_reminders(uow: UnitOfWork, actor: Actor, now: datetime | None = None
                   ) -> list[ReminderInfo]:
    """Reminders that came due and were not handed out to this user yet; marks them handed out.

    A reminder is handed out once, and once more after each snooze ends. Only the user's own
    state changes (no activity entry: it is the user's inbox, not the lab's records).
    """
    with uow:
        signed_in(uow, actor)
        moment = _aware(now, uow)
        fresh = []
        for reminder, state in _pending(uow, actor, moment):
            if state is not None and state.notified_at is not None and (
                    state.snoozed_until is None or state.notified_at >= state.snoozed_until):
                continue
            fresh.append(replace(reminder, missed=_missed(reminder, moment)))
            if state is None:
                uow.session.add(ReminderState(user_id=actor.user_id, key=reminder.key,
                                              notified_at=moment))
            else:
                state.notified_at = moment
        uow.commit()
        return fresh


def next_reminder_time(uow: UnitOfWork, actor: Actor, now: datetime | None = None
                       ) -> datetime | None:
    """When the next reminder comes due after ``now`` (within HORIZON), or None."""
    with uow.reading():
        signed_in(uow, actor)
        moment = _aware(now, uow)
        candidates = _candidates(uow, actor, moment, moment + HORIZON)
        times = [reminder.due_at for reminder, _state in _live(uow, actor, candidates)]
        times += uow.session.scalars(select(ReminderState.snoozed_until).where(
            ReminderState.user_id == actor.user_id, ReminderState.dismissed_at.is_(None),
            ReminderState.snoozed_until > moment))
        later = [t for t in times if t > moment]
        return min(later) if later else None


def _state_for(uow: UnitOfWork, actor: Actor, key: str) -> ReminderState:
    if not _KEY.match(key or ""):
        raise ValidationError("reminder", code="not_reminder", params={"value": key})
    state = uow.session.scalar(select(ReminderState).where(
        ReminderState.user_id == actor.user_id, ReminderState.key == key))
    if state is None:
        state = ReminderState(user_id=actor.user_id, key=key)
        uow.session.add(state)
    return state


def dismiss_reminder(uow: UnitOfWork, actor: Actor, key: str,
                     now: datetime | None = None) -> None:
    """This user never sees the reminder ``key`` again (other users still do)."""
    dismiss_reminders(uow, actor, (key,), now)


def dismiss_reminders(uow: UnitOfWork, actor: Actor, keys: tuple[str, ...],
                      now: datetime | None = None) -> None:
    """Dismiss several reminders in one transaction (the panel's "Dismiss all")."""
    with uow:
        signed_in(uow, actor)
        moment = _aware(now, uow)
        for key in keys:
            state = _state_for(uow, actor, key)
            state.dismissed_at, state.snoozed_until = moment, None
        _announce(uow, actor)
        uow.commit()


def _announce(uow: UnitOfWork, actor: Actor) -> None:
    # The user's other windows and pages (the Today board's reminders) re-read their list.
    uow.announce(ChangeKind.REMINDER, actor_id=actor.user_id)


def snooze_reminder(uow: UnitOfWork, actor: Actor, key: str, minutes: int,
                    now: datetime | None = None) -> datetime:
    """Hide the reminder for ``minutes``; it fires again then. Returns when."""
    validation.whole_number(minutes, "snooze", 1, MAX_SNOOZE)
    with uow:
        signed_in(uow, actor)
        state = _state_for(uow, actor, key)
        until = _aware(now, uow) + timedelta(minutes=minutes)
        state.snoozed_until, state.dismissed_at = until, None
        _announce(uow, actor)
        uow.commit()
        return until
