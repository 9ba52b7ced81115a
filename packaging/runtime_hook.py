"""Runs first inside the frozen app: a crash before logging is set up still leaves a trace."""

import os
import sys
import tempfile
import traceback


def _last_resort(exc_type, exc, tb):  # type: ignore[no-untyped-def]
    path = os.path.join(tempfile.gettempdir(), "dentasync-crash.log")
    with open(path, "a", encoding="utf-8") as handle:
        traceback.print_exception(exc_type, exc, tb, file=handle)
    sys.__excepthook__(exc_type, exc, tb)


sys.excepthook = _last_resort
