"""The GUI's words for every refusal code: the English of domain/error_text.py when no
translation is installed, amounts in the user's format."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from dentasync_desktop.domain import error_text as english
from dentasync_desktop.domain.errors import DomainError, LifecycleError, ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui import error_text
from dentasync_desktop.gui.formatting import money

from ..unit.test_error_codes import SAMPLES

LIFECYCLE = {
    "lifecycle.not_possible": {"action": "publish", "status": "cancelled"},
    "lifecycle.on_hold": {},
    "lifecycle.not_deletable": {"status": "published"},
    "lifecycle.has_history": {"kept": ["payments", "copies or remakes"]},
    "lifecycle.empty_order": {},
    "lifecycle.open_tasks": {"count": 4, "tasks": ["A", "B", "C"]},
    "lifecycle.not_delivered": {"status": "shipped"},
}
BASIC = {"required": {}, "too_long": {"length": 5, "limit": 3}, "one_of": {
    "choices": ["a", "b"]}, "too_many_decimals": {"currency": "EUR", "places": 2}}


def params_of(code: str) -> dict[str, object]:
    if code in SAMPLES:
        return dict(SAMPLES[code][0])
    if code in LIFECYCLE:
        return LIFECYCLE[code]
    if code in BASIC:
        return BASIC[code]
    template = english._TEMPLATES[code]
    return {name: f"<{name}>" for name in re.findall(r"{(\w+)}", template)}


def test_the_gui_knows_every_code() -> None:
    assert set(error_text.SOURCE) | {english.TEXT} == english.CODES


@pytest.mark.parametrize("code", sorted(english.CODES - {english.TEXT}))
def test_every_code_reads_as_in_english(qapp: QApplication, code: str) -> None:
    params = params_of(code)
    words = error_text.render(code, params)
    assert words and "{" not in words and "%n" not in words
    if not any(key.endswith("_minor") for key in params):
        assert words == english.render(code, params)


def test_amounts_follow_the_users_format(qapp: QApplication) -> None:
    params = {"balance_minor": 123456, "currency": "EUR"}
    assert error_text.render("more_than_balance", params) == (
        f"is more than the balance ({money(Money(123456, 'EUR'))})")


def test_messages_name_the_field_and_keep_uncoded_words(qapp: QApplication) -> None:
    assert error_text.message(ValidationError("due date", code="required")) == (
        "due date: is required")
    assert error_text.message(LifecycleError(code="lifecycle.on_hold")) == (
        "The order is on hold: take it off hold first.")
    assert error_text.message(DomainError("Plain words.")) == "Plain words."
    odd = ValidationError("x", code="too_long", params={"length": 5, "limit": 3})
    odd.params.pop("limit")
    assert error_text.message(odd) == odd.message  # parameters it cannot use: the English
