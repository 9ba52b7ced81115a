"""One formatter for dates, numbers and money in every locale (domain/formats.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from babel.numbers import get_currency_precision
from hypothesis import given
from hypothesis import strategies as st

from dentasync_desktop.domain import formats
from dentasync_desktop.domain.money import CURRENCY_EXPONENTS, MAX_MINOR, Money

NBSP, NNBSP = "\xa0", "\u202f"
EUR = Money(165000, "EUR")


@pytest.mark.parametrize(("locale", "money", "amount", "day", "number"), [
    ("de", f"1.650,00{NBSP}€", "1.650,00", "04.08.2026", "12.345"),
    ("fr", f"1{NNBSP}650,00{NBSP}€", f"1{NNBSP}650,00", "04/08/2026", f"12{NNBSP}345"),
    # Spanish groups from five digits on (CLDR's minimum grouping), as Qt does.
    ("es", f"1650,00{NBSP}€", "1650,00", "4/8/2026", "12.345"),
    ("en", "€1,650.00", "1,650.00", "8/4/2026", "12,345"),
])
def test_each_locale_writes_money_dates_and_numbers_its_own_way(
        locale: str, money: str, amount: str, day: str, number: str) -> None:
    assert formats.money_text(EUR, locale) == money
    assert formats.amount_text(EUR, locale) == amount
    assert formats.date_text(date(2026, 8, 4), locale) == day
    assert formats.number_text(12345, locale) == number


def test_spanish_groups_five_digit_amounts() -> None:
    assert formats.money_text(Money(1265000, "EUR"), "es") == f"12.650,00{NBSP}€"


def test_the_currency_keeps_its_own_minor_digits() -> None:
    assert formats.money_text(Money(1650, "ISK"), "de") == f"1.650{NBSP}ISK"
    assert formats.money_text(Money(1234567, "KWD"), "en") == f"KWD{NBSP}1,234.567"
    assert formats.money_text(Money(5, "EUR"), "de") == f"0,05{NBSP}€"
    assert formats.money_text(Money(-165000, "EUR"), "de") == f"-1.650,00{NBSP}€"
    # Our table of minor digits wins where CLDR counts cash (HUF and IDR have 2, not 0).
    assert formats.amount_text(Money(12345, "HUF"), "de") == "123,45"


def test_our_minor_digits_agree_with_cldr_but_where_it_counts_only_coins() -> None:
    cash_rounded = {"HUF", "IDR", "COP", "ALL"}  # CLDR gives 0: no coins in use
    differ = {code for code, places in CURRENCY_EXPONENTS.items()
              if get_currency_precision(code) != places}
    assert differ <= cash_rounded


@pytest.mark.parametrize(("locale", "minor", "currency", "money", "amount"), [
    ("de", -123456789, "EUR", f"-1.234.567,89{NBSP}€", "-1.234.567,89"),
    ("en_IN", 123456789012, "INR", "₹1,23,45,67,890.12", "1,23,45,67,890.12"),
    ("es", 165000, "EUR", f"1650,00{NBSP}€", "1650,00"),
    ("es", -1265000, "EUR", f"-12.650,00{NBSP}€", "-12.650,00"),
    ("fr", -5, "CHF", f"-0,05{NBSP}CHF", "-0,05"),
    ("en", 0, "ISK", "ISK\xa00", "0"),
    ("ar", -1234567, "KWD", f"\u200f-1,234.567{NBSP}د.ك.\u200f", "\u200f-1,234.567"),
    ("he", 99, "ILS", f"\u200f0.99{NBSP}\u200f₪", "\u200f0.99\u200f"),
])
def test_amounts_of_any_length_and_sign_are_written_as_cldr_says(
        locale: str, minor: int, currency: str, money: str, amount: str) -> None:
    # Written from a template per length and sign (what Babel made of a probe amount):
    # twice, so the second comes from the template.
    for _ in range(2):
        assert formats.money_text(Money(minor, currency), locale) == money
        assert formats.amount_text(Money(minor, currency), locale) == amount


def test_a_currency_in_letters_stands_apart_from_the_digits() -> None:
    assert formats.money_text(Money(4900000, "CZK"), "en") == f"CZK{NBSP}49,000.00"
    assert formats.money_text(Money(4900000, "CZK"), "de") == f"49.000,00{NBSP}CZK"


@pytest.mark.parametrize("name", ["C", "", None, "POSIX", "xx_YY", "de_DE.UTF-8", "en-US",
                                  "\x00", "../../etc"])
def test_any_locale_name_formats_something(name: str | None) -> None:
    assert formats.money_text(EUR, name)  # type: ignore[arg-type]
    assert formats.date_text(date(2026, 8, 4), name)  # type: ignore[arg-type]
    assert formats.locale_of("de_DE.UTF-8").language == "de"
    assert formats.locale_of("C").language == "en"


def test_dates_keep_the_full_year_and_times_follow_the_locale() -> None:
    assert formats.date_text(date(1932, 5, 17), "de") == "17.05.1932"
    moment = datetime(2026, 8, 4, 13, 5, tzinfo=UTC)
    local = moment.astimezone()
    assert formats.datetime_text(moment, "de") == f"{local:%d.%m.%Y %H:%M}"
    assert formats.datetime_text(moment, "en").endswith(("AM", "PM"))
    assert formats.weekday_name(date(2026, 8, 4), "de") == "Dienstag"
    assert formats.weekday_name(date(2026, 8, 4), "fr") == "mardi"


@given(st.dates(date(1, 1, 1), date(9999, 12, 31)),
       st.sampled_from(["de", "fr", "es", "en", "sv", "bg", "cs", "ja", "zh", "ar"]))
def test_the_fast_date_writer_agrees_with_babel(day: date, locale: str) -> None:
    from babel.dates import format_date
    expected = format_date(day, formats.date_pattern(locale), locale=formats.locale_of(locale))
    assert formats.date_text(day, locale) == expected


@given(st.integers(-MAX_MINOR, MAX_MINOR), st.sampled_from(sorted(CURRENCY_EXPONENTS)),
       st.sampled_from(["de", "fr", "es", "en"]))
def test_amounts_read_back_exactly(minor: int, currency: str, locale: str) -> None:
    amount = Money(minor, currency)
    text = formats.amount_text(amount, locale)
    decimal, group = (",", ".") if locale in ("de", "es") else (
        (",", NNBSP) if locale == "fr" else (".", ","))
    plain = text.replace(group, "").replace(decimal, ".")
    assert Decimal(plain) == amount.to_decimal()
    assert formats.plain_amount(amount, locale) == amount.amount_text().replace(".", decimal)


@pytest.mark.parametrize(("locale", "date_format", "money_format"), [
    ("de", "dd.mm.yyyy", f'#,##0.00{NBSP}"€"'),
    ("fr", "dd/mm/yyyy", f'#,##0.00{NBSP}"€"'),
    ("es", "d/m/yyyy", f'#,##0.00{NBSP}"€"'),
    ("en", "m/d/yyyy", '"€"#,##0.00'),
])
def test_spreadsheet_formats_follow_the_locale(
        locale: str, date_format: str, money_format: str) -> None:
    assert formats.xlsx_date_format(locale) == date_format
    assert formats.xlsx_money_format("EUR", locale) == money_format
    assert formats.xlsx_money_format("JPY", "de") == f'#,##0{NBSP}"¥"'
    assert formats.xlsx_money_format("CZK", "en") == f'"CZK"{NBSP}#,##0.00'
