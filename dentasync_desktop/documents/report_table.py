"""A format-neutral table report that the XLSX, PDF and CSV writers all print the same way.

Rows are streamed (an iterable, read once) so a 100k-row export never sits in memory; the
writers add up the totals while the rows go by, so a totals row always equals the rows above it.
"""

from __future__ import annotations

import os
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import partial
from itertools import islice
from operator import call, itemgetter
from pathlib import Path
from typing import Any, TypeVar

from ..domain import formats
from ..domain.money import CURRENCY_EXPONENTS, Money, amount_writer
from ..i18n import default_language, translate

Cell = str | int | date | Money | None
Row = tuple[Cell, ...]
_Key = TypeVar("_Key")
_Text = TypeVar("_Text")


class ColumnKind(StrEnum):
    TEXT = "text"
    MONEY = "money"
    DATE = "date"
    INT = "int"


@dataclass(frozen=True, slots=True)
class Column:
    title: str  # the English source, marked QT_TRANSLATE_NOOP("reports", ...) where defined
    kind: ColumnKind
    width: int  # in characters; the writers scale it to their own units
    total: bool = False  # INT columns only: summed into the totals row (money always is)


class Counted(StrEnum):
    """What the rows of a report are: the totals row says how many it adds up."""

    ROWS = "rows"
    ORDERS = "orders"
    LABS = "labs"
    APPOINTMENTS = "appointments"


def count_text(counted: Counted, count: int, language: str | None) -> str:
    """ "3 work orders", in ``language``."""
    if counted is Counted.ORDERS:
        return translate("reports", "%n work order(s)", None, language, count)
    if counted is Counted.LABS:
        return translate("reports", "%n lab(s)", None, language, count)
    if counted is Counted.APPOINTMENTS:
        return translate("reports", "%n appointment(s)", None, language, count)
    return translate("reports", "%n row(s)", None, language, count)


def nothing_text(counted: Counted, language: str | None) -> str:
    """What an empty report says under its header row."""
    if counted is Counted.ORDERS:
        return translate("reports", "No work orders match these filters.", None, language)
    if counted is Counted.LABS:
        return translate("reports", "No labs match these filters.", None, language)
    if counted is Counted.APPOINTMENTS:
        return translate("reports", "No appointments match these filters.", None, language)
    return translate("reports", "No rows match these filters.", None, language)


@dataclass(frozen=True, slots=True)
class ReportTable:
    """A report whose words (title, view, filter labels, column titles, note) are English
    sources in the "reports" context, translated into ``language`` as the writers print."""

    title: str  # e.g. "Finance report"
    organisation: str
    view: str  # the tab it shows, e.g. "Work orders"
    filters: tuple[tuple[str, str], ...]  # (label, value) as the user chose them
    generated_at: datetime  # aware; printed in local time
    columns: tuple[Column, ...]
    rows: Iterable[Row]
    row_count: int  # how many rows ``rows`` yields, announced before streaming
    counted: Counted = Counted.ROWS
    note: str = ""  # printed under the filters, e.g. what is left out
    language: str | None = None  # None: the app's
    # Plain rows straight from SQL, for exports of every order: MONEY cells are int minor
    # units in the currency this (TEXT) column names, and no cell is None. Without it MONEY
    # cells are Money and any cell may be None.
    currency_column: int | None = None

    def __post_init__(self) -> None:
        for column in self.columns:
            if column.total and column.kind is not ColumnKind.INT:
                raise ValueError(f"column {column.title!r}: only INT columns take total=True")
        if (self.currency_column is not None
                and self.columns[self.currency_column].kind is not ColumnKind.TEXT):
            raise ValueError("the currency column must be a TEXT column")

    def money_rows(self) -> Iterable[Row]:
        """The rows with Money in the MONEY columns, plain rows or not."""
        if self.currency_column is None:
            return self.rows
        money = [i for i, column in enumerate(self.columns) if column.kind is ColumnKind.MONEY]
        return (_with_money(row, money, row[self.currency_column]) for row in self.rows)

    @property
    def locale(self) -> str:
        """How the report writes dates and amounts (domain/formats.py): its language's way."""
        return self.language or default_language()

    @property
    def generated_text(self) -> str:
        return formats.datetime_text(self.generated_at, self.locale)

    def words(self, source: str) -> str:
        """One of the report's English sources in its language."""
        return translate("reports", source, None, self.language) if source else source

    @property
    def heading(self) -> str:
        """ "Finance report: Work orders" in the report's language."""
        return f"{self.words(self.title)}: {self.words(self.view)}"

    def column_titles(self) -> list[str]:
        return [self.words(column.title) for column in self.columns]

    def heading_lines(self) -> list[str]:
        """The title block under the organisation's name, one line each."""
        language = self.language
        lines = [self.heading]
        if self.filters:
            lines.append(" · ".join(f"{self.words(label)}: {value}"
                                    for label, value in self.filters))
        if self.note:
            lines.append(self.words(self.note))
        lines.append(translate("reports", "Generated: {when}", None, language).format(
            when=self.generated_text))
        return lines


