"""The finance page's Work orders tab scrolled to the very end, in the window, offscreen.

    uv run python bench/gui_finance.py [--orders N] [--db DIR]

The tab shows every order (all time), newest documented first; the scroll bar moves one page
of rows (100) per step, each step waiting for the rows shown to be painted (and, where the
tab reads on at its end, for the next page), from the top to the very last row: every row of
the list passes through the model. Then the resident memory (target: 200 MB at any depth,
issue 14), the peak, and the rows the model holds; Ctrl+Home then Ctrl+End timed to the last
row painted. No bare baseline: the figure is the memory. The reminders are stopped once the
tab shows: see ``child``.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

# Offscreen Qt, as gui_order_list sets it on import.
from gui_order_list import RSS_TARGET_MB, _our_window, _quiet, _rss_mb, _wait

STEP_ROWS = 100


def child(database_dir: str, user_id: int) -> None:
    """Scroll to the end; print the figures as JSON."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtTest import QTest

    from dentasync_desktop.gui.finance.page import ORDERS_TAB
    from dentasync_desktop.gui.finance.periods import Period

    settings = tempfile.mkdtemp()
    app, database, window, page = _our_window(database_dir, settings, user_id, "finance")
    page.set_period(Period.ALL)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    model, table = page.orders_model, page.orders_tab.table
    _wait(app, lambda: model.rowCount() > 0 and model.is_counted and _quiet())
    # Not the tab's memory: reminders coming due while it scrolls (the seeded events' times
    # are the clock's) built a row of widgets for every one due, 3,802 at a million orders,
    # ~900 MB, at whatever step the clock passed one.
    window.reminders.stop()
    viewport, bar = table.viewport(), table.verticalScrollBar()
    rss_top = _rss_mb()

    def missing() -> bool:
        top = table.rowAt(0)
        bottom = table.rowAt(viewport.height() - 1)
        bottom = model.rowCount() - 1 if bottom < 0 else bottom
        return model.loaded(top) is None or model.loaded(bottom) is None

    def painted() -> None:
        viewport.repaint()
        while missing() or not _quiet():
            _wait(app, lambda: not missing() and _quiet())
            viewport.repaint()

    steps, held = 0, 0
    started, cpu_started = time.perf_counter(), time.process_time()
    while True:
        bar.setValue(min(bar.value() + STEP_ROWS, bar.maximum()))
        painted()
        steps += 1
        held = max(held, len(model.rows()))
        if bar.value() >= bar.maximum() and not model.canFetchMore(QModelIndex()):
            break
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    last = table.rowAt(viewport.height() - 1)
    figures = {"rows": model.rowCount(), "count": model.total_count, "last_row": last,
               "steps": steps, "scroll_s": wall, "scroll_cpu_s": cpu, "rss_top": rss_top,
               "rss": _rss_mb(), "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "held": len(model.rows()), "most_held": held}
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    painted()
    started, cpu_started = time.perf_counter(), time.process_time()
    QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    painted()
    figures["ctrl_end_ms"] = (time.perf_counter() - started) * 1000
    figures["ctrl_end_cpu_ms"] = (time.process_time() - cpu_started) * 1000
    figures["ctrl_end_row"] = table.currentIndex().row()
    print(json.dumps(figures), flush=True)
    database.close()


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
        return 0
    import subprocess

    from _common import ACTOR, Result, arguments, data_dir, open_seeded, report

    args = arguments(__doc__ or "").parse_args()
    database, _seeded_in = open_seeded(args)
    database.close()
    script = Path(__file__).resolve()
    done = subprocess.run([sys.executable, str(script), "--child", str(data_dir(args)),
                           str(ACTOR.user_id)], check=True, capture_output=True, text=True,
                          cwd=script.parent)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(figures))
    if figures["last_row"] != figures["rows"] - 1:
        raise SystemExit(f"the tab did not reach its last row ({figures['last_row']} of "
                         f"{figures['rows']})")
    results = [
        Result(f"finance Work orders: scroll to the end ({figures['steps']:,} steps of "
               f"{STEP_ROWS} rows)", figures["scroll_s"], "s", cpu=figures["scroll_cpu_s"]),
        Result("finance Work orders: RSS with the first page", figures["rss_top"], "MB"),
        Result(f"finance Work orders: RSS after scrolling to the end (peak "
               f"{figures['peak']:.0f} MB, {figures['held']:,} rows held)",
               figures["rss"], "MB", RSS_TARGET_MB),
        Result("finance Work orders: Ctrl+Home, then Ctrl+End to the last row painted",
               figures["ctrl_end_ms"], "ms", cpu=figures["ctrl_end_cpu_ms"]),
    ]
    print(f"{args.orders:,} orders in {data_dir(args)}")
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
