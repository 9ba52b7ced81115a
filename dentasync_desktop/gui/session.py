"""Ending a session from anywhere: whoever meets SessionEnded reports it, the main window acts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SessionEvents(QObject):
    # The message says why (deactivated, role changed, ...). The main window tells the user
    # once and signs out, however many places met the refusal.
    ended = Signal(str)


_events: SessionEvents | None = None


def session_events() -> SessionEvents:
    global _events
    if _events is None:
        _events = SessionEvents()
    return _events
