"""A ReportTable as an Excel workbook, streamed with openpyxl's write-only mode.

Every data cell of a column shares one named style (its number format), registered once per
workbook: building a font, fill or format for each of a million cells was most of the
export's time. openpyxl writes through lxml, a dependency for that reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Protocol, cast

from lxml import etree  # type: ignore[import-untyped]  # no stubs; openpyxl writes with it
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.dimensions import ColumnDimension, DimensionHolder
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.page import PrintPageSetup
from openpyxl.worksheet.properties import PageSetupProperties, WorksheetProperties

from ..domain.formats import xlsx_date_format, xlsx_money_format
from ..domain.money import Money
from .report_table import (
    AmountTexts,
    Cell,
    ColumnKind,
    Memo,
    ReportTable,
    Row,
    Totals,
    atomic_output,
    batches,
    columns,
    harmless,
    legal,
    plain_texts,
    reads_as_formula,
    tracked,
)

INT_FORMAT = "#,##0"
# Excel's limit on a cell's text: the plain path's texts together stay under it.
_MAX_TEXT = 32767
# Rows parsed into lxml elements at a time: a thousand rows' elements take some 10 MB.
_PARSED_ROWS = 1000
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

        totals = Totals(table.columns, table.currency_column)
        last_row = header_row
        kinds, cell = [column.kind for column in table.columns], self._cell
        if table.currency_column is not None:
            plain = _PlainRows(self, totals, header_row + 1)
            for batch in batches(table.rows, _PARSED_ROWS):
                plain.write(batch)
            last_row = plain.next_row - 1
        else:
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


class _Serialised(list[Any]):
    """Rows already serialised (lxml elements), handed to the sheet in one append."""


class _PlainRows:
    """Plain rows (ReportTable.currency_column) written a batch at a time: each column's cells
    made as XML text by functions the interpreter runs without a Python call for most cells,
    and the batch parsed by lxml and written as it is.

    openpyxl makes, types, styles and serialises each cell with several Python calls, nine
    tenths of the export's time. A batch with a text that needs a guard goes openpyxl's way,
    row by row, and so do the totals: from the first data row on, this writes every row of
    the sheet, numbering them itself.
    """

    def __init__(self, writer: _XlsxWriter, totals: Totals, first_row: int) -> None:
        table, sheet = writer.table, writer.sheet
        assert table.currency_column is not None
        self.next_row = first_row
        self._writer, self._totals = writer, totals
        self._sheet = sheet
        self._currency_column = table.currency_column
        self._kinds = [column.kind for column in table.columns]
        self._text_at = [i for i, kind in enumerate(self._kinds) if kind is ColumnKind.TEXT]
        locale = table.locale
        self._amounts = AmountTexts(".").for_currencies
        styles = Memo(self._style_id)
        self._money_styles: Memo[str, str] = Memo(
            lambda currency: styles[xlsx_money_format(currency, locale)])
        self._serials = Memo(_serial)
        # Few texts repeat (a lab, a label) and most do not (a number): a short memory.
        self._inline = Memo(_inline_text, limit=10_000)
        templates = []
        for index, kind in enumerate(self._kinds, start=1):
            cell = f'<c r="{get_column_letter(index)}{{}}"'
            if kind is ColumnKind.TEXT:
                templates.append(cell + ' t="inlineStr">{}</c>')
            elif kind is ColumnKind.MONEY:
                templates.append(cell + ' s="{}" t="n"><v>{}</v></c>')
            else:
                number_format = (xlsx_date_format(locale) if kind is ColumnKind.DATE
                                 else INT_FORMAT)
                templates.append(cell + f' s="{styles[number_format]}" t="n"><v>{{}}</v></c>')
        self._templates = [template.format for template in templates]
        self._row = ('<row r="{}">' + "{}" * len(self._kinds) + "</row>").format
        # From here on the sheet hands each appended row to ``_write_row``.
        self._cells = partial(WriteOnlyWorksheet._values_to_row, sheet)  # type: ignore[attr-defined]
        sheet_writer = sheet._writer  # type: ignore[attr-defined]  # made by the first append
        self._openpyxl_write_row = sheet_writer.write_row
        sheet._values_to_row = lambda values, _index: values  # type: ignore[attr-defined]
        sheet_writer.write_row = self._write_row

    def _style_id(self, number_format: str) -> str:
        return str(self._writer._styled_as(None, number_format).style_id)

    def write(self, batch: list[Row]) -> None:
        cells = columns(batch, len(self._kinds))
        if not all(plain_texts(set(cells[i])) and max(map(len, cells[i])) <= _MAX_TEXT
                   for i in self._text_at):
            self._openpyxl_way(batch)
            return
        self._totals.add_columns(cells)
        numbers = list(map(str, range(self.next_row, self.next_row + len(batch))))
        self.next_row += len(batch)
        currencies = cells[self._currency_column]
        amounts = self._amounts(currencies)
        money_styles = list(map(self._money_styles.__getitem__, currencies))
        made: list[Iterable[str]] = []
        for kind, column, template in zip(self._kinds, cells, self._templates, strict=True):
            if kind is ColumnKind.TEXT:
                xml: Iterable[str] = map(template, numbers, map(self._inline.__getitem__, column))
                if "" in column:  # an empty text leaves the cell out, as openpyxl's way does
                    xml = [cell if text else "" for cell, text in zip(xml, column, strict=True)]
            elif kind is ColumnKind.MONEY:
                xml = map(template, numbers, money_styles, amounts(column))
            elif kind is ColumnKind.DATE:
                xml = map(template, numbers, map(self._serials.__getitem__, column))
            else:
                xml = map(template, numbers, column)
            made.append(xml)
        rows = "".join(map(self._row, numbers, *made))
        self._sheet.append(_Serialised(etree.fromstring(f"<sheetData>{rows}</sheetData>")))

    def _openpyxl_way(self, batch: list[Row]) -> None:
        writer, currency_column, kinds = self._writer, self._currency_column, self._kinds
        for row in batch:
            self._totals.add(row)
            currency = row[currency_column]
            assert isinstance(currency, str)
            self._sheet.append([
                writer._cell(Money(cast(int, value), currency) if kind is ColumnKind.MONEY
                             else value, kind)
                for value, kind in zip(row, kinds, strict=True)])

    def _write_row(self, xf: Any, row: Any, _index: int) -> None:
        """The sheet writer's ``write_row``, which the sheet calls for each appended row."""
        if type(row) is _Serialised:
            xf.write(*row)
            return
        self._openpyxl_write_row(xf, self._cells(row, self.next_row), self.next_row)
        self.next_row += 1


def _serial(day: date) -> str:
    """A day as openpyxl writes a date cell's value: its serial number ("46357")."""
    serial: str = safe_string(to_excel(day))  # type: ignore[no-untyped-call]  # openpyxl's own
    return serial


def _inline_text(text: str) -> str:
    """A cell's text as openpyxl writes it: an inline string, blanks around it kept."""
    # Escaped for the XML parser, which would also read a carriage return as a line break.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "\r", "&#13;")
    if text != text.strip():
        return f'<is><t xml:space="preserve">{escaped}</t></is>'
    return f"<is><t>{escaped}</t></is>"
