"""The painted views: hours × days (day and week, with an all-day header) and the month."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, QTime
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...domain.dto import CalendarDueDate, CalendarEvent
from ..formatting import qdate
from ..widgets.screen_fit import scrolling
from .canvas import CalendarCanvas, More
from .spans import Span, by_day, lanes, local_start

TIME_COLUMN = 56.0
HOUR_HEIGHT = 48.0
SNAP_MINUTES = 15
NEW_EVENT_MINUTES = 30  # an empty slot is this long: a double-click starts on its half hour
LINE = 20.0  # one line of the month view and the all-day header
MAX_DUE_LINES = 2
DEFAULT_HOUR = 9  # a new event on a whole day (month view) starts then
NOW_COLOUR = "#e11d48"


def at_local(day: date, minutes: int) -> datetime:
    """``day`` at ``minutes`` after local midnight, as an aware datetime."""
    return datetime.combine(day, time(minutes // 60, minutes % 60)).astimezone()


def _minutes(value: datetime) -> int:
    return value.hour * 60 + value.minute


def day_names(days: Sequence[date], width: float, metrics: QFontMetrics) -> list[str]:
    """The longest spelling that fits ``width`` for every day: one spelling for all columns,
    so a week never mixes "Donnerstag 3 Dezember" with "Mi. 2 Dez."."""
    locale = QLocale()
    for fmt in ("dddd d MMMM", "ddd d MMM", "ddd d"):
        texts = [locale.toString(qdate(day), fmt) for day in days]
        if all(metrics.horizontalAdvance(text) <= width - 8 for text in texts):
            return texts
    return [str(day.day) for day in days]


class DayColumns(CalendarCanvas):
    """The body of the day and week views: a time column and one column per day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarDayColumns")
        self.setMinimumHeight(int(24 * HOUR_HEIGHT))
        self.now: datetime | None = None  # local; the red line, when today is shown

    def column_width(self) -> float:
        return max(1.0, (self.width() - TIME_COLUMN) / max(1, self.span.count))

    def relayout(self) -> None:
        self.hits = []
        width = self.column_width()
        days = by_day(self.events)
        for index, day in enumerate(self.span.days):
            todays = days.get(day, [])
            placed = lanes(todays)
            left = TIME_COLUMN + index * width
            for event in todays:
                lane, count = placed[event.id]
                lane_width = (width - 6) / count
                start = _minutes(local_start(event))
                top = start * HOUR_HEIGHT / 60
                height = max(event.duration_minutes * HOUR_HEIGHT / 60, LINE)
                height = min(height, 24 * HOUR_HEIGHT - top)
                self.hits.append((QRectF(left + 2 + lane * lane_width, top + 1,
                                         lane_width - 2, height - 2), event))

    def _day_at(self, x: float) -> date | None:
        if x < TIME_COLUMN:
            return None
        index = int((x - TIME_COLUMN) // self.column_width())
        return self.span.first + timedelta(days=index) if 0 <= index < self.span.count else None

    def _minutes_at(self, y: float, snap: int) -> int:
        minutes = int(y * 60 / HOUR_HEIGHT) // snap * snap
        return max(0, min(24 * 60 - snap, minutes))

    def slot_at(self, pos: QPointF) -> datetime | None:
        day = self._day_at(pos.x())
        return None if day is None else at_local(day, self._minutes_at(pos.y(),
                                                                       NEW_EVENT_MINUTES))

    def drop_start(self, event: CalendarEvent, pos: QPointF, grab: QPointF) -> datetime | None:
        day = self._day_at(pos.x())
        if day is None:
            return None
        return at_local(day, self._minutes_at(pos.y() - grab.y() + HOUR_HEIGHT / 8,
                                              SNAP_MINUTES))

    def drop_rect(self, event: CalendarEvent, start: datetime) -> QRectF | None:
        index = (start.date() - self.span.first).days
        top = _minutes(start) * HOUR_HEIGHT / 60
        return QRectF(TIME_COLUMN + index * self.column_width() + 1, top,
                      self.column_width() - 3,
                      max(event.duration_minutes * HOUR_HEIGHT / 60, LINE))

    def paint(self, painter: QPainter) -> None:
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        width = self.column_width()
        if self.span.first <= self.today <= self.span.last:
            index = (self.today - self.span.first).days
            painter.fillRect(QRectF(TIME_COLUMN + index * width, 0, width, self.height()),
                             self.today_tint())
        locale = QLocale()
        painter.setFont(self.font())
        metrics = QFontMetrics(self.font())
        for hour in range(24):
            y = hour * HOUR_HEIGHT
            painter.setPen(self.grid_pen(0.16))
            painter.drawLine(QPointF(TIME_COLUMN, y), QPointF(self.width(), y))
            painter.setPen(self.grid_pen(0.07))
            painter.drawLine(QPointF(TIME_COLUMN, y + HOUR_HEIGHT / 2),
                             QPointF(self.width(), y + HOUR_HEIGHT / 2))
            if hour:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(QRectF(0, y - metrics.height() / 2, TIME_COLUMN - 8,
                                        metrics.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 locale.toString(QTime(hour, 0), QLocale.FormatType.ShortFormat))
        painter.setPen(self.grid_pen(0.22))
        for index in range(self.span.count + 1):
            x = TIME_COLUMN + index * width
            painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        self._paint_now(painter)  # under the events, so it never strikes through their text
        self.paint_hits(painter, 3)

    def _paint_now(self, painter: QPainter) -> None:
        if self.now is None or not self.span.first <= self.now.date() <= self.span.last:
            return
        width = self.column_width()
        left = TIME_COLUMN + (self.now.date() - self.span.first).days * width
        y = _minutes(self.now) * HOUR_HEIGHT / 60
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(NOW_COLOUR))
        painter.drawEllipse(QPointF(left, y), 4, 4)
        painter.fillRect(QRectF(left, y - 1, width, 2), QColor(NOW_COLOUR))


class DayHeader(CalendarCanvas):
    """Day names above the columns (today marked) and the all-day items (due dates)."""

    def __init__(self, columns: DayColumns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarDayHeader")
        self._columns = columns

    def relayout(self) -> None:
        self.hits = []
        width = self._columns.column_width()
        per_day: dict[date, list[CalendarDueDate]] = {}
        for due in self.dues:
            per_day.setdefault(due.due_date, []).append(due)
        lines = min(MAX_DUE_LINES + 1, max((len(v) for v in per_day.values()), default=0))
        self.setFixedHeight(int(30 + lines * (LINE + 2) + (4 if lines else 0)))
        for index, day in enumerate(self.span.days):
            dues = per_day.get(day, [])
            shown = dues if len(dues) <= MAX_DUE_LINES + 1 else dues[:MAX_DUE_LINES]
            left = TIME_COLUMN + index * width
            for line, due in enumerate(shown):
                self.hits.append((QRectF(left + 2, 30 + line * (LINE + 2), width - 4, LINE), due))
            if len(shown) < len(dues):
                self.hits.append((QRectF(left + 2, 30 + len(shown) * (LINE + 2), width - 4,
                                         LINE), More(day, len(dues) - len(shown))))

    def slot_at(self, pos: QPointF) -> datetime | None:
        return None

    def drop_start(self, event: CalendarEvent, pos: QPointF, grab: QPointF) -> datetime | None:
        return None

    def drop_rect(self, event: CalendarEvent, start: datetime) -> QRectF | None:
        return None

    def titles(self) -> list[str]:
        """The column titles, measured in bold (today's) so today's fits as well."""
        bold = QFont(self.font())
        bold.setBold(True)
        return day_names(self.span.days, self._columns.column_width(), QFontMetrics(bold))

    def paint(self, painter: QPainter) -> None:
        self.relayout()  # the body may have changed width (scroll bar) since the data came
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        width = self._columns.column_width()
        for index, (day, name) in enumerate(zip(self.span.days, self.titles(), strict=True)):
            cell = QRectF(TIME_COLUMN + index * width, 0, width, 28)
            font = QFont(self.font())
            is_today = day == self.today
            font.setBold(is_today)
            painter.setFont(font)
            if is_today:
                painter.fillRect(QRectF(cell.left(), 0, width, self.height()), self.today_tint())
                painter.fillRect(QRectF(cell.left() + 4, 25, width - 8, 3),
                                 palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, name)
        painter.setPen(self.grid_pen(0.22))
        painter.drawLine(QPointF(0, self.height() - 1), QPointF(self.width(), self.height() - 1))
        self.paint_hits(painter, 1)


class TimeView(QWidget):
    """Day or week: the header on top, the 24 hours scrolling below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = DayColumns()
        self.header = DayHeader(self.columns)
        self.scroller = scrolling(self.columns)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroller, 1)
        self._scrolled = False

    @property
    def canvases(self) -> tuple[CalendarCanvas, ...]:
        return (self.columns, self.header)

    def set_data(self, span: Span, events: Sequence[CalendarEvent],
                 dues: Sequence[CalendarDueDate], today: date, now: datetime) -> None:
        self.columns.now = now
        self.columns.set_data(span, events, dues, today)
        self.header.set_data(span, events, dues, today)
        if not self._scrolled:
            self.scroll_to_hour(7)

    def scroll_to_hour(self, hour: int) -> None:
        self._scrolled = True
        self.scroller.verticalScrollBar().setValue(int((hour - 0.4) * HOUR_HEIGHT))


class MonthGrid(CalendarCanvas):
    """Six weeks of day cells; each lists its due dates and events, "+N more" when full."""

    HEADER = 24.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarMonth")

    def _cell(self, index: int) -> QRectF:
        width = self.width() / 7
        height = (self.height() - self.HEADER) / self._rows()
        return QRectF((index % 7) * width, self.HEADER + (index // 7) * height, width, height)

    def _rows(self) -> int:
        return max(1, self.span.count // 7)  # before the first data: one empty week

    def _index_at(self, pos: QPointF) -> int | None:
        if pos.y() < self.HEADER:
            return None
        rows = self._rows()
        column = int(pos.x() // (self.width() / 7))
        row = int((pos.y() - self.HEADER) // ((self.height() - self.HEADER) / rows))
        return row * 7 + column if 0 <= column < 7 and 0 <= row < rows else None

    def relayout(self) -> None:
        self.hits = []
        if self.width() <= 0 or self.height() <= self.HEADER:
            return
        events = by_day(self.events)
        dues: dict[date, list[CalendarDueDate]] = {}
        for due in self.dues:
            dues.setdefault(due.due_date, []).append(due)
        for index, day in enumerate(self.span.days):
            items: list[CalendarDueDate | CalendarEvent] = [*dues.get(day, []),
                                                            *events.get(day, [])]
            if not items:
                continue
            cell = self._cell(index)
            top = cell.top() + 24
            room = max(0, int((cell.bottom() - top - 2) // (LINE + 1)))
            shown = items if len(items) <= room else items[:max(0, room - 1)]
            for line, item in enumerate(shown):
                self.hits.append((QRectF(cell.left() + 3, top + line * (LINE + 1),
                                         cell.width() - 6, LINE), item))
            if len(shown) < len(items) and room:
                self.hits.append((QRectF(cell.left() + 3, top + len(shown) * (LINE + 1),
                                         cell.width() - 6, LINE),
                                  More(day, len(items) - len(shown))))

    def slot_at(self, pos: QPointF) -> datetime | None:
        index = self._index_at(pos)
        if index is None:
            return None
        return at_local(self.span.first + timedelta(days=index), DEFAULT_HOUR * 60)

    def drop_start(self, event: CalendarEvent, pos: QPointF, grab: QPointF) -> datetime | None:
        index = self._index_at(pos)
        if index is None:
            return None
        return at_local(self.span.first + timedelta(days=index), _minutes(local_start(event)))

    def drop_rect(self, event: CalendarEvent, start: datetime) -> QRectF | None:
        index = (start.date() - self.span.first).days
        return self._cell(index) if 0 <= index < self.span.count else None

    def paint(self, painter: QPainter) -> None:
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        locale = QLocale()
        width = self.width() / 7
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        for column in range(7):
            day = self.span.first + timedelta(days=column)
            painter.drawText(QRectF(column * width, 0, width, self.HEADER),
                             Qt.AlignmentFlag.AlignCenter,
                             locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat))
        month = self.span.month
        outside = QColor(palette.color(QPalette.ColorRole.AlternateBase))
        bold = QFont(self.font())
        bold.setBold(True)
        for index, day in enumerate(self.span.days):
            cell = self._cell(index)
            in_month = month is None or (day.year, day.month) == (month.year, month.month)
            if not in_month:
                painter.fillRect(cell, outside)
            if day == self.today:
                painter.fillRect(cell, self.today_tint())
            number = QRectF(cell.left() + 4, cell.top() + 3, 20, 20)
            if day == self.today:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
                painter.drawEllipse(number)
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
                painter.setFont(bold)
            else:
                painter.setPen(palette.color(QPalette.ColorRole.Text) if in_month
                               else palette.color(QPalette.ColorRole.PlaceholderText))
                painter.setFont(self.font())
            painter.drawText(number, Qt.AlignmentFlag.AlignCenter, str(day.day))
        painter.setPen(self.grid_pen(0.2))
        rows = self._rows()
        for row in range(rows + 1):
            y = self.HEADER + row * (self.height() - self.HEADER) / rows
            painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
        for column in range(1, 7):
            painter.drawLine(QPointF(column * width, self.HEADER),
                             QPointF(column * width, self.height()))
        self.paint_hits(painter, 1)
