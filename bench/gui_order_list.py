"""The order list window at scale, next to a bare QMainWindow + QTableView over sqlite3.

    uv run python bench/gui_order_list.py [--orders N] [--db DIR] [--skip-scroll]

Offscreen Qt; every figure stands next to its bare baseline measured interleaved in the same
run, and the exit status is 1 when a target is missed:

- start: from process spawn (interpreter start-up and imports included) to the order list
  painted with rows, in fresh processes, ours and bare alternately (the bare program runs
  the SQL our first page sent, through sqlite3, into a QTableView);
- scroll: ours and bare each run in a process of their own, driven step by step by this one
  so that their steps alternate. Bare reads on from one open sqlite3 cursor into a list
  (fetchMore), as a hand-written program would.
  Page steps: the whole list (or 200 steps at each of --depths depths), one page (the
  viewport's height) per step, from the top to the very last row, each timed from the scroll
  to the rows painted (waiting for rows still on their way) with the whole viewport repainted.
  Painting a full 1920x1080 viewport takes the bare window past 16 ms on a slow PC, so page
  steps stand next to bare's (the whole run within 1.3x) with no target of their own.
  Wheel notches, what a user's scroll step usually is: a QWheelEvent (one notch, 3 rows) sent
  to the viewport, 200 at each of 20 depths (or --depths) down to the very last row, each timed
  from the event to the rows painted; Qt moves the pixels and paints only the uncovered rows.
  Every notch is held to 16 ms.
  Jumps: the scroll bar dragged to 1/2, 1/4, 3/4 and the end of the list, Ctrl+Home, and
  Ctrl+End, three times, each timed to the rows painted (<= 200 ms); bare holds every row by
  then, so its figure is the paint alone.
  Between two commands each child runs its event loop, as the app's runs between a user's
  steps. Then each reports its resident memory, and ours its cycle collections;
- keystroke: a search typed (after the search pause) to the list updated and repainted, next
  to the same search through sqlite3 into a bare model, alternately.
"""

from __future__ import annotations

import time

SPAWNED_AT = time.time()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

START_TARGET_MS = 800.0
STEP_TARGET_MS = 16.0
SCROLL_RATIO = 1.3
KEYSTROKE_TARGET_MS = 50.0
RSS_TARGET_MB = 200.0
SAMPLED_STEPS = 200
WHEEL_NOTCHES = 200  # at each depth: 600 rows, past a page's end (200 rows) and the next
WHEEL_ROWS = 3  # rows a notch scrolls (Qt's default wheelScrollLines)
WHEEL_DEPTHS = 20  # without --depths (where the page steps cover the whole list)
JUMP_TARGET_MS = 200.0
JUMP_ROUNDS = 3
START_RUNS = 5
WIDTH, HEIGHT = 1920, 1080
SEARCHES = ("mül", "müll", "sch", "schä", "wo-0001", "dr. a", "ber", "berg")
BARE_SQL = """
    SELECT w.id, w.number, p.first_name || ' ' || p.last_name, c.name, l.name, w.status,
           w.documented_at, w.due_date, w.price_total_minor, w.paid_minor,
           w.price_total_minor - w.paid_minor, w.currency
    FROM work_orders w JOIN patients p ON p.id = w.patient_id
    JOIN customers c ON c.id = w.customer_id JOIN dental_labs l ON l.id = w.lab_id
    {where} ORDER BY w.due_date NULLS LAST, w.id"""
BARE_SEARCH = ("WHERE w.id IN (SELECT rowid FROM work_orders_trigram "
               "WHERE work_orders_trigram MATCH ?)")


# --- the child processes: kept free of the benchmark's own imports ---------------------------


