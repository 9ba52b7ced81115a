"""One timer for the next reminder: armed from services.reminders, re-armed from the change bus.

``start()`` (at sign-in) hands out what came due meanwhile (``missed`` reminders among them),
then the single-shot timer waits for ``next_reminder_time``. When it fires, ``fire_reminders``
hands out what is due, ``fired`` tells the tray and the bell, and the timer is armed again. A
batch of changes that can move a reminder (events, orders, payments, reminders, settings)
re-arms it (coalesced: one re-read at a time, one more if changes came meanwhile). The timer
never waits longer than SAFETY_MS, so a clock that jumps (resume from sleep, a time-zone change)
costs at most that long. The clock is injected: tests move it and call ``check()`` instead of
sleeping.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ...domain.dto import ReminderInfo
from ...services import reminders
from ...services.changes import Change, ChangeKind
from ..changes import ChangeRelay
from ..client import ServiceClient
from ..coalesce import Coalesced
from ..worker import Job

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
SAFETY_MS = 5 * 60 * 1000
RELEVANT = frozenset({ChangeKind.EVENT, ChangeKind.ORDER, ChangeKind.PAYMENT,
                      ChangeKind.REMINDER, ChangeKind.SETTINGS})


def system_clock() -> datetime:
    return datetime.now(UTC)


class ReminderScheduler(QObject):
    fired = Signal(object)  # tuple[ReminderInfo, ...] just handed out (``missed`` flags set)
    due_changed = Signal(object)  # tuple[ReminderInfo, ...] due now: the bell and the panel

    def __init__(self, client: ServiceClient, clock: Clock | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self.clock: Clock = clock or system_clock
        self.due: tuple[ReminderInfo, ...] = ()
        self.armed_for: datetime | None = None  # the next reminder's time, None: none known
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may fire seconds early
        self.timer.timeout.connect(self.check)
        self._refresh = Coalesced(self._reread, self)
        ChangeRelay.of(client).changed.connect(self._on_changes)

    def start(self) -> None:
        self.check()

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()

    def check(self) -> None:
        """Hand out whatever is due now, then refresh the list and re-arm."""
        self._client.submit(reminders.fire_reminders, self.clock()).then(
            self._handed_out, self._failed)

    def refresh(self) -> None:
        """Re-read the due list and re-arm the timer (after a snooze, a dismiss, a change)."""
        self._refresh.request()

    def _reread(self) -> Job[datetime | None]:
        self._client.submit(reminders.due_reminders, self.clock()).then(
            self._listed, self._failed)
        return self._client.submit(reminders.next_reminder_time, self.clock()).then(
            self._arm, self._failed)

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        if any(c.kind in RELEVANT for c in changes):
            self.refresh()

    def _gone(self) -> bool:
        """Signed out or closed while a check ran: its answer has nowhere to go."""
        return self._stopped or not shiboken6.isValid(self)

    def _handed_out(self, fresh: list[ReminderInfo]) -> None:
        if self._gone():
            return
        for reminder in fresh:
            log.info("reminder fired for %s: %s (%s)%s", self._client.actor.username,
                     reminder.title, reminder.key, " [missed]" if reminder.missed else "")
        if fresh:
            self.fired.emit(tuple(fresh))
        self.refresh()

    def _listed(self, due: list[ReminderInfo]) -> None:
        if self._gone():
            return
        self.due = tuple(due)
        self.due_changed.emit(self.due)

    def _arm(self, when: datetime | None) -> None:
        if self._gone():
            return
        self.armed_for = when
        wait = SAFETY_MS
        if when is not None:
            wait = min(SAFETY_MS, max(0, int((when - self.clock()).total_seconds() * 1000)))
        self.timer.start(wait)

    def _failed(self, error: BaseException) -> None:
        # A reminder check must never pop up a message; the safety timer tries again.
        log.warning("reminder check failed: %s", error)
        if not self._gone() and not self.timer.isActive():
            self.timer.start(SAFETY_MS)
