"""The order's side panel: its activity log and comments next to whichever tab is open.

The front desk follows a case by what happened last and what colleagues noted, while it works
on the items, payments or events; the panel keeps both in sight without a change of tab. It
folds away with its toggle, and whether it is open and how wide stay in the user's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from .activity_tab import ActivityTab
from .comments_tab import CommentsTab
from .context import OrderContext

OPEN_KEY = "orderDetail/sidePanelOpen"
SPLIT_KEY = "orderDetail/sidePanelSplit"
SECTIONS_KEY = "orderDetail/sidePanelSections"
DEFAULT_WIDTH = 320


def _title(text: str) -> QLabel:
    title = QLabel(text)
    title.setObjectName("hintLabel")
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    return title


class OrderSidePanel(QWidget):
    def __init__(self, context: OrderContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderSidePanel")
        self.activity = ActivityTab(context, compact=True)
        self.comments = CommentsTab(context, compact=True)
        activity_box = QWidget()
        activity_layout = QVBoxLayout(activity_box)
        activity_layout.setContentsMargins(0, 0, 0, 0)
        activity_layout.addWidget(_title(self.tr("Activity")))
        activity_layout.addWidget(self.activity, 1)
        comments_box = QWidget()
        comments_layout = QVBoxLayout(comments_box)
        comments_layout.setContentsMargins(0, 0, 0, 0)
        comments_layout.addWidget(_title(self.tr("Comments")))
        comments_layout.addWidget(self.comments, 1)
        self.sections = QSplitter(Qt.Orientation.Vertical)
        self.sections.setChildrenCollapsible(False)
        self.sections.addWidget(activity_box)
        self.sections.addWidget(comments_box)
        self.sections.setStretchFactor(0, 3)
        self.sections.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.sections)
        self.setMinimumWidth(220)


class SidePanelSplitter(QSplitter):
    """The tabs on the left, the side panel on the right, and the toggle that folds it."""

    def __init__(self, tabs: QWidget, panel: OrderSidePanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.panel = panel
        self.addWidget(tabs)
        self.addWidget(panel)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.setChildrenCollapsible(False)
        self.toggle = QToolButton()
        self.toggle.setObjectName("sidePanelToggle")
        self.toggle.setCheckable(True)
        self.toggle.setText(self.tr("Activity && comments"))
        self.toggle.setToolTip(self.tr("Show or hide the activity log and comments beside "
                                       "the tabs (F6)"))
        self.toggle.setShortcut("F6")
        self.splitterMoved.connect(lambda *_: self._remember())
        self.panel.sections.splitterMoved.connect(lambda *_: self._remember())
        settings = QSettings()
        for splitter, key in ((self, SPLIT_KEY), (self.panel.sections, SECTIONS_KEY)):
            state = settings.value(key)
            if isinstance(state, QByteArray | bytes) and state:
                splitter.restoreState(QByteArray(state))
        is_open = bool(settings.value(OPEN_KEY, True, type=bool))
        self.toggle.setChecked(is_open)
        self._show_panel(is_open)
        # Only the user's toggles are written, not what was just read: each write rewrites
        # the whole settings file (~1.4 ms, against ~0.02 ms for a read).
        self.toggle.toggled.connect(self._toggled)

    @property
    def panel_open(self) -> bool:
        return self.toggle.isChecked()

    def _show_panel(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.RightArrow if shown else Qt.ArrowType.LeftArrow)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.panel.setVisible(shown)
        if shown and self.sizes()[1] <= 0:
            self.setSizes([max(self.width() - DEFAULT_WIDTH, 1), DEFAULT_WIDTH])

    def _toggled(self, shown: bool) -> None:
        self._show_panel(shown)
        QSettings().setValue(OPEN_KEY, shown)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.panel_open and not QSettings().contains(SPLIT_KEY):
            self.setSizes([max(self.width() - DEFAULT_WIDTH, 1), DEFAULT_WIDTH])

    def _remember(self) -> None:
        settings = QSettings()
        settings.setValue(SPLIT_KEY, self.saveState())
        settings.setValue(SECTIONS_KEY, self.panel.sections.saveState())
