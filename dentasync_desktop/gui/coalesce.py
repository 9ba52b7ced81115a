"""Reload on every change without piling up jobs: one runs, at most one more follows.

A page that re-reads on each change-bus batch calls ``request()``; while a reload is under way,
further requests only mark it stale, and one more reload starts when it is done. Unlike a
debounce timer nothing waits on the clock, so the data is current as soon as the job answers
(and tests that wait for the jobs see it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from .worker import Job


class Coalesced(QObject):
    def __init__(self, start: Callable[[], Job[Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self._job: Job[Any] | None = None
        self._stale = False

    def request(self) -> None:
        if self._job is not None and not self._job.done:
            self._stale = True
            return
        self._stale = False
        self._job = self._start()
        self._job.finished.connect(self._finished)

    def _finished(self) -> None:
        if self._stale:
            self.request()
