"""Time seeding a fresh database: `uv run python bench/seeding.py [--orders N]`."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import Result, arguments, report, timed_seed

from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services.maintenance import open_database

SEED_TARGET_S = 60.0


def main() -> int:
    parser = arguments(__doc__ or "")
    parser.add_argument("--keep", action="store_true",
                        help="keep the seeded database (it is printed) instead of deleting it")
    args = parser.parse_args()
    folder = args.db or Path(tempfile.mkdtemp(prefix="dentasync-seed-bench-"))
    database = open_database(resolve_paths(folder).create())
    try:
        cpu_started = time.process_time()
        seconds = timed_seed(database, args.orders, args.seed)
        cpu = time.process_time() - cpu_started
    finally:
        database.close()
    size_mb = database.paths.database.stat().st_size / 1e6
    if args.keep or args.db:
        print(f"database kept: {database.paths.database}")
    else:
        shutil.rmtree(folder)
    scaled = SEED_TARGET_S * args.orders / 100_000
    return report([
        Result(f"seed {args.orders:,} orders", seconds, "s", scaled, cpu),
        Result("database size", size_mb, "MB"),
    ])


if __name__ == "__main__":
    sys.exit(main())
