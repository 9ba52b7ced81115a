"""The Activity tab: the order's timeline from the append-only activity log."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.dto import ActivityInfo, OrderDetail
from ...services import activity_log
from .context import OrderContext, OrderTab
from .models import ActivityFeedModel, ActivityModel
from .widgets import RecordTable


class ActivityTab(OrderTab):
    """Read only when shown: the log can be long and most visits never open this tab.

    ``compact``: one narrow column, for the side panel next to the other tabs.
    """

    def __init__(self, context: OrderContext, parent: QWidget | None = None, *,
                 compact: bool = False) -> None:
        super().__init__(context, parent)
        self._stale = True
        self.model = ActivityFeedModel(self) if compact else ActivityModel(self)
        self.table = RecordTable(self.model, stretch_column=0 if compact else 3)
        self.count = QLabel()
        self.count.setObjectName("hintLabel")
        layout = QVBoxLayout(self)
        if compact:
            layout.setContentsMargins(0, 0, 0, 0)
            self.table.horizontalHeader().hide()  # the panel titles the section
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        context.changed.connect(self.show_detail)

    def show_detail(self, order: OrderDetail) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown before the order is in (the side panel opens with the view), the first
        # show_detail reads it.
        if self._stale and self._context.loaded:
            self.refresh()

    def refresh(self) -> None:
        self._context.submit(activity_log.order_activity, self._context.order_id,
                             then=self._show_entries)

    def _show_entries(self, entries: list[ActivityInfo]) -> None:
        self._stale = False
        self.model.number_prefix = f"{self._context.detail.number_text}: "
        self.table.show_rows(entries)
        self.count.setText(self.tr("1 entry") if len(entries) == 1 else self.tr(
            "{count} entries, newest first").format(count=len(entries)))
