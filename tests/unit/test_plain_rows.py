"""Plain report rows (money in minor units next to a currency column, as exports of every
order stream them) print exactly what the same rows with Money cells print."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dentasync_desktop.documents import xlsx_report
from dentasync_desktop.documents.csv_report import write_csv
from dentasync_desktop.documents.report_table import Column, ColumnKind, ReportTable, Row
from dentasync_desktop.documents.xlsx_report import write_xlsx
from dentasync_desktop.domain.formats import plain_amount
from dentasync_desktop.domain.money import Money, amount_writer

from .test_formula_guard import HOSTILE

COLUMNS = (
    Column("Number", ColumnKind.TEXT, 10), Column("Lab", ColumnKind.TEXT, 30),
    Column("Currency", ColumnKind.TEXT, 8), Column("Paid", ColumnKind.MONEY, 12),
    Column("Total", ColumnKind.MONEY, 12), Column("Items", ColumnKind.INT, 6, total=True),
    Column("Documented", ColumnKind.DATE, 11),
)
# Texts written as they are: blanks kept, markup and line breaks escaped, an empty one left out.
ORDINARY = ["Zahntechnik Müller GmbH", "", "  Lab Nord ", "Tom & Jerry <Lab>",
            "Line\r\nbreak\tand tab", "Smith-Jones", "Lab; Berlin", 'Dental "Smile" Lab']
NAMES = [*ORDINARY, *HOSTILE, "Bad\x07bell"]
CURRENCIES = ["EUR", "ISK", "KWD", "EUR"]


def plain_rows() -> list[Row]:
    return [(f"WO-{n:06d}", name, CURRENCIES[n % 4], (-1) ** n * n * 1234, n * 99_999, n,
             date(2026, 1 + n % 12, 1 + n % 28)) for n, name in enumerate(NAMES)]


def money_rows() -> list[Row]:
    return [(number, name, currency, Money(paid, currency), Money(total, currency), n, day)
            for number, name, currency, paid, total, n, day in plain_rows()]  # type: ignore[misc]


def table(plain: bool, language: str) -> ReportTable:
    rows = plain_rows() if plain else money_rows()
    return ReportTable(
        title="Finance report", organisation="Clinic", view="Work orders", filters=(),
        generated_at=datetime(2026, 11, 20, tzinfo=UTC), columns=COLUMNS, rows=rows,
        row_count=len(rows), language=language, currency_column=2 if plain else None)


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_a_plain_csv_is_byte_for_byte_the_money_one(tmp_path: Path, language: str) -> None:
    write_csv(table(True, language), tmp_path / "plain.csv")
    write_csv(table(False, language), tmp_path / "money.csv")
    assert (tmp_path / "plain.csv").read_bytes() == (tmp_path / "money.csv").read_bytes()


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_plain_xlsx_reads_back_as_the_money_one(tmp_path: Path, language: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches of three: the first two ordinary (written as ready XML), later ones with a text
    # that needs a guard (written openpyxl's way), and the totals after them.
    monkeypatch.setattr(xlsx_report, "_PARSED_ROWS", 3)
    write_xlsx(table(True, language), tmp_path / "plain.xlsx")
    write_xlsx(table(False, language), tmp_path / "money.xlsx")
    plain, money = (load_workbook(tmp_path / name).active
                    for name in ("plain.xlsx", "money.xlsx"))
    assert plain is not None and money is not None
    seen = 0
    for plain_row, money_row in zip(plain.iter_rows(), money.iter_rows(), strict=True):
        for ours, theirs in zip(plain_row, money_row, strict=True):
            assert (ours.value, ours.data_type, ours.number_format, ours.quotePrefix,
                    ours.font.b) == (theirs.value, theirs.data_type, theirs.number_format,
                                     theirs.quotePrefix, theirs.font.b), ours.coordinate
            seen += ours.value is not None
    assert seen > len(NAMES) * 6  # the data rows and a totals row per currency were there


@pytest.mark.parametrize("currency", ["EUR", "ISK", "KWD"])
@pytest.mark.parametrize("minor", [0, 5, -5, 100, -100, 123456, -123456, 10**12])
def test_the_amount_writer_agrees_with_money(currency: str, minor: int) -> None:
    amount = Money(minor, currency)
    assert amount_writer(currency)(minor) == amount.amount_text()
    assert amount_writer(currency, ",")(minor) == plain_amount(amount, "de")
    assert amount.amount_text() == str(amount.to_decimal())
