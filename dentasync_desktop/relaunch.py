"""Start this program again, as it was started: after the window asked for a restart.

Run once the window has closed and released the database, so the new process finds it free.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)

# What the window returns when it closed to be started again (a database or language chosen);
# the command line turns it into a relaunch, so it never leaves the process.
EXIT_RESTART = -1


def command(argv: Sequence[str], executable: str, frozen: bool) -> list[str]:
    """The command line that starts the program ``argv`` came from, with the same arguments.

    The bundle is its own executable; ``python -m dentasync_desktop`` names the package's
    __main__.py, which only runs as a module; an installed entry point (a script, or on
    Windows a launcher .exe with its script zipped inside) runs under this interpreter.
    """
    program, arguments = (argv[0] if argv else ""), list(argv[1:])
    if frozen:
        return [executable, *arguments]
    if Path(program).name == "__main__.py":
        return [executable, "-m", "dentasync_desktop", *arguments]
    if not Path(program).exists() and Path(program + ".exe").exists():
        program += ".exe"
    return [executable, program, *arguments]


def relaunch() -> bool:
    """Start the program again, detached from this process; False (logged) when it cannot."""
    line = command(sys.argv, sys.executable, bool(getattr(sys, "frozen", False)))
    try:
        # Detached, so closing this process's console (or its process group) spares it.
        if sys.platform == "win32":
            subprocess.Popen(line, cwd=os.getcwd(), stdin=subprocess.DEVNULL, close_fds=True,
                             creationflags=subprocess.DETACHED_PROCESS
                             | subprocess.CREATE_NEW_PROCESS_GROUP)
        else:
            subprocess.Popen(line, cwd=os.getcwd(), stdin=subprocess.DEVNULL, close_fds=True,
                             start_new_session=True)
    except OSError:
        log.exception("could not start again: %s", line)
        return False
    return True
