"""Screen and paper agree: Qt's locale data (the date and number inputs, counts in the GUI)
and domain/formats.py (the GUI's text, every PDF and export) write the same digits, signs and
dates for each language the app ships."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale

from dentasync_desktop.domain import formats
from dentasync_desktop.domain.money import Money
from dentasync_desktop.domain.text import sort_key
from dentasync_desktop.gui import formatting
from dentasync_desktop.gui.collation import sorted_names

LOCALES = ["de_DE", "fr_FR", "es_ES", "en_US"]
NUMBERS = [0, 7, 999, 1650, 9999, 12345, 1234567, -1650, -12345]
AMOUNTS = [Money(m, c) for m, c in [(0, "EUR"), (5, "EUR"), (165000, "EUR"), (999999, "EUR"),
                                    (1265050, "EUR"), (-4900000, "CZK"), (123456789, "USD"),
                                    (1650, "ISK"), (1234567, "KWD")]]
DATES = [date(2026, 8, 4), date(2026, 12, 24), date(1932, 1, 9), date(2000, 2, 29)]


@pytest.mark.parametrize("name", LOCALES)
def test_numbers_agree(name: str) -> None:
    locale = QLocale(name)
    for number in NUMBERS:
        assert locale.toString(number) == formats.number_text(number, name), number


@pytest.mark.parametrize("name", LOCALES)
def test_amounts_agree(name: str) -> None:
    locale = QLocale(name)
    for amount in AMOUNTS:
        places = len(amount.amount_text().partition(".")[2])
        whole, fraction = divmod(abs(amount.minor), 10**places)
        qt = locale.toString(whole) + (locale.decimalPoint() + f"{fraction:0{places}d}"
                                       if places else "")
        assert ("-" if amount.minor < 0 else "") + qt == formats.amount_text(amount, name)
        assert formatting.money(amount, locale) == formats.money_text(amount, name)


@pytest.mark.parametrize("name", LOCALES)
def test_dates_agree(name: str) -> None:
    locale = QLocale(name)
    for day in DATES:
        qt = locale.toString(QDate(day.year, day.month, day.day), formatting.date_format(locale))
        assert qt == formats.date_text(day, name) == formatting.date_text(day, locale)


def test_the_c_locale_formats_as_english() -> None:
    assert formatting.money(Money(165000, "EUR"), QLocale.c()) == "€1,650.00"
    assert formatting.date_text(date(2026, 8, 4), QLocale.c()) == "8/4/2026"


@pytest.mark.parametrize("name", LOCALES)
def test_names_sort_in_dictionary_order_on_screen_and_in_sql(name: str) -> None:
    names = ["Zahntechnik Nord", "Łukasz Dental", "Ørsted Lab", "Oskar", "Lars", "ärztehaus",
             "Müller", "Dvořák", "Dvorak", "bauer"]
    shown = sorted_names(names, QLocale(name))
    assert shown == ["ärztehaus", "bauer", "Dvorak", "Dvořák", "Lars", "Łukasz Dental",
                     "Müller", "Ørsted Lab", "Oskar", "Zahntechnik Nord"]
    # The services' stored key gives the same order (ties aside, which the id breaks).
    assert sorted(names, key=lambda n: (sort_key(n), n)) == shown