def _with_money(row: Row, money: list[int], currency: Cell) -> Row:
    assert isinstance(currency, str)  # a plain row's currency column holds its code
    cells = list(row)
    for i in money:
        minor = cells[i]
        assert isinstance(minor, int)
        cells[i] = Money(minor, currency)
    return tuple(cells)


@dataclass(slots=True)
class _CurrencyTotal:
    count: int = 0
    sums: dict[int, int] = field(default_factory=dict)  # column index -> minor units or count


class Totals:
    """Per-currency sums of the money columns (and INT columns marked total) of the rows seen."""

    def __init__(self, columns: tuple[Column, ...], currency_column: int | None = None) -> None:
        """``currency_column``: the rows are plain (see ReportTable.currency_column)."""
        self._columns = columns
        self._money = [i for i, c in enumerate(columns) if c.kind is ColumnKind.MONEY]
        self._ints = [i for i, c in enumerate(columns) if c.total]
        self._by_currency: dict[str, _CurrencyTotal] = {}
        self._currency_column = currency_column

    def _add_plain(self, row: Row, currency: str) -> None:
        entry = self._by_currency.get(currency)
        if entry is None:
            entry = self._by_currency[currency] = _CurrencyTotal(
                sums=dict.fromkeys(self._money + self._ints, 0))
        entry.count += 1
        sums = entry.sums
        for i in sums:
            sums[i] += row[i]  # type: ignore[operator]  # a plain row holds an int there

    def add_columns(self, cells: list[list[Any]]) -> None:
        """Adds a batch of plain rows, given as its columns."""
        assert self._currency_column is not None
        currencies = cells[self._currency_column]
        for currency, count in Counter(currencies).items():
            entry = self._by_currency.get(currency)
            if entry is None:
                entry = self._by_currency[currency] = _CurrencyTotal(
                    sums=dict.fromkeys(self._money + self._ints, 0))
            entry.count += count
        for i in self._money + self._ints:
            sums = {currency: 0 for currency in set(currencies)}
            for currency, value in zip(currencies, cells[i], strict=True):
                sums[currency] += value
            for currency, value in sums.items():
                self._by_currency[currency].sums[i] += value

    def add(self, row: Row) -> None:
        if self._currency_column is not None:
            currency = row[self._currency_column]
            assert isinstance(currency, str)
            self._add_plain(row, currency)
            return
        currency = self._currency_of(row)
        if currency is None:
            return
        entry = self._by_currency.setdefault(currency, _CurrencyTotal())
        entry.count += 1
        for i in self._money:
            cell = row[i]
            if isinstance(cell, Money):
                if cell.currency != currency:
                    raise ValueError(f"row mixes {currency} and {cell.currency} amounts")
                entry.sums[i] = entry.sums.get(i, 0) + cell.minor
        for i in self._ints:
            cell = row[i]
            if isinstance(cell, int):
                entry.sums[i] = entry.sums.get(i, 0) + cell

    def _currency_of(self, row: Row) -> str | None:
        for i in self._money:
            cell = row[i]
            if isinstance(cell, Money):
                return cell.currency
        return None

    def rows(self, counted: Counted, language: str | None) -> list[Row]:
        """One totals row per currency, alphabetically; the first column holds the label.

        A text column titled "Currency" carries the code, like the data rows do.
        """
        result: list[Row] = []
        for currency in sorted(self._by_currency):
            entry = self._by_currency[currency]
            cells: list[Cell] = []
            for i, column in enumerate(self._columns):
                if i == 0:
                    cells.append(translate("reports", "Total {currency} ({count})", None,
                                           language).format(
                        currency=currency, count=count_text(counted, entry.count, language)))
                elif column.kind is ColumnKind.MONEY:
                    cells.append(Money(entry.sums.get(i, 0), currency))
                elif column.total:
                    cells.append(entry.sums.get(i, 0))
                elif column.title == "Currency":
                    cells.append(currency)
                else:
                    cells.append(None)
            result.append(tuple(cells))
        return result


# Rows a writer formats together, a column at a time: a function per column over a whole
# batch costs a few calls, where one per row (or per cell) cost a million at a million orders.
BATCH = 5000