def _our_window(database_dir: str, settings_dir: str, user_id: int,  # type: ignore[no-untyped-def]
                page_key: str = "orders"):
    """What the app does (gui.application.run_gui) after sign-in: open the database (its full
    check and daily backup left for later, as app.start_gui does), build the window, show the
    list (or the page ``page_key``)."""
    from dentasync_desktop import collector

    collector.pause()
    # Every start comes through the command line (__main__.py): its imports and options count.
    from dentasync_desktop import cli

    cli.build_parser(cli.chosen_language([])).parse_args(["--data-dir", database_dir])
    from dentasync_desktop.domain.dto import Actor
    from dentasync_desktop.domain.enums import Role
    from dentasync_desktop.gui import idle_collector
    from dentasync_desktop.gui.application import keep_settings_in, make_application
    from dentasync_desktop.gui.client import ServiceClient
    from dentasync_desktop.gui.language import install_translations
    from dentasync_desktop.gui.main_window import MainWindow
    from dentasync_desktop.paths import resolve_paths
    from dentasync_desktop.services.maintenance import open_database

    database = open_database(resolve_paths(database_dir), defer_care=True)
    keep_settings_in(Path(settings_dir))
    app = make_application()
    install_translations()
    actor = Actor(user_id=user_id, username="bench", full_name="Benchmark", role=Role.ADMIN)
    client = ServiceClient(database.uow_factory, actor, database.paths,
                           Path(settings_dir) / "bench.log")
    window = MainWindow(client, database.close)
    window.resize(WIDTH, HEIGHT)
    window.show()
    collector.resume_after_start()
    idle_collector.install(app)
    page = window.show_page(page_key)
    return app, database, window, page


def _wait(app, done) -> None:  # type: ignore[no-untyped-def]
    """Sleep in the event loop until ``done()``, as the app waits for a worker's answer.

    processEvents with a time limit returns at once when no event is pending: waiting with it
    was a busy loop, whose CPU counted as ours and which kept the GIL from the worker doing the
    query. Without one it sleeps until an event comes (the worker's answer is one); the
    ticking timer wakes it now and then should ``done()`` change without an event."""
    from PySide6.QtCore import QEventLoop, QTimer

    tick = QTimer()
    tick.start(10)
    try:
        while not done():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        tick.stop()


class _BareModel:
    """Built lazily: the class needs PySide6, imported by the child that uses it."""

    @staticmethod
    def make(conn, where: str = "", parameters: tuple[object, ...] = (),  # type: ignore[no-untyped-def]
             page: int = 200):
        from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

        class BareModel(QAbstractTableModel):
            def __init__(self) -> None:
                super().__init__()
                self.cursor = conn.execute(BARE_SQL.format(where=where), parameters)
                self.rows: list[tuple[object, ...]] = self.cursor.fetchmany(page)
                self.more = len(self.rows) == page

            def rowCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]  # noqa: B008
                return 0 if parent.isValid() else len(self.rows)

            def columnCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]  # noqa: B008
                return 0 if parent.isValid() else 11

            def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
                if role == Qt.ItemDataRole.DisplayRole:
                    value = self.rows[index.row()][index.column() + 1]
                    return "" if value is None else str(value)
                return None

            def canFetchMore(self, parent=QModelIndex()) -> bool:  # type: ignore[no-untyped-def]  # noqa: B008
                return self.more

            def fetchMore(self, parent=QModelIndex()) -> None:  # type: ignore[no-untyped-def]  # noqa: B008
                rows = self.cursor.fetchmany(page)
                self.more = len(rows) == page
                if rows:
                    first = len(self.rows)
                    self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                    self.rows.extend(rows)
                    self.endInsertRows()

        return BareModel()


def _bare_window(database: str, viewport_height: int):  # type: ignore[no-untyped-def]
    import sqlite3

    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv)
    conn = sqlite3.connect(database)
    window = QMainWindow()
    table = QTableView()
    table.setModel(_BareModel.make(conn))
    table.verticalHeader().setDefaultSectionSize(26)
    table.verticalHeader().setVisible(False)  # as ours
    window.setCentralWidget(table)
    window.resize(WIDTH, viewport_height + 60 if viewport_height else HEIGHT)
    window.show()
    app.processEvents()
    if viewport_height:  # the same rows per page as ours
        table.setFixedHeight(table.height() - table.viewport().height() + viewport_height)
        app.processEvents()
    return app, conn, window, table


