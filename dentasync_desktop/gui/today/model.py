"""The lines of one Today board section as a table: when, order, patient, what, lab or amount."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ...domain.dto import TodayLine
from ..formatting import date_text, label, money, time_text
from ..translation import UTF8, translate

Index = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole + 1

WHEN, ORDER, PATIENT, WHAT, EXTRA = range(5)


def line_text(line: TodayLine) -> str:
    """What a line says after its number and patient, put in words from its fields:
    "Try-in 10:30", "Published, due 3 days ago", "Shipped, tracking DHL 77", "overdue 2 days"."""
    if line.reminder_key or (line.event_kind is None and line.status is None):
        return line.text
    if line.event_kind is not None and line.at is not None:
        text = QApplication.translate("today", "{kind} {time}").format(
            kind=label(line.event_kind), time=time_text(line.at))
        return (QApplication.translate("today", "{what} (done)").format(what=text)
                if line.done else text)
    late = line.days_late  # a plain name: lupdate reads no attribute as a count
    if line.amount is not None:
        if late <= 0:
            return QApplication.translate("today", "due today")
        return translate("today", "overdue %n day(s)", None, UTF8, late)
    text = label(line.status) if line.status is not None else ""
    if late > 0:
        text = translate("today", "{status}, due %n day(s) ago", None, UTF8, late).format(
            status=text)
    if line.tracking:
        text = QApplication.translate("today", "{what}, tracking {number}").format(
            what=text, number=line.tracking)
    return text


class TodayLinesModel(QAbstractTableModel):
    def __init__(self, extra_title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[TodayLine, ...] = ()
        self._headers = (self.tr("When"), self.tr("Order"), self.tr("Patient"),
                         self.tr("What"), extra_title)

    def set_lines(self, lines: tuple[TodayLine, ...]) -> None:
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def line(self, row: int) -> TodayLine:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if line.warning is not None:
                return line.warning.text()
            return self._text(line, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == WHAT and line.warning:
            return _warning_icon()
        if role == Qt.ItemDataRole.FontRole and column == ORDER:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == EXTRA and line.amount:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == LINE_ROLE:
            return line
        return None

    def _text(self, line: TodayLine, column: int) -> str:
        if column == WHEN:
            if line.at is not None:
                return time_text(line.at)
            return date_text(line.on)
        if column == ORDER:
            return line.number_text
        if column == PATIENT:
            return line.patient_name
        if column == WHAT:
            if line.warning is not None:
                return f"{line_text(line)} — {line.warning.text()}"
            return line_text(line)
        if column == EXTRA:
            return money(line.amount) if line.amount is not None else line.lab_name
        return ""


def _warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
