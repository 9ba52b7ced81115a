"""Root test configuration: Qt must be told to go offscreen before anything imports it, and
the test modules pytest rewrites are kept."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

# pytest keeps each test module it rewrote for its assertions in __pycache__ (git-ignored),
# unless bytecode may not be written: with PYTHONDONTWRITEBYTECODE set (as on this machine and
# many others) every xdist worker rewrote all the test modules on every run, ~5 s of CPU each
# (collection alone: 8.5 s of CPU without the kept modules, 3.5 s with them).
sys.dont_write_bytecode = False
