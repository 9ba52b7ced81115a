"""Refusals carry a code, the field and parameters; their English words stay as they were."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from string import Formatter

import pytest

from dentasync_desktop.domain import error_text, lifecycle, validation
from dentasync_desktop.domain.actions import Action
from dentasync_desktop.domain.enums import OrderStatus
from dentasync_desktop.domain.errors import DomainError, LifecycleError, ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.domain.numbers import parse_number
from dentasync_desktop.domain.teeth import parse_teeth
from dentasync_desktop.i18n import translate


def refusal(call, *args):  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        call(*args)
    return caught.value


@pytest.mark.parametrize(("call", "args", "code", "field", "params", "words"), [
    (validation.required, ("", "patient"), "required", "patient", {}, "Patient: Required."),
    (validation.required, ("x" * 5, "name", 3), "too_long", "name",
     {"length": 5, "limit": 3}, "Name: Too long (5 characters, at most 3)."),
    (validation.email, ("nope",), "not_email", "e-mail", {"value": "nope"},
     "E-mail: 'nope' is not an e-mail address."),
    (validation.whole_number, (12, "days", 1, 10), "out_of_range", "days",
     {"minimum": 1, "maximum": 10}, "Days: Must be between 1 and 10."),
    (validation.due_not_before, (date(2026, 1, 1), date(2026, 2, 1)), "before_documented",
     "due date", {}, "Due date: Cannot be before the documented date."),
    (Money.parse, ("1.234", "EUR"), "too_many_decimals", "amount",
     {"currency": "EUR", "places": 2}, "Amount: EUR allows at most 2 decimal places."),
    (Money.parse, ("abc", "EUR"), "not_amount", "amount", {"value": "abc"},
     "Amount: 'abc' is not a valid amount."),
    (Money.parse, ("1", "XXX"), "unknown_currency", "currency", {"value": "XXX"},
     "Currency: Unknown currency code 'XXX'."),
    (parse_number, ("WO-x",), "not_order_number", "number", {"value": "WO-x"},
     "Number: 'WO-x' is not an order number."),
    (parse_teeth, ("99",), "not_tooth", "teeth", {"value": "99"},
     "Teeth: '99' is not a tooth in FDI notation (11-48, 51-85)."),
])
def test_validation_errors_carry_code_field_and_params(  # type: ignore[no-untyped-def]
        call, args, code, field, params, words) -> None:
    error = refusal(call, *args)
    assert isinstance(error, ValidationError)
    assert (error.code, error.field, error.params) == (code, field, params)
    assert str(error) == error.message == words
    assert error.reason == error_text.render(code, params)


def test_lifecycle_errors_carry_action_and_status() -> None:
    error = refusal(lifecycle.require, OrderStatus.CANCELLED, Action.PUBLISH)
    assert isinstance(error, LifecycleError)
    assert (error.code, error.params) == (
        "lifecycle.not_possible", {"action": "publish", "status": "cancelled"})
    assert str(error) == "Publish is not possible for an order that is cancelled."
    held = refusal(lifecycle.require, OrderStatus.DRAFT, Action.PUBLISH, True)
    assert (held.code, str(held)) == (
        "lifecycle.on_hold", "The order is on hold: take it off hold first.")


def test_the_verdict_says_why_in_the_same_words() -> None:
    verdict = lifecycle.verdict(OrderStatus.COMPLETED, Action.SHIP)
    assert not verdict.allowed and verdict.code == "lifecycle.not_possible"
    assert verdict.reason == "Ship is not possible for an order that is completed."


def test_open_tasks_are_counted_with_a_real_plural() -> None:
    assert error_text.render("lifecycle.open_tasks", {"count": 1, "tasks": ["Model"]}) == (
        "1 work-plan task is still open (Model); tick them done first.")
    assert error_text.render("lifecycle.open_tasks", {
        "count": 4, "tasks": ["A", "B", "C"]}) == (
        "4 work-plan tasks are still open (A, B, C…); tick them done first.")


def test_an_uncoded_refusal_keeps_its_words_under_the_text_code() -> None:
    error = ValidationError("file", "choose a file to attach")
    assert (error.code, error.field, error.params) == (
        "text", "file", {"text": "choose a file to attach"})
    assert str(error) == "File: Choose a file to attach."
    plain = DomainError("The database is busy.")
    assert (plain.code, plain.field, str(plain)) == ("text", "", "The database is busy.")


def _sample_params(code: str, template: str) -> dict[str, object]:
    names = {name for _, name, _, _ in Formatter().parse(template) if name}
    return SAMPLES[code][0] if code in SAMPLES else {name: f"<{name}>" for name in names}


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_every_message_is_one_sentence_in_the_one_style(language: str) -> None:
    """Each refusal reads as a sentence: a capital first letter (unless it starts with the
    value the user typed, quoted, or a name), a full stop (or ? !) at the end, no stray
    spaces; a field's refusal puts the field's label, capitalised, before it."""
    rendered = {code: error_text.render(code, _sample_params(code, template), language)
                for code, template in error_text._TEMPLATES.items()}
    rendered["too_many_decimals"] = error_text.render(
        "too_many_decimals", {"currency": "EUR", "places": 2}, language)
    for code, words in rendered.items():
        template = translate("errors", error_text._TEMPLATES.get(code, "{currency}"), None,
                             language)
        starts_with_value = template.startswith(("{", "'", "«", "“", "„"))
        assert starts_with_value or not words[0].isalpha() or words[0].isupper(), (
            language, code, words)
        assert words.endswith((".", "?", "!")), (language, code, words)
        assert words == words.strip() and "  " not in words, (language, code, words)
    error = ValidationError("due date", code="required")
    assert error.in_words(language).split(": ")[0][0].isupper()
    assert error.in_words(language).endswith(".")


def test_every_code_has_english_words() -> None:
    for code, template in error_text._TEMPLATES.items():
        names = {name for _, name, _, _ in Formatter().parse(template) if name}
        params = SAMPLES[code][0] if code in SAMPLES else {name: f"<{name}>" for name in names}
        words = error_text.render(code, params)
        assert words and "{" not in words, code
    assert error_text.render("lifecycle.not_delivered", {"status": "shipped"}) == (
        "The order is shipped, not delivered: there is no delivery to undo.")


def test_every_code_raised_in_the_source_has_english_words() -> None:
    source = Path(error_text.__file__).resolve().parents[1]
    raised = {code for path in source.rglob("*.py") for code in re.findall(
        r'(?:ValidationError|LifecycleError|DomainError)\((?:[^()]|\([^()]*\))*?code="([\w.]+)"',
        path.read_text(encoding="utf-8"))}
    assert len(raised) > 30
    assert raised <= error_text.CODES


def test_every_refused_field_is_marked_for_translation() -> None:
    """The field a refusal names is shown in the reader's language: each one written in the
    code must be in error_text.FIELDS, where lupdate finds it."""
    import ast

    source = Path(error_text.__file__).resolve().parents[1]
    named = set()
    for path in source.rglob("*.py"):
        if "gui" in path.relative_to(source).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id == "ValidationError" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    named.add(first.value)
            if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                    and func.value.id == "validation" and len(node.args) >= 2):
                second = node.args[1]
                if isinstance(second, ast.Constant) and isinstance(second.value, str):
                    named.add(second.value)
            # date_range(start, end, field): the field comes third.
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "date_range" and len(node.args) == 3:
                third = node.args[2]
                if isinstance(third, ast.Constant) and isinstance(third.value, str):
                    named.add(third.value)
    assert len(named) > 50
    assert named <= error_text.FIELDS, sorted(named - error_text.FIELDS)


# Parameters as the raising code passes them, and the English words they make: the same words
# the services wrote as sentences before they were given codes, amounts the English way of
# domain/formats.py.
SAMPLES: dict[str, tuple[dict[str, object], str]] = {
    "seed_needs_admin": ({}, "Only an administrator may add synthetic data to a database in use."),
    "currency_mismatch": ({"first": "EUR", "second": "CHF"},
                          "cannot combine EUR and CHF amounts"),
    "not_allowed": ({"role": "technician", "action": "finalize_payroll"},
                    "Your role (Technician) does not allow this action: Finalize payroll."),
    "not_comment_author": ({"author": "Ørsted Admin"},
                           "Only the author (Ørsted Admin) can edit this comment."),
    "stale_order": ({}, "Someone else changed this order in the meantime. It has been "
                        "reloaded; please try again."),
    "stale_event": ({}, "Someone else changed this event in the meantime. It has been "
                        "reloaded; please try again."),
    "not_signed_in": ({}, "You are not signed in as a user of this database. Sign in again."),
    "signed_out_deactivated": ({"username": "anna"}, (
        "The account 'anna' has been deactivated, so you have been signed out. Ask an "
        "administrator to reactivate it.")),
    "role_changed": ({"role": "manager"}, "An administrator changed your role to Manager. "
                                          "Sign in again to continue with the new role."),
    "record_missing": ({"record": "Dental lab", "id": 3}, "Dental lab #3 does not exist"),
    "no_order": ({"number": 123}, "There is no order WO-000123"),
    "no_work_order": ({"number": 7}, "There is no work order WO-000007."),
    "sign_in_failed": ({}, "Unknown user or wrong password."),
    "sign_in_failed_wait": ({"seconds": 30}, "Unknown user or wrong password. Too many wrong "
                                             "passwords: wait 30 seconds before the next "
                                             "attempt."),
    "sign_in_blocked": ({"username": "anna", "seconds": 600},
                        "Too many wrong passwords for 'anna'. Wait 10 minutes, then try again."),
    "account_deactivated": ({"username": "anna"}, "The account 'anna' is deactivated. Ask an "
                                                  "administrator to reactivate it."),
    "admin_exists": ({}, "An administrator account already exists; sign in, or ask an "
                         "administrator to create your account."),
    "no_such_user": ({"name": "bob"}, "there is no user called 'bob'"),
    "not_label_size": ({"value": "a5", "choices": ["62x29", "4x6"]},
                       "'a5' is not a label size; choose 62x29 or 4x6"),
    "unknown_section": ({"value": "x", "choices": ["prices", "comments"]},
                        "unknown section 'x'; choose from prices, comments"),
    "not_paper_size": ({"value": "a3"}, "'a3' is not a paper size; choose a4 or letter"),
    "not_one_of": ({"value": "A3", "choices": ["a4", "letter"]},
                   "'A3' is not one of a4, letter"),
    "not_iban": ({"value": "DE12"}, "'DE12' is not an IBAN (a country code, 2 check digits, "
                                    "then the account in letters and digits)"),
    "no_iban_country": ({"value": "US"}, "'US' is not a country that uses IBANs"),
    "iban_length": ({"country": "Germany", "length": 22, "actual": 21},
                    "an IBAN from Germany has 22 characters, this one has 21"),
    "iban_check_digits": ({}, "the check digits do not match; please check for typos"),
    "iban_form": ({"country": "Germany"},
                  "does not have the form of an IBAN from Germany; please check for typos"),
    "bic_length": ({"value": "COBA"},
                   "'COBA' is not a BIC: it has 8 or 11 letters and digits, e.g. COBADEFFXXX"),
    "bic_country": ({"country": "XX", "value": "COBAXXFF"},
                    "'XX' in 'COBAXXFF' is not a country code (letters 5 and 6 of a BIC name "
                    "the bank's country)"),
    "bic_form": ({"value": "1234DEFF"}, "'1234DEFF' is not a BIC: 4 letters for the bank, 2 "
                                        "for the country, 2 for the place, maybe 3 for the "
                                        "branch (e.g. COBADEFFXXX)"),
    "plan_not_positive": ({}, "the plan amount must be greater than zero"),
    "too_many_installments": ({}, "more installments than the amount can be split into"),
    "file_missing": ({"name": "scan.pdf"}, "'scan.pdf' does not exist (any more)"),
    "file_unreadable": ({"name": "scan.pdf", "reason": "Permission denied"},
                        "'scan.pdf' cannot be read: Permission denied"),
    "bad_file_name": ({"name": "a\ufffd"}, "'a\ufffd' is not a possible file name"),
    "file_is_folder": ({"name": "scans"}, "'scans' is a folder; choose a file"),
    "not_ordinary_file": ({"name": "fifo"}, "'fifo' is not an ordinary file"),
    "file_too_large": ({"name": "x.stl", "size": 60 * 2**20 + 2**19, "limit": 50 * 2**20},
                       "'x.stl' is too large (60.5 MB); the limit is 50 MB"),
    "already_removed": ({"name": "x.stl"}, "'x.stl' was already removed"),
    "needs_zoned_date_time": ({}, "needs a date and time with a time zone"),
    "not_event_kind": ({"value": "party"}, "'party' is not a kind of appointment"),
    "event_already_done": ({}, "the event is already done"),
    "event_already_open": ({}, "the event is already open"),
    "too_many_templates": ({"limit": 50}, "at most 50 per service"),
    "already_active": ({"record": "Dental lab", "name": "Łukasz Lab"},
                       "Dental lab Łukasz Lab is already active"),
    "already_inactive": ({"record": "Patient", "name": "Anna"}, "Patient Anna is already inactive"),
    "lab_exists": ({"name": "Lab"}, "a dental lab named 'Lab' already exists"),
    "customer_exists": ({"name": "Dr. Weiß", "clinic": ""},
                        "a customer named 'Dr. Weiß' already exists"),
    "customer_at_clinic_exists": ({"name": "Dr. Weiß", "clinic": "Mitte"},
                                  "a customer named 'Dr. Weiß' at Mitte already exists"),
    "service_code_taken": ({"value": "ZR"}, "the code 'ZR' is already used by another service"),
    "other_sort_order": ({}, "the page continues another sort order"),
    "too_many_items": ({"limit": 200}, "at most 200 items per order"),
    "total_too_large": ({"total_minor": 10**12 + 1, "maximum_minor": 10**12, "currency": "EUR"},
                        "the order total €10,000,000,000.01 is too large (at most "
                        "€10,000,000,000.00)"),
    "not_order_currency": ({"currency": "EUR"}, "must be in the order currency EUR"),
    "total_below_paid": ({"total_minor": 100, "paid_minor": 200, "currency": "EUR"},
                         "the total €1.00 would be below what is already paid (€2.00); "
                         "void payments first"),
    "total_below_plan": ({"total_minor": 100, "plan_minor": 300, "currency": "JPY"},
                         "the total ¥100 would be below the payment plan (¥300); change "
                         "the plan first"),
    "deactivated": ({"record": "Customer"}, "Customer is deactivated"),
    "currency_locked": ({}, "cannot change while payments or a plan exist"),
    "money_in_currency": ({"currency": "CHF"},
                          "payments or a plan exist in CHF; void them first"),
    "already_on_hold": ({}, "the order is already on hold"),
    "already_off_hold": ({}, "the order is already not on hold"),
    "no_order_number": ({"number": 42}, "WO-000042 does not exist"),
    "nul_in_file_name": ({}, "the file name contains a NUL character"),
    "file_name_not_text": ({}, "the file name contains characters that are not valid text"),
    "file_name_too_long": ({}, "the file name is too long; choose a shorter one"),
    "target_is_folder": ({"path": "/tmp", "kind": "PDF"},
                         "/tmp is a folder; give the name of a PDF file"),
    "not_the_order_currency": ({"currency": "EUR", "given": "CHF"},
                               "must be the order currency EUR, not CHF"),
    "not_payment_method": ({"value": "gold"}, "'gold' is not a payment method"),
    "more_than_total": ({"total_minor": 50000, "currency": "EUR"},
                        "cannot be more than the order total (€500.00)"),
    "installments_too_late": ({"year": 9999},
                              "the installments would fall after the year 9999"),
    "no_payment_plan": ({}, "the order has no payment plan"),
    "more_than_balance": ({"balance_minor": 1234, "currency": "KWD"},
                          "is more than the balance (KWD\xa01.234)"),
    "fully_paid": ({}, "the order is already fully paid"),
    "already_voided": ({"reason": "Twice"}, "was already voided: Twice"),
    "not_interval_unit": ({}, "must be days, weeks or months"),
    "payroll_locked": ({"date": "2026-11-02"}, "was finalized on 2026-11-02 and is locked"),
    "not_reminder": ({"value": "x"}, "'x' is not a reminder"),
    "no_lab_named": ({"name": "X", "labs": ["A", "B"]},
                     "no dental lab is called 'X' (the labs are: A; B)"),
    "logo_suffix": ({}, "must be a PNG or JPEG image (.png, .jpg or .jpeg)"),
    "no_file": ({"path": "/a/logo.png"}, "the file /a/logo.png does not exist"),
    "not_image": ({"name": "logo.png"}, "logo.png is not a PNG or JPEG image"),
    "not_preference_key": ({"value": "a b"}, "'a b' is not a preference key (letters, digits, "
                                             "dots, hyphens, underscores; at most 95 "
                                             "characters)"),
    "cannot_use": ({"path": "/x", "reason": "Read-only file system"},
                   "cannot use /x: Read-only file system"),
    "cannot_read": ({"path": "/x", "reason": "Permission denied"},
                    "cannot read /x: Permission denied"),
    "username_form": ({}, "use 3 to 50 characters: letters a-z, digits, dots, hyphens or "
                          "underscores"),
    "password_too_short": ({"minimum": 8}, "must be at least 8 characters long"),
    "not_role": ({"value": "boss", "choices": ["admin", "manager"]},
                 "'boss' is not a role (one of admin, manager)"),
    "username_taken": ({"value": "anna"}, "'anna' is already taken"),
    "user_already_active": ({"username": "anna"}, "anna is already active"),
    "user_already_deactivated": ({"username": "anna"}, "anna is already deactivated"),
    "last_admin_role": ({"username": "admin"}, "admin is the last active administrator; make "
                                               "another user an administrator first"),
    "last_admin": ({"username": "admin"}, "admin is the last active administrator"),
    "no_templates": ({}, "nothing to plan: none of the order's services has task templates"),
    "all_planned": ({}, "nothing to plan: every template task is already in the work plan"),
    "task_already_first": ({}, "the task is already first"),
    "task_already_last": ({}, "the task is already last"),
    "task_already_there": ({}, "the task is already where it is"),
    "task_already_assigned": ({"name": "Tom"}, "the task is already assigned to Tom"),
    "task_already_unassigned": ({}, "the task is already unassigned"),
    "database_busy": ({}, "The database is busy, please try again."),
    "storage.full": ({"path": "/d/x.sqlite3"}, "The disk holding /d/x.sqlite3 is full. Free some "
                     "space (empty the recycle bin, move or delete large files), then try "
                     "again. Nothing is damaged."),
    "storage.locked": ({"path": "/d/x"}, "/d/x is locked by another program (a sync or backup "
                       "tool, or another copy of Dentasync Desktop). Close it or wait a "
                       "moment, then try again."),
    "backup_missing": ({"path": "/b/1.sqlite3"}, "/b/1.sqlite3 does not exist"),
    "not_restorable": ({"path": "/b/1", "problems": ["page 3: bad", "row 4, 5: bad"]},
                       "/b/1 cannot be restored: page 3: bad; row 4, 5: bad"),
    "not_our_database": ({"path": "/b/1"}, "/b/1 is not a Dentasync Desktop database"),
    "backup_from_newer": ({"path": "/b/1"}, "/b/1 was made by a newer version of Dentasync "
                                            "Desktop; update the app first"),
    "damaged_with_backup": ({"path": "/d/x", "problems": ["bad page"], "backup": "/b/1"},
                            "The database /d/x is damaged (bad page). The newest backup is "
                            "/b/1; restore it with 'dentasync-desktop restore \"/b/1\"'."),
    "damaged_no_backup": ({"path": "/d/x", "problems": ["bad page"]},
                          "The database /d/x is damaged (bad page). No backup was found."),
    "broken_references": ({"count": 2}, "migration left 2 broken references"),
    "migration_heads": ({"count": 2}, "the migrations have 2 heads; expected one"),
    "database_from_newer": ({"schema": "0099"}, "This database was written by a newer version "
                                                "of Dentasync Desktop (schema 0099). Install "
                                                "the newer version to open it."),
    "being_restored": ({"path": "/d/x"}, "The database /d/x is being restored by another "
                                         "Dentasync Desktop process. Try again when the "
                                         "restore has finished."),
    "already_open": ({"path": "/d", "holder": "process 7"}, "Dentasync Desktop is already open "
                     "on /d (process 7). Switch to that window, or close it and start again."),
    "nothing_to_back_up": ({"path": "/d/x"}, "There is no database to back up at /d/x."),
    "open_elsewhere": ({"path": "/d/x", "holder": ""}, "The database /d/x is open in another "
                       "Dentasync Desktop window or command. Close it (or let the command "
                       "finish), then restore again. Nothing was changed."),
    "open_elsewhere_window": ({"path": "/d/x", "holder": "process 7"}, (
        "The database /d/x is open in another Dentasync Desktop window or command; the window "
        "is process 7. Close it (or let the command finish), then restore again. Nothing was "
        "changed.")),
    "task_already_done": ({}, "the task is already done"),
    "task_already_open": ({}, "the task is already open"),
    "too_many_tasks": ({"limit": 200}, "at most 200 tasks per order"),
    "server.cannot_connect": ({"url": "postgresql+psycopg://anna@127.0.0.1:1/dentasync",
                               "reason": "connection refused"},
                              "Cannot connect to the database server "
                              "postgresql+psycopg://anna@127.0.0.1:1/dentasync: connection "
                              "refused"),
    "server.bad_url": ({"reason": "Could not parse SQLAlchemy URL from string 'x'",
                        "expected": "postgresql+psycopg://user@host:5432/database"},
                       "The database URL is not valid (Could not parse SQLAlchemy URL from "
                       "string 'x'). Expected postgresql+psycopg://user@host:5432/database."),
    "server.not_postgresql": ({"driver": "postgresql+psycopg", "given": "mysql"},
                              "The database URL must start with postgresql+psycopg://, not "
                              "mysql://."),
    "server.incomplete_url": ({"url": "postgresql+psycopg:///dentasync"},
                              "The database URL postgresql+psycopg:///dentasync names no host "
                              "or no database."),
}


# Predicates that follow a field's label and lost their "is" when every message became a
# sentence ("Amount: More than the balance (€5.00).").
RESTYLED = frozenset({"required", "too_long", "not_date", "not_money", "amount_too_large",
                      "not_number", "same_customer", "wrong_password", "more_than_balance"})


def in_style(code: str, words: str) -> str:
    """The old words as the one message style writes them: a capital, a full stop."""
    if code in RESTYLED:
        words = words.removeprefix("is ")
    if not error_text._TEMPLATES[code].startswith("{"):
        words = words[:1].upper() + words[1:]
    return words if words.endswith((".", "?", "!")) else words + "."


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_each_new_code_renders_the_old_english_words(code: str) -> None:
    params, words = SAMPLES[code]
    assert error_text.render(code, params) == in_style(code, words)


def test_a_validation_error_names_its_field_before_the_words() -> None:
    error = ValidationError("amount", code="more_than_balance",
                            params={"balance_minor": 500, "currency": "EUR"})
    assert str(error) == "Amount: More than the balance (€5.00)."
    assert (error.code, error.field) == ("more_than_balance", "amount")


# What makes a database unusable, as the checks find it, and the English words it had when
# the checks wrote sentences (a row count now agrees with its verb).
PROBLEM_SAMPLES: dict[str, tuple[dict[str, object], str]] = {
    "problem.not_sqlite": ({}, "the file is not an SQLite database"),
    "problem.page_size": ({"page_size": 65535},
                          "the header names an impossible page size (65535)"),
    "problem.cut_short": ({"size": 169984, "expected": 339968},
                          "the file is cut short (169,984 bytes of 339,968)"),
    "problem.tables_missing": ({"names": ["activity", "blobs"]},
                               "tables missing: activity, blobs"),
    "problem.indexes_missing": ({"names": ["ix_orders_due"]}, "indexes missing: ix_orders_due"),
    "problem.triggers_missing": ({"names": ["activity_no_delete", "activity_no_update"]},
                                 "triggers missing: activity_no_delete, activity_no_update"),
    "problem.columns_missing": ({"names": ["payments.voided"]},
                                "columns missing: payments.voided"),
    "problem.broken_references": ({"count": 1, "table": "work_orders", "parent": "dental_labs"},
                                  "1 row of work_orders refers to dental_labs rows that do not "
                                  "exist"),
    "problem.paid_disagrees": ({"count": 7, "numbers": [1, 2, 3, 4, 5]},
                               "7 work orders whose stored paid amount disagrees with their "
                               "payments: WO-000001, WO-000002, WO-000003, WO-000004, "
                               "WO-000005 and 2 more"),
    "problem.currency_disagrees": ({"count": 1, "numbers": [3]},
                                   "1 work order whose payments are in another currency: "
                                   "WO-000003"),
    "problem.no_database": ({"path": "/d/x.sqlite3"},
                            "the database /d/x.sqlite3 does not exist yet"),
    "problem.folder_missing": ({"path": "/d/logs"}, "folder missing: /d/logs"),
    "problem.integrity": ({"problem": {"code": "problem.not_sqlite"}},
                          "integrity: the file is not an SQLite database"),
    "problem.no_schema_version": ({}, "this is not a Dentasync Desktop database (no schema "
                                      "version)"),
    "problem.schema_not_at_head": ({"schema": "9999_future", "head": "0017_outstandingnumber"},
                                   "schema is at 9999_future, expected 0017_outstandingnumber"),
}


def test_every_problem_has_a_sample() -> None:
    assert set(PROBLEM_SAMPLES) == error_text.PROBLEMS


@pytest.mark.parametrize("code", sorted(PROBLEM_SAMPLES))
def test_each_problem_renders_the_old_english_words(code: str) -> None:
    params, words = PROBLEM_SAMPLES[code]
    assert error_text.problem_words(error_text.problem(code, **params)) == words


def test_every_problem_found_in_the_source_has_words() -> None:
    source = Path(error_text.__file__).resolve().parents[1]
    found = {code for path in source.rglob("*.py") if path.name != "error_text.py"
             for code in re.findall(r'"(problem\.\w+)"', path.read_text(encoding="utf-8"))}
    assert len(found) > 10
    assert found <= error_text.PROBLEMS


def test_a_refusal_names_its_problems_in_the_readers_language() -> None:
    refusal = DomainError(code="not_restorable", params={"path": "/b/1", "problems": [
        error_text.problem("problem.cut_short", size=169984, expected=339968),
        "*** in database main ***"]})
    assert refusal.message == ("/b/1 cannot be restored: the file is cut short (169,984 bytes "
                               "of 339,968); *** in database main ***.")
    assert refusal.in_words("de") == (
        "/b/1 kann nicht wiederhergestellt werden: die Datei ist abgeschnitten (169.984 von "
        "339.968 Bytes); *** in database main ***.")


def test_a_refusal_among_the_problems_reads_as_a_clause() -> None:
    failed = DomainError(code="pg_tool_failed", params={"tool": "pg_restore", "reason": "boom"})
    refusal = DomainError(code="not_restorable",
                          params={"path": "/b/1", "problems": [failed.as_problem()]})
    assert refusal.message == "/b/1 cannot be restored: pg_restore failed: boom."
