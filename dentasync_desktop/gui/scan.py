"""Scan anywhere in the main window: a USB barcode scanner types the order number and Enter.

``ScanDetector`` is an application event filter. A scanner types far faster than a person, so a
printable key is held back for MAX_GAP_MS: if the next key follows within that gap the burst
goes on; if not (a person typing), the held keys are handed on to their widget unchanged. A
burst of at least MIN_LENGTH keys ending in Enter whose text reads as an order number
(WO-000123, wo123, 123) is swallowed and emitted as ``scanned``; any other burst reaches its
widget as typed. Only keys for widgets of the watched window count (dialogs keep their keys).
The clock (milliseconds) is injected so tests can type slowly without sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ..domain.numbers import looks_like_number

MAX_GAP_MS = 30.0
MIN_LENGTH = 4
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


def monotonic_ms() -> float:
    return time.monotonic() * 1000


class ScanDetector(QObject):
    scanned = Signal(str)  # the order number text as scanned
    escape = Signal()  # Esc pressed in the watched window (ends the check-in mode)

    def __init__(self, window: QWidget, clock_ms: Callable[[], float] = monotonic_ms,
                 max_gap_ms: float = MAX_GAP_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._clock = clock_ms
        self._gap = max_gap_ms
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._last = 0.0
        self.watch_escape = False
        self._replaying = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self.flush)

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The class first, as the idle lock's filter does: event.type() costs more.
        if (not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress
                or self._replaying or not self._ours(watched)):
            return False
        now = self._clock()
        if self._held and now - self._last > self._gap:
            self.flush()
        key = event.key()
        if key in ENTER_KEYS and self._held:
            text = "".join(e.text() for _w, e in self._held)
            if len(text) >= MIN_LENGTH and looks_like_number(text):
                self._held.clear()
                self._flush_timer.stop()
                self.scanned.emit(text.strip())
                return True
            self.flush()
            return False
        if key == Qt.Key.Key_Escape and self.watch_escape and not self._held:
            self.escape.emit()
            return True
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & _COMMAND_MODIFIERS:
            self.flush()
            return False
        self._held.append((watched, QKeyEvent(
            QEvent.Type.KeyPress, key, event.modifiers(), text, event.isAutoRepeat(),
            event.count())))
        self._last = now
        self._flush_timer.start(max(1, int(self._gap)))
        return True

    def flush(self) -> None:
        """Hand the held keys on to their widgets: it was typing, not a scan."""
        held, self._held = self._held, []
        self._flush_timer.stop()
        self._replaying = True  # sendEvent passes this filter again; those keys go through
        try:
            for widget, event in held:
                QCoreApplication.sendEvent(widget, event)
        finally:
            self._replaying = False

    def _ours(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        focus = QApplication.focusWidget()
        return focus is None or watched is focus  # not again as the key goes to its parents
