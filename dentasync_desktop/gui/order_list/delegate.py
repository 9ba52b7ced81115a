"""How the order list paints a cell: straight from the model's cached cell, with the look
Qt's own delegate gives it.

Qt's delegate asks the model for seven roles per cell (seven Python calls) and lays the text
out three times (measure, elide, draw) on every paint; scrolling a long list spent most of its
time there. This one makes one model lookup and draws the text once, eliding only a text
measured (once per text) wider than its column. The few cells in a state it does not draw
itself (selected, the current one, disabled) go to Qt's delegate.
"""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from ..table_model import ALIGNMENT, BACKGROUND, DECORATION, DISPLAY, FOREGROUND
from .model import OrderListModel

_WIDTHS_KEPT = 20_000  # texts whose widths are remembered (names, amounts and dates repeat)
_DISPLAY, _ALIGNMENT, _BACKGROUND, _FOREGROUND, _DECORATION = (
    int(DISPLAY), int(ALIGNMENT), int(BACKGROUND), int(FOREGROUND), int(DECORATION))
# Of these states a cell drawn here has only the first; any other mix is Qt's to draw.
_PLAIN = QStyle.StateFlag.State_Enabled
_STATES = _PLAIN | QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus
_ICON = 16


class OrderCellDelegate(QStyledItemDelegate):
    def __init__(self, model: OrderListModel, table: QTableView) -> None:
        super().__init__(table)
        self._model = model
        # Qt's item layout: the text and the icon this far in from the cell's edges.
        self._margin = table.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        self._widths: dict[str, int] = {}  # in the list's font, which stays while it is shown

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        cell = self._model.cell(index.row(), index.column(), True)
        if cell is None or option.state & _STATES != _PLAIN:
            super().paint(painter, option, index)
            return
        rect = option.rect
        background = cell.get(_BACKGROUND)
        if background is not None:
            painter.fillRect(rect, background)
        margin, metrics = self._margin, option.fontMetrics
        # Centred as Qt centres a text line, to the pixel.
        line = metrics.height()
        text_rect = QRect(rect.x() + margin, rect.y() + (rect.height() - line) // 2,
                          rect.width() - 2 * margin, line)
        icon = cell.get(_DECORATION)
        if icon is not None:
            icon.paint(painter, QRect(text_rect.x(), rect.y() + (rect.height() - _ICON) // 2,
                                      _ICON, _ICON))
            text_rect.setLeft(text_rect.left() + _ICON + 2 * margin)
        text = cell[_DISPLAY]
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) >= _WIDTHS_KEPT:
                self._widths.clear()
            width = self._widths[text] = metrics.horizontalAdvance(text)
        if width > text_rect.width():
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        foreground = cell.get(_FOREGROUND)
        painter.setPen(foreground if foreground is not None
                       else option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(text_rect, cell[_ALIGNMENT], text)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """The room for the whole text (and the icon), as Qt's delegate measures it. Fitting
        the columns asks it of every cell in sight, and Qt's own asked the model for eight
        roles a cell (~2,900 Python calls for the first page)."""
        cell = self._model.cell(index.row(), index.column())
        if cell is None:
            return super().sizeHint(option, index)
        metrics = QFontMetricsF(option.font)  # Qt rounds the text's own width up
        width = 2 * self._margin + ceil(metrics.horizontalAdvance(cell[_DISPLAY]))
        if cell.get(_DECORATION) is not None:
            width += _ICON + 2 * self._margin
        return QSize(width, max(ceil(metrics.height()), _ICON))
