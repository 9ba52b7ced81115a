"""The English words of every coded refusal: the one place they are written.

The CLI and the documents use these; the GUI translates the same codes. Parameters are plain
values (numbers, ISO dates, names, enum values), never pre-rendered sentences.
"""

from __future__ import annotations

from collections.abc import Mapping

from .actions import Action
from .enums import OrderStatus

TEXT = "text"  # not yet coded: params["text"] holds the English words

_TEMPLATES: dict[str, str] = {
    "required": "is required",
    "invalid_text": "contains characters that are not valid text",
    "too_long": "is too long ({length} characters, at most {limit})",
    "not_email": "'{value}' is not an e-mail address",
    "not_whole_number": "must be a whole number",
    "out_of_range": "must be between {minimum} and {maximum}",
    "before_documented": "cannot be before the documented date",
    "not_date": "is not a date",
    "no_such_record": "no such record",
    "currency_required": "a currency is required",
    "unknown_currency": "unknown currency code '{value}'",
    "too_many_decimals": "{currency} allows at most {places} decimal place{places_s}",
    "not_money": "is not an amount of money",
    "amount_too_large": "is too large (at most {maximum} {currency})",
    "not_number": "is not a number",
    "amount_required": "an amount is required",
    "not_amount": "'{value}' is not a valid amount",
    "at_least": "must be at least {minimum}",
    "not_tooth": "'{value}' is not a tooth in FDI notation (11-48, 51-85)",
    "not_order_number": "'{value}' is not an order number",
    "negative": "cannot be negative",
    "not_positive": "must be greater than zero",
    "inactive_staff": "choose an active staff member",
    "inactive_customer": "choose an active customer",
    "same_customer": "is already the order's customer",
    "remake_of_itself": "an order cannot be a remake of itself",
    "in_future": "cannot be in the future",
    "start_after_end": "the start date is after the end date",
    "before_start_date": "cannot be before the start date",
    "end_not_after_start": "must be after the start",
    "end_before_start": "must not be before the start",
    "range_too_long": "at most {days} days at a time",
    "needs_time_zone": "needs a time zone",
    "date_time_required": "a date and time is required",
    "no_folder": "the folder {path} does not exist",
    "one_of": "must be one of {choices}",
    "unknown_sort": "cannot sort by '{value}'",
    "choose_file": "choose a file to attach",
    "no_orders_selected": "select at least one work order to print",
    "same_password": "must differ from the current password",
    "wrong_password": "is not correct",
    "own_account": "you cannot deactivate your own account",
}


def render(code: str, params: Mapping[str, object]) -> str:
    """English words for ``code``; lifecycle codes are whole sentences, the rest follow the
    field name ("due date: is required")."""
    if code == TEXT:
        return str(params.get("text", ""))
    if code == "lifecycle.not_possible":
        return (f"{Action(str(params['action'])).label} is not possible for an order that is "
                f"{OrderStatus(str(params['status'])).label.lower()}.")
    if code == "lifecycle.on_hold":
        return "The order is on hold: take it off hold first."
    if code == "lifecycle.not_deletable":
        return (f"Only a draft can be deleted; this order is "
                f"{OrderStatus(str(params['status'])).label.lower()}: cancel it instead.")
    if code == "lifecycle.has_history":
        kept = ", ".join(str(p) for p in params.get("kept", []))  # type: ignore[attr-defined]
        return f"The order already has {kept}: cancel it instead of deleting it."
    if code == "lifecycle.empty_order":
        return ("The order has no items and a total of 0.00: add what the lab should make "
                "before publishing it.")
    if code == "lifecycle.open_tasks":
        names = [str(n) for n in params.get("tasks", [])]  # type: ignore[attr-defined]
        count = int(params["count"])  # type: ignore[call-overload]
        more = "…" if count > len(names) else ""
        tasks = "task is" if count == 1 else "tasks are"
        return (f"{count} work-plan {tasks} still open ({', '.join(names)}{more}); "
                "tick them done first.")
    if code == "lifecycle.not_delivered":
        return (f"The order is {OrderStatus(str(params['status'])).label.lower()}, not "
                "delivered: there is no delivery to undo.")
    values = dict(params)
    if code == "too_many_decimals":
        values["places_s"] = "" if params.get("places") == 1 else "s"
    if code == "one_of":
        values["choices"] = ", ".join(str(c) for c in params["choices"])  # type: ignore[attr-defined]
    return _TEMPLATES[code].format(**values)


CODES = frozenset([*_TEMPLATES, TEXT, "lifecycle.not_possible", "lifecycle.on_hold",
                   "lifecycle.open_tasks", "lifecycle.not_delivered", "lifecycle.empty_order",
                   "lifecycle.not_deletable", "lifecycle.has_history"])
