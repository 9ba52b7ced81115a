"""Time the GUI on a seeded database: start-up, search as you type, opening an order, scrolling.

`uv run python bench/gui_order_list.py [--orders N] [--db DIR]`: uses the cached seeded database
of bench/queries.py (100,000 orders unless told otherwise), runs Qt offscreen, prints a table
and exits 1 if a target is missed. Start-up is measured in fresh processes, from before the
first import to the first page of the order list painted.
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import ACTOR, Result, arguments, data_dir, open_seeded, report, timing  # noqa: E402

START_TARGET_S = 1.5
KEYSTROKE_TARGET_MS = 100.0
OPEN_TARGET_MS = 150.0
SCROLL_TARGET_MS = 50.0
START_RUNS = 3
PYCACHE = Path(tempfile.gettempdir()) / "dentasync-bench" / "pycache"
SEARCHES = ("mül", "müll", "sch", "schä", "wo-0001", "dr. a")


def build_window(database_dir: Path, settings_dir: Path):  # type: ignore[no-untyped-def]
    """Open the database, make the application and the main window, show the first page."""
    from PySide6.QtCore import QSettings

    from dentasync_desktop.gui.application import make_application
    from dentasync_desktop.gui.client import ServiceClient
    from dentasync_desktop.gui.main_window import MainWindow
    from dentasync_desktop.paths import resolve_paths
    from dentasync_desktop.services.maintenance import open_database

    database = open_database(resolve_paths(database_dir).create())
    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    app.setOrganizationName("DentasyncBench")
    client = ServiceClient(database.uow_factory, ACTOR, database.paths,
                           settings_dir / "bench.log")
    window = MainWindow(client, database.close)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    return app, database, window


def child_start(database_dir: Path) -> None:
    """One start-up, in this fresh process; prints the seconds as JSON."""
    with tempfile.TemporaryDirectory() as settings_dir:
        _app, database, window = build_window(database_dir, Path(settings_dir))
        shown = time.perf_counter() - PROCESS_START
        rows = window.page("orders").model.rowCount()
        print(json.dumps({"seconds": shown, "rows": rows}))
        database.close()


def start_up(database_dir: Path) -> Result:
    """Median of fresh starts, after one that compiles the bytecode as an installation has it."""
    script = Path(__file__).resolve()
    environment = {**os.environ, "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    for run in range(START_RUNS + 1):
        done = subprocess.run(
            [sys.executable, str(script), "--child-start", "--db", str(database_dir)],
            check=True, capture_output=True, text=True, cwd=script.parent, env=environment)
        if run == 0:
            continue
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        if not figures["rows"]:
            raise SystemExit("the order list showed no rows at start-up")
        times.append(figures["seconds"])
    return Result("start: imports, database, window, first page painted",
                  statistics.median(times), "s", START_TARGET_S)


def main() -> int:
    parser = arguments(__doc__ or "")
    parser.add_argument("--child-start", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_start:
        child_start(args.db)
        return 0
    database, seeded_in = open_seeded(args)
    database.close()
    results = []
    if seeded_in is not None:
        results.append(Result(f"seed {args.orders:,} orders", seeded_in, "s"))
    results.append(start_up(data_dir(args)))

    with tempfile.TemporaryDirectory() as settings_dir:
        app, database, window = build_window(data_dir(args), Path(settings_dir))
        page = window.page("orders")
        searches = iter(SEARCHES * 10)

        def keystroke() -> None:
            # What the debounce timer runs once typing pauses: query, reset, repaint.
            page.search.blockSignals(True)
            page.search.setText(next(searches))
            page.search.blockSignals(False)
            page.apply_filters()
            page.table.viewport().repaint()

        results.append(timing("search keystroke to updated list (after the 150 ms pause)",
                              keystroke, KEYSTROKE_TARGET_MS))
        results.append(timing("status counts after a search (painted later)",
                              page.refresh_counts))
        page.clear_filters()
        ids = iter([page.model.row_at(row).id for row in range(page.model.rowCount())] * 3)

        def open_order() -> None:
            page.open_order(next(ids))
            app.processEvents()
            page.close_tab(page.tabs.currentIndex())

        results.append(timing("open an order's detail (tab painted)", open_order,
                              OPEN_TARGET_MS))

        def scroll_page() -> None:
            if not page.model.canFetchMore():
                page.model.reload()
            page.table.scrollToBottom()
            page.model.fetchMore()
            page.table.viewport().repaint()

        results.append(timing("scrolling: fetch and paint the next 100 rows", scroll_page,
                              SCROLL_TARGET_MS))
        print(f"{page.model.total_count:,} orders in {database.paths.database}")
        window.close()
        database.close()
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
