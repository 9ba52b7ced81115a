"""The activity log in words for the CLI, documents and tests, in any language.

An entry stores an action code and its parameters (amounts as minor units and currency, dates
as ISO text, names rather than ids); this module puts them into words through the Qt-free
catalog (context "activity", shared with gui/activity_text.py where a sentence is the same).
The English sources are the sentences the log stored before codes existed, so an old entry and
its migrated code read alike. Entries that kept their old sentence are shown as they are.
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
from ..i18n import QT_TRANSLATE_NOOP, default_language, in_sentence, label, translate

Params = Mapping[str, Any]
Language = str  # a language code, its formats those of domain/formats.py

# The subject of a master-data entry, by its entity.
RECORD_KINDS = {
    "dental_lab": QT_TRANSLATE_NOOP("activity", "dental lab"),
    "customer": QT_TRANSLATE_NOOP("activity", "customer"),
    "patient": QT_TRANSLATE_NOOP("activity", "patient"),
    "service": QT_TRANSLATE_NOOP("activity", "service"),
    "staff": QT_TRANSLATE_NOOP("activity", "staff member"),
}

# What each lifecycle step says before "old status → new status".
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


def money(p: Params, key: str = "amount", loc: str = DEFAULT_LOCALE) -> str:
    return formats.money_text(Money(int(p[f"{key}_minor"]), str(p["currency"])), loc)


def moment(value: str, loc: str = DEFAULT_LOCALE) -> str:
    """A stored ISO date-time (UTC) in the computer's local time, to the minute."""
    return formats.datetime_text(datetime.fromisoformat(value), loc)


def _day(value: str, loc: str) -> str:
    return formats.date_text(date.fromisoformat(value), loc)


def _number(p: Params, key: str) -> str:
    return format_number(int(p[key]))


def _method(p: Params, language: Language) -> str:
    return in_sentence(label(PaymentMethod(p["method"]), language), language)


def _event(p: Params, language: Language) -> dict[str, str]:
    return {"kind": label(EventKind(p["kind"]), language),
            "when": moment(p["starts_at"], language)}


def _plan(p: Params, language: Language, replaced: bool) -> str:
    count = int(p["installments"])
    values = {"amount": money(p, loc=language), "method": _method(p, language),
              "first": _day(p["first_due_date"], language)}
    if count > 1:
        text = (translate("activity", "payment plan replaced: {amount} by {method}, "
                          "%n installments from {first}", None, language, count) if replaced
                else translate("activity", "payment plan set: {amount} by {method}, "
                               "%n installments from {first}", None, language, count))
    else:
        text = (translate("activity", "payment plan replaced: {amount} by {method}, due "
                          "{first}", None, language) if replaced
                else translate("activity", "payment plan set: {amount} by {method}, due "
                               "{first}", None, language))
    return text.format(**values)


def _record(p: Params, language: Language) -> dict[str, str]:
    return {"kind": translate("activity", RECORD_KINDS[p["kind"]], None, language),
            "name": str(p["name"])}


def _status_changed(p: Params, language: Language) -> str:
    return translate("activity", "{step}: {before} → {after}", None, language).format(
        step=translate("activity", STEPS[Action(p["step"])], None, language),
        before=label(OrderStatus(p["from"]), language),
        after=label(OrderStatus(p["to"]), language))


def _planned(p: Params, language: Language) -> str:
    count = int(p["count"])
    return translate("activity", "planned %n task(s) automatically", None, language, count)


def _failed_sign_in(p: Params, language: Language) -> str:
    count = int(p["count"])
    return translate("activity", "Failed sign-in of {name}: wrong password (%n in a row)",
                     None, language, count).format(name=p["username"])


def _fields(p: Params) -> str:
    return ", ".join(p["fields"])


