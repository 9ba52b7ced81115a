"""The activity log in the user's language: one translatable sentence per action code.

Entries store a code and plain parameters (documents/activity_text.py has the English twin for
the CLI and documents); here amounts, dates and labels follow the user's locale. The order's
number is left out of order-level sentences: they are shown on that order's own timeline.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from ..domain.actions import Action
from ..domain.enums import EventKind, OrderStatus, PaymentMethod
from ..domain.money import Money
from ..domain.numbers import format_number
from .formatting import date_text, datetime_text, label, money
from .translation import QT_TRANSLATE_NOOP, UTF8, translate

Params = Mapping[str, Any]

RECORD_KINDS = {
    "dental_lab": QT_TRANSLATE_NOOP("activity", "dental lab"),
    "customer": QT_TRANSLATE_NOOP("activity", "customer"),
    "patient": QT_TRANSLATE_NOOP("activity", "patient"),
    "service": QT_TRANSLATE_NOOP("activity", "service"),
    "staff": QT_TRANSLATE_NOOP("activity", "staff member"),
}

STEPS = {
    Action.PUBLISH: QT_TRANSLATE_NOOP("activity", "Sent to the lab"),
    Action.START_PRODUCTION: QT_TRANSLATE_NOOP("activity", "Production started"),
    Action.PRODUCE: QT_TRANSLATE_NOOP("activity", "Produced"),
    Action.SHIP: QT_TRANSLATE_NOOP("activity", "Shipped"),
    Action.DELIVER: QT_TRANSLATE_NOOP("activity", "Delivered"),
    Action.COMPLETE: QT_TRANSLATE_NOOP("activity", "Completed"),
    Action.CANCEL: QT_TRANSLATE_NOOP("activity", "Cancelled"),
    Action.REOPEN: QT_TRANSLATE_NOOP("activity", "Reopened"),
    Action.MOVE_BACK: QT_TRANSLATE_NOOP("activity", "Moved back"),
}


def _amount(p: Params, key: str = "amount") -> str:
    return money(Money(int(p[f"{key}_minor"]), str(p["currency"])))


def _day(p: Params, key: str) -> str:
    return date_text(date.fromisoformat(p[key]))


def _number(p: Params, key: str) -> str:
    return format_number(int(p[key]))


def _method(p: Params) -> str:
    return label(PaymentMethod(p["method"]))


def _event(p: Params) -> dict[str, str]:
    return {"kind": label(EventKind(p["kind"])),
            "when": datetime_text(datetime.fromisoformat(p["starts_at"]))}


def _record(p: Params) -> dict[str, str]:
    return {"kind": translate("activity", RECORD_KINDS[p["kind"]]),
            "name": str(p["name"])}


def _status_changed(p: Params) -> str:
    return translate("activity", "{step}: {before} → {after}").format(
        step=translate("activity", STEPS[Action(p["step"])]),
        before=label(OrderStatus(p["from"])), after=label(OrderStatus(p["to"])))


def _plan(p: Params, replaced: bool) -> str:
    count = int(p["installments"])
    values = {"amount": _amount(p), "method": _method(p), "first": _day(p, "first_due_date")}
    if count > 1:
        text = (translate(
                    "activity", "Payment plan replaced: {amount} by {method}, %n installments "
                    "from {first}", None, UTF8, count) if replaced else
                translate(
                    "activity", "Payment plan set: {amount} by {method}, %n installments from "
                    "{first}", None, UTF8, count))
    else:
        text = (translate(
                    "activity", "Payment plan replaced: {amount} by {method}, due {first}")
                if replaced else translate(
                    "activity", "Payment plan set: {amount} by {method}, due {first}"))
    return text.format(**values)


def _planned(count: int) -> str:
    return translate("activity", "Planned %n task(s) automatically", None, UTF8, count)


def _failed_sign_in(name: str, count: int) -> str:
    return translate("activity", "Failed sign-in of {name}: wrong password (%n in a row)",
                     None, UTF8, count).format(name=name)


def _fields(p: Params) -> str:
    return ", ".join(str(f).replace("_", " ") for f in p["fields"])


_RENDER: dict[str, Callable[[Params], str]] = {
    "order.created": lambda p: translate("activity", "Created {order}").format(
        order=_number(p, "order")),
    "order.edited": lambda p: translate("activity", "Edited {order}").format(
        order=_number(p, "order")),
    "order.seeded": lambda p: translate(
        "activity", "Seeded {order}").format(order=_number(p, "order")),
    "order.customer_changed": lambda p: translate(
        "activity", "Customer changed from {old} to {new}").format(old=p["old"], new=p["new"]),
    "order.status_changed": _status_changed,
    "order.due_date_changed": lambda p: translate(
        "activity", "Due date changed to {date}").format(date=_day(p, "due_date")),
    "order.price_adjusted": lambda p: translate(
        "activity", "Price adjusted from {old} to {new}").format(
            old=_amount(p, "old"), new=_amount(p, "new")),
    "order.put_on_hold": lambda p: translate(
        "activity", "Put on hold: {reason}").format(reason=p["reason"]),
    "order.taken_off_hold": lambda p: translate("activity", "Taken off hold"),
    "order.marked_remake": lambda p: translate(
        "activity", "Marked as remake of {order}: {reason}").format(
            order=_number(p, "source"), reason=p["reason"]),
    "order.copied_from": lambda p: translate(
        "activity", "Copied from {order}").format(order=_number(p, "source")),
    "order.copied_to": lambda p: translate(
        "activity", "Copied to {order}").format(order=_number(p, "copy")),
    "order.deleted": lambda p: translate(
        "activity", "Deleted {order} ({patient}, {lab}, {total})").format(
            order=_number(p, "order"), patient=p["patient"], lab=p["lab"],
            total=_amount(p, "total")),
    "task.planned": lambda p: _planned(int(p["count"])),
    "task.added": lambda p: translate(
        "activity", "Task “{task}” added").format(task=p["task"]),
    "task.edited": lambda p: translate(
        "activity", "Task “{task}” edited").format(task=p["task"]),
    "task.moved": lambda p: translate(
        "activity", "Task “{task}” moved to place {place}").format(
            task=p["task"], place=p["position"]),
    "task.assigned": lambda p: translate(
        "activity", "Task “{task}” assigned to {name}").format(task=p["task"], name=p["assignee"]),
    "task.unassigned": lambda p: translate(
        "activity", "Task “{task}” unassigned").format(task=p["task"]),
    "task.done": lambda p: translate(
        "activity", "Task “{task}” done").format(task=p["task"]),
    "task.reopened": lambda p: translate(
        "activity", "Task “{task}” reopened").format(task=p["task"]),
    "task.removed": lambda p: translate(
        "activity", "Task “{task}” removed").format(task=p["task"]),
    "payroll.added": lambda p: translate(
        "activity", "Payroll {amount} for {name}").format(amount=_amount(p), name=p["staff"]),
    "payroll.edited": lambda p: translate(
        "activity", "Payroll for {name} edited").format(name=p["staff"]),
    "payroll.finalized": lambda p: translate(
        "activity", "Payroll {amount} for {name} finalized").format(
            amount=_amount(p), name=p["staff"]),
    "attachment.added": lambda p: translate(
        "activity", "File “{name}” attached").format(name=p["name"]),
    "attachment.removed": lambda p: translate(
        "activity", "File “{name}” removed").format(name=p["name"]),
    "payment_plan.set": lambda p: _plan(p, replaced=False),
    "payment_plan.replaced": lambda p: _plan(p, replaced=True),
    "payment_plan.removed": lambda p: translate(
        "activity", "Payment plan removed"),
    "payment.recorded": lambda p: translate(
        "activity", "Payment of {amount} ({method}) on {date} recorded").format(
            amount=_amount(p), method=_method(p), date=_day(p, "paid_on")),
    "payment.voided": lambda p: translate(
        "activity", "Payment of {amount} on {date} voided: {reason}").format(
            amount=_amount(p), date=_day(p, "paid_on"), reason=p["reason"]),
    "event.added": lambda p: translate(
        "activity", "{kind} on {when} added").format(**_event(p)),
    "event.edited": lambda p: translate(
        "activity", "{kind} on {when} edited").format(**_event(p)),
    "event.done": lambda p: translate(
        "activity", "{kind} on {when} done").format(**_event(p)),
    "event.reopened": lambda p: translate(
        "activity", "{kind} on {when} reopened").format(**_event(p)),
    "event.deleted": lambda p: translate(
        "activity", "{kind} on {when} deleted").format(**_event(p)),
    "comment.added": lambda p: translate(
        "activity", "Comment “{text}”").format(text=p["preview"]),
    "comment.edited": lambda p: translate(
        "activity", "Comment edited: “{text}”").format(text=p["preview"]),
    "record.created": lambda p: translate(
        "activity", "Created {kind} {name}").format(**_record(p)),
    "record.edited": lambda p: translate(
        "activity", "Edited {kind} {name}").format(**_record(p)),
    "record.activated": lambda p: translate(
        "activity", "Reactivated {kind} {name}").format(**_record(p)),
    "record.deactivated": lambda p: translate(
        "activity", "Deactivated {kind} {name}").format(**_record(p)),
    "record.deactivated_in_use": lambda p: translate(
        "activity", "Deactivated {kind} {name} instead of deleting it: it is still in use"
    ).format(**_record(p)),
    "record.deleted": lambda p: translate(
        "activity", "Deleted {kind} {name}").format(**_record(p)),
    "user.sign_in_failed_unknown": lambda p: translate(
        "activity", "Failed sign-in: unknown user name “{name}”").format(name=p["name"]),
    "user.sign_in_failed": lambda p: _failed_sign_in(p["username"], int(p["count"])),
    "user.first_admin_created": lambda p: translate(
        "activity", "Created the first administrator {name}").format(name=p["username"]),
    "user.signed_in": lambda p: translate(
        "activity", "{name} signed in").format(name=p["username"]),
    "user.created": lambda p: translate(
        "activity", "Created user {name}").format(name=p["username"]),
    "user.edited": lambda p: translate(
        "activity", "Edited user {name}").format(name=p["username"]),
    "user.password_reset": lambda p: translate(
        "activity", "Reset the password of {name}").format(name=p["username"]),
    "user.unlocked": lambda p: translate(
        "activity", "{name} unlocked the window").format(name=p["username"]),
    "user.password_changed": lambda p: translate(
        "activity", "{name} changed their password").format(name=p["username"]),
    "user.activated": lambda p: translate(
        "activity", "Reactivated user {name}").format(name=p["username"]),
    "user.deactivated": lambda p: translate(
        "activity", "Deactivated user {name}").format(name=p["username"]),
    "settings.organisation_changed": lambda p: translate(
        "activity", "Changed the organisation settings: {fields}").format(fields=_fields(p)),
    "settings.calendar_changed": lambda p: translate(
        "activity", "Changed the calendar and reminder settings: {fields}").format(
            fields=_fields(p)),
}

CODES = frozenset(_RENDER)


def render(code: str, params: Params, fallback: str = "") -> str:
    """The entry in the user's language; ``fallback`` (the stored English sentence of an old
    entry) when the code is unknown or its parameters do not fit."""
    renderer = _RENDER.get(code)
    if renderer is None:
        return fallback
    try:
        return renderer(params)
    except (KeyError, ValueError, TypeError):
        return fallback
