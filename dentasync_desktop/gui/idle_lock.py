"""The idle lock: after the minutes set in Settings without input, ask for the password again."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from ..services import settings
from .client import ServiceClient
from .input_events import is_input

# Any of these means someone is at the computer.
_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})
CHECK_EVERY_MS = 15_000
# Shorter idle times are never asked for, so the setting is only read once this has passed.
SHORTEST_LOCK_SECONDS = 60


class IdleLock(QObject):
    """Calls ``lock`` once the application has had no input for the Settings' idle minutes,
    from ``start`` on.

    ``clock`` (seconds, monotonic) is injected so tests move time on instead of sleeping.
    """

    def __init__(self, client: ServiceClient, lock: Callable[[], None],
                 clock: Callable[[], float] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._lock = lock
        self._clock = clock or time.monotonic
        self._last_input = self._clock()
        self.paused = False
        self._reading = False  # the settings are being read for a check
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Watch the input (every event of the application passes this filter) and check."""
        self._last_input = self._clock()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_input(event, _INPUT):
            self._last_input = self._clock()
        return False

    def idle_seconds(self) -> float:
        return self._clock() - self._last_input

    def check(self) -> None:
        if self.paused or self._reading or self.idle_seconds() < SHORTEST_LOCK_SECONDS:
            return
        # Read each time, so a change in Settings applies without signing in again.
        self._reading = True
        job = self._client.submit_plain(settings.get_settings)
        job.finished.connect(self._read)
        job.then(lambda chosen: self._lock_after(chosen.idle_lock_minutes))

    def _read(self) -> None:
        self._reading = False

    def _lock_after(self, minutes: int) -> None:
        if self.paused or not minutes or self.idle_seconds() < minutes * 60:
            return
        self.paused = True
        try:
            self._lock()
        finally:
            self.paused = False
            self._last_input = self._clock()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
