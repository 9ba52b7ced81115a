"""Every activity code and every refusal code renders in every language: no exception, no
placeholder left, and no English word that did not go through the catalog.

The "pseudo" language translates every message into ⟦its source⟧: whatever English is left
outside the brackets was built around the catalog and would stay English in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from string import Formatter

import pytest

from dentasync_desktop.documents import activity_text
from dentasync_desktop.domain import error_text
from dentasync_desktop.i18n import LANGUAGES, catalog

from ..activity_samples import SAMPLES
from .test_error_codes import PROBLEM_SAMPLES

FALLBACK = "FALLBACK"


def error_samples() -> dict[str, dict[str, object]]:
    """Parameters that fit each refusal code."""
    samples: dict[str, dict[str, object]] = {
        code: {name: f"<{name}>" for _, name, _, _ in Formatter().parse(template) if name}
        for code, template in error_text._TEMPLATES.items()
    }
    samples.update({
        error_text.TEXT: {"text": "<text>"},
        "too_many_decimals": {"currency": "EUR", "places": 2},
        "server_in_use": {"count": 2, "database": "dentasync"},
        "one_of": {"choices": ["xlsx", "pdf"]},
        "lifecycle.not_possible": {"action": "publish", "status": "cancelled"},
        "lifecycle.on_hold": {},
        "lifecycle.not_deletable": {"status": "published"},
        "lifecycle.has_history": {"kept": ["<payments>"]},
        "lifecycle.empty_order": {},
        "lifecycle.open_tasks": {"tasks": ["<Model>"], "count": 3},
        "lifecycle.not_delivered": {"status": "shipped"},
        # Parameters the words are made from rather than shown as they are.
        "file_too_large": {"name": "<name>", "size": 3 * 2**20, "limit": 50 * 2**20},
        "no_order": {"number": 7},
        "no_order_number": {"number": 7},
        "no_work_order": {"number": 7},
        "not_allowed": {"role": "manager", "action": "publish"},
        "role_changed": {"role": "manager"},
        "sign_in_blocked": {"username": "<username>", "seconds": 600},
        "more_than_balance": {"balance_minor": 1234, "currency": "EUR"},
    })
    return samples


ERRORS = error_samples()


class _Pseudo(dict[catalog._Key, tuple[str, ...]]):
    """Any message's translation: its source (both numerus forms) in brackets."""

    def get(self, key: catalog._Key, default: object = None) -> tuple[str, ...]:  # type: ignore[override]
        text = f"⟦{key.source}⟧"
        return (text, text)

    def __contains__(self, key: object) -> bool:
        return True


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    real = catalog._messages

    def messages(language: str) -> dict[catalog._Key, tuple[str, ...]]:
        return _Pseudo() if language == "pseudo" else real(language)

    monkeypatch.setattr(catalog, "_messages", messages)
    yield "pseudo"


def outside_brackets(text: str) -> str:
    """What is left of ``text`` once every ⟦…⟧ (nested ones included) is taken out."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"⟦[^⟦⟧]*⟧", "", text)
    return text


def test_every_code_has_a_sample() -> None:
    assert set(SAMPLES) == activity_text.CODES
    assert set(ERRORS) == error_text.CODES


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_an_activity_entry_has_no_english_outside_the_catalog(pseudo: str, code: str) -> None:
    params, _english = SAMPLES[code]
    text = activity_text.render(code, params, FALLBACK, language=pseudo)
    assert text != FALLBACK
    assert not re.search(r"[A-Za-z]{2,}", outside_brackets(text)), text


@pytest.mark.parametrize("code", sorted(set(ERRORS) - {error_text.TEXT}))
def test_a_refusal_has_no_english_outside_the_catalog(pseudo: str, code: str) -> None:
    text = error_text.render(code, ERRORS[code], pseudo)
    assert not re.search(r"[A-Za-z]{2,}", outside_brackets(text)), text


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_an_activity_entry_renders_in_every_language(language: str, code: str) -> None:
    params, _english = SAMPLES[code]
    text = activity_text.render(code, params, FALLBACK, language=language)
    # A translation with a mistyped {placeholder} would fail here as the fallback.
    assert text != FALLBACK
    assert not re.search(r"[{}]|%n", text), text
    if language == "en":
        assert text == _english


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("code", sorted(ERRORS))
def test_a_refusal_renders_in_every_language(language: str, code: str) -> None:
    text = error_text.render(code, ERRORS[code], language)
    assert text and not re.search(r"[{}]|%n", text), text


@pytest.mark.parametrize("code", sorted(PROBLEM_SAMPLES))
def test_a_problem_has_no_english_outside_the_catalog(pseudo: str, code: str) -> None:
    params, _english = PROBLEM_SAMPLES[code]
    text = error_text.problem_words(error_text.problem(code, **params), pseudo)
    assert not re.search(r"[A-Za-z]{2,}", outside_brackets(text)), text


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("code", sorted(PROBLEM_SAMPLES))
def test_a_problem_renders_in_every_language(language: str, code: str) -> None:
    params, _english = PROBLEM_SAMPLES[code]
    text = error_text.problem_words(error_text.problem(code, **params), language)
    assert text and not re.search(r"[{}]|%n", text), text
    if language != "en":
        assert text != _english, text


class _Recording(dict[catalog._Key, tuple[str, ...]]):
    """A language's messages that note which ones were looked up."""

    def __init__(self, data: dict[catalog._Key, tuple[str, ...]],
                 seen: list[catalog._Key]) -> None:
        super().__init__(data)
        self.seen = seen

    def get(self, key: catalog._Key, default: object = None) -> object:  # type: ignore[override]
        self.seen.append(key)
        return super().get(key, default)


@pytest.mark.parametrize("language", sorted(set(LANGUAGES) - {"en"}))
@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_a_translated_entry_is_not_left_in_english(monkeypatch: pytest.MonkeyPatch,
                                                   language: str, code: str) -> None:
    """Once the language's file translates a message the entry uses, it reads differently."""
    real = catalog._messages
    seen: list[catalog._Key] = []
    monkeypatch.setattr(catalog, "_messages", lambda wanted: _Recording(real(wanted), seen)
                        if wanted == language else real(wanted))
    params, english = SAMPLES[code]
    text = activity_text.render(code, params, FALLBACK, language=language)
    translated = real(language)
    if any(key in translated and translated[key][0] != key.source for key in seen):
        assert text != english
