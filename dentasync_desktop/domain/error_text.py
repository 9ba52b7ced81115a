"""The English words of every coded refusal: the one place they are written.

The CLI and the documents use these; the GUI translates the same codes. Parameters are plain
values (numbers, ISO dates, names, enum values), never pre-rendered sentences.
"""

from __future__ import annotations

from collections.abc import Mapping

from .actions import Action
from .enums import OrderStatus, Role

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
    # Whole sentences: refusals that name no field.
    "seed_needs_admin": "Only an administrator may add synthetic data to a database in use.",
    "currency_mismatch": "cannot combine {first} and {second} amounts",
    "not_allowed": "Your role ({role}) does not allow this action: {action}.",
    "not_comment_author": "Only the author ({author}) can edit this comment.",
    "stale_order": ("Someone else changed this order in the meantime. It has been reloaded; "
                    "please try again."),
    "stale_event": ("Someone else changed this event in the meantime. It has been reloaded; "
                    "please try again."),
    "not_signed_in": "You are not signed in as a user of this database. Sign in again.",
    "signed_out_deactivated": ("The account '{username}' has been deactivated, so you have "
                               "been signed out. Ask an administrator to reactivate it."),
    "role_changed": ("An administrator changed your role to {role}. Sign in again to continue "
                     "with the new role."),
    "record_missing": "{record} #{id} does not exist",
    "no_order": "There is no order {number}",
    "no_work_order": "There is no work order {number}.",
    "sign_in_failed": "Unknown user or wrong password.",
    "sign_in_failed_wait": ("Unknown user or wrong password. Too many wrong passwords: wait "
                            "{wait} before the next attempt."),
    "sign_in_blocked": "Too many wrong passwords for '{username}'. Wait {wait}, then try again.",
    "account_deactivated": ("The account '{username}' is deactivated. Ask an administrator to "
                            "reactivate it."),
    "admin_exists": ("An administrator account already exists; sign in, or ask an "
                     "administrator to create your account."),
    "database_busy": "The database is busy, please try again.",
    # The disk or the file system refused (db/storage.py): what to fix, never "restore".
    "storage.full": ("The disk holding {path} is full. Free some space (empty the recycle "
                     "bin, move or delete large files), then try again. Nothing is damaged."),
    "storage.read-only": ("{path} cannot be written: the file, its folder or the disk is "
                          "read-only. Make them writable (check the file's properties and that "
                          "the disk is not write-protected), then try again. Nothing is "
                          "damaged."),
    "storage.permission": ("{path} cannot be opened: permission denied. Check that your user "
                           "account may read and write this file and its folder, then try "
                           "again."),
    "storage.locked": ("{path} is locked by another program (a sync or backup tool, or "
                       "another copy of Dentasync Desktop). Close it or wait a moment, then "
                       "try again."),
    "storage.cannot-open": ("{path} cannot be opened. Check that the disk is connected and has "
                            "free space, and that your user account may read and write the "
                            "file and its folder, then try again."),
    "storage.io": ("The disk reported an error while using {path}. Check that the disk is "
                   "connected and has free space, then try again."),
    # The database file as a whole: start-up, backup and restore.
    "backup_missing": "{path} does not exist",
    "not_restorable": "{path} cannot be restored: {problems}",
    "not_our_database": "{path} is not a Dentasync Desktop database",
    "backup_from_newer": ("{path} was made by a newer version of Dentasync Desktop; update the "
                          "app first"),
    "damaged_with_backup": ("The database {path} is damaged ({problems}). The newest backup is "
                            "{backup}; restore it with 'dentasync-desktop restore "
                            "\"{backup}\"'."),
    "damaged_no_backup": "The database {path} is damaged ({problems}). No backup was found.",
    "broken_references": "migration left {count} broken references",
    "migration_heads": "the migrations have {count} heads; expected one",
    "database_from_newer": ("This database was written by a newer version of Dentasync Desktop "
                            "(schema {schema}). Install the newer version to open it."),
    "being_restored": ("The database {path} is being restored by another Dentasync Desktop "
                       "process. Try again when the restore has finished."),
    "already_open": ("Dentasync Desktop is already open on {path} ({holder}). Switch to that "
                     "window, or close it and start again."),
    "nothing_to_back_up": "There is no database to back up at {path}.",
    "open_elsewhere": ("The database {path} is open in another Dentasync Desktop window or "
                       "command. Close it (or let the command finish), then restore again. "
                       "Nothing was changed."),
    "open_elsewhere_window": ("The database {path} is open in another Dentasync Desktop window "
                              "or command; the window is {holder}. Close it (or let the command "
                              "finish), then restore again. Nothing was changed."),
    # The rest follow the field's name.
    "no_such_user": "there is no user called '{name}'",
    "not_label_size": "'{value}' is not a label size; choose {choices}",
    "unknown_section": "unknown section '{value}'; choose from {choices}",
    "not_paper_size": "'{value}' is not a paper size; choose a4 or letter",
    "not_one_of": "'{value}' is not one of {choices}",
    "not_iban": ("'{value}' is not an IBAN (a country code, 2 check digits, then the account "
                 "in letters and digits)"),
    "no_iban_country": "'{value}' is not a country that uses IBANs",
    "iban_length": "an IBAN from {country} has {length} characters, this one has {actual}",
    "iban_check_digits": "the check digits do not match; please check for typos",
    "iban_form": "does not have the form of an IBAN from {country}; please check for typos",
    "bic_length": "'{value}' is not a BIC: it has 8 or 11 letters and digits, e.g. COBADEFFXXX",
    "bic_country": ("'{country}' in '{value}' is not a country code (letters 5 and 6 of a BIC "
                    "name the bank's country)"),
    "bic_form": ("'{value}' is not a BIC: 4 letters for the bank, 2 for the country, 2 for the "
                 "place, maybe 3 for the branch (e.g. COBADEFFXXX)"),
    "plan_not_positive": "the plan amount must be greater than zero",
    "too_many_installments": "more installments than the amount can be split into",
    "file_missing": "'{name}' does not exist (any more)",
    "file_unreadable": "'{name}' cannot be read: {reason}",
    "bad_file_name": "'{name}' is not a possible file name",
    "file_is_folder": "'{name}' is a folder; choose a file",
    "not_ordinary_file": "'{name}' is not an ordinary file",
    "file_too_large": "'{name}' is too large ({size_mb} MB); the limit is {limit_mb} MB",
    "already_removed": "'{name}' was already removed",
    "needs_zoned_date_time": "needs a date and time with a time zone",
    "not_event_kind": "'{value}' is not a kind of appointment",
    "event_already_done": "the event is already done",
    "event_already_open": "the event is already open",
    "too_many_templates": "at most {limit} per service",
    "already_active": "{record} {name} is already active",
    "already_inactive": "{record} {name} is already inactive",
    "lab_exists": "a dental lab named '{name}' already exists",
    "customer_exists": "a customer named '{name}' already exists",
    "customer_at_clinic_exists": "a customer named '{name}' at {clinic} already exists",
    "service_code_taken": "the code '{value}' is already used by another service",
    "other_sort_order": "the page continues another sort order",
    "too_many_items": "at most {limit} items per order",
    "total_too_large": "the order total {total} is too large (at most {maximum})",
    "not_order_currency": "must be in the order currency {currency}",
    "total_below_paid": ("the total {total} would be below what is already paid ({paid}); "
                         "void payments first"),
    "total_below_plan": ("the total {total} would be below the payment plan ({plan}); change "
                         "the plan first"),
    "deactivated": "{record} is deactivated",
    "currency_locked": "cannot change while payments or a plan exist",
    "money_in_currency": "payments or a plan exist in {currency}; void them first",
    "already_on_hold": "the order is already on hold",
    "already_off_hold": "the order is already not on hold",
    "no_order_number": "{number} does not exist",
    "nul_in_file_name": "the file name contains a NUL character",
    "file_name_not_text": "the file name contains characters that are not valid text",
    "file_name_too_long": "the file name is too long; choose a shorter one",
    "target_is_folder": "{path} is a folder; give the name of a {kind} file",
    "not_the_order_currency": "must be the order currency {currency}, not {given}",
    "not_payment_method": "'{value}' is not a payment method",
    "more_than_total": "cannot be more than the order total ({total})",
    "installments_too_late": "the installments would fall after the year {year}",
    "no_payment_plan": "the order has no payment plan",
    "more_than_balance": "is more than the balance ({balance})",
    "fully_paid": "the order is already fully paid",
    "already_voided": "was already voided: {reason}",
    "not_interval_unit": "must be days, weeks or months",
    "payroll_locked": "was finalized on {date} and is locked",
    "not_reminder": "'{value}' is not a reminder",
    "no_lab_named": "no dental lab is called '{name}' (the labs are: {labs})",
    "logo_suffix": "must be a PNG or JPEG image (.png, .jpg or .jpeg)",
    "no_file": "the file {path} does not exist",
    "not_image": "{name} is not a PNG or JPEG image",
    "not_preference_key": ("'{value}' is not a preference key (letters, digits, dots, "
                           "hyphens, underscores; at most 95 characters)"),
    "cannot_use": "cannot use {path}: {reason}",
    "cannot_read": "cannot read {path}: {reason}",
    "username_form": ("use 3 to 50 characters: letters a-z, digits, dots, hyphens or "
                      "underscores"),
    "password_too_short": "must be at least {minimum} characters long",
    "not_role": "'{value}' is not a role (one of {choices})",
    "username_taken": "'{value}' is already taken",
    "user_already_active": "{username} is already active",
    "user_already_deactivated": "{username} is already deactivated",
    "last_admin_role": ("{username} is the last active administrator; make another user an "
                        "administrator first"),
    "last_admin": "{username} is the last active administrator",
    "no_templates": "nothing to plan: none of the order's services has task templates",
    "all_planned": "nothing to plan: every template task is already in the work plan",
    "task_already_first": "the task is already first",
    "task_already_last": "the task is already last",
    "task_already_there": "the task is already where it is",
    "task_already_assigned": "the task is already assigned to {name}",
    "task_already_unassigned": "the task is already unassigned",
    "task_already_done": "the task is already done",
    "task_already_open": "the task is already open",
}