def child_start(kind: str, database_dir: str, user_id: int) -> None:
    """Start, paint the list with rows, print when (seconds since the epoch)."""
    if kind == "bare":
        app, conn, _window, table = _bare_window(str(Path(database_dir) / "dentasync.sqlite3"), 0)
        table.viewport().repaint()
        print(json.dumps({"painted": time.time(), "cpu": time.process_time(),
                          "rows": table.model().rowCount()}))
        conn.close()
        return
    import tempfile

    with tempfile.TemporaryDirectory() as settings:
        app, database, _window, page = _our_window(database_dir, settings, user_id)
        _wait(app, lambda: page.model.rowCount() > 0 and page.model.loaded(0) is not None)
        page.table.viewport().repaint()
        print(json.dumps({"painted": time.time(), "cpu": time.process_time(),
                          "rows": page.model.rowCount()}))
        sys.stdout.flush()
        _wait(app, lambda: _quiet())
        database.close()


def _quiet() -> bool:
    from dentasync_desktop.gui.worker import running_jobs

    return running_jobs() == 0


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class _Collections:
    """Python's cycle collections in a scroll child, by generation: how many, their total and
    slowest processor milliseconds (the collecting thread's: on a shared machine its wall time
    counts others' work too), and how many ran (or began) inside a timed step."""

    def __init__(self) -> None:
        import gc

        self.timing = False
        self.seen = {generation: [0, 0.0, 0.0, 0] for generation in range(3)}
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.thread_time()
            return
        ms = (time.thread_time() - self._started) * 1000
        seen = self.seen[info["generation"]]
        seen[0] += 1
        seen[1] += ms
        seen[2] = max(seen[2], ms)
        seen[3] += self.timing


