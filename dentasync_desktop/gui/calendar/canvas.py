"""What the painted views share: data, hit testing, selection, keys, tooltips, drag to move.

A canvas lays its items out once per data or size change (``relayout``) into ``hits``: the
rectangles it paints and the mouse and keyboard act on. Subclasses say where a slot is
(``slot_at``), where a dragged event would land (``drop_start``) and paint the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from ...domain.dto import CalendarDueDate, CalendarEvent
from . import look
from .spans import Span

BADGE = 14.0
MIN_TEXT_WIDTH = 16.0


@dataclass(frozen=True, slots=True)
class More:
    """The "+N more" line of a crowded day: clicking it shows that day."""

    day: date
    hidden: int


Item = CalendarEvent | CalendarDueDate | More


class CalendarCanvas(QWidget):
    open_requested = Signal(object)  # CalendarEvent
    due_requested = Signal(object)  # CalendarDueDate
    create_requested = Signal(object)  # aware datetime of the empty slot
    move_requested = Signal(object, object)  # CalendarEvent, new aware start
    day_requested = Signal(object)  # date ("+N more")
    menu_requested = Signal(object, object, QPoint)  # CalendarEvent | None, slot | None, where
    selection_changed = Signal(object)  # CalendarEvent | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # the tooltip follows the item under the mouse
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.span = Span(date.today(), 1)
        self.today = date.today()
        self.events: Sequence[CalendarEvent] = ()
        self.dues: Sequence[CalendarDueDate] = ()
        self.hits: list[tuple[QRectF, Item]] = []
        self.selected_id: int | None = None
        self._press: tuple[QPointF, CalendarEvent, QPointF] | None = None  # where, what, grab
        self._drop: tuple[CalendarEvent, datetime] | None = None  # while dragging
        self._exposed = QRectF()

    # --- data ------------------------------------------------------------------------------

    def set_data(self, span: Span, events: Sequence[CalendarEvent],
                 dues: Sequence[CalendarDueDate], today: date) -> None:
        self.span, self.events, self.dues, self.today = span, events, dues, today
        if self.selected_id is not None and self.selected() is None:
            self.selected_id = None
        self.relayout()
        self.update()

    def relayout(self) -> None:
        """Fill ``hits`` for the current data and size."""
        raise NotImplementedError

    def slot_at(self, pos: QPointF) -> datetime | None:
        """The start of the empty slot at ``pos`` (for a new event), if there is one."""
        raise NotImplementedError

    def drop_start(self, event: CalendarEvent, pos: QPointF, grab: QPointF) -> datetime | None:
        """Where ``event`` would start if dropped with the mouse at ``pos``."""
        raise NotImplementedError

    def drop_rect(self, event: CalendarEvent, start: datetime) -> QRectF | None:
        """The outline shown while dragging ``event`` towards ``start``."""
        raise NotImplementedError

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    # --- lookup and selection ---------------------------------------------------------------

    def item_at(self, pos: QPointF) -> Item | None:
        for rect, item in reversed(self.hits):
            if rect.contains(pos):
                return item
        return None

    def rect_of(self, event_id: int) -> QRectF | None:
        return next((rect for rect, item in self.hits
                     if isinstance(item, CalendarEvent) and item.id == event_id), None)

    def shown_events(self) -> list[CalendarEvent]:
        return [item for _rect, item in self.hits if isinstance(item, CalendarEvent)]

    def selected(self) -> CalendarEvent | None:
        return next((e for e in self.events if e.id == self.selected_id), None)

    def select(self, event: CalendarEvent | None) -> None:
        self.selected_id = None if event is None else event.id
        self.update()
        self.selection_changed.emit(event)

    # --- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        item = self.item_at(pos)
        if isinstance(item, CalendarEvent):
            self.select(item)
            rect = self.rect_of(item.id)
            if event.button() == Qt.MouseButton.LeftButton and rect is not None:
                self._press = (pos, item, pos - rect.topLeft())
        elif isinstance(item, More) and event.button() == Qt.MouseButton.LeftButton:
            self.day_requested.emit(item.day)
        elif item is None:
            self.select(None)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            self._hover(event.position())
            return
        origin, dragged, grab = self._press
        pos = event.position()
        if self._drop is None and (
                (pos - origin).manhattanLength() < QApplication.startDragDistance()):
            return
        start = self.drop_start(dragged, pos, grab)
        self._drop = None if start is None else (dragged, start)
        self.setCursor(Qt.CursorShape.ClosedHandCursor if start is not None
                       else Qt.CursorShape.ForbiddenCursor)
        self.update()

    def _hover(self, pos: QPointF) -> None:
        item = self.item_at(pos)
        text = (look.tooltip(item) if isinstance(item, CalendarEvent)
                else look.due_tooltip(item) if isinstance(item, CalendarDueDate) else "")
        if text != self.toolTip():
            self.setToolTip(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drop, self._press, self._drop = self._drop, None, None
        self.unsetCursor()
        self.update()
        if drop is not None and drop[1] != drop[0].starts_at:
            self.move_requested.emit(*drop)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        item = self.item_at(pos)
        if isinstance(item, CalendarEvent):
            self.open_requested.emit(item)
        elif isinstance(item, CalendarDueDate):
            self.due_requested.emit(item)
        elif item is None:
            slot = self.slot_at(pos)
            if slot is not None:
                self.create_requested.emit(slot)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = QPointF(event.pos())
        item = self.item_at(pos)
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            item = self.selected()
            rect = self.rect_of(item.id) if item is not None else None
            where = self.mapToGlobal(rect.center().toPoint() if rect is not None
                                     else self.rect().center())
        else:
            where = event.globalPos()
        if isinstance(item, CalendarEvent):
            self.select(item)
            self.menu_requested.emit(item, None, where)
        elif item is None:
            self.menu_requested.emit(None, self.slot_at(pos), where)

    # --- keyboard --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        selected = self.selected()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and selected is not None:
            self.open_requested.emit(selected)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            shown = self.shown_events()
            if shown:
                forward = key in (Qt.Key.Key_Right, Qt.Key.Key_Down)
                ids = [e.id for e in shown]
                index = ids.index(selected.id) if selected is not None and \
                    selected.id in ids else (-1 if forward else len(ids))
                self.select(shown[max(0, min(len(shown) - 1, index + (1 if forward else -1)))])
        else:
            super().keyPressEvent(event)

    # --- painting helpers ------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self._exposed = QRectF(event.rect())  # the day view is mostly scrolled out of sight
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.paint(painter)
            rect = self.drop_rect(*self._drop) if self._drop is not None else None
            if rect is not None:
                pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2,
                           Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        finally:
            painter.end()

    def paint(self, painter: QPainter) -> None:
        raise NotImplementedError

    def paint_event_box(self, painter: QPainter, rect: QRectF, event: CalendarEvent,
                        lines: int) -> None:
        """One appointment: tinted box, kind stripe, text, seat-readiness badge."""
        palette = self.palette()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.fill_colour(event.kind, palette))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(look.kind_colour(event.kind))
        painter.drawRect(QRectF(rect.left(), rect.top(), 3, rect.height()))
        if event.id == self.selected_id:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        badge = event.warning is not None
        if badge and rect.width() >= BADGE + 8:
            self.paint_badge(painter, QRectF(rect.right() - BADGE - 2, rect.top() + 2,
                                             BADGE, BADGE))
        elif badge:  # too narrow for the badge: an amber cap still marks it
            painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), 3),
                             QColor(look.WARNING_COLOUR))
        text_rect = rect.adjusted(6, 1, -(BADGE + 4 if badge else 3), -1)
        font = QFont(self.font())
        font.setStrikeOut(event.order_closed)
        painter.setFont(font)
        if text_rect.width() < MIN_TEXT_WIDTH:
            return  # a sliver among many overlapping events: colour only; the tooltip tells
        painter.setPen(look.text_colour(palette, event.order_closed or event.done))
        metrics = QFontMetrics(font)
        first = ("✓ " if event.done else "") + look.title(event)
        if lines <= 1 or text_rect.height() < 2 * metrics.height():
            # One line: the colour says the kind, so the order and patient get the room.
            text = ("✓ " if event.done else "") + look.compact(event)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                int(text_rect.width())))
        else:
            note = look.status_note(event)
            rows = [first, look.subtitle(event), note or event.customer_name]
            y = text_rect.top()
            for index, row in enumerate(rows[:lines]):
                if y + metrics.height() > text_rect.bottom() + 1:
                    break
                if index == 2 and note:  # the reason for the strike-out is not struck out
                    font.setStrikeOut(False)
                    painter.setFont(font)
                painter.drawText(QRectF(text_rect.left(), y, text_rect.width(), metrics.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 metrics.elidedText(row, Qt.TextElideMode.ElideRight,
                                                    int(text_rect.width())))
                y += metrics.height()

    def paint_badge(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(look.WARNING_COLOUR))
        painter.drawEllipse(rect)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(int(rect.height()) - 3)
        painter.setFont(font)
        painter.setPen(QColor("#1f1300"))  # dark on amber, in either palette
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "!")

    def paint_due(self, painter: QPainter, rect: QRectF, due: CalendarDueDate) -> None:
        palette = self.palette()
        colour = QColor(look.DUE_COLOUR)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(QBrush(look.blend(colour, palette.color(QPalette.ColorRole.Base),
                                           0.12 if not due.overdue else 0.3)))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(self.font())
        metrics = QFontMetrics(self.font())
        text_rect = rect.adjusted(5, 0, -3, 0)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(look.due_title(due), Qt.TextElideMode.ElideRight,
                                            int(text_rect.width())))

    def paint_more(self, painter: QPainter, rect: QRectF, more: More) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.Link))
        painter.setFont(self.font())
        painter.drawText(rect.adjusted(5, 0, 0, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QApplication.translate("calendar", "+{count} more").format(
                             count=more.hidden))

    def paint_hits(self, painter: QPainter, lines: int) -> None:
        exposed = self._exposed
        for rect, item in self.hits:
            if not exposed.intersects(rect):
                continue
            if isinstance(item, CalendarEvent):
                self.paint_event_box(painter, rect, item, lines)
            elif isinstance(item, CalendarDueDate):
                self.paint_due(painter, rect, item)
            else:
                self.paint_more(painter, rect, item)

    def today_tint(self) -> QColor:
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlphaF(0.09)
        return colour

    def grid_pen(self, strength: float = 0.18) -> QPen:
        palette = self.palette()
        return QPen(look.blend(palette.color(QPalette.ColorRole.Text),
                               palette.color(QPalette.ColorRole.Base), strength), 1)
