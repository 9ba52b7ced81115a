"""Problems found before the main window exists, shown in a window rather than on a console
that a double-clicked app does not have."""

from __future__ import annotations

from pathlib import Path

from .application import make_application
from .problem_box import show_problem_box


def show_startup_problem(message: str, log_file: Path) -> None:
    make_application()
    show_problem_box(message, log_file)
