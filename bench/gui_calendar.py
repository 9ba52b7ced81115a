"""Paint time of the Calendar's month and week views on 100k orders / 300k events, next to a
bare baseline (a plain QWidget painting as many text rectangles) and the ratio.

    uv run python bench/gui_calendar.py [--orders N] [--db DIR]

Uses the database of bench/calendar_scorecard.py (three events per order; built and topped up
here if missing) and its busiest month. "After the query": the rows are fetched once, then each
run hands them to the view (layout) and renders it into a pixmap (paint), offscreen. Exits 1 if
the month view misses its target.
"""

from __future__ import annotations

import os
from datetime import timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import ACTOR, CACHE_ROOT, Result, arguments, open_seeded, report, timing
from calendar_scorecard import EVENTS_PER_ORDER, busiest_month, top_up_events
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from dentasync_desktop.gui.calendar.canvas import CalendarCanvas
from dentasync_desktop.gui.calendar.grids import MonthGrid, TimeView
from dentasync_desktop.gui.calendar.spans import Span, ViewMode, span_of
from dentasync_desktop.gui.theme import apply_theme
from dentasync_desktop.services import calendar

MONTH_MS = 150.0
SIZE = (1366, 640)  # the view's share of a 1366×768 window


class Baseline(QWidget):
    """The least a view must do: fill and label the same rectangles."""

    def __init__(self, rects: list[QRectF], texts: list[str]) -> None:
        super().__init__()
        self.rects, self.texts = rects, texts

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        for rect, text in zip(self.rects, self.texts, strict=True):
            painter.fillRect(rect, Qt.GlobalColor.lightGray)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, text)
        painter.end()


def render(widget: QWidget) -> None:
    pixmap = QPixmap(widget.size())
    widget.render(pixmap)


def measured(name: str, canvas: CalendarCanvas, show: QWidget, load: object,
             target: float | None) -> list[Result]:
    """The view (data in, laid out, painted) and the baseline painting as many rectangles."""

    def run() -> None:
        load()  # type: ignore[operator]
        render(show)

    view = timing(f"{name}: layout + paint", run, target)
    texts = [getattr(item, "patient_name", "") for _rect, item in canvas.hits]
    baseline = Baseline([rect for rect, _item in canvas.hits], texts)
    baseline.resize(show.size())
    bare = timing(f"{name}: bare baseline ({len(texts)} rectangles)", lambda: render(baseline))
    ratio = Result(f"{name}: ratio view / baseline", view.value / max(bare.value, 1e-6), "x")
    return [view, bare, ratio]


def main() -> int:
    args = arguments(__doc__ or "").parse_args()
    if args.db is None:
        args.db = CACHE_ROOT / f"{args.orders}-{args.seed}-calendar"
    database, _seeded = open_seeded(args)
    path = str(database.paths.database)
    events = top_up_events(path, EVENTS_PER_ORDER * args.orders)
    month, _in_month = busiest_month(path)
    app = QApplication([])
    apply_theme(app)
    uow = database.uow_factory
    try:
        month_span = span_of(ViewMode.MONTH, month)
        rows = calendar.calendar_events(
            uow(), ACTOR, calendar.local_midnight(month_span.first),
            calendar.local_midnight(month_span.last + timedelta(days=1)))
        dues = calendar.order_due_dates(uow(), ACTOR, month_span.first, month_span.last)
        week_span = span_of(ViewMode.WEEK, month.replace(day=15))
        week_rows = [e for e in rows
                     if week_span.first <= e.starts_at.astimezone().date() <= week_span.last]
        week_dues = [d for d in dues if week_span.first <= d.due_date <= week_span.last]
        print(f"{args.orders:,} orders, {events:,} events; month grid {month:%Y-%m}: "
              f"{len(rows):,} events, {len(dues):,} due dates; week of "
              f"{week_span.first}: {len(week_rows):,} events")
        today = month.replace(day=15)

        grid = MonthGrid()
        grid.resize(*SIZE)
        results = measured(f"month view ({len(rows):,} events + {len(dues):,} due)", grid, grid,
                           lambda: grid.set_data(month_span, rows, dues, today), MONTH_MS)
        week = TimeView()
        week.resize(*SIZE)
        now = calendar.local_midnight(today)

        def load_week(span: Span = week_span) -> None:
            week.set_data(span, week_rows, week_dues, today, now)
            week.scroll_to_hour(8)

        load_week()
        results += measured(f"week view ({len(week_rows):,} events)", week.columns, week,
                            load_week, None)
    finally:
        database.close()
    del app
    return report(results)


if __name__ == "__main__":
    raise SystemExit(main())


