"""The spreadsheet formula guard, for comma- and semicolon-splitting spreadsheets alike."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dentasync_desktop.documents.csv_report import write_csv
from dentasync_desktop.documents.report_table import Column, ColumnKind, ReportTable, neutralise
from dentasync_desktop.documents.xlsx_report import write_xlsx
from dentasync_desktop.domain.money import Money

FORMULA_START = ("=", "+", "-", "@")
HOSTILE = [
    "=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "\n=1", " =1+1",
    ";=1+1", ",=1", ";;=1", "; =1", ",\t@SUM(A1)", "Müller;=1+1", "Lab,=HYPERLINK(\"x\")",
    "Lab\t=1", "Lab\r\n+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_anything_a_spreadsheet_could_read_as_a_formula_is_quoted(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Zahntechnik Müller GmbH", "Crown 11, zirconia",
                                  "Smith-Jones", "a@b.example", "1+1", "Lab; Berlin", ""])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert neutralise(text) == text


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_no_csv_cell_starts_a_formula_whichever_separator_the_reader_uses(
    tmp_path: Path, delimiter: str
) -> None:
    table = ReportTable(
        title="Finance report", organisation="Clinic", view="Dental labs", filters=(),
        generated_at=datetime(2026, 11, 20, tzinfo=UTC),
        columns=(Column("Lab", ColumnKind.TEXT, 30), Column("Paid", ColumnKind.MONEY, 12)),
        rows=[(name, Money(100, "EUR")) for name in HOSTILE], row_count=len(HOSTILE))
    target = tmp_path / "labs.csv"
    write_csv(table, target)
    text = target.read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(text.splitlines(), delimiter=delimiter) for cell in row]
    assert cells and not any(cell.lstrip().startswith(FORMULA_START) for cell in cells)
    with target.open(encoding="utf-8-sig", newline="") as read_back:
        names = [row[0] for row in csv.reader(read_back)][1:]
    assert names == ["'" + name for name in HOSTILE]


def test_an_xlsx_cell_keeps_the_text_as_typed_and_is_never_a_formula(tmp_path: Path) -> None:
    table = ReportTable(
        title="Finance report", organisation="=Clinic", view="Dental labs", filters=(),
        generated_at=datetime(2026, 11, 20, tzinfo=UTC),
        columns=(Column("=Lab", ColumnKind.TEXT, 30), Column("Paid", ColumnKind.MONEY, 12)),
        rows=[(name, Money(100, "EUR")) for name in HOSTILE], row_count=len(HOSTILE))
    target = tmp_path / "labs.xlsx"
    write_xlsx(table, target)
    sheet = load_workbook(target).active
    assert sheet is not None
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value}
    for typed in [*HOSTILE, "=Clinic", "=Lab"]:
        # openpyxl's lxml writer keeps a carriage return; its plain writer leaves only "\n".
        text = typed if typed in cells else typed.replace("\r\n", "\n").replace("\r", "\n")
        assert text in cells, f"{text!r} did not read back unchanged"
        assert cells[text].data_type == "s" and cells[text].quotePrefix
    assert not any(str(value).startswith("'") for value in cells)
