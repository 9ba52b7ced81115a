"""Time the order list and the finance dashboard on a seeded database.

`uv run python bench/queries.py [--orders N] [--db DIR]`: builds the database once (cached under
/tmp/dentasync-bench) and reuses it; prints a table and exits 1 if a target is missed.

Each order-list figure stands next to its bare baseline, measured alternately in the same run:
the very SQL the service sent (recorded from the engine) replayed through the sqlite3 module,
rows fetched as tuples. The ratio is the service's own overhead (checks, SQLAlchemy, DTOs).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

from _common import (
    ACTOR,
    Result,
    arguments,
    bare_connection,
    open_seeded,
    recorded_sql,
    replay,
    report,
    timing,
    versus,
)

from dentasync_desktop.domain.dto import FinanceFilter, OrderCursor, OrderFilter
from dentasync_desktop.domain.enums import OrderStatus
from dentasync_desktop.services import finance
from dentasync_desktop.services.maintenance import Database
from dentasync_desktop.services.order_list import (
    count_by_status,
    count_orders,
    list_orders,
    orders_after,
    orders_at,
    orders_before,
)

LIST_TARGET_MS = 20.0
SEARCH_TARGET_MS = 20.0
DEEP_PAGE_TARGET_MS = 16.0  # a scroll step must fit a 60 Hz frame at any depth
RAW_SQL_RATIO = 2.0
LAB_TARGET_MS = 100.0
PAGE = 100

# What the order list shows when a user looks for a case at the lab: two statuses and a name.
FIRST_PAGE = OrderFilter(text="müller", statuses=(OrderStatus.PUBLISHED,
                                                  OrderStatus.IN_PRODUCTION),
                         sort_key="due_date")
# The naive FTS5 query a hand-written program would run: every match, sorted, first page.
NAIVE_FTS = """
    SELECT w.id, w.number, p.first_name, p.last_name, c.name, l.name, w.status,
           w.documented_at, w.due_date, w.currency, w.price_total_minor, w.paid_minor
    FROM work_orders w JOIN patients p ON p.id = w.patient_id
    JOIN customers c ON c.id = w.customer_id JOIN dental_labs l ON l.id = w.lab_id
    WHERE w.id IN (SELECT rowid FROM work_orders_trigram WHERE work_orders_trigram MATCH ?)
    ORDER BY w.due_date NULLS LAST, w.id LIMIT 100"""


def against_sql(database: Database, name: str, run: Callable[[], object],
                target_ms: float | None = None, ratio: float | None = RAW_SQL_RATIO) -> Result:
    with recorded_sql(database.engine) as statements:
        run()
    conn = bare_connection(database.paths.database)
    try:
        return versus(name, run, lambda: replay(conn, statements), target_ms, ratio)
    finally:
        conn.close()


def cursor_at(database: Database, position: int, sort_key: str) -> OrderCursor:
    """The cursor a user scrolling down would hold ``position`` rows into the list."""
    conn = bare_connection(database.paths.database)
    try:
        if sort_key == "due_date":
            due, id_ = conn.execute(
                "SELECT due_date, id FROM work_orders ORDER BY due_date NULLS LAST, id "
                "LIMIT 1 OFFSET ?", (position,)).fetchone()
            return OrderCursor("due_date", False,
                               (date.fromisoformat(due) if due else None,), id_)
        number, id_ = conn.execute("SELECT number, id FROM work_orders ORDER BY number, id "
                                   "LIMIT 1 OFFSET ?", (position,)).fetchone()
        return OrderCursor("number", False, (number,), id_)
    finally:
        conn.close()


def main() -> int:
    args = arguments(__doc__ or "").parse_args()
    database, seeded_in = open_seeded(args)
    uow = database.uow_factory
    year = date.today().year - 1
    a_year = FinanceFilter(date_from=date(year, 1, 1), date_to=date(year, 12, 31))
    found = count_orders(uow(), ACTOR, FIRST_PAGE)
    deep = int(args.orders * 0.9)
    results = []
    if seeded_in is not None:
        results.append(Result(f"seed {args.orders:,} orders", seeded_in, "s",
                              60.0 * args.orders / 100_000))
    search = OrderFilter(text="müller")
    naive = bare_connection(database.paths.database)
    results += [
        against_sql(database, "list first page: no filter, by due date (keyset)",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(), None, PAGE),
                    LIST_TARGET_MS),
        against_sql(database, "list first page: no filter, by due date (offset)",
                    lambda: list_orders(uow(), ACTOR, OrderFilter(), 0, PAGE), LIST_TARGET_MS),
        against_sql(database, f"list first page: due date, 2 statuses, text ({found:,} found)",
                    lambda: orders_after(uow(), ACTOR, FIRST_PAGE, None, PAGE),
                    LIST_TARGET_MS),
        against_sql(database, "text search first page: müller",
                    lambda: orders_after(uow(), ACTOR, search, None, PAGE), SEARCH_TARGET_MS),
        versus("  same, next to a naive FTS5 trigram query through sqlite3",
               lambda: orders_after(uow(), ACTOR, search, None, PAGE),
               lambda: naive.execute(NAIVE_FTS, ('"muller"',)).fetchall(), SEARCH_TARGET_MS),
        against_sql(database, "text search first page: dvořák",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(text="dvořák"), None, PAGE),
                    SEARCH_TARGET_MS),
        against_sql(database, "text search first page: a rare name (ødegård)",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(text="ødegård"), None, PAGE),
                    SEARCH_TARGET_MS),
        against_sql(database, "text search first page: an umlaut typed as ue (mueller)",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(text="mueller"), None, PAGE),
                    SEARCH_TARGET_MS),
        against_sql(database, "text search first page: without accents (dvorak)",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(text="dvorak"), None, PAGE),
                    SEARCH_TARGET_MS),
        against_sql(database, "text search first page: two letters (mü)",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(text="mü"), None, PAGE),
                    SEARCH_TARGET_MS),
        against_sql(database, "text search first page: an order number (wo-000123)",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(text="wo-000123"), None,
                                         PAGE), SEARCH_TARGET_MS),
        against_sql(database, "text search count: müller (separate call)",
                    lambda: count_orders(uow(), ACTOR, search), ratio=None),
    ]
    naive.close()
    by_due, by_number = cursor_at(database, deep, "due_date"), cursor_at(database, deep, "number")
    results += [
        against_sql(database, f"keyset page at row {deep:,}: by due date",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(), by_due, PAGE),
                    DEEP_PAGE_TARGET_MS),
        against_sql(database, f"keyset page at row {deep:,}: by number",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(sort_key="number"),
                                         by_number, PAGE), DEEP_PAGE_TARGET_MS),
        against_sql(database, "last page (the scroll bar dragged to the end)",
                    lambda: orders_before(uow(), ACTOR, OrderFilter(), None, PAGE),
                    DEEP_PAGE_TARGET_MS),
        against_sql(database, f"keyset page before row {deep:,} (scrolling back up)",
                    lambda: orders_before(uow(), ACTOR, OrderFilter(), by_due, PAGE),
                    DEEP_PAGE_TARGET_MS),
        against_sql(database, f"seek row {args.orders // 2:,} (a jump to the middle)",
                    lambda: orders_at(uow(), ACTOR, OrderFilter(), args.orders // 2, PAGE)),
        against_sql(database, "list first page: by patient (folded-name index)",
                    lambda: orders_after(uow(), ACTOR, OrderFilter(sort_key="patient"), None,
                                         PAGE)),
        against_sql(database, "count: no filter (separate call)",
                    lambda: count_orders(uow(), ACTOR, OrderFilter()), ratio=None),
        timing("count_by_status: no filter",
               lambda: count_by_status(uow(), ACTOR, OrderFilter())),
        timing("count_by_status: text", lambda: count_by_status(uow(), ACTOR, FIRST_PAGE)),
        timing("finance lab rows: all time",
               lambda: finance.lab_rows(uow(), ACTOR, FinanceFilter()), LAB_TARGET_MS),
        timing(f"finance lab rows: year {year}",
               lambda: finance.lab_rows(uow(), ACTOR, a_year), LAB_TARGET_MS),
        timing("finance orders first page",
               lambda: finance.order_rows(uow(), ACTOR, FinanceFilter(), 0, PAGE)),
        timing("finance order count", lambda: finance.order_count(uow(), ACTOR, FinanceFilter())),
        timing("finance summary: all time",
               lambda: finance.summary(uow(), ACTOR, FinanceFilter())),
        timing(f"finance summary: year {year}", lambda: finance.summary(uow(), ACTOR, a_year)),
    ]
    database.close()
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
