"""Printing speed: one order form (target <= 150 ms, median of 20) and a batch of 200 forms
merged into one PDF (target <= 20 s), both through the services on a seeded database.

    uv run python bench/print_forms.py [--orders 200] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ACTOR, ensure_bench_user
from sqlalchemy import select

from dentasync_desktop.db.models import WorkOrder
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services import printing
from dentasync_desktop.services.maintenance import open_database
from dentasync_desktop.services.seed import seed

ONE_FORM_LIMIT_MS = 150
BATCH_LIMIT_S = 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200, help="forms in the batch")
    parser.add_argument("--repeat", type=int, default=20, help="single-form runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(resolve_paths(Path(folder) / "data"))
        try:
            ensure_bench_user(database)
            seed(database.uow_factory, args.orders, seed=1)
            with database.uow_factory() as uow:
                rows = uow.session.execute(
                    select(WorkOrder.id, WorkOrder.number).order_by(WorkOrder.id)
                    .limit(args.orders)).all()
            target = Path(folder) / "form.pdf"
            printing.print_order_form(database.uow_factory(), ACTOR, rows[0].number, target,
                                      sections=printing.SECTIONS)  # warm-up: fonts, imports
            timings = []
            for run in range(args.repeat):
                number = rows[run % len(rows)].number
                started = time.perf_counter()
                printing.print_order_form(database.uow_factory(), ACTOR, number, target,
                                          sections=printing.SECTIONS)
                timings.append((time.perf_counter() - started) * 1000)
            one = statistics.median(timings)
            started = time.perf_counter()
            result = printing.print_batch(database.uow_factory, ACTOR, [r.id for r in rows],
                                          Path(folder) / "batch.pdf",
                                          sections=printing.SECTIONS)
            batch = time.perf_counter() - started
            size_mb = result.path.stat().st_size / 1e6 if result else 0.0
        finally:
            database.close()
    print(f"one order form (all sections), median of {args.repeat}: {one:.0f} ms "
          f"(min {min(timings):.0f}, max {max(timings):.0f}; limit {ONE_FORM_LIMIT_MS} ms)")
    print(f"batch of {len(rows)} forms into one PDF: {batch:.1f} s "
          f"({batch / len(rows) * 1000:.0f} ms per form, {size_mb:.1f} MB; "
          f"limit {BATCH_LIMIT_S} s)")
    ok = one <= ONE_FORM_LIMIT_MS and batch <= BATCH_LIMIT_S
    print("OK" if ok else "TOO SLOW")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
