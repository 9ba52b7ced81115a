"""The activity log in plain English words, for the CLI, documents and tests.

An entry stores an action code and its parameters (amounts as minor units and currency, dates
as ISO text, names rather than ids); this module is the one place that puts them into English.
The GUI renders the same codes through Qt's translations (gui/activity_text.py). Entries
written before codes existed keep their English sentence, which is shown as it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from ..domain import formats
from ..domain.actions import Action
from ..domain.enums import EventKind, OrderStatus, PaymentMethod
from ..domain.formats import DEFAULT_LOCALE
from ..domain.money import Money
from ..domain.numbers import format_number

Params = Mapping[str, Any]

# The subject of a master-data entry, by its entity.
RECORD_KINDS = {
    "dental_lab": "dental lab",
    "customer": "customer",
    "patient": "patient",
    "service": "service",
    "staff": "staff member",
}

# What each lifecycle step says before "old status → new status".
STEPS = {
    Action.PUBLISH: "Sent to the lab",
    Action.START_PRODUCTION: "Production started",
    Action.PRODUCE: "Produced",
    Action.SHIP: "Shipped",
    Action.DELIVER: "Delivered",
    Action.COMPLETE: "Completed",
    Action.CANCEL: "Cancelled",
    Action.REOPEN: "Reopened",
    Action.MOVE_BACK: "Moved back",
}


def money(p: Params, key: str = "amount", loc: str = DEFAULT_LOCALE) -> str:
    return formats.money_text(Money(int(p[f"{key}_minor"]), str(p["currency"])), loc)


def moment(value: str, loc: str = DEFAULT_LOCALE) -> str:
    """A stored ISO date-time (UTC) in the computer's local time, to the minute."""
    return formats.datetime_text(datetime.fromisoformat(value), loc)


def _day(value: str, loc: str) -> str:
    return formats.date_text(date.fromisoformat(value), loc)


def _status(value: str) -> str:
    return OrderStatus(value).label


def _method(p: Params) -> str:
    return PaymentMethod(p["method"]).label.lower()


def _event(p: Params, what: str, loc: str) -> str:
    return f"{EventKind(p['kind']).label} on {moment(p['starts_at'], loc)} {what}"


def _plan(p: Params, what: str, loc: str) -> str:
    count = int(p["installments"])
    shape = (f"{count} installments from {_day(p['first_due_date'], loc)}" if count > 1
             else f"due {_day(p['first_due_date'], loc)}")
    return f"payment plan {what}: {money(p, loc=loc)} by {_method(p)}, {shape}"


def _record(p: Params, verb: str) -> str:
    return f"{verb} {RECORD_KINDS[p['kind']]} {p['name']}"


