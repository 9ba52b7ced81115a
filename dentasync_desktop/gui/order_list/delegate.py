"""How the order list paints a cell: straight from the model's cached cell, with the look
Qt's own delegate gives it.

Qt's delegate asks the model for seven roles per cell (seven Python calls) and lays the text
out three times (measure, elide, draw) on every paint; scrolling a long list spent most of its
time there. This one makes one model lookup and draws the text once, eliding only a text
measured (once per text) wider than its column. The few cells in a state it does not draw
itself (selected, the current one, disabled) go to Qt's delegate.
"""

from __future__ import annotations

import re
from math import ceil
from typing import cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from .. import theme
from ..table_model import ALIGNMENT, BACKGROUND, DECORATION, DISPLAY, FOREGROUND
from .model import OrderListModel

_WIDTHS_KEPT = 20_000  # texts whose widths are remembered (names, amounts and dates repeat)
_DISPLAY, _ALIGNMENT, _BACKGROUND, _FOREGROUND, _DECORATION = (
    int(DISPLAY), int(ALIGNMENT), int(BACKGROUND), int(FOREGROUND), int(DECORATION))
# Of these states a cell drawn here has only the first; any other mix is Qt's to draw.
_PLAIN = QStyle.StateFlag.State_Enabled.value
_STATES = _PLAIN | QStyle.StateFlag.State_Selected.value | QStyle.StateFlag.State_HasFocus.value
_ICON = 16
_LEFT = int(Qt.AlignmentFlag.AlignLeft)
# Texts Qt lays out as more than a plain run of glyphs (line breaks, tabs): drawn into their
# rectangle as before, never at a baseline.
_BREAKS = re.compile("[\t\n\r\u2028\u2029]")
_LAID_OUT = -1


class OrderCellDelegate(QStyledItemDelegate):
    def __init__(self, model: OrderListModel, table: QTableView) -> None:
        super().__init__(table)
        self._model = model
        # Qt's item layout: the text and the icon this far in from the cell's edges.
        self._margin = table.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        # Texts' widths in the list's font, which stays while it is shown (-1: laid out).
        self._widths: dict[str, float] = {}
        self._metrics = QFontMetricsF(table.font())
        self._look: tuple[int, QColor, int, int] = (-1, QColor(), 0, 0)  # _restyle's

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        cell = self._model.cell(index.row(), index.column(), True)
        if option.state.value & _STATES != _PLAIN:
            super().paint(painter, option, index)
            return
        if cell is None:
            # A row on its way (a jump): nothing to draw on the view's own background; Qt's
            # delegate asked the model for eight roles of each such cell to find that out.
            return
        if self._look[0] != theme.generation:
            self._restyle(option)
        _generation, pen, line, ascent = self._look
        rect = option.rect
        x, y, width, height = cast(tuple[int, int, int, int], rect.getRect())  # one call
        background = cell.get(_BACKGROUND)
        if background is not None:
            painter.fillRect(rect, background)
        margin = self._margin
        # Centred as Qt centres a text line, to the pixel.
        left, top, room = x + margin, y + (height - line) // 2, width - 2 * margin
        icon = cell.get(_DECORATION)
        if icon is not None:
            icon.paint(painter, QRect(left, y + (height - _ICON) // 2, _ICON, _ICON))
            left += _ICON + 2 * margin
            room -= _ICON + 2 * margin
        text = cell[_DISPLAY]
        advance = self._widths.get(text)
        if advance is None:
            if len(self._widths) >= _WIDTHS_KEPT:
                self._widths.clear()
            advance = self._widths[text] = (
                _LAID_OUT if _BREAKS.search(text) else self._metrics.horizontalAdvance(text))
        foreground = cell.get(_FOREGROUND)
        painter.setPen(pen if foreground is None else foreground)
        alignment = cell[_ALIGNMENT]
        if 0 <= advance <= room:
            # One line that fits, drawn at its baseline (a right-aligned one at the fraction of
            # a pixel where Qt puts it): drawText into a rectangle lays the text out again to
            # place it, 15 us of a cell's ~28 us.
            painter.drawText(QPointF(left if alignment & _LEFT else left + room - advance,
                                     top + ascent), text)
            return
        if advance > room:
            text = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QRect(left, top, room, line), alignment, text)

    def _restyle(self, option: QStyleOptionViewItem) -> None:
        """What every plain cell shares until the theme changes: the text's colour, and the
        height and baseline of a line in the list's font."""
        metrics = option.fontMetrics
        self._metrics = QFontMetricsF(option.font)
        self._look = (theme.generation, option.palette.color(QPalette.ColorRole.Text),
                      metrics.height(), metrics.ascent())
        self._widths.clear()

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