def child_scroll(kind: str, database_dir: str, user_id: int, viewport_height: int) -> None:
    """Answer each "step" on stdin with that step's milliseconds and whether the list ended;
    "rss" with the resident memory in MB. Between two commands the event loop runs, as the
    app's does between a user's steps: timers and posted events run there, untimed."""
    import resource
    import tempfile

    from PySide6.QtCore import QEvent, QPoint, QPointF, QSocketNotifier, Qt
    from PySide6.QtGui import QKeyEvent, QWheelEvent

    settings = tempfile.mkdtemp()
    if kind == "bare":
        app, _conn, _window, table = _bare_window(
            str(Path(database_dir) / "dentasync.sqlite3"), viewport_height)

        def missing() -> bool:
            return False
    else:
        app, _database, _window, page = _our_window(database_dir, settings, user_id)
        table = page.table
        _wait(app, lambda: page.model.is_counted and _quiet())

        def missing() -> bool:
            top = table.rowAt(0)
            bottom = table.rowAt(table.viewport().height() - 1)
            bottom = page.model.rowCount() - 1 if bottom < 0 else bottom
            return page.model.loaded(top) is None or page.model.loaded(bottom) is None

    bar = table.verticalScrollBar()
    viewport = table.viewport()

    def painted() -> None:
        """Until the event loop has painted what the view shows, rows on their way too."""
        app.processEvents()
        while missing():
            _wait(app, lambda: not missing())
            app.processEvents()

    arrived: list[bool] = []
    commands = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    commands.activated.connect(lambda: arrived.append(True))
    collections = _Collections()
    print(json.dumps({"viewport": viewport.height(), "rows": table.model().rowCount()}),
          flush=True)
    while True:
        arrived.clear()
        _wait(app, lambda: bool(arrived))
        line = sys.stdin.readline()
        if not line:
            return
        command = line.strip()
        collections.timing = not command.startswith(("goto ", "rss"))
        if command == "step":
            started, cpu_started = time.perf_counter(), time.process_time()
            bar.setValue(bar.value() + bar.pageStep())
            viewport.repaint()  # asks for the rows shown
            while missing():
                app.processEvents()
                if missing():
                    _wait(app, lambda: not missing())
                viewport.repaint()
            app.processEvents()
            elapsed = (time.perf_counter() - started) * 1000
            cpu = (time.process_time() - cpu_started) * 1000
            end = bar.value() >= bar.maximum() and not table.model().canFetchMore(
                table.rootIndex())
            print(json.dumps({"ms": elapsed, "cpu": cpu, "end": end}), flush=True)
        elif command == "wheel":
            # One notch down, as a mouse wheel sends it: Qt moves the rows already painted and
            # paints only the rows it uncovers; nothing forces a full repaint.
            point = QPointF(viewport.width() / 2, viewport.height() / 2)
            notch = QWheelEvent(point, viewport.mapToGlobal(point), QPoint(), QPoint(0, -120),
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                Qt.ScrollPhase.NoScrollPhase, False)
            started, cpu_started = time.perf_counter(), time.process_time()
            app.sendEvent(viewport, notch)
            painted()
            print(json.dumps({"ms": (time.perf_counter() - started) * 1000,
                              "cpu": (time.process_time() - cpu_started) * 1000,
                              "rows": bar.value()}), flush=True)
        elif command.startswith(("jump ", "key ")):
            # The scroll bar dragged to a share of its length and let go, or Ctrl+Home/End.
            name, argument = command.split()
            started, cpu_started = time.perf_counter(), time.process_time()
            if name == "jump":
                bar.setValue(round(bar.maximum() * float(argument)))
            else:
                key = Qt.Key.Key_End if argument == "end" else Qt.Key.Key_Home
                for kind_of_event in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    app.sendEvent(table, QKeyEvent(kind_of_event, key,
                                                   Qt.KeyboardModifier.ControlModifier))
            painted()
            print(json.dumps({"ms": (time.perf_counter() - started) * 1000,
                              "cpu": (time.process_time() - cpu_started) * 1000,
                              "at": table.rowAt(0)}), flush=True)
        elif command.startswith("goto "):
            row = min(int(command.split()[1]), table.model().rowCount() - 1)
            model = table.model()
            while model.rowCount() <= row and model.canFetchMore(table.rootIndex()):
                model.fetchMore(table.rootIndex())  # bare: read on to that row, untimed
            table.scrollTo(model.index(min(row, model.rowCount() - 1), 0),
                           table.ScrollHint.PositionAtTop)
            viewport.repaint()
            while missing():
                _wait(app, lambda: not missing())
                viewport.repaint()
            print(json.dumps({"at": table.rowAt(0)}), flush=True)
        elif command == "rss":
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            last = table.rowAt(viewport.height() - 1)
            print(json.dumps({"rss": _rss_mb(), "peak": peak, "last_row": last,
                              "rows": table.model().rowCount(),
                              "collections": collections.seen}), flush=True)
            return
        collections.timing = False


# --- the benchmark ---------------------------------------------------------------------------


def start_up(database_dir: Path, user_id: int):  # type: ignore[no-untyped-def]
    import statistics
    import subprocess

    from _common import Result

    script = Path(__file__).resolve()
    times: dict[str, list[float]] = {"ours": [], "bare": []}
    cpus: dict[str, list[float]] = {"ours": [], "bare": []}
    for run in range(START_RUNS + 1):
        for kind in ("ours", "bare"):
            spawned = time.time()
            done = subprocess.run(
                [sys.executable, str(script), "--child-start", kind, str(database_dir),
                 str(user_id)], check=True, capture_output=True, text=True, cwd=script.parent)
            figures = json.loads(done.stdout.strip().splitlines()[0])
            if not figures["rows"]:
                raise SystemExit(f"{kind}: the order list showed no rows at start-up")
            if run:  # the first pair warms the page cache, as on a second start
                times[kind].append((figures["painted"] - spawned) * 1000)
                cpus[kind].append(figures["cpu"] * 1000)
    return Result("start: spawn -> order list painted with rows",
                  statistics.median(times["ours"]), "ms", START_TARGET_MS,
                  statistics.median(cpus["ours"]), statistics.median(times["bare"]),
                  bare_cpu=statistics.median(cpus["bare"]))


