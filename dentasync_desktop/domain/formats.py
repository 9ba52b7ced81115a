"""Dates, numbers and money in a locale's own way: the one formatter of the screen and paper.

PDFs, XLSX and CSV exports, the CLI and the activity log format through this module; the GUI
formats its text through it as well and its date and number inputs (QLocale) are tested to
read the same (tests/gui/test_formats_agree.py). Qt-free, built on Babel's CLDR data.

``locale`` is a language tag ("de", "fr_FR", "en_US"); "C", "" or anything unknown falls back
to English, so a machine without a locale still prints sensibly.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_date_format, get_time_format
from babel.numbers import NumberPattern, format_decimal

from .money import CURRENCY_EXPONENTS, Money, amount_writer

DEFAULT_LOCALE = "en"
# CLDR's minimumGroupingDigits of 2 (Babel does not read it): "1650,00 €" but "12.650,00 €".
# Qt follows it, so the screen's inputs and the paper agree.
_MIN_GROUPING_2 = frozenset({"es", "pl", "pt_PT", "bg"})
_LETTER_DIGIT = re.compile(r'([^\W\d_]"?)([\d#])')
_DIGIT_LETTER = re.compile(r'([\d#])("?[^\W\d_])')


@lru_cache(maxsize=64)
def locale_of(name: str | None) -> Locale:
    """The Babel locale for ``name``; English when there is none or it is not known."""
    tag = (name or "").split(".")[0].replace("-", "_")
    if tag in ("", "C", "POSIX"):
        tag = DEFAULT_LOCALE
    try:
        return Locale.parse(tag)
    except (ValueError, UnknownLocaleError):
        return Locale.parse(DEFAULT_LOCALE)


def _groups(locale: Locale, whole: int) -> bool:
    if abs(whole) >= 10_000:
        return True
    return not ({locale.language, str(locale)} & _MIN_GROUPING_2)


def number_text(value: int | Decimal, locale: str = DEFAULT_LOCALE) -> str:
    """A count or quantity with the locale's grouping and decimal sign: "12.345" in German."""
    loc = locale_of(locale)
    return format_decimal(value, locale=loc, group_separator=_groups(loc, int(value)),
                          decimal_quantization=False)


@lru_cache(maxsize=64)
def _money_pattern(locale: Locale, places: int, symbol: bool) -> NumberPattern:
    """The locale's currency pattern with exactly the currency's minor digits (ours, not
    CLDR's: a HUF amount keeps its fillér) and, for plain amounts, no currency sign."""
    pattern: NumberPattern = copy.copy(locale.currency_formats["standard"])
    pattern.frac_prec = (places, places)
    if not symbol:
        pattern.prefix = _without_sign(pattern.prefix)
        pattern.suffix = _without_sign(pattern.suffix)
    return pattern


def _without_sign(affixes: tuple[str, str]) -> tuple[str, str]:
    positive, negative = (a.replace("¤", "").strip("\xa0 ") for a in affixes)
    return positive, negative


def _money(amount: Money, locale: str, symbol: bool) -> str:
    minor, currency = amount.minor, amount.currency
    # Every digit, at least one before the decimal sign ("0,05 €").
    digits = f"{abs(minor):0{CURRENCY_EXPONENTS[currency] + 1}d}"
    template = _money_template(locale, currency, symbol, minor < 0, len(digits))
    if template is None:
        return _babel_money(amount, locale, symbol)
    return template % tuple(digits)


def _babel_money(amount: Money, locale: str, symbol: bool) -> str:
    loc = locale_of(locale)
    places = CURRENCY_EXPONENTS[amount.currency]
    pattern = _money_pattern(loc, places, symbol)
    whole = abs(amount.minor) // 10**places
    return _spaced(pattern.apply(amount.to_decimal(), loc, currency=amount.currency,
                                 currency_digits=False, group_separator=_groups(loc, whole)))


@lru_cache(maxsize=1024)
def _money_template(locale: str, currency: str, symbol: bool, negative: bool,
                    digits: int) -> str | None:
    """What Babel writes for every amount of ``currency`` with this sign and this many digits,
    its digits left as ``%s``: the order list shows three amounts a row, and Babel took
    longer over them than the rest of the row. Babel is asked once, for an amount with all
    its digits set to 7; None when its answer does not keep them as ASCII digits in order."""
    probe = Money(int("7" * digits) * (-1 if negative else 1), currency)
    text = _babel_money(probe, locale, symbol)
    if re.sub("[^0-9]", "", text) != "7" * digits or "%" in text:
        return None
    return text.replace("7", "%s")


def _spaced(text: str) -> str:
    """A space between a currency written in letters and the digits ("CZK 49,000.00", not
    "CZK49,000.00"): CLDR's currency spacing, which Babel leaves out."""
    return _LETTER_DIGIT.sub("\\1\xa0\\2", _DIGIT_LETTER.sub("\\1\xa0\\2", text))


