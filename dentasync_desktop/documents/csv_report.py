"""A ReportTable as CSV for other programs: UTF-8 with a BOM so Excel reads the accents right.

One header row, then the data rows only (no title block, no totals) so it imports cleanly;
money is plain decimal text in the locale's way without grouping ("1234.50", "1234,50") next
to a currency column, dates are the locale's ("04.08.2026"), and where the decimal sign is a
comma the cells are separated by ";" as spreadsheets there expect.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from operator import call, itemgetter
from pathlib import Path
from typing import Any

from ..domain import formats
from ..domain.money import Money, amount_writer
from .report_table import (
    Cell,
    ColumnKind,
    ReportTable,
    Row,
    atomic_output,
    neutralise,
    plain_texts,
)


def write_csv(table: ReportTable, target: Path) -> None:
    with atomic_output(target) as temp, temp.open("w", encoding="utf-8-sig", newline="") as out:
        # Every cell quoted: a spreadsheet that splits at ";" (most of Europe) keeps a name like
        # "Müller;=1+1" in one cell instead of starting a new one with a formula.
        locale = table.locale
        delimiter = ";" if formats.decimal_sign(locale) == "," else ","
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, delimiter=delimiter)
        writer.writerow([neutralise(title) for title in table.column_titles()])
        if table.currency_column is not None:
            writer.writerows(map(_plain_texts(table), table.rows))
            return
        texts = _Texts(locale)
        known = texts.by_type.get  # looked up inline: a call less for each of a million cells
        writer.writerows([(known(type(value)) or texts.writer_for(value))(value)
                          for value in row] for row in table.rows)


def _plain_texts(table: ReportTable) -> Callable[[Row], Iterable[str]]:
    """The CSV texts of a plain row (ReportTable.currency_column): one writer per column,
    chosen once per currency instead of by each cell's type."""
    locale, currency_column = table.locale, table.currency_column
    assert currency_column is not None
    kinds = [column.kind for column in table.columns]
    text_at = [i for i, kind in enumerate(kinds) if kind is ColumnKind.TEXT]
    texts = itemgetter(*text_at, text_at[0])  # twice the first: a tuple even for one column
    sign, day = formats.decimal_sign(locale), formats.date_writer(locale)

    class Writers(dict[str, list[Callable[[Any], str]]]):
        def __missing__(self, currency: str) -> list[Callable[[Any], str]]:
            amount = amount_writer(currency, sign)
            by_kind: dict[ColumnKind, Callable[[Any], str]] = {
                ColumnKind.TEXT: str, ColumnKind.INT: str, ColumnKind.MONEY: amount,
                ColumnKind.DATE: day}
            writers = self[currency] = [by_kind[kind] for kind in kinds]
            return writers

    writers = Writers()

    def row_texts(row: Row) -> Iterable[str]:
        if not plain_texts(texts(row)):
            row = tuple(neutralise(v) if k is ColumnKind.TEXT else v  # type: ignore[arg-type]
                        for v, k in zip(row, kinds, strict=True))
        return map(call, writers[row[currency_column]], row)  # type: ignore[index]
    return row_texts


class _Texts:
    """How to write cell values as CSV text in one locale, by the value's type: one dictionary
    look-up for each of a million cells, where a chain of isinstance cost more."""

    def __init__(self, locale: str) -> None:
        # Checked in this order for a type not seen yet (a bool is written as an int).
        self.by_type: dict[type, Callable[[Any], str]] = {
            str: neutralise, int: str, Money: partial(formats.plain_amount, locale=locale),
            date: partial(formats.date_text, locale=locale), type(None): lambda _none: ""}

    def writer_for(self, value: Cell) -> Callable[[Any], str]:
        """For a subclass (a bool, a datetime): its base type's writer, remembered."""
        write = self.by_type[type(value)] = next(
            known for kind, known in self.by_type.items() if isinstance(value, kind))
        return write
