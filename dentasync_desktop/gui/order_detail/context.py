"""The shown order and the one way the detail widgets run services on it.

Every action goes through ``OrderContext``: it checks the lifecycle and permission tables for the
buttons, runs the service off the GUI thread with the order's id (and version where the service
wants one), shows a refusal as a message, reloads after a conflict, and hands the fresh order to
every tab. It also reloads when the change bus reports a change of the order made elsewhere
(another tab, window or, later, PC), so every view of one order stays the same.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ...domain import lifecycle
from ...domain.actions import Action
from ...domain.dto import OrderDetail, StaffInfo
from ...domain.errors import ConcurrencyError, DomainError
from ...services import masterdata
from ...services.changes import Change
from ...services.order_detail import get_order
from ..changes import ChangeRelay
from ..client import ServiceClient
from ..errors import show_refusal
from ..formatting import label
from ..worker import Job
from .dialogs import ServiceDialog
from .widgets import Gate

log = logging.getLogger(__name__)
T = TypeVar("T")


class OrderContext(QObject):
    """Loads the order and runs actions on it off the GUI thread (gui.worker), and reloads
    when the change bus says someone else changed it (gui.changes)."""

    changed = Signal(object)  # the fresh OrderDetail, after a load or an action
    acted = Signal(int)  # the order id, after every successful action
    load_failed = Signal(object)  # the DomainError of a first load (e.g. NotFound)

    def __init__(self, client: ServiceClient, order_id: int, window: QWidget) -> None:
        super().__init__(window)
        self.client = client
        self.order_id = order_id
        self._window = window
        self._detail: OrderDetail | None = None
        self._in_flight = 0  # own actions running: their result brings the fresh order
        self._loading = False
        self._stale = False  # changed elsewhere while a load was under way: load once more
        self._gone = False  # deleted: its own deletion must not reload it
        ChangeRelay.of(client).changed.connect(self._on_changes)

    @property
    def detail(self) -> OrderDetail:
        if self._detail is None:
            raise RuntimeError("the order has not been loaded yet")
        return self._detail

    @property
    def loaded(self) -> bool:
        return self._detail is not None

    def load(self) -> Job[OrderDetail] | None:
        """Read the order off the GUI thread; ``changed`` (or ``load_failed``) tells.

        A load already under way is not repeated.
        """
        if self._loading:
            return None
        self._loading = True
        return self.client.submit(get_order, self.order_id).then(
            self._loaded, self._load_failed, busy=self._window)

    def reload(self) -> Job[OrderDetail] | None:
        return self.load()

    def _loaded(self, detail: OrderDetail) -> None:
        self._loading = False
        self._set(detail)
        if self._stale:
            self._stale = False
            self.load()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        if not isinstance(error, DomainError):
            raise error
        if self._detail is None:
            self.load_failed.emit(error)
            return
        show_refusal(self._window, error)

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        if self._gone or self._in_flight or not any(c.order_id == self.order_id
                                                    for c in changes):
            return
        if self._loading:
            # The load under way may have read the order before this change (another PC's
            # payment, say): without another load the view would miss it until the next one.
            self._stale = True
            return
        self.load()

    def gone(self) -> None:
        """The order was deleted here: stop following its changes."""
        self._gone = True

    def gate(self, action: Action, *also: Action) -> Gate:
        """The lifecycle verdict for ``action`` and the actor's permission for it (and ``also``)."""
        detail = self.detail
        verdict = lifecycle.verdict(detail.status, action, detail.on_hold,
                                    lifecycle.is_empty(len(detail.items), detail.total.minor))
        if not verdict.allowed:
            return Gate(False, verdict.reason)
        for needed in (action, *also):
            if not self.client.allows(needed):
                return Gate(False, QCoreApplication.translate(
                    "OrderContext", "Your role ({role}) does not allow this action: {action}."
                ).format(role=label(self.client.actor.role), action=label(needed)))
        return Gate(True)

    def read(self, job: Job[T], then: Callable[[T], object]) -> Job[T]:
        """Start a small read a dialog needs before it opens (staff, an order number's id);
        ``then`` gets the answer, a refusal is shown instead."""

        def failed(error: BaseException) -> None:
            if not isinstance(error, DomainError):
                raise error
            self.refused(error)

        return job.then(then, failed, busy=self._window)

    def with_staff(self, then: Callable[[list[StaffInfo]], object]) -> Job[list[StaffInfo]]:
        """The active staff, for the assignee and employee choices."""
        return self.read(self.client.submit(masterdata.list_staff), then)

    def refused(self, error: DomainError) -> None:
        log.info("refused: %s", error.message)
        show_refusal(self._window, error)
        if isinstance(error, ConcurrencyError):
            self.reload()

    def submit(self, service: Callable[..., T], *args: Any,
               then: Callable[[T], object] | None = None) -> Job[T]:
        """Run ``service`` for the actor off the GUI thread; ``then`` gets its result.

        A refusal is shown (a conflict also reloads); changes announced meanwhile for this
        order are ignored, since the action's own result is fresher.
        """
        self._in_flight += 1

        def done(result: T) -> None:
            self._in_flight -= 1
            if then is not None:
                then(result)

        def failed(error: BaseException) -> None:
            self._in_flight -= 1
            if not isinstance(error, DomainError):
                raise error
            self.refused(error)

        return self.client.submit(service, *args).then(done, failed, busy=self._window)

    def run(self, service: Callable[..., OrderDetail], *args: Any,
            then: Callable[[OrderDetail], object] | None = None) -> Job[OrderDetail]:
        """A service returning the fresh order; on success every tab shows it."""

        def accepted(detail: OrderDetail) -> None:
            self.accept(detail)
            if then is not None:
                then(detail)

        return self.submit(service, *args, then=accepted)

    def step(self, service: Callable[..., OrderDetail], *args: Any) -> Job[OrderDetail]:
        """An order service that takes (order_id, version, ...)."""
        return self.run(service, self.order_id, self.detail.version, *args)

    def submitter(self, service: Callable[..., T], *fixed: Any) -> Callable[..., Job[T]]:
        """What a dialog's OK starts: the job of ``service`` with the fixed leading arguments
        and the form's values."""
        return partial(self.client.submit, service, *fixed)

    def versioned(self, service: Callable[..., T]) -> Callable[..., Job[T]]:
        return self.submitter(service, self.order_id, self.detail.version)

    def run_dialog(self, dialog: ServiceDialog) -> OrderDetail | None:
        """Show a dialog whose OK ran a service; show its result, or reload after a refusal.

        The dialog's OK runs its service right away (the validated-save pattern: a refusal
        keeps the dialog open on the field), so the change it announces is ignored here.
        """
        self._in_flight += 1
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and isinstance(
                    dialog.outcome, OrderDetail):
                self.accept(dialog.outcome)
                return dialog.outcome
            if dialog.refusal is not None:
                self.reload()
            return None
        finally:
            self._in_flight -= 1
            dialog.deleteLater()

    def accept(self, detail: OrderDetail) -> None:
        self._set(detail)
        self.acted.emit(detail.id)

    def _set(self, detail: OrderDetail) -> None:
        self._detail = detail
        self.changed.emit(detail)


class OrderTab(QWidget):
    """A tab of the order detail: ``show_detail`` shows the order, and each tab connects it
    to ``changed`` once its widgets are built.

    The view builds a tab the first time it is shown, maybe long after the order loaded, and
    then hands it the order it missed.
    """

    def __init__(self, context: OrderContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context

    def show_detail(self, order: OrderDetail) -> None:
        raise NotImplementedError
