"""When Python's cycle collector runs: not while the app starts, and never again over what the
start made.

Starting the window makes ~90,000 objects that live as long as the app (modules, classes,
SQLAlchemy's and Qt's tables). The collector walked them some 200 times while they were being
made (60-160 ms of the start), and a full collection later walked all of them in the middle of
a scroll step (120-220 ms: the slowest step of a whole-list scroll). So the start runs with the
collector off; once the window shows, what exists then is frozen (never scanned again) and the
collector runs as usual over what comes after.
"""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume_after_start() -> None:
    """Once per start: a later call (the next sign-in's window, the end of a start) finds the
    collector running and leaves it so."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
