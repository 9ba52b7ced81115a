"""The one read-only table model every list of rows builds on: columns declared once, rows of
any frozen DTO, the roles every view asks for answered in one place.

Subclasses decide where rows come from (``set_rows``, or ``row_at`` over a window of a paged
list) and may colour, decorate or mark rows through the small hooks below.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from .theme import readable

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's record id
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row itself

LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
DECORATION = Qt.ItemDataRole.DecorationRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FONT = Qt.ItemDataRole.FontRole
CHECK = Qt.ItemDataRole.CheckStateRole
SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class Column(Generic[R]):
    """``title`` is a source text the model translates in its context, or a function giving
    the translated title."""

    title: str | Callable[[], str]
    text: Callable[[R], str]
    numeric: bool = False  # right-aligned
    sort_key: str = ""  # the service's (or the model's own) sort key
    colour: Callable[[R], str | None] | None = None  # foreground, made readable on the palette
    checked: Callable[[R], bool] | None = None  # a tick box in this column
    align: int | None = None  # instead of left/right by ``numeric``
    tooltip_is_text: bool = False  # the cell's full text as its tooltip (long, cut texts)

    @property
    def alignment(self) -> int:
        if self.align is not None:
            return self.align
        return RIGHT if self.numeric else LEFT


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Read-only rows of ``columns``. A tick-box click asks for the change
    (``check_requested``) instead of making it: the owner runs the service and shows the
    fresh rows, so the model never shows a state the database does not have."""

    check_requested = Signal(int, bool)  # row id, wanted state

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None,
                 context: str | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column[R], ...] = tuple(columns)
        self._context = context  # where source-text titles are translated
        self._rows: list[R] = []
        self.checks_enabled = True

    @property
    def columns(self) -> tuple[Column[R], ...]:
        return self._columns

    # --- rows ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def loaded(self, row: int) -> R | None:
        """The row if it is at hand (always, unless a subclass holds only part of a list)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def record_id(self, row: R) -> int | None:
        value = getattr(row, "id", None)
        return value if isinstance(value, int) else None

    def row_of(self, record_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if self.record_id(row) == record_id:
                return number
        return None

    # --- hooks -----------------------------------------------------------------------------

    def text(self, number: int, row: R, column: int) -> str:
        return self._columns[column].text(row)

    def foreground(self, row: R, column: int) -> QColor | QBrush | None:
        colour = self._columns[column].colour
        name = colour(row) if colour is not None else None
        return readable(name) if name is not None else None

    def background(self, row: R) -> QColor | None:
        return None

    def font(self, row: R, column: int) -> QFont | None:
        return None

    def decoration(self, row: R, column: int) -> QIcon | None:
        return None

    def cell_tooltip(self, number: int, row: R, column: int) -> str | None:
        tip = self.tooltip(row, column)
        if self._columns[column].tooltip_is_text:  # the cut text whole, then the row's tip
            text = self.text(number, row, column)
            return f"{text}\n{tip}" if tip else text
        return tip

    def tooltip(self, row: R, column: int) -> str | None:
        return None

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == DISPLAY:
            if callable(column.title):
                return column.title()
            if self._context is None:
                return column.title
            return QCoreApplication.translate(self._context, column.title)
        if role == ALIGNMENT:
            return column.alignment
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each paint: the cheap checks first.
        number = index.row()
        row = self.loaded(number)
        if row is None or not index.isValid():
            return None
        column = index.column()
        if role == DISPLAY:
            return self.text(number, row, column)
        if role == ALIGNMENT:
            return self._columns[column].alignment
        if role == BACKGROUND:
            return self.background(row)
        if role == FOREGROUND:
            return self.foreground(row, column)
        if role == FONT:
            return self.font(row, column)
        if role == DECORATION:
            return self.decoration(row, column)
        if role == TOOLTIP:
            return self.cell_tooltip(number, row, column)
        if role == CHECK:
            checked = self._columns[column].checked
            if checked is None:
                return None
            return Qt.CheckState.Checked if checked(row) else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return self.record_id(row)
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._columns[index.column()].checked is not None and self.checks_enabled:
            return SELECTABLE | Qt.ItemFlag.ItemIsUserCheckable
        return SELECTABLE

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.loaded(index.row()) if index.isValid() else None
        if (role != CHECK or row is None or self._columns[index.column()].checked is None
                or not self.checks_enabled):
            return False
        record_id = self.record_id(row)
        if record_id is not None:
            self.check_requested.emit(record_id, Qt.CheckState(value) == Qt.CheckState.Checked)
        return False
