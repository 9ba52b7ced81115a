"""The order list, search and finance on PostgreSQL next to the same calls on SQLite.

    .ci/postgres.sh start    # prints a URL; any empty database on a local server will do
    uv run python bench/postgres_vs_sqlite.py --database-url postgresql+psycopg://...

Both databases are seeded with the same orders by the same code (the SQLite one is the cached
/tmp/dentasync-bench/<orders>-<seed> of the other scripts; the server's database is seeded
when empty and reused after). Each call runs on both alternately, so both see the same machine
load; the table shows the median wall times and PostgreSQL over SQLite, judged against 2x.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from _common import (
    ACTOR,
    CACHE_ROOT,
    Result,
    arguments,
    ensure_bench_user,
    open_seeded,
    report,
    timed_seed,
    versus,
)

from dentasync_desktop.domain.dto import FinanceFilter, OrderFilter
from dentasync_desktop.domain.enums import OrderStatus
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services import finance
from dentasync_desktop.services.maintenance import Database, open_database
from dentasync_desktop.services.order_list import count_orders, orders_after

RATIO_TARGET = 2.0
PAGE = 100
FIRST_PAGE = OrderFilter(text="müller", statuses=(OrderStatus.PUBLISHED,
                                                  OrderStatus.IN_PRODUCTION),
                         sort_key="due_date")

Call = Callable[[Database], object]
# Shown, not judged: no screen waits for it. The list shows its first page (keyset) at once and
# the count in its status line when it comes, from a worker thread. SQLite counts a B-tree's
# cells page by page; the server reads every entry of an index.
EVERY_ORDER = "count: every order (status line, off the GUI thread)"


def _open_server(url: str, orders: int, seed_value: int) -> tuple[Database, float | None]:
    paths = replace(resolve_paths(CACHE_ROOT / f"pg-{orders}-{seed_value}").create(),
                    database_url=url)
    database = open_database(paths)
    ensure_bench_user(database)
    have = count_orders(database.uow_factory(), ACTOR, OrderFilter())
    if have == orders:
        return database, None
    if have:
        database.close()
        raise SystemExit(f"the server's database holds {have:,} orders, not {orders:,}; "
                         "give an empty one")
    print(f"Seeding {orders:,} orders into the server's database", flush=True)
    return database, timed_seed(database, orders, seed_value)


def _calls(year: int) -> list[tuple[str, Call]]:
    a_year = FinanceFilter(date_from=date(year, 1, 1), date_to=date(year, 12, 31))
    return [
        ("list first page: no filter, by due date (keyset)",
         lambda d: orders_after(d.uow_factory(), ACTOR, OrderFilter(), None, PAGE)),
        ("list first page: due date, 2 statuses, text müller",
         lambda d: orders_after(d.uow_factory(), ACTOR, FIRST_PAGE, None, PAGE)),
        ("search first page: müller",
         lambda d: orders_after(d.uow_factory(), ACTOR, OrderFilter(text="müller"), None,
                                PAGE)),
        ("search first page: a rare name (ødegård)",
         lambda d: orders_after(d.uow_factory(), ACTOR, OrderFilter(text="ødegård"), None,
                                PAGE)),
        ("search first page: two letters (mü)",
         lambda d: orders_after(d.uow_factory(), ACTOR, OrderFilter(text="mü"), None, PAGE)),
        (EVERY_ORDER, lambda d: count_orders(d.uow_factory(), ACTOR, OrderFilter())),
        ("search count: müller",
         lambda d: count_orders(d.uow_factory(), ACTOR, OrderFilter(text="müller"))),
        ("finance lab rows: all time",
         lambda d: finance.lab_rows(d.uow_factory(), ACTOR, FinanceFilter())),
        (f"finance lab rows: year {year}",
         lambda d: finance.lab_rows(d.uow_factory(), ACTOR, a_year)),
        ("finance summary: all time",
         lambda d: finance.summary(d.uow_factory(), ACTOR, FinanceFilter())),
        ("finance orders first page",
         lambda d: finance.order_rows(d.uow_factory(), ACTOR, FinanceFilter(), 0, PAGE)),
    ]


def main() -> int:
    parser = arguments(__doc__ or "")
    parser.add_argument("--database-url", required=True, metavar="URL",
                        help="an empty (or previously seeded) PostgreSQL database")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each call")
    args = parser.parse_args()
    sqlite, sqlite_seeded = open_seeded(args)
    started = time.perf_counter()
    server, server_seeded = _open_server(args.database_url, args.orders, args.seed)
    results: list[Result] = []
    if sqlite_seeded is not None:
        results.append(Result(f"seed {args.orders:,} orders: SQLite", sqlite_seeded, "s"))
    if server_seeded is not None:
        results.append(Result(f"seed {args.orders:,} orders: PostgreSQL", server_seeded, "s"))
    else:
        results.append(Result("open the seeded server database", time.perf_counter() - started,
                              "s"))
    try:
        for name, call in _calls(date.today().year - 1):
            # "ours" is PostgreSQL, "bare" SQLite. The ratio is of wall times: the client's
            # CPU time leaves out the server process's work.
            measured = versus(name, lambda c=call: c(server), lambda c=call: c(sqlite),
                              ratio_target=None if name == EVERY_ORDER else RATIO_TARGET,
                              repeat=args.repeat)
            results.append(replace(measured, cpu=None, bare_cpu=None))
    finally:
        server.close()
        sqlite.close()
    print("wall: PostgreSQL; bare: SQLite; ratio: PostgreSQL / SQLite (wall times)")
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
