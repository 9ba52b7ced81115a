"""A ReportTable as an Excel workbook, streamed with openpyxl's write-only mode.

Every data cell of a column shares one named style (its number format), registered once per
workbook: building a font, fill or format for each of a million cells was most of the
export's time. openpyxl writes through lxml, a dependency for that reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.dimensions import ColumnDimension, DimensionHolder
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.page import PrintPageSetup
from openpyxl.worksheet.properties import PageSetupProperties, WorksheetProperties

from ..domain.formats import xlsx_date_format, xlsx_money_format
from ..domain.money import CURRENCY_EXPONENTS, Money
from .report_table import (
    Cell,
    ColumnKind,
    ReportTable,
    Row,
    Totals,
    atomic_output,
    harmless,
    legal,
    plain_texts,
    reads_as_formula,
    tracked,
)

INT_FORMAT = "#,##0"
# Excel's limit on a cell's text: the plain path's texts together stay under it.
_MAX_TEXT = 32767
_HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
_TOTAL_BORDER = Border(top=Side(style="thin"))
_BOLD = Font(bold=True)


def _same(value: Any) -> Any:
    return value




class _SheetLayout(Protocol):
    """What a write-only sheet has at run time (openpyxl sets it up like a normal sheet's) but
    types-openpyxl leaves out of ``WriteOnlyWorksheet``."""

    column_dimensions: DimensionHolder[str, ColumnDimension]
    page_setup: PrintPageSetup
    sheet_properties: WorksheetProperties
    auto_filter: AutoFilter


def write_xlsx(table: ReportTable, target: Path) -> None:
    with atomic_output(target) as temp:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_sheet_title(table.words(table.view)))
        try:
            _XlsxWriter(table, sheet).write()
        except BaseException:
            _discard(sheet)
            raise
        workbook.save(temp)


def _discard(sheet: WriteOnlyWorksheet) -> None:
    """Close a sheet abandoned half-way and delete openpyxl's scratch file for it, which would
    otherwise stay in the temporary folder until the program exits."""
    sheet.close()
    writer = sheet._writer  # type: ignore[attr-defined]  # private, so not in the stubs
    if writer is not None:
        writer.cleanup()


def _sheet_title(view: str) -> str:
    # Excel refuses these characters and titles over 31 characters.
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in view).strip()
    return cleaned[:31] or "Report"


class _XlsxWriter:
    def __init__(self, table: ReportTable, sheet: WriteOnlyWorksheet) -> None:
        self.table = table
        self.sheet = sheet
        self._styles: dict[str, StyleArray] = {}

    def _styled_as(self, value: object, number_format: str) -> SheetCell:
        """A cell in the named style with ``number_format``.

        The style is added to the workbook the first time; later cells start from its style
        array instead of looking the name up again (a third of the export's time). The value
        is bound after the style, so openpyxl keeps our date format instead of setting its own.
        """
        style = self._styles.get(number_format)
        if style is None:
            name = f"Dentasync {number_format}"
            book = self.sheet.parent
            assert book is not None  # a write-only sheet always belongs to its workbook
            book.add_named_style(NamedStyle(name, number_format=number_format))
            probe = WriteOnlyCell(self.sheet)
            probe.style = name
            style = self._styles[number_format] = probe._style  # type: ignore[attr-defined]  # openpyxl's style array, left out of the stubs
        cell = SheetCell(self.sheet, 1, 1, style_array=style)  # row and column as WriteOnlyCell
        # The stub narrows a cell's value; it stores any Cell value, Decimal included.
        cell.value = value  # type: ignore[assignment]
        return cell

    def write(self) -> None:
        table, sheet = self.table, self.sheet
        layout = cast(_SheetLayout, sheet)
        heading = table.heading_lines()
        header_row = 1 + len(heading) + 2  # organisation, heading lines, one blank row
        # Write-only sheets take widths and the frozen pane before the first row.
        for index, column in enumerate(table.columns, start=1):
            layout.column_dimensions[get_column_letter(index)].width = column.width + 2
        sheet.freeze_panes = f"A{header_row + 1}"
        # Printed from Excel: every page repeats the header row and the table fits the width.
        sheet.print_title_rows = f"{header_row}:{header_row}"
        layout.page_setup.orientation = "landscape" if len(table.columns) > 6 else "portrait"
        layout.page_setup.fitToWidth = 1
        layout.page_setup.fitToHeight = 0
        layout.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

        sheet.append([self._styled(table.organisation, Font(bold=True, size=14))])
        for line in heading:
            sheet.append([self._styled(line, None)])
        sheet.append([])
        sheet.append([self._header(title, column.kind)
                      for title, column in zip(table.column_titles(), table.columns,
                                               strict=True)])

        totals = Totals(table.columns, table.currency_column)
        last_row = header_row
        kinds, cell = [column.kind for column in table.columns], self._cell
        if table.currency_column is not None:
            # Only for the data rows: the title block and totals go openpyxl's way.
            sheet._values_to_row = self._plain_rows()  # type: ignore[attr-defined]
            try:
                for row in tracked(table.rows, totals):
                    sheet.append(row)
                    last_row += 1
            finally:
                del sheet._values_to_row  # type: ignore[attr-defined]
        else:
            for row in tracked(table.rows, totals):
                sheet.append([cell(value, kind) for value, kind in zip(row, kinds, strict=True)])
                last_row += 1
        last_column = get_column_letter(len(table.columns))
        layout.auto_filter.ref = f"A{header_row}:{last_column}{last_row}"
        for row in totals.rows(table.counted, table.language):
            sheet.append([self._total(value, table.columns[i].kind) for i, value in enumerate(row)])

    def _plain_rows(self) -> Callable[[Row, int], Iterator[SheetCell]]:
        """openpyxl's ``_values_to_row`` for plain rows (ReportTable.currency_column), which
        the sheet calls for each appended row and whose cells it writes one by one.

        openpyxl types each value and makes a new cell for each styled one (after failing to
        take a cell as a value); here each column has one cell, its type and style set once
        per currency, that takes the value of every row: two thirds of the export's time
        were that. A row whose texts are not all plain goes openpyxl's way, its texts guarded.
        """
        table, sheet = self.table, self.sheet
        currency_column, locale = table.currency_column, table.locale
        assert currency_column is not None
        kinds = [column.kind for column in table.columns]
        text_at = [i for i, kind in enumerate(kinds) if kind is ColumnKind.TEXT]
        texts = itemgetter(*text_at, text_at[0])  # twice the first: a tuple even for one column
        openpyxl_way = partial(WriteOnlyWorksheet._values_to_row, sheet)  # type: ignore[attr-defined]

        def column_cells(currency: str) -> list[tuple[SheetCell, Callable[[Any], Any]]]:
            places = -CURRENCY_EXPONENTS[currency]
            formats = {ColumnKind.MONEY: xlsx_money_format(currency, locale),
                       ColumnKind.DATE: xlsx_date_format(locale), ColumnKind.INT: INT_FORMAT}
            made = []
            for index, kind in enumerate(kinds, start=1):
                cell = (WriteOnlyCell(sheet) if kind is ColumnKind.TEXT
                        else self._styled_as(None, formats[kind]))
                cell.column = index
                # The type openpyxl would give the values (a Decimal, a date, an int, a str).
                cell.data_type = {ColumnKind.TEXT: "s", ColumnKind.DATE: "d"}.get(kind, "n")
                made.append((cell, (lambda minor: Decimal(minor).scaleb(places))
                             if kind is ColumnKind.MONEY else _same))
            return made

        by_currency: dict[str, list[tuple[SheetCell, Callable[[Any], Any]]]] = {}

        def values_to_row(row: Row, row_index: int) -> Iterator[SheetCell]:
            shown, currency = texts(row), row[currency_column]
            assert isinstance(currency, str)
            if not plain_texts(shown) or sum(map(len, shown)) > _MAX_TEXT:
                yield from openpyxl_way([
                    self._cell(Money(cast(int, v), currency) if k is ColumnKind.MONEY else v, k)
                    for v, k in zip(row, kinds, strict=True)], row_index)
                return
            cells = by_currency.get(currency) or by_currency.setdefault(
                currency, column_cells(currency))
            for (cell, convert), value in zip(cells, row, strict=True):
                if value == "":
                    continue  # an empty text leaves the cell out, as openpyxl's way does
                cell._value = convert(value)  # type: ignore[attr-defined]  # typed above
                cell.row = row_index
                yield cell
        return values_to_row

    def _text(self, text: str) -> SheetCell | str:
        """``text`` as typed, but never run as a formula.

        Excel's "text, typed with a leading apostrophe" flag (quotePrefix) keeps the cell text
        when it is edited, and a string type keeps openpyxl from storing a formula; a literal
        apostrophe would show up in the value.
        """
        if harmless(text):
            return text
        clean = legal(text)
        if not reads_as_formula(clean):
            return clean
        cell = WriteOnlyCell(self.sheet, clean)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell

    def _as_cell(self, text: str) -> SheetCell:
        made = self._text(text)
        return made if isinstance(made, SheetCell) else WriteOnlyCell(self.sheet, made)

    def _styled(self, text: str, font: Font | None) -> SheetCell:
        cell = self._as_cell(text)
        if font is not None:
            cell.font = font
        return cell

    def _header(self, title: str, kind: ColumnKind) -> SheetCell:
        cell = self._as_cell(title)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        if kind in (ColumnKind.MONEY, ColumnKind.INT):
            cell.alignment = Alignment(horizontal="right")
        return cell

    def _cell(self, value: Cell, kind: ColumnKind) -> SheetCell | str | None:
        if type(value) is str:  # most cells: tested first, by exact type (the cheapest test)
            return self._text(value) or None
        if value is None:
            return None
        if isinstance(value, Money):
            return self._styled_as(value.to_decimal(),
                                   xlsx_money_format(value.currency, self.table.locale))
        if isinstance(value, date):
            return self._styled_as(value, xlsx_date_format(self.table.locale))
        if isinstance(value, int) and kind is ColumnKind.INT:
            return self._styled_as(value, INT_FORMAT)
        return self._text(str(value)) or None

    def _total(self, value: Cell, kind: ColumnKind) -> SheetCell:
        made = self._cell(value, kind)
        # A styled cell has its own copy of its column's style array: bold and a border on it
        # leave the data cells' style as it was.
        cell = made if isinstance(made, SheetCell) else WriteOnlyCell(self.sheet, made)
        cell.font = _BOLD
        cell.border = _TOTAL_BORDER
        return cell
