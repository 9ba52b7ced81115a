"""Money: integer minor units, parsing what people type, never mixing currencies."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dentasync_desktop.domain.errors import CurrencyMismatch, ValidationError
from dentasync_desktop.domain.money import (
    CURRENCY_EXPONENTS,
    Money,
    check_currency,
    totals_by_currency,
)


@pytest.mark.parametrize(("text", "currency", "minor"), [
    ("1 234,50", "EUR", 123450),
    ("1,234.50", "EUR", 123450),
    ("1.234,50", "EUR", 123450),
    ("1\u00a0234,5", "EUR", 123450),
    ("1'234.50", "CHF", 123450),
    ("99", "EUR", 9900),
    ("0,05", "EUR", 5),
    (".5", "USD", 50),
    ("-12.30", "EUR", -1230),
    ("1,5", "EUR", 150),
    ("1234", "JPY", 1234),
    ("1.234", "KWD", 1234),
    (Decimal("12.3"), "EUR", 1230),
    (7, "eur", 700),
])
def test_parse_reads_what_people_type(text: str, currency: str, minor: int) -> None:
    assert Money.parse(text, currency) == Money(minor, currency.upper())


@pytest.mark.parametrize(("text", "currency", "message"), [
    ("1.234", "EUR", "Amount: EUR allows at most 2 decimal places."),
    ("12,345", "EUR", "Amount: EUR allows at most 2 decimal places."),
    ("1.5", "JPY", "Amount: JPY allows at most 0 decimal places."),
    ("1.2345", "KWD", "Amount: KWD allows at most 3 decimal places."),
])
def test_parse_refuses_too_many_decimals(text: str, currency: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Money.parse(text, currency)
    assert (info.value.field, info.value.message) == ("amount", message)


@pytest.mark.parametrize("text", ["", "   ", "abc", "1.2.3", "12€", "--1", "1,2,3.4.5", "1e5"])
def test_parse_refuses_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(ValidationError, match=r"^Price: ") as info:
        Money.parse(text, "EUR", field="price")
    assert info.value.field == "price"


def test_parse_refuses_absurd_amounts() -> None:
    with pytest.raises(ValidationError, match="Too large"):
        Money.parse("10000000000000", "EUR")


@pytest.mark.parametrize("code", ["XYZ", "euro", "", "  "])
def test_unknown_currency_is_refused(code: str) -> None:
    with pytest.raises(ValidationError) as info:
        Money.parse("1", code)
    assert info.value.field == "currency"
    with pytest.raises(ValidationError, match=r"(?i)currency"):
        Money(100, code)


def test_check_currency_normalises() -> None:
    assert check_currency(" chf ") == "CHF"


@pytest.mark.parametrize("bad", [1.5, True, "100", None])
def test_minor_units_must_be_an_int(bad: object) -> None:
    with pytest.raises(TypeError):
        Money(bad, "EUR")  # type: ignore[arg-type]


def test_floats_are_refused_everywhere() -> None:
    with pytest.raises(TypeError, match="never floats"):
        Money.parse(12.5, "EUR")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100, "EUR") * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money(100, "EUR") + 1  # type: ignore[operator]


def test_arithmetic_and_comparison_within_one_currency() -> None:
    a, b = Money(1050, "EUR"), Money(250, "EUR")
    assert a + b == Money(1300, "EUR")
    assert a - b == Money(800, "EUR")
    assert -b == Money(-250, "EUR")
    assert b * 3 == 3 * b == Money(750, "EUR")
    assert b < a and a >= b and not a <= b
    assert Money.zero("eur").is_zero


def test_different_currencies_never_combine() -> None:
    eur, usd = Money(100, "EUR"), Money(100, "USD")
    for combine in (lambda: eur + usd, lambda: eur - usd, lambda: eur < usd,
                    lambda: eur >= usd):
        with pytest.raises(CurrencyMismatch, match="Cannot combine EUR and USD"):
            combine()
    assert eur != usd


def test_text_forms() -> None:
    assert str(Money(123450, "EUR")) == "1234.50 EUR"
    assert Money(5, "EUR").amount_text() == "0.05"
    assert Money(-5, "KWD").amount_text() == "-0.005"
    assert Money(1234, "JPY").amount_text() == "1234"
    assert Money(123450, "EUR").to_decimal() == Decimal("1234.50")


@pytest.mark.parametrize(("minor", "parts", "expected"), [
    (100, 3, [34, 33, 33]),
    (50000, 3, [16667, 16667, 16666]),
    (5, 5, [1, 1, 1, 1, 1]),
    (2, 3, [1, 1, 0]),
    (-100, 3, [-33, -33, -34]),
    (999, 1, [999]),
])
def test_allocate_adds_up_exactly(minor: int, parts: int, expected: list[int]) -> None:
    shares = Money(minor, "EUR").allocate(parts)
    assert [s.minor for s in shares] == expected
    assert sum(s.minor for s in shares) == minor
    assert {s.currency for s in shares} == {"EUR"}


def test_allocate_needs_a_part() -> None:
    with pytest.raises(ValidationError, match="Installments: Must be at least 1"):
        Money(100, "EUR").allocate(0)


def test_totals_stay_per_currency() -> None:
    totals = totals_by_currency([Money(100, "EUR"), Money(5, "USD"), Money(250, "EUR")])
    assert totals == {"EUR": Money(350, "EUR"), "USD": Money(5, "USD")}
    assert totals_by_currency([]) == {}


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from(["EUR", "JPY", "KWD"]))
def test_amount_text_is_the_decimal_written_out(minor: int, currency: str) -> None:
    money = Money(minor, currency)
    exp = CURRENCY_EXPONENTS[currency]
    assert money.amount_text() == f"{money.to_decimal():.{exp}f}"