# Lists shown as alternatives ("62x29 or 4x6"); other lists are joined by commas.
OR_LISTS = frozenset({"not_label_size"})
# Lists whose items may hold commas themselves.
_SEMICOLON_LISTS = frozenset({"labs", "problems"})


def _wait(seconds: int) -> str:
    return f"{seconds} seconds" if seconds < 120 else f"{(seconds + 59) // 60} minutes"


def _values(code: str, params: Mapping[str, object]) -> dict[str, object]:
    """The parameters as the English words show them: amounts from their minor units and
    currency, order numbers as printed, lists joined, enum values as their labels."""
    # Here, not at the top: money.py and numbers.py raise the errors that render through this.
    from .money import Money
    from .numbers import format_number

    values = dict(params)
    currency = str(params.get("currency", ""))
    for key, value in params.items():
        if key.endswith("_minor") and currency:
            values[key.removesuffix("_minor")] = str(Money(int(value), currency))  # type: ignore[call-overload]
        elif isinstance(value, list | tuple):
            joiner = " or " if code in OR_LISTS else "; " if key in _SEMICOLON_LISTS else ", "
            values[key] = joiner.join(str(v) for v in value) or (
                "none yet" if key == "labs" else "")
    if code in ("no_order", "no_work_order", "no_order_number"):
        values["number"] = format_number(int(params["number"]))  # type: ignore[call-overload]
    if code == "not_allowed":
        values["role"] = Role(str(params["role"])).label
        values["action"] = Action(str(params["action"])).label
    if code == "role_changed":
        values["role"] = Role(str(params["role"])).label
    if "seconds" in params:
        values["wait"] = _wait(int(params["seconds"]))  # type: ignore[call-overload]
    if code == "file_too_large":
        values["size_mb"] = f"{int(params['size']) / 2**20:.1f}"  # type: ignore[call-overload]
        values["limit_mb"] = int(params["limit"]) // 2**20  # type: ignore[call-overload]
    return values


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
    values = _values(code, params)
    if code == "too_many_decimals":
        values["places_s"] = "" if params.get("places") == 1 else "s"
    return _TEMPLATES[code].format(**values)


CODES = frozenset([*_TEMPLATES, TEXT, "lifecycle.not_possible", "lifecycle.on_hold",
                   "lifecycle.open_tasks", "lifecycle.not_delivered", "lifecycle.empty_order",
                   "lifecycle.not_deletable", "lifecycle.has_history"])
