"""Shared by the benchmark scripts: the cached seeded database, timing and the result table."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dentasync_desktop.db.models import User
from dentasync_desktop.domain.dto import Actor, OrderFilter
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services.maintenance import Database, open_database
from dentasync_desktop.services.order_list import list_orders
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
    have = list_orders(database.uow_factory(), ACTOR, OrderFilter(), 0, 1).total_count
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

    @property
    def missed(self) -> bool:
        return self.target is not None and self.value > self.target


def timing(name: str, run: Callable[[], object], target_ms: float | None = None) -> Result:
    wall, cpu = medians_ms(run)
    return Result(name, wall, "ms", target_ms, cpu)


def report(results: list[Result]) -> int:
    """Print the table; the exit status is 1 if any target was missed."""
    width = max(len(r.name) for r in results)
    print(f"{'measurement':<{width}}  {'wall':>10}  {'cpu':>10}  {'target':>10}  result")
    for r in results:
        target = f"<= {r.target:g} {r.unit}" if r.target is not None else "-"
        cpu = f"{r.cpu:7.1f} {r.unit:<2}" if r.cpu is not None else "-"
        verdict = "MISSED" if r.missed else ("ok" if r.target is not None else "")
        print(f"{r.name:<{width}}  {r.value:>7.1f} {r.unit:<2}  {cpu:>10}  {target:>10}  "
              f"{verdict}")
    return 1 if any(r.missed for r in results) else 0
