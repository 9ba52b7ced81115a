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


# Every field a refusal names, as it is written in the code: its words in the reader's
# language come from the "fields" context (a test keeps this list complete).
FIELDS = frozenset({
    QT_TRANSLATE_NOOP("fields", "account holder"),
    QT_TRANSLATE_NOOP("fields", "active"),
    QT_TRANSLATE_NOOP("fields", "address"),
    QT_TRANSLATE_NOOP("fields", "amount"),
    QT_TRANSLATE_NOOP("fields", "assignee"),
    QT_TRANSLATE_NOOP("fields", "attachment"),
    QT_TRANSLATE_NOOP("fields", "bank name"),
    QT_TRANSLATE_NOOP("fields", "batch"),
    QT_TRANSLATE_NOOP("fields", "clinic"),
    QT_TRANSLATE_NOOP("fields", "code"),
    QT_TRANSLATE_NOOP("fields", "comment"),
    QT_TRANSLATE_NOOP("fields", "contact person"),
    QT_TRANSLATE_NOOP("fields", "currency"),
    QT_TRANSLATE_NOOP("fields", "current password"),
    QT_TRANSLATE_NOOP("fields", "customer"),
    QT_TRANSLATE_NOOP("fields", "date from"),
    QT_TRANSLATE_NOOP("fields", "date of birth"),
    QT_TRANSLATE_NOOP("fields", "date to"),
    QT_TRANSLATE_NOOP("fields", "day"),
    QT_TRANSLATE_NOOP("fields", "days"),
    QT_TRANSLATE_NOOP("fields", "default turnaround days"),
    QT_TRANSLATE_NOOP("fields", "dental lab"),
    QT_TRANSLATE_NOOP("fields", "description"),
    QT_TRANSLATE_NOOP("fields", "document language"),
    QT_TRANSLATE_NOOP("fields", "documented date"),
    QT_TRANSLATE_NOOP("fields", "done"),
    QT_TRANSLATE_NOOP("fields", "due date"),
    QT_TRANSLATE_NOOP("fields", "due from"),
    QT_TRANSLATE_NOOP("fields", "due to"),
    QT_TRANSLATE_NOOP("fields", "duration"),
    QT_TRANSLATE_NOOP("fields", "employee"),
    QT_TRANSLATE_NOOP("fields", "end"),
    QT_TRANSLATE_NOOP("fields", "file"),
    QT_TRANSLATE_NOOP("fields", "first due date"),
    QT_TRANSLATE_NOOP("fields", "first name"),
    QT_TRANSLATE_NOOP("fields", "format"),
    QT_TRANSLATE_NOOP("fields", "from"),
    QT_TRANSLATE_NOOP("fields", "full name"),
    QT_TRANSLATE_NOOP("fields", "hold"),
    QT_TRANSLATE_NOOP("fields", "idle lock"),
    QT_TRANSLATE_NOOP("fields", "installments"),
    QT_TRANSLATE_NOOP("fields", "interval"),
    QT_TRANSLATE_NOOP("fields", "interval unit"),
    QT_TRANSLATE_NOOP("fields", "items"),
    QT_TRANSLATE_NOOP("fields", "job title"),
    QT_TRANSLATE_NOOP("fields", "key"),
    QT_TRANSLATE_NOOP("fields", "kind"),
    QT_TRANSLATE_NOOP("fields", "lab"),
    QT_TRANSLATE_NOOP("fields", "last name"),
    QT_TRANSLATE_NOOP("fields", "limit"),
    QT_TRANSLATE_NOOP("fields", "logo"),
    QT_TRANSLATE_NOOP("fields", "method"),
    QT_TRANSLATE_NOOP("fields", "name"),
    QT_TRANSLATE_NOOP("fields", "new password"),
    QT_TRANSLATE_NOOP("fields", "note"),
    QT_TRANSLATE_NOOP("fields", "now"),
    QT_TRANSLATE_NOOP("fields", "number"),
    QT_TRANSLATE_NOOP("fields", "offset"),
    QT_TRANSLATE_NOOP("fields", "order"),
    QT_TRANSLATE_NOOP("fields", "orders"),
    QT_TRANSLATE_NOOP("fields", "paid on"),
    QT_TRANSLATE_NOOP("fields", "paper"),
    QT_TRANSLATE_NOOP("fields", "paper size"),
    QT_TRANSLATE_NOOP("fields", "password"),
    QT_TRANSLATE_NOOP("fields", "payment"),
    QT_TRANSLATE_NOOP("fields", "payment note"),
    QT_TRANSLATE_NOOP("fields", "payment plan"),
    QT_TRANSLATE_NOOP("fields", "payroll record"),
    QT_TRANSLATE_NOOP("fields", "phone"),
    QT_TRANSLATE_NOOP("fields", "position"),
    QT_TRANSLATE_NOOP("fields", "price"),
    QT_TRANSLATE_NOOP("fields", "reason"),
    QT_TRANSLATE_NOOP("fields", "remake of"),
    QT_TRANSLATE_NOOP("fields", "reminder"),
    QT_TRANSLATE_NOOP("fields", "role"),
    QT_TRANSLATE_NOOP("fields", "search"),
    QT_TRANSLATE_NOOP("fields", "seat-readiness days"),
    QT_TRANSLATE_NOOP("fields", "sections"),
    QT_TRANSLATE_NOOP("fields", "shade"),
    QT_TRANSLATE_NOOP("fields", "size"),
    QT_TRANSLATE_NOOP("fields", "snooze"),
    QT_TRANSLATE_NOOP("fields", "sort"),
    QT_TRANSLATE_NOOP("fields", "staff"),
    QT_TRANSLATE_NOOP("fields", "start page"),
    QT_TRANSLATE_NOOP("fields", "task name"),
    QT_TRANSLATE_NOOP("fields", "task templates"),
    QT_TRANSLATE_NOOP("fields", "to"),
    QT_TRANSLATE_NOOP("fields", "tracking number"),
    QT_TRANSLATE_NOOP("fields", "user"),
    QT_TRANSLATE_NOOP("fields", "user name"),
    QT_TRANSLATE_NOOP("fields", "username"),
    QT_TRANSLATE_NOOP("fields", "value"),
    QT_TRANSLATE_NOOP("fields", "view"),
    QT_TRANSLATE_NOOP("fields", "work plan"),
})


def field_words(field: str, language: str | None = None) -> str:
    """The name of a refused field in ``language`` ("due date" -> "Fälligkeitsdatum")."""
    return translate("fields", field, None, language) if field in FIELDS else field


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
