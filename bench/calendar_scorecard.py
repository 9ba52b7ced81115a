"""The calendar's month query and the lab scorecard on 100k orders / 300k events, each next to
a bare sqlite3 baseline that runs the very same SQL (captured from the service) and the ratio.

    uv run python bench/calendar_scorecard.py [--orders N] [--db DIR]

The seeder makes about two events per order; this benchmark tops its own copy of the database
up to three per order (copies of seeded events a few hours later), so it caches under
/tmp/dentasync-bench/<orders>-<seed>-calendar and leaves the other benchmarks' database alone.
Also times the Today board and the reminder queries for information. Exits 1 if a target is
missed.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime
from typing import Any

from _common import ACTOR, CACHE_ROOT, Result, arguments, open_seeded, report, timing
from sqlalchemy import event

from dentasync_desktop.domain.dto import ScorecardFilter
from dentasync_desktop.services import calendar, reminders, scorecard, today

SCORECARD_MS = 200.0
EVENTS_PER_ORDER = 3


def top_up_events(path: str, target: int) -> int:
    """Copy seeded events (three hours later) until there are ``target``; returns the count."""
    with closing(sqlite3.connect(path)) as conn:
        have = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        if have < target:
            conn.execute(
                "INSERT INTO events (order_id, kind, starts_at, duration_minutes, "
                "reminder_minutes, note, done, created_by_id, created_at, version) "
                "SELECT order_id, kind, strftime('%Y-%m-%d %H:%M:%f000', starts_at, "
                "'+3 hours'), duration_minutes, reminder_minutes, note, done, created_by_id, "
                "created_at, 1 FROM events ORDER BY id LIMIT ?", (target - have,))
            conn.commit()
            have = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return have


def busiest_month(path: str) -> tuple[date, int]:
    with closing(sqlite3.connect(path)) as conn:
        month, count = conn.execute(
            "SELECT substr(starts_at, 1, 7) AS m, count(*) FROM events GROUP BY m "
            "ORDER BY count(*) DESC LIMIT 1").fetchone()
    year, number = map(int, month.split("-"))
    return date(year, number, 1), count


def captured(engine: Any, run: Callable[[], object]) -> list[tuple[str, Any]]:
    """The statements and parameters ``run`` sends to the database, in order."""
    statements: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    return [(s, p) for s, p in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def bare_ms(path: str, statements: list[tuple[str, Any]], repeat: int = 20) -> float:
    """Median time of the same statements on a plain sqlite3 connection, rows fetched."""
    with closing(sqlite3.connect(path)) as conn:
        def run() -> None:
            for statement, parameters in statements:
                conn.execute(statement, parameters).fetchall()
        run()
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def compared(name: str, engine: Any, path: str, run: Callable[[], object],
             target: float | None) -> list[Result]:
    service = timing(name, run, target)
    baseline = bare_ms(path, captured(engine, run))
    return [service, Result("  bare sqlite3, same SQL", baseline, "ms"),
            Result("  ratio service / bare", service.value / baseline, "x")]


def main() -> int:
    parser = arguments(__doc__ or "")
    args = parser.parse_args()
    if args.db is None:
        args.db = CACHE_ROOT / f"{args.orders}-{args.seed}-calendar"
    database, _seeded = open_seeded(args)
    path = str(database.paths.database)
    events = top_up_events(path, EVENTS_PER_ORDER * args.orders)
    month, in_month = busiest_month(path)
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    start, end = calendar.local_midnight(month), calendar.local_midnight(following)
    uow, engine = database.uow_factory, database.engine
    print(f"{args.orders:,} orders, {events:,} events; month {month:%Y-%m} holds {in_month:,}")
    now = datetime.combine(following, datetime.min.time()).astimezone()
    try:
        shown = len(calendar.calendar_events(uow(), ACTOR, start, end))
        results = compared(
            f"calendar month {month:%Y-%m} ({shown:,} events)",
            engine, path, lambda: calendar.calendar_events(uow(), ACTOR, start, end), None)
        results += compared(
            "calendar due dates of the month", engine, path,
            lambda: calendar.order_due_dates(uow(), ACTOR, month, following), None)
        results += compared(
            "lab scorecard, all time", engine, path,
            lambda: scorecard.lab_scorecard(uow(), ACTOR, ScorecardFilter()), SCORECARD_MS)
        a_year = ScorecardFilter(date_from=date(month.year - 1, 1, 1),
                                 date_to=date(month.year - 1, 12, 31))
        results += compared(
            f"lab scorecard, year {month.year - 1}", engine, path,
            lambda: scorecard.lab_scorecard(uow(), ACTOR, a_year), SCORECARD_MS)
        results += [
            timing("Today board", lambda: today.today_board(uow(), ACTOR, following)),
            timing("due reminders", lambda: reminders.due_reminders(uow(), ACTOR, now)),
            timing("next reminder time",
                   lambda: reminders.next_reminder_time(uow(), ACTOR, now)),
        ]
    finally:
        database.close()
    return report(results)


if __name__ == "__main__":
    raise SystemExit(main())