def scroll(database_dir: Path, user_id: int, depths: int = 0):  # type: ignore[no-untyped-def]
    """The whole list step by step; with ``depths``, 200 steps at each of that many depths
    from the top to the very end instead (a million orders take too long to scroll twice)."""
    import subprocess

    from _common import Result

    script = Path(__file__).resolve()

    def spawn(kind: str, height: int) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, str(script), "--child-scroll", kind, str(database_dir),
             str(user_id), str(height)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, cwd=script.parent)

    def ask(child: subprocess.Popen[str], command: str) -> dict[str, object]:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(command + "\n")
        child.stdin.flush()
        return json.loads(child.stdout.readline())

    def ready(child: subprocess.Popen[str]) -> dict[str, object]:
        assert child.stdout is not None
        return json.loads(child.stdout.readline())

    ours = spawn("ours", 0)
    shown = ready(ours)
    bare = spawn("bare", int(shown["viewport"]))  # type: ignore[call-overload]
    ready(bare)
    steps: dict[str, list[float]] = {"ours": [], "bare": []}
    cpus: dict[str, list[float]] = {"ours": [], "bare": []}
    started = time.perf_counter()
    total = int(shown["rows"])  # type: ignore[call-overload]
    # The last stop ends at the very last row.
    stops = ([total * k // depths for k in range(depths)] + [max(total - 3_000, 1)]
             if depths else [0])
    for stop in stops:
        if stop:
            for child in (ours, bare):
                ask(child, f"goto {stop}")
        taken = 0
        ended = {"ours": False, "bare": False}
        while not all(ended.values()) and (not depths or taken < SAMPLED_STEPS):
            taken += 1
            for kind, child in (("ours", ours), ("bare", bare)):
                if not ended[kind]:
                    answer = ask(child, "step")
                    steps[kind].append(float(answer["ms"]))  # type: ignore[arg-type]
                    cpus[kind].append(float(answer["cpu"]))  # type: ignore[arg-type]
                    ended[kind] = bool(answer["end"])
            if len(steps["ours"]) % 2000 == 0 and sys.stdout.isatty():
                print(f"\r  {len(steps['ours']):,} steps, {time.perf_counter() - started:.0f} s",
                      end="", flush=True)
    wheel = _wheel(ours, bare, ask, total, depths or WHEEL_DEPTHS)
    jumps = _jumps(ours, bare, ask)
    memory = {kind: ask(child, "rss") for kind, child in (("ours", ours), ("bare", bare))}
    for child in (ours, bare):
        child.wait()
    if sys.stdout.isatty():
        print()
    ordered = {kind: sorted(values) for kind, values in steps.items()}
    by_cpu = {kind: sorted(values) for kind, values in cpus.items()}
    last_row = memory["ours"]["last_row"]
    rows = memory["ours"]["rows"]
    if last_row != int(rows) - 1:  # type: ignore[call-overload]
        raise SystemExit(f"ours did not reach the last row ({last_row} of {rows})")

    def at(kind: str, share: float, table: dict[str, list[float]]) -> float:
        return table[kind][min(int(len(table[kind]) * share), len(table[kind]) - 1)]

    def quantile(name: str, share: float, target: float | None = None) -> Result:
        return Result(name, at("ours", share, ordered), "ms", target, at("ours", share, by_cpu),
                      at("bare", share, ordered), bare_cpu=at("bare", share, by_cpu))

    return [
        *wheel,
        *jumps,
        # A page step repaints the whole viewport, and so does the bare window's: painting a
        # full 1920x1080 viewport of rows takes the bare one past 16 ms on a slow PC. Its
        # figures stand next to the bare window's; the whole run is judged by the ratio.
        quantile(f"page step: slowest of {len(steps['ours']):,} (to row {last_row:,})", 1.0),
        quantile("page step: 99th percentile", 0.99),
        quantile("page step: median", 0.5),
        Result(f"page steps: {'sampled depths' if depths else 'whole list'} "
               f"({len(steps['ours']):,} steps; bare {len(steps['bare']):,})",
               sum(steps["ours"]) / 1000, "s",
               cpu=sum(cpus["ours"]) / 1000, bare=sum(steps["bare"]) / 1000,
               ratio_target=SCROLL_RATIO, bare_cpu=sum(cpus["bare"]) / 1000),
        Result("RSS after scrolling to the end (peak "
               f"{float(memory['ours']['peak']):.0f} MB; bare peak "  # type: ignore[arg-type]
               f"{float(memory['bare']['peak']):.0f} MB)",  # type: ignore[arg-type]
               float(memory["ours"]["rss"]), "MB", RSS_TARGET_MB,  # type: ignore[arg-type]
               bare=float(memory["bare"]["rss"])),  # type: ignore[arg-type]
        *(Result(f"ours: generation {generation} collections, all of them: {count:,}, "
                 f"{inside:,} inside a timed step, slowest {slowest:.1f} ms CPU", total, "ms")
          for generation, (count, total, slowest, inside)
          in memory["ours"]["collections"].items()),  # type: ignore[attr-defined]
    ]


def _wheel(ours, bare, ask, total: int, depths: int):  # type: ignore[no-untyped-def]
    """WHEEL_NOTCHES wheel notches at each of ``depths`` depths from the top to the very last
    row, ours and bare alternately, each timed from the event to the rows it shows painted."""
    from _common import Result

    times: dict[str, list[float]] = {"ours": [], "bare": []}
    cpus: dict[str, list[float]] = {"ours": [], "bare": []}
    reached = 0
    last = max(total - WHEEL_NOTCHES * WHEEL_ROWS, 1)  # the notches end at the last row
    for stop in [total * k // depths for k in range(depths)] + [last]:
        for child in (ours, bare):
            ask(child, f"goto {stop}")
        for _ in range(WHEEL_NOTCHES):
            for kind, child in (("ours", ours), ("bare", bare)):
                answer = ask(child, "wheel")
                times[kind].append(float(answer["ms"]))
                cpus[kind].append(float(answer["cpu"]))
                if kind == "ours":
                    reached = max(reached, int(answer["rows"]))
    ordered = {kind: sorted(values) for kind, values in times.items()}
    by_cpu = {kind: sorted(values) for kind, values in cpus.items()}

    def quantile(name: str, share: float, target: float | None = None) -> Result:
        def at(table: dict[str, list[float]], kind: str) -> float:
            return table[kind][min(int(len(table[kind]) * share), len(table[kind]) - 1)]

        return Result(name, at(ordered, "ours"), "ms", target, at(by_cpu, "ours"),
                      at(ordered, "bare"), bare_cpu=at(by_cpu, "bare"))

    notches = len(times["ours"])
    return [
        quantile(f"wheel notch: slowest of {notches:,} at {depths + 1} depths "
                 f"(to row {reached:,})", 1.0, STEP_TARGET_MS),
        quantile("wheel notch: 99th percentile", 0.99),
        quantile("wheel notch: median", 0.5),
    ]


def _jumps(ours, bare, ask):  # type: ignore[no-untyped-def]
    """The scroll bar dragged to a quarter, the middle, three quarters and the end of the
    list, then Ctrl+Home and Ctrl+End, JUMP_ROUNDS times, ours and bare alternately. Bare
    holds every row by now (read on to the end): its figure is the paint alone."""
    from _common import Result

    moves = ("jump 0.5", "jump 0.25", "jump 0.75", "jump 1", "key home", "key end")
    times: dict[str, dict[str, list[float]]] = {"ours": {}, "bare": {}}
    cpus: dict[str, dict[str, list[float]]] = {"ours": {}, "bare": {}}
    for _ in range(JUMP_ROUNDS):
        for move in moves:
            kind_of_move = "key end" if move == "key end" else "drag"
            for kind, child in (("ours", ours), ("bare", bare)):
                answer = ask(child, move)
                times[kind].setdefault(kind_of_move, []).append(float(answer["ms"]))
                cpus[kind].setdefault(kind_of_move, []).append(float(answer["cpu"]))

    def slowest(name: str, move: str) -> Result:
        return Result(f"{name} (slowest of {len(times['ours'][move])})",
                      max(times["ours"][move]), "ms", JUMP_TARGET_MS, max(cpus["ours"][move]),
                      max(times["bare"][move]), bare_cpu=max(cpus["bare"][move]))

    return [slowest("jump: scroll bar dragged to 1/4, 1/2, 3/4, the end; Ctrl+Home", "drag"),
            slowest("jump: Ctrl+End from the top", "key end")]


def keystrokes(database_dir: Path, user_id: int):  # type: ignore[no-untyped-def]
    import sqlite3
    import tempfile

    from _common import versus

    from dentasync_desktop.domain.text import search_fold

    with tempfile.TemporaryDirectory() as settings:
        app, database, _window, page = _our_window(str(database_dir), settings, user_id)
        _wait(app, lambda: page.model.is_counted and _quiet())
        from PySide6.QtWidgets import QMainWindow, QTableView

        conn = sqlite3.connect(database.paths.database)
        bare_window = QMainWindow()
        bare_table = QTableView()
        bare_window.setCentralWidget(bare_table)
        bare_window.resize(WIDTH, HEIGHT)
        bare_window.show()
        ours_texts, bare_texts = iter(SEARCHES * 100), iter(SEARCHES * 100)
        shown: list[bool] = []
        page.model.reloaded.connect(lambda: shown.append(True))

        def ours() -> None:
            # What the search pause's timer runs: query, show, repaint.
            page.search.blockSignals(True)
            page.search.setText(next(ours_texts))
            page.search.blockSignals(False)
            shown.clear()
            page.apply_filters()
            _wait(app, lambda: bool(shown))
            page.table.viewport().repaint()

        def bare() -> None:
            text = search_fold(next(bare_texts))
            model = _BareModel.make(conn, BARE_SEARCH, (f'"{text}"',), 200)
            bare_table.setModel(model)
            bare_table.viewport().repaint()

        result = versus("keystroke: search typed -> list updated and repainted", ours, bare,
                        KEYSTROKE_TARGET_MS)
        _wait(app, lambda: _quiet())
        conn.close()
        database.close()
    return result


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-start":
        child_start(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--child-scroll":
        child_scroll(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        return 0
    from _common import ACTOR, Result, arguments, data_dir, open_seeded, report

    parser = arguments(__doc__ or "")
    parser.add_argument("--skip-scroll", action="store_true",
                        help="leave out the whole-list scroll (minutes at a million orders)")
    parser.add_argument("--depths", type=int, default=0, metavar="K",
                        help=f"instead of the whole list, {SAMPLED_STEPS} steps at each of K "
                             "depths from the top to the very end")
    args = parser.parse_args()
    database, seeded_in = open_seeded(args)
    database.close()
    folder = data_dir(args)
    results = []
    if seeded_in is not None:
        results.append(Result(f"seed {args.orders:,} orders", seeded_in, "s"))
    results.append(start_up(folder, ACTOR.user_id))
    results.append(keystrokes(folder, ACTOR.user_id))
    if not args.skip_scroll:
        results += scroll(folder, ACTOR.user_id, args.depths)
    print(f"{args.orders:,} orders in {folder}")
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