def money_text(amount: Money | None, locale: str = DEFAULT_LOCALE) -> str:
    """An amount with its currency the locale's way: "1.650,00 €", "€1,650.00",
    "1 650,00 €"; the currency's own number of minor digits ("1.650 ISK")."""
    return "" if amount is None else _money(amount, locale, True)


def amount_text(amount: Money | None, locale: str = DEFAULT_LOCALE) -> str:
    """The number of an amount without its currency, for a column headed by the currency."""
    return "" if amount is None else _money(amount, locale, False)


@lru_cache(maxsize=64)
def date_pattern(locale: str = DEFAULT_LOCALE) -> str:
    """The locale's short numeric date with the year in full ("dd.MM.y", "M/d/y"): short
    enough for a table, and a birth year of 1932 never reads as 2032."""
    return re.sub("y+", "y", get_date_format("short", locale=locale_of(locale)).pattern)


_DATE_TEMPLATES = {"y": "{0.year}", "d": "{0.day}", "dd": "{0.day:02d}", "M": "{0.month}",
                   "MM": "{0.month:02d}"}


@lru_cache(maxsize=64)
def date_writer(locale: str) -> Callable[[date], str]:
    """``date_text`` for one locale: the numeric pattern put together field by field, ten
    times faster than Babel's general formatter (an export writes 100k dates); a pattern
    with anything else (an era, a quoted word) goes to Babel."""
    pattern = date_pattern(locale)
    parts = re.findall(r"([yMd]+)|([^A-Za-z']+)|(.)", pattern)
    if any(other or (field and field not in _DATE_TEMPLATES) for field, _sep, other in parts):
        loc = locale_of(locale)
        return lambda value: format_date(value, pattern, locale=loc)
    # One str.format call per date: joining a function per field cost five calls a date.
    template = "".join(_DATE_TEMPLATES[field] if field else sep.replace("{", "{{")
                       .replace("}", "}}") for field, sep, _other in parts)
    return template.format


def date_text(value: date | None, locale: str = DEFAULT_LOCALE) -> str:
    """A day the locale's short numeric way, the year in full: "04.08.2026", "8/4/2026"."""
    return "" if value is None else date_writer(locale)(value)


@lru_cache(maxsize=64)
def decimal_sign(locale: str = DEFAULT_LOCALE) -> str:
    return str(locale_of(locale).number_symbols["latn"]["decimal"])


def plain_amount(amount: Money, locale: str = DEFAULT_LOCALE) -> str:
    """An amount for another program to read: the locale's decimal sign, no grouping, no
    currency ("1650,00" in German)."""
    return amount_writer(amount.currency, decimal_sign(locale))(amount.minor)


def time_text(value: datetime, locale: str = DEFAULT_LOCALE) -> str:
    """Hours and minutes of an aware time, in this computer's time zone."""
    loc = locale_of(locale)
    return format_time(value.astimezone(), get_time_format("short", loc).pattern, locale=loc)


def datetime_text(value: datetime | None, locale: str = DEFAULT_LOCALE) -> str:
    """A stored (aware, UTC) moment in this computer's local time, to the minute."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{date_text(local.date(), locale)} {time_text(local, locale)}"


# CLDR date fields and the spreadsheet codes that show the same thing.
_XLSX_DATE = (("y", "yyyy"), ("MM", "mm"), ("M", "m"), ("dd", "dd"), ("d", "d"))


@lru_cache(maxsize=64)
def xlsx_date_format(locale: str = DEFAULT_LOCALE) -> str:
    """A spreadsheet number format that shows a real date cell as ``date_text`` does."""
    parts = re.findall(r"y+|M+|d+|[^yMd]+", date_pattern(locale))
    codes = dict(_XLSX_DATE)
    return "".join(codes.get(part, part if part[0] not in "yMd" else part.lower())
                   for part in parts)


@lru_cache(maxsize=64)
def xlsx_money_format(currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """A spreadsheet number format for an amount in ``currency``: the locale's currency
    pattern ('#,##0.00 "€"' in German, '"€"#,##0.00' in English) with the currency's digits.

    The cell keeps the number; the spreadsheet shows its separators by the reader's settings.
    """
    loc = locale_of(locale)
    places = CURRENCY_EXPONENTS[currency]
    positive = loc.currency_formats["standard"].pattern.split(";")[0]
    symbol = loc.currency_symbols.get(currency, currency)
    number = "#,##0" + ("." + "0" * places if places else "")
    shaped = re.sub(r"[#0,.]+", lambda _m: number, positive, count=1)
    return _spaced(shaped.replace("¤", '"' + symbol.replace('"', "") + '"'))


def weekday_name(value: date, locale: str = DEFAULT_LOCALE) -> str:
    """The day of the week in full, in the locale's language ("Dienstag")."""
    return format_date(value, "EEEE", locale=locale_of(locale))
