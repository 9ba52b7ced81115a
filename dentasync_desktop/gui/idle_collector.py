"""Middle and full cycle collections between the user's steps, never inside one.

Python collects by itself: the young generation every 700 allocations (net), the middle one
every 10 young collections, everything (full) every 10 middle ones, in whatever the GUI thread
is doing then. What the start made is frozen (..collector), yet in a scroll of the 100,000-order
list a full collection walked all the window made since: ~15-23 ms of CPU, inside about one
notch in 1,500 (the slowest; a notch is 3-5 ms otherwise), and the middle collections took
2 ms (up to 5 ms), inside one notch in 30. A young one stays automatic: 0.2 ms (up to 0.8).

The middle and full ones move to moments when nobody waits:
- in a scroll: the first moment the event loop has nothing left to do, after the step's paint,
  once Python would have run one (10 young or 10 middle collections since the last), with no
  job running (a worker's query would wait for the GIL) or else twice as late;
- idle: a full collection IDLE_MS after the last input event, with no job running, if a middle
  collection has run since the last full one (else nothing new reached the oldest generation).
Python's own triggers stay, SAFETY times further off: for a GUI thread that gets no quiet moment
(a long job allocating in a worker), so garbage never piles up without end.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QObject, Qt, QTimer

from .input_events import is_input
from .worker import running_jobs

IDLE_MS = 1000  # longer than the gap between a fast scroll's notches or a typist's keys
EVERY = 10  # collections of the generation below between two of one: Python's default
SAFETY = 10
_INPUT = frozenset({
    QEvent.Type.Wheel, QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd})
# Posted below the paint's UpdateRequest (Qt.LowEventPriority): a step's rows are painted
# before the collection that follows the step starts.
_AFTER_PAINT = QEvent.Type(QEvent.registerEventType())
_AFTER_PAINT_PRIORITY = Qt.EventPriority.LowEventPriority.value - 1


class IdleCollector(QObject):
    """Runs the middle and full collections (see the module). ``clock`` (seconds), ``jobs``,
    ``counts`` and ``collect`` are gc's and the app's own; tests drive it with their own."""

    def __init__(self, parent: QObject, clock: Callable[[], float] = time.monotonic,
                 jobs: Callable[[], int] = running_jobs,
                 counts: Callable[[], tuple[int, int, int]] = gc.get_count,
                 collect: Callable[[int], object] = gc.collect) -> None:
        super().__init__(parent)
        self._clock, self._jobs, self._counts, self._collect = clock, jobs, counts, collect
        self._last_input = clock()
        self._posted = False
        self._threshold = gc.get_threshold()
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.idle_timer_fired)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_input(event, _INPUT):
            self.input_seen()
        return False

    def input_seen(self) -> None:
        self._last_input = self._clock()
        if not self.idle_timer.isActive():
            self.idle_timer.start(IDLE_MS)

    def idle_timer_fired(self) -> None:
        """A full collection once the user has left the app alone for IDLE_MS with no job
        running. Else the timer waits out what is left of IDLE_MS since the last input
        (cheaper than restarting it on every input event), or a whole IDLE_MS while a job
        runs."""
        quiet_ms = (self._clock() - self._last_input) * 1000
        if quiet_ms < IDLE_MS:
            self.idle_timer.start(max(1, round(IDLE_MS - quiet_ms)))
        elif self._jobs():
            self.idle_timer.start(IDLE_MS)
        elif self._counts()[2] and gc.isenabled():
            self._collect(2)

    def loop_quiet(self) -> None:
        """The event loop is about to wait. On Linux (glib) it says so before each round, a
        step's paint still queued: the collection is posted after it."""
        if not self._posted and self._due() is not None:
            self._posted = True
            QCoreApplication.postEvent(self, QEvent(_AFTER_PAINT), _AFTER_PAINT_PRIORITY)

    def event(self, event: QEvent) -> bool:
        if event.type() != _AFTER_PAINT:
            return super().event(event)
        self._posted = False
        generation = self._due()
        if generation is not None:
            self._collect(generation)
        return True

    def remove(self) -> None:
        """Python's own thresholds again; the collector goes."""
        gc.set_threshold(*self._threshold)
        app = self.parent()
        if app is not None:
            app.removeEventFilter(self)
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is not None:
            dispatcher.aboutToBlock.disconnect(self.loop_quiet)
        self.deleteLater()

    def _due(self) -> int | None:
        """The generation Python would have collected by now, if the collector may run: with
        it off the start is under way (..collector.pause), and its objects are frozen once it
        ends, not walked now."""
        if not gc.isenabled():
            return None
        # In a scroll of a million orders a page is often on its way while the next is asked
        # for: waiting for no job at all, Python's own trigger ran first, a 20 ms middle
        # collection inside a page step. So past twice the count it runs anyway.
        patience = 2 if self._jobs() else 1
        _young, middle, full = self._counts()
        if full >= EVERY * patience:
            return 2
        return 1 if middle >= EVERY * patience else None


def install(app: QCoreApplication) -> IdleCollector:
    """The app's middle and full collections run by an IdleCollector from now on (until its
    remove())."""
    collector = IdleCollector(app)
    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None, "the application makes the event dispatcher"
    dispatcher.aboutToBlock.connect(collector.loop_quiet)
    app.installEventFilter(collector)
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle * SAFETY, full * SAFETY)
    return collector
