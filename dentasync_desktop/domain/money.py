"""Money as integer minor units plus an ISO 4217 code. Never a float."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .errors import CurrencyMismatch, ValidationError

# Minor-unit exponent per ISO 4217 code; the currencies a European or Middle-East clinic meets.
CURRENCY_EXPONENTS: dict[str, int] = {
    "EUR": 2, "USD": 2, "GBP": 2, "CHF": 2, "PLN": 2, "CZK": 2, "HUF": 2, "SEK": 2, "NOK": 2,
    "DKK": 2, "ISK": 0, "RON": 2, "BGN": 2, "TRY": 2, "RSD": 2, "BAM": 2, "MKD": 2, "ALL": 2,
    "UAH": 2, "GEL": 2, "AMD": 2, "AZN": 2, "CAD": 2, "AUD": 2, "NZD": 2, "JPY": 0, "KRW": 0,
    "CNY": 2, "INR": 2, "AED": 2, "SAR": 2, "QAR": 2, "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3,
    "ILS": 2, "EGP": 2, "MAD": 2, "TND": 3, "ZAR": 2, "BRL": 2, "MXN": 2, "ARS": 2, "CLP": 0,
    "COP": 2, "SGD": 2, "HKD": 2, "THB": 2, "MYR": 2, "IDR": 2, "PHP": 2, "VND": 0,
}

# The one upper bound of every amount the app stores: a unit price, an order total, a payment,
# a plan, a payroll amount (10,000,000,000.00 EUR). SQLite sums 64-bit integers and fails with
# "integer overflow" beyond 9.2 * 10**18, so any total of up to nine million orders at the
# bound still adds up; a unit price times the largest quantity is held to it as well.
MAX_MINOR = 10**12


def check_currency(code: str, field: str = "currency") -> str:
    normalized = (code or "").strip().upper()
    if not normalized:
        raise ValidationError(field, code="currency_required")
    if normalized not in CURRENCY_EXPONENTS:
        raise ValidationError(field, code="unknown_currency", params={"value": code})
    return normalized


def exponent(currency: str) -> int:
    return CURRENCY_EXPONENTS[check_currency(currency)]


@dataclass(frozen=True, slots=True, order=False)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise TypeError("Money.minor must be an int of minor units")
        if self.currency not in CURRENCY_EXPONENTS:
            raise ValidationError("currency", code="unknown_currency",
                                  params={"value": self.currency})

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, check_currency(currency))

    @classmethod
    def parse(cls, text: str | int | Decimal, currency: str, field: str = "amount") -> Money:
        """Read an amount typed by a user ("1 234,50", "1,234.50", "99") into minor units."""
        code = check_currency(currency)
        value = _to_decimal(text, field)
        exp = CURRENCY_EXPONENTS[code]
        scaled = value.scaleb(exp)
        if scaled != scaled.to_integral_value():
            raise ValidationError(field, code="too_many_decimals",
                                  params={"currency": code, "places": exp})
        return check_amount(cls(int(scaled), code), field)

    def _same(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError("can only combine Money with Money")
        if other.currency != self.currency:
            raise CurrencyMismatch(code="currency_mismatch",
                                   params={"first": self.currency, "second": other.currency})

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __mul__(self, factor: int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            raise TypeError("Money can only be multiplied by an int")
        return Money(self.minor * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.minor >= other.minor

    @property
    def is_zero(self) -> bool:
        return self.minor == 0

    def to_decimal(self) -> Decimal:
        return Decimal(self.minor).scaleb(-CURRENCY_EXPONENTS[self.currency])

    def amount_text(self) -> str:
        """Plain machine-neutral text ("1234.50"); the GUI formats with QLocale instead."""
        return amount_writer(self.currency)(self.minor)

    def __str__(self) -> str:
        return f"{self.amount_text()} {self.currency}"

    def allocate(self, parts: int) -> list[Money]:
        """Split into ``parts`` amounts that add up exactly; earlier parts take the remainder."""
        if parts < 1:
            raise ValidationError("installments", code="at_least", params={"minimum": 1})
        base, remainder = divmod(self.minor, parts)
        return [Money(base + (1 if i < remainder else 0), self.currency) for i in range(parts)]


@lru_cache(maxsize=256)
def amount_writer(currency: str, decimal_sign: str = ".") -> Callable[[int], str]:
    """Minor units of ``currency`` as plain text with ``decimal_sign`` ("1234.50").

    Built once per currency: an export writes a million amounts, and integer arithmetic
    with the digits known beforehand is several times faster than Decimal or Babel.
    """
    exp = CURRENCY_EXPONENTS[currency]
    if not exp:
        return str
    unit = 10**exp
    template: str = "%d" + decimal_sign.replace("%", "%%") + f"%0{exp}d"

    def text(minor: int) -> str:
        text: str = template % divmod(abs(minor), unit)
        return text if minor >= 0 else "-" + text
    return text


def check_amount(amount: Money, field: str) -> Money:
    """``amount`` if it is within MAX_MINOR either way, else a refusal naming ``field``."""
    if not isinstance(amount, Money):
        raise ValidationError(field, code="not_money")
    if abs(amount.minor) > MAX_MINOR:
        raise ValidationError(field, code="amount_too_large", params={
            "maximum": Money(MAX_MINOR, amount.currency).amount_text(),
            "currency": amount.currency})
    return amount


_GROUPING = re.compile(r"[\s\u00a0\u202f']")


def _to_decimal(text: str | int | Decimal, field: str) -> Decimal:
    if isinstance(text, bool):
        raise ValidationError(field, code="not_number")
    if isinstance(text, int | Decimal):
        return Decimal(text)
    # Typed callers never pass a float; this guards the ones that slip past the checker.
    if isinstance(text, float):  # type: ignore[unreachable]
        raise TypeError("amounts are never floats; pass text, int or Decimal")
    raw = _GROUPING.sub("", str(text or ""))
    if not raw:
        raise ValidationError(field, code="amount_required")
    if "," in raw and "." in raw:
        # The separator that comes last is the decimal one: "1.234,50" or "1,234.50".
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        group_sep = "." if decimal_sep == "," else ","
        raw = raw.replace(group_sep, "").replace(decimal_sep, ".")
    elif "," in raw:
        raw = raw.replace(",", ".")
    if raw.count(".") > 1 or not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", raw):
        raise ValidationError(field, code="not_amount", params={"value": str(text)})
    try:
        return Decimal(raw)
    except InvalidOperation as exc:
        raise ValidationError(field, code="not_amount", params={"value": str(text)}) from exc


def totals_by_currency(amounts: list[Money]) -> dict[str, Money]:
    """Sum per currency; different currencies are never added together."""
    totals: dict[str, Money] = {}
    for amount in amounts:
        totals[amount.currency] = totals.get(amount.currency, Money.zero(amount.currency)) + amount
    return totals