def batches(rows: Iterable[Row], size: int = BATCH) -> Iterator[list[Row]]:
    """``rows`` in lists of ``size`` (the last one shorter), read as they are needed."""
    stream = iter(rows)
    while batch := list(islice(stream, size)):
        yield batch


class Memo(dict[_Key, _Text]):
    """``write``'s result for each key it was asked for: the interpreter looks a repeated key
    up without a Python call. Emptied when it holds ``limit`` keys, so memory stays bounded
    however many different keys a million rows bring."""

    def __init__(self, write: Callable[[_Key], _Text], limit: int = 100_000) -> None:
        super().__init__()
        self._write, self._limit = write, limit

    def __missing__(self, key: _Key) -> _Text:
        if len(self) >= self._limit:
            self.clear()
        text = self[key] = self._write(key)
        return text


class AmountTexts:
    """Amounts in minor units as plain text with ``decimal_sign`` ("1234.50"), a column of a
    batch at a time, each amount next to its currency."""

    def __init__(self, decimal_sign: str) -> None:
        self._writers = Memo(partial(amount_writer, decimal_sign=decimal_sign)).__getitem__
        # The texts by minor units, one table for the currencies of each exponent: they all
        # write an amount alike, and most amounts come again and again.
        self._by_places: dict[int, Memo[int, str]] = {}

    def for_currencies(self, currencies: list[str]) -> Callable[[list[int]], Iterator[str]]:
        """A writer of the batch's money columns, whose rows are in ``currencies``."""
        places = {CURRENCY_EXPONENTS[currency]: currency for currency in set(currencies)}
        if len(places) == 1:
            ((exponent, currency),) = places.items()
            same = self._by_places.get(exponent) or self._by_places.setdefault(
                exponent, Memo(self._writers(currency)))
            return partial(map, same.__getitem__)
        return partial(map, call, list(map(self._writers, currencies)))


def columns(batch: list[Row], width: int) -> list[list[Any]]:
    """The ``width`` columns of a batch of rows."""
    # An item getter per column: zip(*batch) takes several times as long, stepping through
    # thousands of row iterators for every column.
    return [list(map(itemgetter(i), batch)) for i in range(width)]


def tracked(rows: Iterable[Row], totals: Totals) -> Iterator[Row]:
    for row in rows:
        totals.add(row)
        yield row


# Spreadsheet programs run cell text starting with = + - @ as a formula (CSV/formula injection).
# A spreadsheet that splits CSV at ";" (or ",", or a tab) would also run one that follows such a
# separator, and leading blanks, tabs and line breaks are skipped before it looks.
_FORMULA = re.compile(r"(?:^|[;,\t\r\n])[\s;,]*[=+\-@]")
# XML 1.0 cannot hold these control characters; openpyxl would refuse the whole file.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Matches wherever _FORMULA or _ILLEGAL would, and is quicker to search: see plain_texts.
_UNPLAIN = re.compile(r"[\s;,][=+\-@]|[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A character without which neither of the above can match: most cells have none, and one
# search for it is cheaper than the two above (an export checks a million cells).
_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f=+\-@]")


def legal(text: str) -> str:
    """``text`` without the control characters a spreadsheet file cannot hold."""
    return _ILLEGAL.sub("", text)


def reads_as_formula(text: str) -> bool:
    return _FORMULA.search(text) is not None


def plain_texts(texts: Iterable[str]) -> bool:
    """True when none of ``texts`` needs cleaning or a formula guard: one search of them all,
    where a search of each cost more (an export checks a million cells)."""
    # Where either pattern matches, this does too: a formula sign right after a separator or
    # blank (a line break stands where each cell starts), or an illegal character.
    return _UNPLAIN.search("\n" + "\n".join(texts)) is None


def harmless(text: str) -> bool:
    """True when ``text`` needs neither cleaning (``legal``) nor a formula guard."""
    return _SUSPECT.search(text) is None


def neutralise(text: str) -> str:
    """Text made safe for a CSV cell: never read as a formula, no illegal characters.

    The apostrophe is the only guard plain text has; XLSX marks the cell instead (see
    xlsx_report), so the value there stays exactly as typed.
    """
    if harmless(text):
        return text
    clean = legal(text)
    return "'" + clean if reads_as_formula(clean) else clean


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """A temporary path next to ``target``, renamed onto it only when the block succeeds.

    A failed or cancelled export leaves neither a half-written file nor the temporary one,
    and an existing file at ``target`` stays as it was.
    """
    target = Path(target)
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a folder, not a file name")
    # Not mkstemp: the writers create the file themselves, with the user's usual permissions.
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        yield temp
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)