# Each renderer returns the sentence without the order number; ORDER_CODES get "WO-…: " first.
_RENDER: dict[str, Callable[[Params, str], str]] = {
    "order.created": lambda p, loc: f"Created {format_number(int(p['order']))}",
    "order.edited": lambda p, loc: f"Edited {format_number(int(p['order']))}",
    "order.seeded": lambda p, loc: f"Seeded {format_number(int(p['order']))}",
    "order.customer_changed": lambda p, loc: f"Customer changed from {p['old']} to {p['new']}",
    "order.status_changed": lambda p, loc: (f"{STEPS[Action(p['step'])]}: {_status(p['from'])} → "
                                       f"{_status(p['to'])}"),
    "order.due_date_changed": lambda p, loc: f"Due date changed to {_day(p['due_date'], loc)}",
    "order.price_adjusted": lambda p, loc: (f"Price adjusted from {money(p, 'old', loc)} to "
                                       f"{money(p, 'new', loc)}"),
    "order.put_on_hold": lambda p, loc: f"Put on hold: {p['reason']}",
    "order.taken_off_hold": lambda p, loc: "Taken off hold",
    "order.marked_remake": lambda p, loc: (
        f"Marked as remake of {format_number(int(p['source']))}: {p['reason']}"),
    "order.copied_from": lambda p, loc: f"Copied from {format_number(int(p['source']))}",
    "order.copied_to": lambda p, loc: f"Copied to {format_number(int(p['copy']))}",
    "order.deleted": lambda p, loc: (f"Deleted {format_number(int(p['order']))} ({p['patient']}, "
                                f"{p['lab']}, {money(p, 'total', loc)})"),
    "task.planned": lambda p, loc: (f"planned {p['count']} task{'' if p['count'] == 1 else 's'} "
                               "automatically"),
    "task.added": lambda p, loc: f"task '{p['task']}' added",
    "task.edited": lambda p, loc: f"task '{p['task']}' edited",
    "task.moved": lambda p, loc: f"task '{p['task']}' moved to place {p['position']}",
    "task.assigned": lambda p, loc: f"task '{p['task']}' assigned to {p['assignee']}",
    "task.unassigned": lambda p, loc: f"task '{p['task']}' unassigned",
    "task.done": lambda p, loc: f"task '{p['task']}' done",
    "task.reopened": lambda p, loc: f"task '{p['task']}' reopened",
    "task.removed": lambda p, loc: f"task '{p['task']}' removed",
    "payroll.added": lambda p, loc: f"payroll {money(p, loc=loc)} for {p['staff']}",
    "payroll.edited": lambda p, loc: f"payroll for {p['staff']} edited",
    "payroll.finalized": lambda p, loc: f"payroll {money(p, loc=loc)} for {p['staff']} finalized",
    "attachment.added": lambda p, loc: f"file '{p['name']}' attached",
    "attachment.removed": lambda p, loc: f"file '{p['name']}' removed",
    "payment_plan.set": lambda p, loc: _plan(p, "set", loc),
    "payment_plan.replaced": lambda p, loc: _plan(p, "replaced", loc),
    "payment_plan.removed": lambda p, loc: "payment plan removed",
    "payment.recorded": lambda p, loc: (f"payment of {money(p, loc=loc)} ({_method(p)}) on "
                                   f"{_day(p['paid_on'], loc)} recorded"),
    "payment.voided": lambda p, loc: (f"payment of {money(p, loc=loc)} on "
                                      f"{_day(p['paid_on'], loc)} voided: {p['reason']}"),
    "event.added": lambda p, loc: _event(p, "added", loc),
    "event.edited": lambda p, loc: _event(p, "edited", loc),
    "event.done": lambda p, loc: _event(p, "done", loc),
    "event.reopened": lambda p, loc: _event(p, "reopened", loc),
    "event.deleted": lambda p, loc: _event(p, "deleted", loc),
    "comment.added": lambda p, loc: f"comment \"{p['preview']}\"",
    "comment.edited": lambda p, loc: f"comment edited: \"{p['preview']}\"",
    "record.created": lambda p, loc: _record(p, "Created"),
    "record.edited": lambda p, loc: _record(p, "Edited"),
    "record.activated": lambda p, loc: _record(p, "Reactivated"),
    "record.deactivated": lambda p, loc: _record(p, "Deactivated"),
    "record.deactivated_in_use": lambda p, loc: (_record(p, "Deactivated")
                                            + " instead of deleting it: it is still in use"),
    "record.deleted": lambda p, loc: _record(p, "Deleted"),
    "user.sign_in_failed_unknown": lambda p, loc: (
        f"Failed sign-in: unknown user name '{p['name']}'"),
    "user.sign_in_failed": lambda p, loc: (f"Failed sign-in of {p['username']}: wrong password "
                                      f"({p['count']} in a row)"),
    "user.first_admin_created": lambda p, loc: f"Created the first administrator {p['username']}",
    "user.signed_in": lambda p, loc: f"{p['username']} signed in",
    "user.created": lambda p, loc: f"Created user {p['username']}",
    "user.edited": lambda p, loc: f"Edited user {p['username']}",
    "user.password_reset": lambda p, loc: f"Reset the password of {p['username']}",
    "user.unlocked": lambda p, loc: f"{p['username']} unlocked the window",
    "user.password_changed": lambda p, loc: f"{p['username']} changed their password",
    "user.activated": lambda p, loc: f"Reactivated user {p['username']}",
    "user.deactivated": lambda p, loc: f"Deactivated user {p['username']}",
    "settings.organisation_changed": lambda p, loc: (
        f"Changed the organisation settings: {', '.join(p['fields'])}"),
    "settings.calendar_changed": lambda p, loc: (
        f"Changed the calendar and reminder settings: {', '.join(p['fields'])}"),
}

CODES = frozenset(_RENDER)
# Codes whose sentence follows the order's number ("WO-000123: task 'Model' added").
ORDER_CODES = frozenset(c for c in CODES if c.split(".")[0] in {
    "task", "payroll", "attachment", "payment_plan", "payment", "event", "comment"})


def load_params(text: str) -> dict[str, Any]:
    """The stored JSON parameters; anything unreadable counts as none."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def render(code: str, params: Params, fallback: str = "", *, with_number: bool = True,
           locale: str = DEFAULT_LOCALE) -> str:
    """The entry in English, its dates and amounts written the ``locale``'s way; ``fallback``
    (the old stored sentence) for an unknown code or parameters that do not fit it.
    ``with_number`` False leaves out the "WO-…: " prefix, as on the order's own timeline."""
    renderer = _RENDER.get(code)
    if renderer is None:
        return fallback
    try:
        text = renderer(params, locale)
    except (KeyError, ValueError, TypeError):
        return fallback
    if with_number and code in ORDER_CODES:
        return f"{format_number(int(params['order']))}: {text}"
    return text
