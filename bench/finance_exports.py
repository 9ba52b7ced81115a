"""Finance page and report speed on the seeded 100k-order database.

    uv run python bench/finance_exports.py [--orders N] [--db DIR] [--repeat R] [--skip-exports]

Measures what the Finance page does after a filter change (labs tab: lab rows + summary; work
orders tab: its first page, which the user waits for, and apart from it the count the tab asks
for once the rows are shown, for its "N work orders" line), then XLSX and CSV exports of every
order row, each next to a bare baseline run alternately with it (one SELECT through the sqlite3
module into write-only openpyxl with lxml, or into the csv module), and a PDF of about 5,000
rows, each in a child process so its peak memory (max RSS) is its own. Last, what opening the
finance page imports: no openpyxl, no ReportLab. ``--skip-exports`` measures the page alone (at
a million orders the exports take minutes). Builds the database once (cached under
/tmp/dentasync-bench); prints a table and exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from _common import (
    ACTOR,
    Result,
    arguments,
    data_dir,
    medians_ms,
    open_seeded,
    report,
)

from dentasync_desktop.domain.dto import FinanceFilter, OrderCursor
from dentasync_desktop.domain.enums import PaymentMethod, PaymentStatus
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services import finance, reports
from dentasync_desktop.services.maintenance import open_database

LABS_REFRESH_MS = 100.0
ORDERS_FIRST_PAGE_MS = 50.0
# Nobody waits for the count (the line reads "Counting work orders…" meanwhile), but until it
# comes the line says so, and the count takes one of a two-core PC's cores from the window and
# the next query: looser than the page's, not none (bench/README.md).
ORDERS_COUNT_MS = 150.0
XLSX_S = 12.0
XLSX_PEAK_MB = 300.0
XLSX_RATIO = 1.3  # next to bare write-only openpyxl with lxml
CSV_RATIO = 2.0  # next to the csv module
PDF_S = 15.0
PDF_ROWS = 5000
PAGE = 100
# A page far down the tab, as its scroll reads it: no slower than the first.
DEEP = 50_000
DEEP_PAGE_MS = 50.0
DEEP_SORTS = (("documented_at", True), ("outstanding", True), ("number", False))


def main() -> int:
    parser = arguments(__doc__ or "")
    parser.add_argument("--child", nargs=3, metavar=("FORMAT", "FILTER", "TARGET"),
                        help=argparse.SUPPRESS)  # the parent runs itself
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each export and its baseline (median; default 1)")
    parser.add_argument("--skip-exports", action="store_true",
                        help="the page's tabs only: no exports, no import check")
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
            labs = medians_ms(lambda f=flt: (finance.lab_rows(uow(), ACTOR, f),
                                             finance.summary(uow(), ACTOR, f, "labs")), 10)
            page = medians_ms(lambda f=flt: finance.order_rows(uow(), ACTOR, f, 0, PAGE), 10)
            count = medians_ms(lambda f=flt: finance.order_count(uow(), ACTOR, f), 10)
            results += [
                Result(f"labs tab refresh: {name}", labs[0], "ms", LABS_REFRESH_MS, labs[1]),
                Result(f"orders tab first page: {name}", page[0], "ms", ORDERS_FIRST_PAGE_MS,
                       page[1]),
                Result(f"  its count, after the page: {name}", count[0], "ms",
                       ORDERS_COUNT_MS, count[1]),
            ]
        # A payment status other than overdue has no totals kept: the one count that still
        # reads every order the period holds.
        paid = FinanceFilter(payment_status=PaymentStatus.PAID)
        wall, cpu = medians_ms(lambda: finance.order_count(uow(), ACTOR, paid), 10)
        results.append(Result("  its count, after the page: all dates, paid", wall, "ms",
                              ORDERS_COUNT_MS, cpu))
        wall, cpu = medians_ms(lambda: finance.order_rows(
            uow(), ACTOR, FinanceFilter(), 0, PAGE, "outstanding", True), 10)
        results.append(Result("orders tab first page by outstanding, all dates", wall, "ms",
                              ORDERS_FIRST_PAGE_MS, cpu))
        # Every other column's sort, all dates: no index orders them (for information).
        for key in finance.FINANCE_SORT_KEYS:
            if key not in ("outstanding", "documented_at", "number"):
                wall, cpu = medians_ms(lambda key=key: finance.order_rows(
                    uow(), ACTOR, FinanceFilter(), 0, PAGE, key, False), 3)
                results.append(Result(f"  first page by {key}, all dates", wall, "ms", None, cpu))
        results += deep_pages(uow, min(DEEP, total_rows - PAGE))
    finally:
        database.close()
    if args.skip_exports:
        return report(results)

    with tempfile.TemporaryDirectory(prefix="dentasync-export-bench-") as folder:
        runs: dict[str, list[dict[str, float]]] = {}
        for _ in range(args.repeat):  # ours and bare alternately, under the same load
            for fmt in ("xlsx", "bare-xlsx", "csv", "bare-csv"):
                target = Path(folder) / f"all.{fmt.removeprefix('bare-')}"
                runs.setdefault(fmt, []).append(run_child(args, fmt, FinanceFilter(), target))
        pdf = run_child(args, "pdf", pdf_filter, Path(folder) / "newest.pdf")
    xlsx, bare_xlsx = median_run(runs["xlsx"]), median_run(runs["bare-xlsx"])
    csv_run, bare_csv = median_run(runs["csv"]), median_run(runs["bare-csv"])
    page_imports = finance_page_imports()
    results += [
        Result(f"XLSX export of {total_rows:,} order rows", xlsx["seconds"], "s",
               XLSX_S * args.orders / 100_000, xlsx["cpu"], bare_xlsx["seconds"], XLSX_RATIO,
               bare_xlsx["cpu"]),
        Result("  peak memory (max RSS of the process)", xlsx["peak_mb"], "MB",
               XLSX_PEAK_MB if args.orders <= 100_000 else None, bare=bare_xlsx["peak_mb"]),
        Result("  file size", xlsx["size_mb"], "MB", bare=bare_xlsx["size_mb"]),
        Result(f"CSV export of {total_rows:,} order rows", csv_run["seconds"], "s", None,
               csv_run["cpu"], bare_csv["seconds"], CSV_RATIO, bare_csv["cpu"]),
        Result(f"PDF export of {pdf_rows:,} order rows", pdf["seconds"], "s", PDF_S),
        Result("  CPU time", pdf["cpu"], "s"),
        Result("  peak memory (max RSS of the process)", pdf["peak_mb"], "MB"),
        Result("  file size", pdf["size_mb"], "MB"),
        Result("finance page import: openpyxl/ReportLab modules loaded",
               page_imports["documents"], "", 0.0),
        Result("  importing the page (bare: openpyxl + ReportLab alone)",
               page_imports["page_ms"], "ms", bare=page_imports["documents_ms"]),
    ]
    return report(results)


def deep_pages(uow, depth: int) -> list[Result]:  # type: ignore[no-untyped-def]
    """The Work orders tab's page ``depth`` rows down, as the tab reads it while it scrolls
    (from the cursor of the row before), next to its first page, for each sort with an
    index: it should cost what the first page does, not grow with the rows above it."""
    results = []
    for sort_key, descending in DEEP_SORTS:
        above = finance.order_rows(uow(), ACTOR, FinanceFilter(), depth - 1, 1, sort_key,
                                   descending)[0]
        value = {"documented_at": above.documented_at, "outstanding": above.outstanding.minor,
                 "number": above.number}[sort_key]
        cursor = OrderCursor(sort_key, descending,
                             (value,) if sort_key == "number" else (value, above.number),
                             above.order_id)
        first = medians_ms(lambda k=sort_key, d=descending: finance.order_rows_after(
            uow(), ACTOR, FinanceFilter(), None, PAGE, k, d), 10)
        deep = medians_ms(lambda k=sort_key, d=descending, c=cursor: finance.order_rows_after(
            uow(), ACTOR, FinanceFilter(), c, PAGE, k, d), 10)
        offset = medians_ms(lambda k=sort_key, d=descending: finance.order_rows(
            uow(), ACTOR, FinanceFilter(), depth, PAGE, k, d), 3)
        name = f"{sort_key}{' descending' if descending else ''}"
        results += [
            Result(f"orders tab page {depth:,} rows down, by {name}", deep[0], "ms",
                   DEEP_PAGE_MS, deep[1]),
            Result(f"  its first page, by {name}", first[0], "ms", ORDERS_FIRST_PAGE_MS,
                   first[1]),
            Result("  the same deep page by offset (how the tab paged before)", offset[0],
                   "ms", None, offset[1]),
        ]
    return results


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


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


PAGE_IMPORT = """
import sys, time
started = time.perf_counter()
import dentasync_desktop.gui.finance.page
page = time.perf_counter() - started
loaded = [m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'reportlab')]
started = time.perf_counter()
import openpyxl, reportlab.platypus
print(len(loaded), page * 1000, (time.perf_counter() - started) * 1000)
"""


def finance_page_imports() -> dict[str, float]:
    """What opening the finance page imports, in a fresh interpreter (median of five)."""
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", PAGE_IMPORT], check=True,
                             capture_output=True, text=True).stdout.split()
        runs.append({"documents": float(out[0]), "page_ms": float(out[1]),
                     "documents_ms": float(out[2])})
    return median_run(runs)


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
    paths = resolve_paths(data_dir(args))
    cpu, started = time.process_time(), time.perf_counter()
    if fmt.startswith("bare-"):
        bare_export(paths.database, fmt.removeprefix("bare-"), Path(target))
    else:
        database = open_database(paths)
        try:
            reports.export_finance(database.uow_factory, ACTOR, "orders", flt, fmt,  # type: ignore[arg-type]
                                   Path(target))
        finally:
            database.close()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_kb / 1024,
                      "size_mb": Path(target).stat().st_size / 1e6}))
    return 0


# What a hand-written exporter would run: the Work orders tab's rows in its order, one SELECT.
BARE_SQL = """
    SELECT w.number, l.name, coalesce(w.payment_method, ''), w.currency, w.paid_minor,
           w.price_total_minor, w.price_total_minor - w.paid_minor, w.status,
           CASE WHEN w.price_total_minor > 0 AND w.paid_minor >= w.price_total_minor
                THEN 'paid'
                WHEN w.unpaid_due_date < date('now') THEN 'overdue'
                WHEN w.paid_minor > 0 THEN 'partially paid' ELSE 'not paid' END,
           w.documented_at
    FROM work_orders w JOIN dental_labs l ON l.id = w.lab_id
    WHERE w.status != 'cancelled'
    ORDER BY w.documented_at DESC, w.number DESC"""
CENTS = Decimal("0.01")


def bare_rows(database: Path):  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(database)
    for number, lab, method, currency, paid, total, left, status, pay, documented in (
            conn.execute(BARE_SQL)):
        yield (f"WO-{number:06d}", lab, method, currency, paid * CENTS, total * CENTS,
               left * CENTS, status, pay, date.fromisoformat(documented))


def bare_export(database: Path, fmt: str, target: Path) -> None:
    """The baseline: the same rows, no styles, no totals, no checks."""
    if fmt == "csv":
        with target.open("w", encoding="utf-8-sig", newline="") as out:
            csv.writer(out).writerows(bare_rows(database))
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Work orders")
    for row in bare_rows(database):
        sheet.append(row)
    workbook.save(target)


if __name__ == "__main__":
    sys.exit(main())
