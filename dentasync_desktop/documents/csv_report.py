"""A ReportTable as CSV for other programs: UTF-8 with a BOM so Excel reads the accents right.

One header row, then the data rows only (no title block, no totals) so it imports cleanly;
money is plain decimal text in the locale's way without grouping ("1234.50", "1234,50") next
to a currency column, dates are the locale's ("04.08.2026"), and where the decimal sign is a
comma the cells are separated by ";" as spreadsheets there expect.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from ..domain import formats
from ..domain.money import Money
from .report_table import Cell, ReportTable, atomic_output, neutralise


def write_csv(table: ReportTable, target: Path) -> None:
    with atomic_output(target) as temp, temp.open("w", encoding="utf-8-sig", newline="") as out:
        # Every cell quoted: a spreadsheet that splits at ";" (most of Europe) keeps a name like
        # "Müller;=1+1" in one cell instead of starting a new one with a formula.
        locale = table.locale
        delimiter = ";" if formats.decimal_sign(locale) == "," else ","
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, delimiter=delimiter)
        writer.writerow([neutralise(title) for title in table.column_titles()])
        writer.writerows([_text(value, locale) for value in row] for row in table.rows)


def _text(value: Cell, locale: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return formats.plain_amount(value, locale)
    if isinstance(value, date):
        return formats.date_text(value, locale)
    if isinstance(value, int):
        return str(value)
    return neutralise(value)
