"""Root test configuration, loaded before the conftests that import the app: Qt must be told to
go offscreen before anything imports it, the collector to sweep the heap less often, and the
test modules pytest rewrites are kept."""

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

# Importing the app, Qt and the test modules fills the heap with objects that live to the end,
# and Python's collector rescans them all on each full collection: a full one waits for 100
# younger ones instead of 10. From here rather than after the collection (tests/conftest.py
# freezes the heap then): in a child pytest (test_dialogs_fit) the full collections took
# 82-88 ms of CPU, now 14-24 ms.
_young, _middle, _full = gc.get_threshold()
gc.set_threshold(_young, _middle, 100)

# pytest keeps each test module it rewrote for its assertions in __pycache__ (git-ignored),
# unless bytecode may not be written: with PYTHONDONTWRITEBYTECODE set (as on this machine and
# many others) every xdist worker rewrote all the test modules on every run, ~5 s of CPU each
# (collection alone: 8.5 s of CPU without the kept modules, 3.5 s with them).
sys.dont_write_bytecode = False
