"""Scan to open, and the "Check in" mode that marks scanned Shipped orders Delivered.

Outside the mode a scan opens the order. In the mode each scan calls services.checkin.check_in;
a toast names the order and offers Undo for the last one; a refusal (not Shipped, unknown
number) is shown in the toast and the mode stays on. A label in the status bar and the window
title show the mode; Esc or the menu ends it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QLabel, QMainWindow

from ..domain.actions import Action
from ..domain.errors import DomainError
from .access import gate
from .client import ServiceClient
from .errors import error_words
from .scan import MAX_GAP_MS, ScanDetector, monotonic_ms
from .theme import icon
from .widgets.toast import Toast

if TYPE_CHECKING:
    from ..domain.dto import OrderDetail

SHORTCUT = "Ctrl+Shift+K"


class CheckIn(QObject):
    def __init__(self, window: QMainWindow, client: ServiceClient,
                 open_order: Callable[[int], None],
                 clock_ms: Callable[[], float] = monotonic_ms,
                 max_gap_ms: float = MAX_GAP_MS) -> None:
        super().__init__(window)
        self._window = window
        self._client = client
        self._open_order = open_order
        self.last: OrderDetail | None = None  # what Undo takes back
        self.detector = ScanDetector(window, clock_ms, max_gap_ms, self)
        self.detector.scanned.connect(self.scanned)
        self.detector.escape.connect(self.end)
        self.toast = Toast(window)  # floats over the window, in no layout

        self.action = QAction(self.tr("Check &in scanned orders"), self)
        self.action.setCheckable(True)
        self.action.setIcon(icon("scan"))
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(self.tr(
            "While on, each scanned box label marks its Shipped order Delivered."))
        self.action.toggled.connect(self._toggled)
        gate(self.action, client, Action.DELIVER)

        self.indicator = QLabel(self.tr("  Check-in mode: scan box labels · Esc ends  "))
        self.indicator.setObjectName("checkInIndicator")
        self.indicator.setAutoFillBackground(True)
        self.indicator.setBackgroundRole(QPalette.ColorRole.Highlight)
        self.indicator.setForegroundRole(QPalette.ColorRole.HighlightedText)
        self.indicator.hide()
        window.statusBar().addPermanentWidget(self.indicator)

    def start(self) -> None:
        """Watch the keyboard for scans (every event of the application passes the filter)."""
        self.detector.install()

    @property
    def active(self) -> bool:
        return self.action.isChecked()

    def stop(self) -> None:
        self.detector.uninstall()

    def end(self) -> None:
        self.action.setChecked(False)

    def _toggled(self, on: bool) -> None:
        self.detector.watch_escape = on
        self.indicator.setVisible(on)
        title = self._window.windowTitle().removesuffix(self._title_suffix())
        self._window.setWindowTitle(title + self._title_suffix() if on else title)
        self.toast.show_text(self.tr("Check-in mode on: scan the box labels of the cases that "
                                     "came back. Esc ends it.") if on
                             else self.tr("Check-in mode ended."))

    def _title_suffix(self) -> str:
        return self.tr(" — check-in mode")

    def scanned(self, text: str) -> None:
        # The order services come with the first scan: none is on the way to the first screen.
        from ..services import checkin

        if self.active:
            self._client.submit(checkin.check_in, text).then(
                self._checked_in, self._refused, busy=self._window)
        else:
            self._client.submit(checkin.order_id_for_scan, text).then(
                self._open_order, self._refused, busy=self._window)

    def _checked_in(self, detail: OrderDetail) -> None:
        self.last = detail
        self.toast.show_text(
            self.tr("{number} ({patient}) checked in: delivered.").format(
                number=detail.number_text, patient=detail.patient.full_name),
            self.tr("Undo"), self.undo)

    def undo(self) -> None:
        last, self.last = self.last, None
        if last is None:
            return
        from ..services import checkin

        self._client.submit(checkin.undo_check_in, last.id, last.version).then(
            lambda detail: self.toast.show_text(self.tr(
                "Check-in undone: {number} is shipped again.").format(
                    number=detail.number_text)),
            self._refused, busy=self._window)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, DomainError):
            raise error
        words = error_words(error)
        self.toast.show_text(self.tr("Not checked in: {reason}").format(reason=words)
                             if self.active else words)

