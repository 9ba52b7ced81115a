"""The GUI's words for every refusal: domain/error_text.py's, in the GUI's language, with the
amounts and numbers in the GUI's locale (gui/errors.py error_words)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from dentasync_desktop.domain import error_text
from dentasync_desktop.domain.errors import DomainError, LifecycleError, ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui.errors import error_words
from dentasync_desktop.gui.formatting import locale_name, money
from dentasync_desktop.i18n import catalog

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
    "choices": ["a", "b"]}, "too_many_decimals": {"currency": "EUR", "places": 2},
    "server_in_use": {"count": 2, "database": "dentasync"}}


def params_of(code: str) -> dict[str, object]:
    if code in SAMPLES:
        return dict(SAMPLES[code][0])
    if code in LIFECYCLE:
        return LIFECYCLE[code]
    if code in BASIC:
        return BASIC[code]
    template = error_text._TEMPLATES[code]
    return {name: f"<{name}>" for name in re.findall(r"{(\w+)}", template)}


@pytest.mark.parametrize("code", sorted(error_text.CODES - {error_text.TEXT}))
def test_every_code_reads_as_the_domain_words_it(qapp: QApplication, code: str) -> None:
    params = params_of(code)
    words = error_words(DomainError(code=code, params=params))
    assert words and "{" not in words and "%n" not in words
    assert words == error_text.render(code, params, None, locale_name())


def test_amounts_follow_the_users_format(qapp: QApplication) -> None:
    error = ValidationError("amount", code="more_than_balance",
                            params={"balance_minor": 123456, "currency": "EUR"})
    assert error_words(error) == (
        f"Amount: More than the balance ({money(Money(123456, 'EUR'))}).")


def test_the_words_are_in_the_guis_language(qapp: QApplication,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog, "_default", "de")
    error = ValidationError("due date", code="required")
    assert error_words(error) == error.in_words("de", locale_name())
    assert error_words(error) != "Due date: Required."


def test_messages_name_the_field_and_keep_uncoded_words(qapp: QApplication) -> None:
    assert error_words(ValidationError("due date", code="required")) == (
        "Due date: Required.")
    assert error_words(LifecycleError(code="lifecycle.on_hold")) == (
        "The order is on hold: take it off hold first.")
    assert error_words(DomainError("Plain words.")) == "Plain words."
    odd = DomainError(code="too_long", params={"length": 5, "limit": 3})
    odd.params.pop("limit")
    assert error_words(odd) == odd.message  # parameters it cannot use: the words as raised
