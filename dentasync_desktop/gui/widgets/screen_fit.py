"""Dialogs no larger than the screen they open on: a 1366×768 laptop must still see Save."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Room for the window frame and a task bar the available geometry may not count.
_MARGIN = 40


class _ScrollArea(QScrollArea):
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Sized while hidden (a dialog fitted to the screen before exec), Qt keeps the scroll
        # bars of the size before: a bar over content that fits, and content under the bar.
        QTimer.singleShot(0, self, lambda: self.setWidgetResizable(self.widgetResizable()))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area, so the dialog around it can be shorter."""
    area = _ScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` × ``height``, or less where the screen is smaller."""
    room = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    window.resize(min(width, room.width() - _MARGIN), min(height, room.height() - _MARGIN))
