"""The words of every coded refusal, in any language: the one place they are written.

The sources are English; translations come from the "errors" context of the .ts files through
the Qt-free catalog (i18n/), so the GUI, the CLI and the documents share them. Parameters are
plain values (numbers, ISO dates, names, enum values), never pre-rendered sentences.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..i18n import QT_TRANSLATE_NOOP, label, translate
from .actions import Action
from .enums import OrderStatus

TEXT = "text"  # not yet coded: params["text"] holds the English words

_TEMPLATES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("errors", "is required"),
    "invalid_text": QT_TRANSLATE_NOOP("errors", "contains characters that are not valid text"),
    "too_long": QT_TRANSLATE_NOOP("errors",
                                  "is too long ({length} characters, at most {limit})"),
    "not_email": QT_TRANSLATE_NOOP("errors", "'{value}' is not an e-mail address"),
    "not_whole_number": QT_TRANSLATE_NOOP("errors", "must be a whole number"),
    "out_of_range": QT_TRANSLATE_NOOP("errors", "must be between {minimum} and {maximum}"),
    "before_documented": QT_TRANSLATE_NOOP("errors", "cannot be before the documented date"),
    "not_date": QT_TRANSLATE_NOOP("errors", "is not a date"),
    "no_such_record": QT_TRANSLATE_NOOP("errors", "no such record"),
    "currency_required": QT_TRANSLATE_NOOP("errors", "a currency is required"),
    "unknown_currency": QT_TRANSLATE_NOOP("errors", "unknown currency code '{value}'"),
    "not_money": QT_TRANSLATE_NOOP("errors", "is not an amount of money"),
    "amount_too_large": QT_TRANSLATE_NOOP("errors",
                                          "is too large (at most {maximum} {currency})"),
    "not_number": QT_TRANSLATE_NOOP("errors", "is not a number"),
    "amount_required": QT_TRANSLATE_NOOP("errors", "an amount is required"),
    "not_amount": QT_TRANSLATE_NOOP("errors", "'{value}' is not a valid amount"),
    "at_least": QT_TRANSLATE_NOOP("errors", "must be at least {minimum}"),
    "not_tooth": QT_TRANSLATE_NOOP("errors",
                                   "'{value}' is not a tooth in FDI notation (11-48, 51-85)"),
    "not_order_number": QT_TRANSLATE_NOOP("errors", "'{value}' is not an order number"),
    "negative": QT_TRANSLATE_NOOP("errors", "cannot be negative"),
    "not_positive": QT_TRANSLATE_NOOP("errors", "must be greater than zero"),
    "inactive_staff": QT_TRANSLATE_NOOP("errors", "choose an active staff member"),
    "inactive_customer": QT_TRANSLATE_NOOP("errors", "choose an active customer"),
    "same_customer": QT_TRANSLATE_NOOP("errors", "is already the order's customer"),
    "remake_of_itself": QT_TRANSLATE_NOOP("errors", "an order cannot be a remake of itself"),
    "in_future": QT_TRANSLATE_NOOP("errors", "cannot be in the future"),
    "start_after_end": QT_TRANSLATE_NOOP("errors", "the start date is after the end date"),
    "before_start_date": QT_TRANSLATE_NOOP("errors", "cannot be before the start date"),
    "end_not_after_start": QT_TRANSLATE_NOOP("errors", "must be after the start"),
    "end_before_start": QT_TRANSLATE_NOOP("errors", "must not be before the start"),
    "range_too_long": QT_TRANSLATE_NOOP("errors", "at most {days} days at a time"),
    "needs_time_zone": QT_TRANSLATE_NOOP("errors", "needs a time zone"),
    "date_time_required": QT_TRANSLATE_NOOP("errors", "a date and time is required"),
    "no_folder": QT_TRANSLATE_NOOP("errors", "the folder {path} does not exist"),
    "one_of": QT_TRANSLATE_NOOP("errors", "must be one of {choices}"),
    "unknown_sort": QT_TRANSLATE_NOOP("errors", "cannot sort by '{value}'"),
    "choose_file": QT_TRANSLATE_NOOP("errors", "choose a file to attach"),
    "no_orders_selected": QT_TRANSLATE_NOOP("errors", "select at least one work order to print"),
    "same_password": QT_TRANSLATE_NOOP("errors", "must differ from the current password"),
    "wrong_password": QT_TRANSLATE_NOOP("errors", "is not correct"),
    "own_account": QT_TRANSLATE_NOOP("errors", "you cannot deactivate your own account"),
}


def _status(params: Mapping[str, object], language: str | None) -> str:
    return label(OrderStatus(str(params["status"])), language).lower()


def render(code: str, params: Mapping[str, object], language: str | None = None) -> str:
    """The words for ``code`` in ``language`` (None: the process's language); lifecycle codes
    are whole sentences, the rest follow the field name ("due date: is required")."""
    if code == TEXT:
        return str(params.get("text", ""))
    if code == "lifecycle.not_possible":
        return translate("errors", "{action} is not possible for an order that is {status}.",
                         None, language).format(
            action=label(Action(str(params["action"])), language),
            status=_status(params, language))
    if code == "lifecycle.on_hold":
        return translate("errors", "The order is on hold: take it off hold first.", None,
                         language)
    if code == "lifecycle.not_deletable":
        return translate("errors", "Only a draft can be deleted; this order is {status}: "
                                   "cancel it instead.", None, language).format(
            status=_status(params, language))
    if code == "lifecycle.has_history":
        kept = ", ".join(str(p) for p in params.get("kept", []))  # type: ignore[attr-defined]
        return translate("errors", "The order already has {kept}: cancel it instead of "
                                   "deleting it.", None, language).format(kept=kept)
    if code == "lifecycle.empty_order":
        return translate("errors", "The order has no items and a total of 0.00: add what the "
                                   "lab should make before publishing it.", None, language)
    if code == "lifecycle.open_tasks":
        names = [str(n) for n in params.get("tasks", [])]  # type: ignore[attr-defined]
        count = int(params["count"])  # type: ignore[call-overload]
        more = "…" if count > len(names) else ""
        return translate("errors", "%n work-plan task(s) still open ({tasks}); tick them done "
                                   "first.", None, language, count).format(
            tasks=", ".join(names) + more)
    if code == "lifecycle.not_delivered":
        return translate("errors", "The order is {status}, not delivered: there is no delivery "
                                   "to undo.", None, language).format(
            status=_status(params, language))
    values = dict(params)
    if code == "too_many_decimals":
        places = int(params["places"])  # type: ignore[call-overload]
        return translate("errors", "{currency} allows at most %n decimal place(s)", None,
                         language, places).format(**values)
    if code == "one_of":
        values["choices"] = ", ".join(str(c) for c in params["choices"])  # type: ignore[attr-defined]
    return translate("errors", _TEMPLATES[code], None, language).format(**values)


CODES = frozenset([*_TEMPLATES, TEXT, "too_many_decimals", "lifecycle.not_possible",
                   "lifecycle.on_hold", "lifecycle.open_tasks", "lifecycle.not_delivered",
                   "lifecycle.empty_order", "lifecycle.not_deletable",
                   "lifecycle.has_history"])
