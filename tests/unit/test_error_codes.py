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


def refusal(call, *args):  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        call(*args)
    return caught.value


@pytest.mark.parametrize(("call", "args", "code", "field", "params", "words"), [
    (validation.required, ("", "patient"), "required", "patient", {}, "patient: is required"),
    (validation.required, ("x" * 5, "name", 3), "too_long", "name",
     {"length": 5, "limit": 3}, "name: is too long (5 characters, at most 3)"),
    (validation.email, ("nope", "email"), "not_email", "email", {"value": "nope"},
     "email: 'nope' is not an e-mail address"),
    (validation.whole_number, (12, "days", 1, 10), "out_of_range", "days",
     {"minimum": 1, "maximum": 10}, "days: must be between 1 and 10"),
    (validation.due_not_before, (date(2026, 1, 1), date(2026, 2, 1)), "before_documented",
     "due date", {}, "due date: cannot be before the documented date"),
    (Money.parse, ("1.234", "EUR"), "too_many_decimals", "amount",
     {"currency": "EUR", "places": 2}, "amount: EUR allows at most 2 decimal places"),
    (Money.parse, ("abc", "EUR"), "not_amount", "amount", {"value": "abc"},
     "amount: 'abc' is not a valid amount"),
    (Money.parse, ("1", "XXX"), "unknown_currency", "currency", {"value": "XXX"},
     "currency: unknown currency code 'XXX'"),
    (parse_number, ("WO-x",), "not_order_number", "number", {"value": "WO-x"},
     "number: 'WO-x' is not an order number"),
    (parse_teeth, ("99",), "not_tooth", "teeth", {"value": "99"},
     "teeth: '99' is not a tooth in FDI notation (11-48, 51-85)"),
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
    assert str(error) == "file: choose a file to attach"
    plain = DomainError("The database is busy.")
    assert (plain.code, plain.field, str(plain)) == ("text", "", "The database is busy.")


def test_every_code_has_english_words() -> None:
    for code, template in error_text._TEMPLATES.items():
        names = {name for _, name, _, _ in Formatter().parse(template) if name}
        words = error_text.render(code, {name: f"<{name}>" for name in names})
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
    assert len(named) > 50
    assert named <= error_text.FIELDS, sorted(named - error_text.FIELDS)