# Each renderer returns the sentence without the order number; ORDER_CODES get "WO-…: " first.
_RENDER: dict[str, Callable[[Params, Language], str]] = {
    "order.created": lambda p, language: translate(
        "activity", "Created {order}", None, language).format(order=_number(p, "order")),
    "order.edited": lambda p, language: translate(
        "activity", "Edited {order}", None, language).format(order=_number(p, "order")),
    "order.seeded": lambda p, language: translate(
        "activity", "Seeded {order}", None, language).format(order=_number(p, "order")),
    "order.customer_changed": lambda p, language: translate(
        "activity", "Customer changed from {old} to {new}", None, language).format(
            old=p["old"], new=p["new"]),
    "order.status_changed": _status_changed,
    "order.due_date_changed": lambda p, language: translate(
        "activity", "Due date changed to {date}", None, language).format(
            date=_day(p["due_date"], language)),
    "order.price_adjusted": lambda p, language: translate(
        "activity", "Price adjusted from {old} to {new}", None, language).format(
            old=money(p, "old", language), new=money(p, "new", language)),
    "order.put_on_hold": lambda p, language: translate(
        "activity", "Put on hold: {reason}", None, language).format(reason=p["reason"]),
    "order.taken_off_hold": lambda p, language: translate(
        "activity", "Taken off hold", None, language),
    "order.marked_remake": lambda p, language: translate(
        "activity", "Marked as remake of {order}: {reason}", None, language).format(
            order=_number(p, "source"), reason=p["reason"]),
    "order.copied_from": lambda p, language: translate(
        "activity", "Copied from {order}", None, language).format(order=_number(p, "source")),
    "order.copied_to": lambda p, language: translate(
        "activity", "Copied to {order}", None, language).format(order=_number(p, "copy")),
    "order.deleted": lambda p, language: translate(
        "activity", "Deleted {order} ({patient}, {lab}, {total})", None, language).format(
            order=_number(p, "order"), patient=p["patient"], lab=p["lab"],
            total=money(p, "total", language)),
    "task.planned": _planned,
    "task.added": lambda p, language: translate(
        "activity", "task '{task}' added", None, language).format(task=p["task"]),
    "task.edited": lambda p, language: translate(
        "activity", "task '{task}' edited", None, language).format(task=p["task"]),
    "task.moved": lambda p, language: translate(
        "activity", "task '{task}' moved to place {place}", None, language).format(
            task=p["task"], place=p["position"]),
    "task.assigned": lambda p, language: translate(
        "activity", "task '{task}' assigned to {name}", None, language).format(
            task=p["task"], name=p["assignee"]),
    "task.unassigned": lambda p, language: translate(
        "activity", "task '{task}' unassigned", None, language).format(task=p["task"]),
    "task.done": lambda p, language: translate(
        "activity", "task '{task}' done", None, language).format(task=p["task"]),
    "task.reopened": lambda p, language: translate(
        "activity", "task '{task}' reopened", None, language).format(task=p["task"]),
    "task.removed": lambda p, language: translate(
        "activity", "task '{task}' removed", None, language).format(task=p["task"]),
    "payroll.added": lambda p, language: translate(
        "activity", "payroll {amount} for {name}", None, language).format(
            amount=money(p, loc=language), name=p["staff"]),
    "payroll.edited": lambda p, language: translate(
        "activity", "payroll for {name} edited", None, language).format(name=p["staff"]),
    "payroll.finalized": lambda p, language: translate(
        "activity", "payroll {amount} for {name} finalized", None, language).format(
            amount=money(p, loc=language), name=p["staff"]),
    "attachment.added": lambda p, language: translate(
        "activity", "file '{name}' attached", None, language).format(name=p["name"]),
    "attachment.removed": lambda p, language: translate(
        "activity", "file '{name}' removed", None, language).format(name=p["name"]),
    "payment_plan.set": lambda p, language: _plan(p, language, replaced=False),
    "payment_plan.replaced": lambda p, language: _plan(p, language, replaced=True),
    "payment_plan.removed": lambda p, language: translate(
        "activity", "payment plan removed", None, language),
    "payment.recorded": lambda p, language: translate(
        "activity", "payment of {amount} ({method}) on {date} recorded", None,
        language).format(amount=money(p, loc=language), method=_method(p, language),
                         date=_day(p["paid_on"], language)),
    "payment.voided": lambda p, language: translate(
        "activity", "payment of {amount} on {date} voided: {reason}", None, language).format(
            amount=money(p, loc=language), date=_day(p["paid_on"], language),
            reason=p["reason"]),
    "event.added": lambda p, language: translate(
        "activity", "{kind} on {when} added", None, language).format(**_event(p, language)),
    "event.edited": lambda p, language: translate(
        "activity", "{kind} on {when} edited", None, language).format(**_event(p, language)),
    "event.done": lambda p, language: translate(
        "activity", "{kind} on {when} done", None, language).format(**_event(p, language)),
    "event.reopened": lambda p, language: translate(
        "activity", "{kind} on {when} reopened", None, language).format(
            **_event(p, language)),
    "event.deleted": lambda p, language: translate(
        "activity", "{kind} on {when} deleted", None, language).format(
            **_event(p, language)),
    "comment.added": lambda p, language: translate(
        "activity", "comment \"{text}\"", None, language).format(text=p["preview"]),
    "comment.edited": lambda p, language: translate(
        "activity", "comment edited: \"{text}\"", None, language).format(text=p["preview"]),
    "record.created": lambda p, language: translate(
        "activity", "Created {kind} {name}", None, language).format(**_record(p, language)),
    "record.edited": lambda p, language: translate(
        "activity", "Edited {kind} {name}", None, language).format(**_record(p, language)),
    "record.activated": lambda p, language: translate(
        "activity", "Reactivated {kind} {name}", None, language).format(
            **_record(p, language)),
    "record.deactivated": lambda p, language: translate(
        "activity", "Deactivated {kind} {name}", None, language).format(
            **_record(p, language)),
    "record.deactivated_in_use": lambda p, language: translate(
        "activity", "Deactivated {kind} {name} instead of deleting it: it is still in use",
        None, language).format(**_record(p, language)),
    "record.deleted": lambda p, language: translate(
        "activity", "Deleted {kind} {name}", None, language).format(**_record(p, language)),
    "user.sign_in_failed_unknown": lambda p, language: translate(
        "activity", "Failed sign-in: unknown user name '{name}'", None, language).format(
            name=p["name"]),
    "user.sign_in_failed": _failed_sign_in,
    "user.first_admin_created": lambda p, language: translate(
        "activity", "Created the first administrator {name}", None, language).format(
            name=p["username"]),
    "user.signed_in": lambda p, language: translate(
        "activity", "{name} signed in", None, language).format(name=p["username"]),
    "user.created": lambda p, language: translate(
        "activity", "Created user {name}", None, language).format(name=p["username"]),
    "user.edited": lambda p, language: translate(
        "activity", "Edited user {name}", None, language).format(name=p["username"]),
    "user.password_reset": lambda p, language: translate(
        "activity", "Reset the password of {name}", None, language).format(
            name=p["username"]),
    "user.unlocked": lambda p, language: translate(
        "activity", "{name} unlocked the window", None, language).format(name=p["username"]),
    "user.password_changed": lambda p, language: translate(
        "activity", "{name} changed their password", None, language).format(
            name=p["username"]),
    "user.activated": lambda p, language: translate(
        "activity", "Reactivated user {name}", None, language).format(name=p["username"]),
    "user.deactivated": lambda p, language: translate(
        "activity", "Deactivated user {name}", None, language).format(name=p["username"]),
    "settings.organisation_changed": lambda p, language: translate(
        "activity", "Changed the organisation settings: {fields}", None, language).format(
            fields=_fields(p)),
    "settings.calendar_changed": lambda p, language: translate(
        "activity", "Changed the calendar and reminder settings: {fields}", None,
        language).format(fields=_fields(p)),
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
           language: str | None = None) -> str:
    """The entry in ``language`` (None: the process's), its dates and amounts written that
    language's way (domain/formats.py); ``fallback`` (the old stored sentence) for an unknown
    code or parameters that do not fit it. ``with_number`` False leaves out the "WO-…: "
    prefix, as on the order's own timeline."""
    renderer = _RENDER.get(code)
    if renderer is None:
        return fallback
    try:
        text = renderer(params, language or default_language())
    except (KeyError, ValueError, TypeError):
        return fallback
    if with_number and code in ORDER_CODES:
        return translate("activity", "{order}: {text}", None, language).format(
            order=format_number(int(params["order"])), text=text)
    return text
