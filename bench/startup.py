"""Process spawn to an open database and to the order list's first page, next to bare sqlite3.

    uv run python bench/startup.py [--orders N] [--db DIR]

Each run is a fresh interpreter (`python -c ...`), so interpreter start-up, imports, the
start-up checks and the first query all count. The bare baseline is a fresh interpreter that
opens the same file with the sqlite3 module and runs the same SQL the service sent. Ours and
bare run alternately; the table shows medians and exits 1 if a target is missed.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time

from _common import ACTOR, Result, arguments, open_seeded, recorded_sql, report

from dentasync_desktop.domain.dto import OrderFilter
from dentasync_desktop.services.order_list import orders_after

# The window adds its own paint on top; the target for rows painted is 0.8 s.
FIRST_PAGE_MS = 800.0
OPEN_MS = 800.0
REPEAT = 5

OPEN = """
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services.maintenance import open_database
database = open_database(resolve_paths({folder!r}))
database.close()
"""
FIRST_PAGE = """
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services.maintenance import open_database
from dentasync_desktop.domain.dto import Actor, OrderFilter
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.services.order_list import orders_after
database = open_database(resolve_paths({folder!r}))
actor = Actor(user_id={user}, username="bench", full_name="Benchmark", role=Role.ADMIN)
orders_after(database.uow_factory(), actor, OrderFilter(), None, 100)
database.close()
"""
BARE = """
import sqlite3
conn = sqlite3.connect({database!r})
for statement, parameters in {statements!r}:
    conn.execute(statement, parameters).fetchall()
conn.close()
"""


def spawned(code: str) -> tuple[float, float]:
    """Wall time and the child's CPU time (user + system), which a busy machine inflates
    far less than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def alternately(ours: str, bare: str) -> tuple[float, float, float, float]:
    """Median wall time of ours and of bare, then their median CPU times, in milliseconds."""
    runs: tuple[list[tuple[float, float]], list[tuple[float, float]]] = ([], [])
    spawned(ours), spawned(bare)  # the page cache warm for both, as on a second start
    for _ in range(REPEAT):
        runs[0].append(spawned(ours))
        runs[1].append(spawned(bare))
    return (statistics.median(w for w, _ in runs[0]) * 1000,
            statistics.median(w for w, _ in runs[1]) * 1000,
            statistics.median(c for _, c in runs[0]) * 1000,
            statistics.median(c for _, c in runs[1]) * 1000)


def main() -> int:
    args = arguments(__doc__ or "").parse_args()
    database, _seeded = open_seeded(args)
    with recorded_sql(database.engine) as statements:
        orders_after(database.uow_factory(), ACTOR, OrderFilter(), None, 100)
    folder, path = str(database.paths.data_dir), str(database.paths.database)
    # Closed before the children start: an open connection would leave a WAL behind, and a
    # start-up that finds one checks every page, as after a crash.
    database.close()
    bare_open = BARE.format(database=path, statements=[("SELECT 1 FROM alembic_version", ())])
    bare_page = BARE.format(database=path, statements=statements)
    opened = alternately(OPEN.format(folder=folder), bare_open)
    paged = alternately(FIRST_PAGE.format(folder=folder, user=ACTOR.user_id), bare_page)
    return report([
        Result(f"spawn -> database open ({args.orders:,} orders)", opened[0], "ms", OPEN_MS,
               opened[2], opened[1], bare_cpu=opened[3]),
        Result(f"spawn -> order list first page ({args.orders:,} orders)", paged[0], "ms",
               FIRST_PAGE_MS, paged[2], paged[1], bare_cpu=paged[3]),
    ])


if __name__ == "__main__":
    sys.exit(main())
