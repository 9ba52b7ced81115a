"""Time the order list and the finance dashboard on a seeded database.

`uv run python bench/queries.py [--orders N] [--db DIR]`: builds the database once (cached under
/tmp/dentasync-bench) and reuses it; prints a table and exits 1 if a target is missed.
"""

from __future__ import annotations

import sys
from datetime import date

from _common import ACTOR, Result, arguments, open_seeded, report, timing

from dentasync_desktop.domain.dto import FinanceFilter, OrderFilter
from dentasync_desktop.domain.enums import OrderStatus
from dentasync_desktop.services import finance
from dentasync_desktop.services.order_list import count_by_status, list_orders

LIST_TARGET_MS = 20.0
LAB_TARGET_MS = 100.0
PAGE = 100

# What the order list shows when a user looks for a case at the lab: two statuses and a name.
FIRST_PAGE = OrderFilter(text="müller", statuses=(OrderStatus.PUBLISHED,
                                                  OrderStatus.IN_PRODUCTION),
                         sort_key="due_date")


def main() -> int:
    args = arguments(__doc__ or "").parse_args()
    database, seeded_in = open_seeded(args)
    uow = database.uow_factory
    year = date.today().year - 1
    a_year = FinanceFilter(date_from=date(year, 1, 1), date_to=date(year, 12, 31))
    found = list_orders(uow(), ACTOR, FIRST_PAGE, 0, PAGE).total_count
    results = []
    if seeded_in is not None:
        results.append(Result(f"seed {args.orders:,} orders", seeded_in, "s",
                              60.0 * args.orders / 100_000))
    results += [
        timing(f"list first page: due date, 2 statuses, text ({found:,} found)",
               lambda: list_orders(uow(), ACTOR, FIRST_PAGE, 0, PAGE), LIST_TARGET_MS),
        timing("list first page: no filter, by due date",
               lambda: list_orders(uow(), ACTOR, OrderFilter(), 0, PAGE)),
        timing("list first page: text only",
               lambda: list_orders(uow(), ACTOR, OrderFilter(text="müller"), 0, PAGE)),
        timing("list first page: by patient",
               lambda: list_orders(uow(), ACTOR, OrderFilter(sort_key="patient"), 0, PAGE)),
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
