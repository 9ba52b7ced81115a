import cProfile
import pstats
import sys
import time
from datetime import date
from pathlib import Path

from _common import ACTOR, arguments, open_seeded

from dentasync_desktop.domain.dto import FinanceFilter
from dentasync_desktop.services import reports

sys.argv = ["x"]
a = arguments("").parse_args()
d, _ = open_seeded(a)
flt = FinanceFilter(date_from=date(2025, 1, 1))
fmt = sys.argv[1] if len(sys.argv) > 1 else "xlsx"
for fmt in ("xlsx", "csv"):
    t = time.process_time()
    reports.export_finance(d.uow_factory, ACTOR, "orders", flt, fmt, Path(f"/tmp/speed-p.{fmt}"))
    print(fmt, "cpu", time.process_time() - t)
raise SystemExit
pr = cProfile.Profile()
pr.enable()
reports.export_finance(d.uow_factory, ACTOR, "orders", flt, "xlsx", Path("/tmp/speed-p.xlsx"))
pr.disable()
pstats.Stats(pr).sort_stats("tottime").print_stats(25)
