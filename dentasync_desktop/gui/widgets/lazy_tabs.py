"""A tab widget that builds each page the first time it is shown or asked for.

Most visits to a screen with many tabs look at one or two of them; building them all up
front costs the time of every one before the first can be seen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class _Slot(QWidget):
    """Holds a page's place among the tabs until the page is built into it."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self.page: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def built(self) -> QWidget:
        if self.page is None:
            page = self._build()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(page)
            # Shown at once when the slot is: a child added to a visible widget would only
            # show itself from the event loop, after the caller looked at it.
            page.show()
            self._take_tab_order(page)
            self.page = page
        return self.page

    def _take_tab_order(self, page: QWidget) -> None:
        """Put the page's widgets where the slot is in the Tab key's order: Qt puts a widget
        new to a window last, after what was built after the slot (a side panel, say)."""
        window = self.window()
        before = self.previousInFocusChain()
        while before not in (None, window) and not before.focusPolicy() & Qt.FocusPolicy.TabFocus:
            before = before.previousInFocusChain()
        if before is None or before is window:
            return
        # By findChildren, not by walking nextInFocusChain: with that walk PySide later took
        # the order list's filter-bar layout items for deleted (test_order_list's deleted
        # order). Children come in the order they were made, the chain's own order here.
        for widget in page.findChildren(QWidget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                QWidget.setTabOrder(before, widget)
                before = widget


class LazyTabs(QTabWidget):
    """Pages added with ``add_lazy`` are built when they are first shown, or when code asks
    for them (``widget``, ``currentWidget``). ``currentWidget``, ``widget``, ``indexOf`` and
    ``setCurrentWidget`` speak of the pages, as in a QTabWidget that was handed them built."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._build_current)

    def add_lazy(self, build: Callable[[], QWidget], title: str = "") -> int:
        return self.addTab(_Slot(build), title)

    def is_built(self, index: int) -> bool:
        slot = super().widget(index)
        return not isinstance(slot, _Slot) or slot.page is not None

    def widget(self, index: int) -> QWidget | None:
        slot = super().widget(index)
        return slot.built() if isinstance(slot, _Slot) else slot

    def currentWidget(self) -> QWidget:
        slot = super().currentWidget()
        return slot.built() if isinstance(slot, _Slot) else slot

    def indexOf(self, page: QWidget) -> int:
        for index in range(self.count()):
            slot = super().widget(index)
            if slot is page or (isinstance(slot, _Slot) and slot.page is page):
                return index
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.currentWidget()

    def _build_current(self, index: int) -> None:
        # Not before it is seen: a view opened on its third tab never builds the first.
        if index >= 0 and self.isVisible():
            self.widget(index)
