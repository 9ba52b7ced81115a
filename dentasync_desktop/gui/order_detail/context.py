"""The shown order and the one way the detail widgets run services on it.

Every action goes through ``OrderContext``: it checks the lifecycle and permission tables for the
buttons, runs the service with the order's id (and version where the service wants one), shows a
refusal as a message, reloads after a conflict, and hands the fresh order to every tab.
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
from ...services.order_detail import get_order
from ..client import ServiceClient
from ..errors import show_refusal
from ..formatting import label
from .dialogs import ServiceDialog
from .widgets import Gate

log = logging.getLogger(__name__)
T = TypeVar("T")


class OrderContext(QObject):
    changed = Signal(object)  # the fresh OrderDetail, after a load or an action
    acted = Signal(int)  # the order id, after every successful action

    def __init__(self, client: ServiceClient, order_id: int, window: QWidget) -> None:
        super().__init__(window)
        self.client = client
        self.order_id = order_id
        self._window = window
        self._detail: OrderDetail | None = None

    @property
    def detail(self) -> OrderDetail:
        if self._detail is None:
            raise RuntimeError("the order has not been loaded yet")
        return self._detail

    def load(self) -> None:
        """Read the order; a refusal (e.g. it no longer exists) propagates to the caller."""
        self._set(self.client.call(get_order, self.order_id))

    def reload(self) -> bool:
        try:
            self.load()
        except DomainError as error:
            show_refusal(self._window, error)
            return False
        return True

    def gate(self, action: Action, *also: Action) -> Gate:
        """The lifecycle verdict for ``action`` and the actor's permission for it (and ``also``)."""
        detail = self.detail
        verdict = lifecycle.verdict(detail.status, action, detail.on_hold)
        if not verdict.allowed:
            return Gate(False, verdict.reason)
        for needed in (action, *also):
            if not self.client.allows(needed):
                return Gate(False, QCoreApplication.translate(
                    "OrderContext", "Your role ({role}) does not allow this action: {action}."
                ).format(role=label(self.client.actor.role), action=label(needed)))
        return Gate(True)

    def attempt(self, service: Callable[..., T], *args: Any) -> T | None:
        """Run ``service`` for the actor; a refusal is shown, a conflict also reloads."""
        try:
            return self.client.call(service, *args)
        except DomainError as error:
            self.refused(error)
            return None

    def staff(self) -> list[StaffInfo] | None:
        """The active staff, for the assignee and employee choices."""
        return self.attempt(masterdata.list_staff)

    def refused(self, error: DomainError) -> None:
        log.info("refused: %s", error.message)
        show_refusal(self._window, error)
        if isinstance(error, ConcurrencyError):
            self.reload()

    def run(self, service: Callable[..., OrderDetail], *args: Any) -> OrderDetail | None:
        """A service returning the fresh order; on success every tab shows it."""
        detail = self.attempt(service, *args)
        if detail is not None:
            self.accept(detail)
        return detail

    def step(self, service: Callable[..., OrderDetail], *args: Any) -> OrderDetail | None:
        """An order service that takes (order_id, version, ...)."""
        return self.run(service, self.order_id, self.detail.version, *args)

    def submitter(self, service: Callable[..., T], *fixed: Any) -> Callable[..., T]:
        """What a dialog calls on OK: ``service`` with the fixed leading arguments."""
        return partial(self.client.call, service, *fixed)

    def versioned(self, service: Callable[..., T]) -> Callable[..., T]:
        return self.submitter(service, self.order_id, self.detail.version)

    def run_dialog(self, dialog: ServiceDialog) -> OrderDetail | None:
        """Show a dialog whose OK ran a service; show its result, or reload after a refusal."""
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and isinstance(
                    dialog.outcome, OrderDetail):
                self.accept(dialog.outcome)
                return dialog.outcome
            if dialog.refusal is not None:
                self.reload()
            return None
        finally:
            dialog.deleteLater()

    def accept(self, detail: OrderDetail) -> None:
        self._set(detail)
        self.acted.emit(detail.id)

    def _set(self, detail: OrderDetail) -> None:
        self._detail = detail
        self.changed.emit(detail)
