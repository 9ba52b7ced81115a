"""The English words of every activity code; old sentences shown as they are."""

from __future__ import annotations

import pytest

from dentasync_desktop.documents import activity_text

from ..activity_samples import SAMPLES


def test_every_code_has_a_sample() -> None:
    assert set(SAMPLES) == activity_text.CODES


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_every_code_renders_in_english(code: str) -> None:
    params, expected = SAMPLES[code]
    assert activity_text.render(code, params) == expected


def test_the_order_number_can_be_left_out_on_the_orders_own_timeline() -> None:
    params, _ = SAMPLES["payment.recorded"]
    assert activity_text.render("payment.recorded", params, with_number=False) == (
        "payment of €120.50 (card) on 12/2/2026 recorded")


def test_plurals_are_words_not_brackets() -> None:
    assert activity_text.render("task.planned", {"order": 1, "count": 4}) == (
        "WO-000001: planned 4 tasks automatically")


def test_amounts_keep_the_currencys_minor_digits() -> None:
    assert activity_text.render("order.price_adjusted", {
        "old_minor": 5000, "new_minor": 4500, "currency": "JPY"}) == (
        "Price adjusted from ¥5,000 to ¥4,500")


@pytest.mark.parametrize(("code", "params"), [
    ("", {}), ("no.such.code", {"order": 1}), ("order.created", {}),
    ("payment.recorded", {"order": 1, "amount_minor": "x", "currency": "EUR"}),
])
def test_an_old_or_unreadable_entry_shows_its_stored_sentence(
        code: str, params: dict[str, object]) -> None:
    assert activity_text.render(code, params, "Imported by hand") == "Imported by hand"


def test_stored_params_that_are_not_an_object_count_as_none() -> None:
    assert activity_text.load_params("") == {}
    assert activity_text.load_params("[1, 2]") == {}
    assert activity_text.load_params("{broken") == {}
    assert activity_text.load_params('{"order": 5}') == {"order": 5}
