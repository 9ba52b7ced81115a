"""A read-only table model over a list of frozen records (LabInfo, CustomerInfo, ...)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ..table_model import Column, RowTableModel

R = TypeVar("R")
RecordColumn = Column  # titles given as functions returning the translated text


class RecordTableModel(RowTableModel[R]):
    """Deactivated records (``active`` False) are shown greyed and in italics."""

    def foreground(self, row: R, column: int) -> QColor | None:
        if getattr(row, "active", True):
            return None
        return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def font(self, row: R, column: int) -> QFont | None:
        if getattr(row, "active", True):
            return None
        font = QFont()
        font.setItalic(True)
        return font

    def tooltip(self, row: R, column: int) -> str | None:
        return None if getattr(row, "active", True) else self.tr("Deactivated")
