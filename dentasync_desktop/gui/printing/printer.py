"""Sending a PDF to a system printer: each page rendered by QtPdf and painted on the QPrinter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

# Enough for sharp text and scannable barcodes; a 1200 dpi bitmap of a page would be 500 MB.
MAX_DPI = 300


def printer_for(document: QPdfDocument, name: str) -> QPrinter:
    """A printer set up for the document's own page size, so a label prints as a label."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    printer.setFullPage(True)  # the PDF already has its margins
    if document.pageCount() > 0:
        size = document.pagePointSize(0)
        orientation = (QPageLayout.Orientation.Landscape if size.width() > size.height()
                       else QPageLayout.Orientation.Portrait)
        points = size.transposed() if orientation is QPageLayout.Orientation.Landscape else size
        printer.setPageSize(QPageSize(points, QPageSize.Unit.Point, "",
                                      QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setPageOrientation(orientation)
    return printer


def chosen_pages(printer: QPrinter, page_count: int) -> list[int]:
    """The 0-based pages the user picked in the print dialog (all of them by default)."""
    ranges = printer.pageRanges()
    return [page for page in range(page_count)
            if ranges.isEmpty() or ranges.contains(page + 1)]


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the chosen pages, each scaled to fit the paper; returns how many were printed."""
    pages = chosen_pages(printer, document.pageCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"the printer {printer.printerName() or printer.outputFileName()} "
                      "could not be started")
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72),
                                                round(points.height() * dpi / 72)))
            scale = min(paper.width() / points.width(), paper.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            painter.drawImage(QRectF((paper.width() - width) / 2, (paper.height() - height) / 2,
                                     width, height), image)
    finally:
        painter.end()
    return len(pages)
