"""Root test configuration, loaded before the conftests that import the app: Qt must be told to
go offscreen before anything imports it, the collector to sweep the heap less often, and the
test modules pytest rewrites are kept."""

import builtins
import gc
import os
import sys

import pytest

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


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """PySide6, imported by pytest-qt's own pytest_configure, puts a hook in front of Python's
    import for its ``from __feature__ import ...`` switches (which the app never uses): from
    then on every import statement that runs, module-level or inside a function, goes through
    Python code of PySide's. Hypothesis imports three names on each value it draws, and the
    fuzz gate draws 100,000. The hook is taken out again, PySide's lazy loader kept."""
    plain = getattr(builtins, "__orig_import__", None)
    if plain is not None:
        builtins.__import__ = plain
