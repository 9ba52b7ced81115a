"""Emptying a layout that is filled again and again (a panel's rows, a summary's figures)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLayout


def empty_layout(layout: QLayout) -> None:
    """Every widget of ``layout`` hidden at once and deleted once control returns to the event
    loop, and each layout item with it: Qt hands a taken item to its caller to delete, and
    PySide leaves it to the caller too (not owned by Python), so each refill leaked one item a
    widget."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        shiboken6.delete(item)
