"""Where the window's start goes: each phase from process spawn to the order list painted.

    uv run python bench/startup_phases.py [--orders N] [--db DIR] [--runs R]

Fresh processes (offscreen Qt), each doing what bench/gui_order_list.py's start does, timed
phase by phase: interpreter start-up, the imports (SQLAlchemy, the layers below the GUI,
PySide6, the GUI, then what the command line every start goes through adds, with its options
parsed), open_database, the application, the main window, the list page, its first rows and
their paint. The cycle collector waits from the first import until the window shows, as in
the app (__main__.py, collector.py). Prints the median wall time and the median processor
time of the main thread per phase, the median total, and the process's processor time at the
paint (worker threads included). For information: the start's target is judged by gui_order_list.py.
"""

from __future__ import annotations

import time

SPAWNED_AT = time.time()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
RUNS = 7
WIDTH, HEIGHT = 1920, 1080


def child(database_dir: str, user_id: int, spawned: float) -> None:
    marks = [("interpreter", spawned, 0.0)]

    def mark(name: str) -> None:
        marks.append((name, time.time(), time.thread_time()))

    mark("interpreter start-up")
    from dentasync_desktop import collector

    collector.pause()
    import sqlalchemy  # noqa: F401

    mark("import sqlalchemy")
    from dentasync_desktop.domain.dto import Actor
    from dentasync_desktop.domain.enums import Role
    from dentasync_desktop.paths import resolve_paths
    from dentasync_desktop.services.maintenance import open_database

    mark("import services, db, domain")
    import PySide6.QtWidgets  # noqa: F401

    mark("import PySide6")
    import tempfile

    from PySide6.QtCore import QEventLoop, QTimer

    from dentasync_desktop.gui.application import keep_settings_in, make_application
    from dentasync_desktop.gui.client import ServiceClient
    from dentasync_desktop.gui.language import install_translations
    from dentasync_desktop.gui.main_window import MainWindow
    from dentasync_desktop.gui.worker import running_jobs

    mark("import gui")
    from dentasync_desktop import cli

    cli.build_parser(cli.chosen_language([])).parse_args(["--data-dir", database_dir])
    mark("the command line")
    database = open_database(resolve_paths(database_dir), defer_care=True)
    mark("open_database")
    settings = Path(tempfile.mkdtemp())
    keep_settings_in(settings)
    app = make_application()
    install_translations()
    mark("application")
    actor = Actor(user_id=user_id, username="bench", full_name="Benchmark", role=Role.ADMIN)
    client = ServiceClient(database.uow_factory, actor, database.paths, settings / "bench.log")
    window = MainWindow(client, database.close)
    window.resize(WIDTH, HEIGHT)
    mark("main window")
    window.show()
    collector.resume_after_start()
    page = window.show_page("orders")
    mark("show, the list page")
    tick = QTimer()
    tick.start(10)
    while not (page.model.rowCount() > 0 and page.model.loaded(0) is not None):
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    mark("first rows shown")
    page.table.viewport().repaint()
    mark("painted")
    phases = [(name, (t - marks[i][1]) * 1000, (cpu - marks[i][2]) * 1000)
              for i, (name, t, cpu) in enumerate(marks[1:])]
    print(json.dumps({"phases": phases, "total": (marks[-1][1] - spawned) * 1000,
                      "process_cpu": time.process_time() * 1000}), flush=True)
    while running_jobs():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    database.close()


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
        return 0
    import statistics
    import subprocess

    from _common import ACTOR, arguments, data_dir, open_seeded

    parser = arguments(__doc__ or "")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"processes (default {RUNS})")
    args = parser.parse_args()
    database, _seeded = open_seeded(args)
    database.close()  # a connection left open would leave a WAL: a crash to the next start
    script = Path(__file__).resolve()
    runs = []
    for run in range(args.runs + 1):  # the first warms the page cache, as a second start
        spawned = time.time()
        done = subprocess.run([sys.executable, str(script), "--child", str(data_dir(args)),
                               str(ACTOR.user_id), repr(spawned)], check=True,
                              capture_output=True, text=True, cwd=script.parent)
        if run:
            runs.append(json.loads(done.stdout.strip().splitlines()[0]))
    print(f"{args.orders:,} orders, median of {len(runs)} fresh processes")
    print(f"{'phase':<30} {'wall ms':>8} {'cpu ms':>8}")
    for index, (name, _wall, _cpu) in enumerate(runs[0]["phases"]):
        wall = statistics.median(r["phases"][index][1] for r in runs)
        cpu = statistics.median(r["phases"][index][2] for r in runs)
        print(f"{name:<30} {wall:8.1f} {cpu:8.1f}")
    print(f"{'spawn -> painted':<30} {statistics.median(r['total'] for r in runs):8.1f} "
          f"{statistics.median(sum(p[2] for p in r['phases']) for r in runs):8.1f}")
    print(f"{'process cpu at the paint':<30} {'':>8} "
          f"{statistics.median(r['process_cpu'] for r in runs):8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
