"""Telling user input apart in an application-wide event filter, which every event passes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QInputEvent


def is_input(event: QEvent, kinds: frozenset[QEvent.Type]) -> bool:
    """Whether ``event`` is input of one of ``kinds``. The class is looked at first:
    event.type() makes a Python enum member, half the cost of such a filter's call, and nearly
    every event (paint, timer, layout) is no input."""
    return isinstance(event, QInputEvent) and event.type() in kinds
