"""The one way the GUI runs work off its thread: ``Job`` on the global QThreadPool.

Run a service (it gets a fresh unit of work, opened in the worker thread, and the actor)::

    self.client.submit(order_list.list_orders, flt, 0, 100).then(
        self._show_rows,                 # called on the GUI thread with the result
        on_error=self._not_loaded,       # optional; the default shows a refusal (DomainError)
        busy=self)                       # optional; a busy cursor on this page while it runs

``submit`` is typed: the service's own parameters after (uow, actor) are checked against the
arguments (``submit_plain`` for the few services that take only a unit of work). ``then``
starts the job and returns it; nothing runs before ``then``, so callbacks can never miss a
result. An unexpected exception goes (on the GUI thread) to the exception hook, which logs it
and shows the log path. The callbacks are skipped if the ``busy`` widget was deleted meanwhile
(the page was closed).

Long work with progress and Cancel (the work gets a ``JobControl``)::

    job = client.background(lambda control: printing.print_batch(
        client.uow_factory, client.actor, ids, target, progress=control.progress))
    job.progressed.connect(dialog.setValue)
    dialog.canceled.connect(job.cancel)   # control.progress(...) then returns False
    job.then(self._printed, on_error=self._failed)

A modal form that saves on OK (order_detail.dialogs.ServiceDialog) starts a job the same way
and closes itself in the result callback. There are no nested event loops of our own: the
caller returns at once and reacts in its callbacks. Jobs must be created on the GUI thread.
Tests wait with ``qtbot.waitSignal(job.finished)`` or ``qtbot.waitUntil(...)``;
``running_jobs()`` lets a fixture fail a test that leaves a job behind.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ..domain.errors import DomainError
from .errors import show_refusal

log = logging.getLogger(__name__)
T = TypeVar("T")

_RUNNING: set[Job[Any]] = set()  # started and not yet delivered; also keeps them alive
_BUSY_COUNT = "_dentasync_busy_jobs"  # per-widget count of jobs it waits for


class JobControl:
    """What long work gets: a progress report that says whether to go on, and the cancel flag.

    ``progress(done, total)`` has the signature the services' progress callbacks expect.
    """

    def __init__(self, job: Job[Any]) -> None:
        self._job = job
        self._cancelled = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def progress(self, done: int, total: int) -> bool:
        self._job.progressed.emit(done, total)
        return not self._cancelled.is_set()


class Job(QObject, Generic[T]):
    """One piece of work on the thread pool, its outcome delivered on the GUI thread."""

    progressed = Signal(int, int)  # done, total; from the worker, delivered queued
    succeeded = Signal(object)  # the result
    failed = Signal(object)  # the exception
    finished = Signal()  # after the callbacks, success or not

    # Worker-side signals; connected to the job's own slots, so delivered on its (GUI) thread.
    _result = Signal(object)
    _error = Signal(object)

    def __init__(self, work: Callable[[JobControl], T]) -> None:
        super().__init__()
        self._work = work
        self.control = JobControl(self)
        self._on_result: Callable[[T], object] | None = None
        self._on_error: Callable[[BaseException], object] | None = None
        self._busy: QWidget | None = None
        self._started = False
        self.done = False
        self._result.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self._error.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)

    def then(self, on_result: Callable[[T], object] | None = None,
             on_error: Callable[[BaseException], object] | None = None, *,
             busy: QWidget | None = None) -> Job[T]:
        """Start the job; call ``on_result``/``on_error`` with its outcome on the GUI thread."""
        if self._started:
            raise RuntimeError("a job runs once")
        self._started = True
        self._on_result, self._on_error, self._busy = on_result, on_error, busy
        if busy is not None:
            _busy(busy, +1)
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(_Runnable(self))
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self.control.cancel()

    @property
    def cancelled(self) -> bool:
        return self.control.cancelled

    def _run(self) -> None:  # on a pool thread
        try:
            value = self._work(self.control)
        except BaseException as error:  # handed to the GUI thread
            self._error.emit(error)
        else:
            self._result.emit(value)

    def _deliver_result(self, value: Any) -> None:
        try:
            if self._owner_alive() and self._on_result is not None:
                self._on_result(value)
            self.succeeded.emit(value)
        finally:
            self._finish()

    def _deliver_error(self, error: BaseException) -> None:
        try:
            if not self._owner_alive():
                log.info("result of a job for a closed page dropped: %r", error)
            elif self._on_error is not None:
                self._on_error(error)
            else:
                show_error(self._busy, error)
            self.failed.emit(error)
        finally:
            self._finish()

    def _owner_alive(self) -> bool:
        return self._busy is None or shiboken6.isValid(self._busy)

    def _finish(self) -> None:
        if self._busy is not None and shiboken6.isValid(self._busy):
            _busy(self._busy, -1)
        self.done = True
        _RUNNING.discard(self)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """The default error path: a refusal is shown; anything else goes to the exception hook."""
    if isinstance(error, DomainError):
        log.info("refused: %s", error.message)
        show_refusal(parent if parent is not None and shiboken6.isValid(parent)
                     else QApplication.activeWindow(), error)
        return
    raise error


def _busy(widget: QWidget, delta: int) -> None:
    count = int(widget.property(_BUSY_COUNT) or 0) + delta
    widget.setProperty(_BUSY_COUNT, count)
    if delta > 0 and count == 1:
        widget.setCursor(Qt.CursorShape.BusyCursor)
    elif count <= 0:
        widget.unsetCursor()


def is_busy(widget: QWidget) -> bool:
    """Whether ``widget`` waits for a job it passed as ``busy``."""
    return int(widget.property(_BUSY_COUNT) or 0) > 0


def running_jobs() -> int:
    """Jobs started whose outcome has not been delivered yet."""
    return len(_RUNNING)
