"""The agenda (list) view: every event and due date of the month, one row each, by date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from ...domain.dto import CalendarDueDate, CalendarEvent
from ..formatting import date_text, label
from ..translation import translate
from . import look
from .spans import local_start

AgendaRow = CalendarEvent | CalendarDueDate
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


COLUMNS = (
    lambda: translate("calendar", "Date"), lambda: translate("calendar", "Time"),
    lambda: translate("calendar", "Type"), lambda: translate("calendar", "Order"),
    lambda: translate("calendar", "Patient"), lambda: translate("calendar", "Dental lab"),
    lambda: translate("calendar", "Customer"), lambda: translate("calendar", "Status"),
    lambda: translate("calendar", "Note"),
)
TYPE_COLUMN = 2


def row_day(row: AgendaRow) -> date:
    return row.due_date if isinstance(row, CalendarDueDate) else local_start(row).date()


def _order(row: AgendaRow) -> tuple[date, int, float]:
    if isinstance(row, CalendarDueDate):
        return row.due_date, 0, row.order_number
    return row_day(row), 1, row.starts_at.timestamp()


class AgendaModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AgendaRow] = []
        self.today: date | None = None
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, events: Sequence[CalendarEvent], dues: Sequence[CalendarDueDate],
                 today: date) -> None:
        self.beginResetModel()
        # Due dates head their day, like the all-day line of the grids.
        self._rows = sorted([*dues, *events], key=_order)
        self.today = today
        self.endResetModel()

    def row_at(self, row: int) -> AgendaRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(
            self, parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]()
        return None

    def _icon(self, colour: str) -> QIcon:
        if colour not in self._icons:
            self._icons[colour] = look.swatch(colour)
        return self._icons[colour]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ITEM_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return look.tooltip(row) if isinstance(row, CalendarEvent) else look.due_tooltip(row)
        if role == Qt.ItemDataRole.DecorationRole and column == TYPE_COLUMN:
            if isinstance(row, CalendarDueDate):
                return self._icon(look.DUE_COLOUR)
            return self._icon(look.KIND_COLOURS[row.kind])
        if role == Qt.ItemDataRole.DecorationRole and column == 7 and isinstance(
                row, CalendarEvent) and row.warning is not None:
            return self._icon(look.WARNING_COLOUR)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setStrikeOut(isinstance(row, CalendarEvent) and row.order_closed)
            font.setBold(column == 0 and row_day(row) == self.today)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(row, CalendarEvent) and (
                row.order_closed or row.done):
            return QBrush(look.text_colour(QApplication.palette(), True))
        if role == Qt.ItemDataRole.BackgroundRole and row_day(row) == self.today:
            colour = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
            colour.setAlphaF(0.09)
            return QBrush(colour)
        return None

    def _text(self, row: AgendaRow, column: int) -> str:
        if isinstance(row, CalendarDueDate):
            values = (date_text(row.due_date), translate("calendar", "All day"),
                      translate("calendar", "Due date"), row.number_text,
                      row.patient_name, row.lab_name, row.customer_name,
                      label(row.order_status) + (" · " + translate("calendar", "Overdue")
                                                 if row.overdue else ""),
                      "")
            return values[column]
        status = look.status_note(row) or label(row.order_status)
        if row.warning is not None:
            status = f"{status} · {row.warning.text()}"
        values = (date_text(row_day(row)), look.time_text(row), label(row.kind), row.number_text,
                  row.patient_name, row.lab_name, row.customer_name, status,
                  row.note.replace("\n", " "))
        return values[column]
