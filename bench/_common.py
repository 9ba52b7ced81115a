"""Shared by the benchmark scripts: the cached seeded database, timing and the result table."""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, event

from dentasync_desktop.db.models import User
from dentasync_desktop.domain.dto import Actor, OrderFilter
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services.maintenance import Database, open_database
from dentasync_desktop.services.order_list import count_orders
from dentasync_desktop.services.seed import seed

DEFAULT_ORDERS = 100_000
DEFAULT_SEED = 0
CACHE_ROOT = Path("/tmp/dentasync-bench")

# The services re-read the acting user from the database, so the benchmarks act as a real,
# active administrator (ensure_bench_user), kept out of the way of seeded ids.
BENCH_USER_ID = 1_000_000
ACTOR = Actor(user_id=BENCH_USER_ID, username="bench", full_name="Benchmark", role=Role.ADMIN)


def ensure_bench_user(database: Database) -> None:
    with database.uow_factory() as uow:
        if uow.session.get(User, BENCH_USER_ID) is None:
            uow.session.add(User(id=BENCH_USER_ID, username=ACTOR.username,
                                 full_name=ACTOR.full_name, role=ACTOR.role, password_hash="!"))
            uow.commit()


def arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--orders", type=int, default=DEFAULT_ORDERS,
                        help=f"orders in the database (default {DEFAULT_ORDERS:,})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--db", type=Path, default=None,
                        help=f"data folder to use (default {CACHE_ROOT}/<orders>-<seed>)")
    return parser


def data_dir(args: argparse.Namespace) -> Path:
    return args.db or CACHE_ROOT / f"{args.orders}-{args.seed}"


def timed_seed(database: Database, orders: int, seed_value: int) -> float:
    started = time.perf_counter()
    seed(database.uow_factory, orders, seed=seed_value,
         progress=_show_progress if sys.stdout.isatty() else None)
    return time.perf_counter() - started


def _show_progress(done: int, total: int) -> None:
    print(f"\r  seeding {done:,} / {total:,}", end="\n" if done >= total else "", flush=True)


def open_seeded(args: argparse.Namespace) -> tuple[Database, float | None]:
    """The cached database with ``args.orders`` orders, seeded now if it is missing.

    Returns the database and the seconds seeding took, or None when the cache was reused.
    """
    database = open_database(resolve_paths(data_dir(args)).create())
    ensure_bench_user(database)
    have = count_orders(database.uow_factory(), ACTOR, OrderFilter())
    if have == args.orders:
        return database, None
    if have:
        database.close()
        raise SystemExit(f"{database.paths.database} holds {have:,} orders, not "
                         f"{args.orders:,}; delete it or pass another --db")
    print(f"Building {database.paths.database} ({args.orders:,} orders, seed {args.seed})")
    return database, timed_seed(database, args.orders, args.seed)


def medians_ms(run: Callable[[], object], repeat: int = 20) -> tuple[float, float]:
    """Median wall and CPU time of ``repeat`` runs after one warm-up run, in milliseconds.

    The CPU time tells how much of the wall time was this process's own work on a busy machine.
    """
    run()
    wall, cpu = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def median_ms(run: Callable[[], object], repeat: int = 20) -> float:
    """Median wall time of ``repeat`` runs after one warm-up run, in milliseconds."""
    return medians_ms(run, repeat)[0]


@dataclass(frozen=True)
class Result:
    name: str
    value: float  # wall time, judged against the target
    unit: str
    target: float | None = None  # None: measured for information only
    cpu: float | None = None
    bare: float | None = None  # the bare baseline, measured interleaved in the same run
    ratio_target: float | None = None  # ours / bare must stay at or below this
    bare_cpu: float | None = None

    @property
    def ratio(self) -> float | None:
        """CPU time over CPU time when both were measured in this process (on a shared
        machine the wall time also counts everyone else's work), else wall over wall."""
        if self.cpu and self.bare_cpu:
            return self.cpu / self.bare_cpu
        return self.value / self.bare if self.bare else None

    @property
    def missed(self) -> bool:
        over = self.target is not None and self.value > self.target
        ratio = self.ratio
        return over or (self.ratio_target is not None and ratio is not None
                        and ratio > self.ratio_target)

    @property
    def judged(self) -> bool:
        return self.target is not None or self.ratio_target is not None


def timing(name: str, run: Callable[[], object], target_ms: float | None = None) -> Result:
    wall, cpu = medians_ms(run)
    return Result(name, wall, "ms", target_ms, cpu)


def versus(name: str, ours: Callable[[], object], bare: Callable[[], object],
           target_ms: float | None = None, ratio_target: float | None = None,
           repeat: int = 20) -> Result:
    """Ours next to the bare baseline, run alternately so both see the same machine load."""
    ours(), bare()
    walls: dict[str, list[float]] = {"ours": [], "bare": []}
    cpus: dict[str, list[float]] = {"ours": [], "bare": []}
    for _ in range(repeat):
        for label, run in (("ours", ours), ("bare", bare)):
            started, cpu_started = time.perf_counter(), time.process_time()
            run()
            walls[label].append(time.perf_counter() - started)
            cpus[label].append(time.process_time() - cpu_started)
    return Result(name, statistics.median(walls["ours"]) * 1000, "ms", target_ms,
                  statistics.median(cpus["ours"]) * 1000,
                  statistics.median(walls["bare"]) * 1000, ratio_target,
                  statistics.median(cpus["bare"]) * 1000)


@contextmanager
def recorded_sql(engine: Engine) -> Iterator[list[tuple[str, tuple[object, ...]]]]:
    """The statements (and parameters) the engine sends to SQLite while the block runs: the
    bare baseline replays exactly this SQL through the sqlite3 module."""
    statements: list[tuple[str, tuple[object, ...]]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        if statement not in ("BEGIN", "COMMIT", "ROLLBACK"):
            statements.append((statement, tuple(parameters)))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def bare_connection(database: Path) -> sqlite3.Connection:
    """Stdlib sqlite3 with the app's cache size, as a hand-written program would open it."""
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA cache_size=-65536")
    return conn


def replay(conn: sqlite3.Connection, statements: list[tuple[str, tuple[object, ...]]]) -> None:
    for statement, parameters in statements:
        conn.execute(statement, parameters).fetchall()


def report(results: list[Result]) -> int:
    """Print the table; the exit status is 1 if any target was missed."""
    width = max(len(r.name) for r in results)
    print(f"{'measurement':<{width}}  {'wall':>10}  {'cpu':>10}  {'bare':>10}  "
          f"{'bare cpu':>10}  {'ratio':>6}  {'target':>18}  result")
    for r in results:
        targets = []
        if r.target is not None:
            targets.append(f"<= {r.target:g} {r.unit}")
        if r.ratio_target is not None:
            targets.append(f"<= {r.ratio_target:g}x")
        target = ", ".join(targets) or "-"
        cpu = f"{r.cpu:7.1f} {r.unit:<2}" if r.cpu is not None else "-"
        bare = f"{r.bare:7.1f} {r.unit:<2}" if r.bare is not None else "-"
        bare_cpu = f"{r.bare_cpu:7.1f} {r.unit:<2}" if r.bare_cpu is not None else "-"
        ratio = f"{r.ratio:5.2f}x" if r.ratio is not None else "-"
        verdict = "MISSED" if r.missed else ("ok" if r.judged else "")
        print(f"{r.name:<{width}}  {r.value:>7.1f} {r.unit:<2}  {cpu:>10}  {bare:>10}  "
              f"{bare_cpu:>10}  {ratio:>6}  {target:>18}  {verdict}")
    return 1 if any(r.missed for r in results) else 0
