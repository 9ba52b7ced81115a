"""Finance page and report speed on the seeded 100k-order database.

    uv run python bench/finance_exports.py [--orders N] [--db DIR]

Measures what the Finance page does after a filter change (labs tab: lab rows + summary; work
orders tab: first page + count), then an XLSX export of every order row and a PDF of about
5,000 rows, each in a child process so its peak memory (max RSS) is its own. Builds the database
once (cached under /tmp/dentasync-bench); prints a table and exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from _common import ACTOR, Result, arguments, data_dir, median_ms, open_seeded, report

from dentasync_desktop.domain.dto import FinanceFilter
from dentasync_desktop.domain.enums import PaymentMethod, PaymentStatus
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services import finance, reports
from dentasync_desktop.services.maintenance import open_database

LABS_REFRESH_MS = 100.0
ORDERS_FIRST_PAGE_MS = 50.0
XLSX_S = 20.0
XLSX_PEAK_MB = 300.0
PDF_S = 15.0
PDF_ROWS = 5000
PAGE = 100


def main() -> int:
    parser = arguments(__doc__ or "")
    parser.add_argument("--child", nargs=3, metavar=("FORMAT", "FILTER", "TARGET"),
                        help=argparse.SUPPRESS)  # the parent runs itself
    args = parser.parse_args()
    if args.child:
        return child(args, *args.child)
    database, _seeded_in = open_seeded(args)
    uow = database.uow_factory
    try:
        filters = page_filters(uow)
        pdf_filter = newest_rows(uow, PDF_ROWS)
        pdf_rows = finance.order_count(uow(), ACTOR, pdf_filter)
        total_rows = finance.order_count(uow(), ACTOR, FinanceFilter())
        results = []
        for name, flt in filters.items():
            labs = median_ms(lambda f=flt: (finance.lab_rows(uow(), ACTOR, f),
                                            finance.summary(uow(), ACTOR, f, "labs")), 10)
            orders = median_ms(lambda f=flt: (finance.order_rows(uow(), ACTOR, f, 0, PAGE),
                                              finance.order_count(uow(), ACTOR, f)), 10)
            results += [
                Result(f"labs tab refresh: {name}", labs, "ms", LABS_REFRESH_MS),
                Result(f"orders tab first page + count: {name}", orders, "ms",
                       ORDERS_FIRST_PAGE_MS),
            ]
        results.append(Result(
            "orders tab first page by outstanding, all dates",
            median_ms(lambda: finance.order_rows(uow(), ACTOR, FinanceFilter(), 0, PAGE,
                                                 "outstanding", True), 10), "ms",
            ORDERS_FIRST_PAGE_MS))
    finally:
        database.close()

    with tempfile.TemporaryDirectory(prefix="dentasync-export-bench-") as folder:
        xlsx = run_child(args, "xlsx", FinanceFilter(), Path(folder) / "all.xlsx")
        pdf = run_child(args, "pdf", pdf_filter, Path(folder) / "newest.pdf")
    results += [
        Result(f"XLSX export of {total_rows:,} order rows", xlsx["seconds"], "s", XLSX_S),
        Result("  CPU time", xlsx["cpu"], "s"),
        Result("  peak memory (max RSS of the process)", xlsx["peak_mb"], "MB", XLSX_PEAK_MB),
        Result("  file size", xlsx["size_mb"], "MB"),
        Result(f"PDF export of {pdf_rows:,} order rows", pdf["seconds"], "s", PDF_S),
        Result("  CPU time", pdf["cpu"], "s"),
        Result("  peak memory (max RSS of the process)", pdf["peak_mb"], "MB"),
        Result("  file size", pdf["size_mb"], "MB"),
    ]
    return report(results)


def page_filters(uow) -> dict[str, FinanceFilter]:  # type: ignore[no-untyped-def]
    """Filter settings a user picks on the page: periods, a lab, a method, a payment status."""
    labs = finance.lab_rows(uow(), ACTOR, FinanceFilter())
    newest = finance.order_rows(uow(), ACTOR, FinanceFilter(), 0, 1)[0].documented_at
    month, year = newest.replace(day=1), date(newest.year, 1, 1)
    return {
        "this month": FinanceFilter(date_from=month, date_to=newest),
        "this year, one lab": FinanceFilter(date_from=year, date_to=newest,
                                            lab_id=labs[0].lab_id),
        "this year, overdue": FinanceFilter(date_from=year, date_to=newest,
                                            payment_status=PaymentStatus.OVERDUE),
        "all dates, card": FinanceFilter(method=PaymentMethod.CARD),
        "all dates": FinanceFilter(),
    }


def newest_rows(uow, wanted: int) -> FinanceFilter:  # type: ignore[no-untyped-def]
    """A period ending at the newest order that holds about ``wanted`` orders."""
    newest = finance.order_rows(uow(), ACTOR, FinanceFilter(), 0, 1)[0].documented_at
    low, high = 0, 20 * 365
    while low < high:  # the fewest days back that reach ``wanted`` orders
        middle = (low + high) // 2
        flt = FinanceFilter(date_from=newest - timedelta(days=middle), date_to=newest)
        if finance.order_count(uow(), ACTOR, flt) >= wanted:
            high = middle
        else:
            low = middle + 1
    return FinanceFilter(date_from=newest - timedelta(days=low), date_to=newest)


def run_child(  # type: ignore[no-untyped-def]
    args, fmt: str, flt: FinanceFilter, target: Path
) -> dict[str, float]:
    spec = json.dumps({"from": flt.date_from and flt.date_from.isoformat(),
                       "to": flt.date_to and flt.date_to.isoformat()})
    command = [sys.executable, __file__, "--orders", str(args.orders), "--seed", str(args.seed),
               "--child", fmt, spec, str(target)]
    if args.db:
        command += ["--db", str(args.db)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def child(args, fmt: str, spec: str, target: str) -> int:  # type: ignore[no-untyped-def]
    """One export in this process; prints its timings and peak memory as JSON."""
    period = json.loads(spec)
    flt = FinanceFilter(
        date_from=date.fromisoformat(period["from"]) if period["from"] else None,
        date_to=date.fromisoformat(period["to"]) if period["to"] else None)
    database = open_database(resolve_paths(data_dir(args)))
    try:
        cpu, started = time.process_time(), time.perf_counter()
        reports.export_finance(database.uow_factory, ACTOR, "orders", flt, fmt,  # type: ignore[arg-type]
                               Path(target))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        database.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_kb / 1024,
                      "size_mb": Path(target).stat().st_size / 1e6}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
