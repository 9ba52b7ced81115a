"""A ReportTable as an Excel workbook, streamed with openpyxl's write-only mode.

Every data cell of a column shares one named style (its number format), registered once per
workbook: building a font, fill or format for each of a million cells was most of the
export's time. openpyxl writes through lxml, a dependency for that reason.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol, cast

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
from ..domain.money import Money
from .report_table import (
    Cell,
    ColumnKind,
    ReportTable,
    Totals,
    atomic_output,
    harmless,
    legal,
    reads_as_formula,
    tracked,
)

INT_FORMAT = "#,##0"
_HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
_TOTAL_BORDER = Border(top=Side(style="thin"))
_BOLD = Font(bold=True)


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

        totals = Totals(table.columns)
        last_row = header_row
        kinds, cell = [column.kind for column in table.columns], self._cell
        for row in tracked(table.rows, totals):
            sheet.append([cell(value, kind) for value, kind in zip(row, kinds, strict=True)])
            last_row += 1
        last_column = get_column_letter(len(table.columns))
        layout.auto_filter.ref = f"A{header_row}:{last_column}{last_row}"
        for row in totals.rows(table.counted, table.language):
            sheet.append([self._total(value, table.columns[i].kind) for i, value in enumerate(row)])

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
