"""The tabs of the Work orders page: the list first, then one closable tab per opened order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ...domain.actions import Action
from ...domain.errors import DomainError
from ..errors import show_refusal
from ..translation import translate

if TYPE_CHECKING:
    from ..order_detail.view import OrderDetailView
    from ..shell import Shell



class OrderTabs(QTabWidget):
    """Opening an order that is open already brings its tab to the front."""

    order_shown = Signal()  # the current tab changed, or an order opened or closed

    def __init__(self, shell: Shell, list_tab: QWidget, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self.details: dict[int, OrderDetailView] = {}
        self.setObjectName("orderTabs")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.addTab(list_tab, title)
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.RightSide, None)
        self.tabCloseRequested.connect(self.close_tab)
        self.currentChanged.connect(lambda _i: self.order_shown.emit())

    def current_order_id(self) -> int | None:
        """The order of the current tab; None on the list tab."""
        current = self.currentWidget()
        for order_id, view in self.details.items():
            if view is current:
                return order_id
        return None

    def open_order(self, order_id: int, tab: str | None = None) -> None:
        """Show the order in its own tab, on its ``tab`` ("events", say) if given."""
        existing = self.details.get(order_id)
        if existing is not None:
            self.setCurrentWidget(existing)
            existing.setFocus()  # its shortcuts (Ctrl+Enter, Ctrl+E) act on it at once
            if tab is not None:
                existing.show_tab(tab)
            return
        # The order's view (its tabs, their models and services) and the editor are imported
        # when the first order opens: the list paints without them.
        from ..order_detail.view import OrderDetailView

        view = OrderDetailView(self._shell.client, order_id, self)
        view.loaded.connect(lambda detail, v=view: self._name_tab(v, detail.number_text))
        view.load_failed.connect(lambda error, v=view: self._not_opened(v, error))
        view.edit_requested.connect(lambda _id, v=view: self.edit_order(v))
        view.open_order_requested.connect(self.open_order)
        view.deleted.connect(lambda _id, v=view: self.close_tab(self.indexOf(v)))
        view.print_requested.connect(
            lambda order: self._shell.run_order_command(Action.PRINT, order))
        view.print_instructions_requested.connect(
            lambda order: self._shell.run_order_command(Action.PAYMENT_INSTRUCTIONS, order))
        self.details[order_id] = view
        index = self.addTab(view, translate("OrderListPage", "Loading…"))
        self.setCurrentIndex(index)
        view.setFocus()
        if tab is not None:
            view.show_tab(tab)

    def close_tab(self, index: int) -> None:
        view = self.widget(index)
        if index <= 0 or view is None:
            return
        for order_id, open_view in list(self.details.items()):
            if open_view is view:
                del self.details[order_id]
        self.removeTab(index)
        view.deleteLater()
        self.order_shown.emit()

    def edit_order(self, view: OrderDetailView) -> None:
        """The editor saves through the services; the change bus refreshes the order's views."""
        from ..order_editor import OrderEditorDialog

        dialog = OrderEditorDialog(self._shell.client, view.detail, self)
        dialog.exec()
        dialog.deleteLater()

    def _name_tab(self, view: OrderDetailView, text: str) -> None:
        index = self.indexOf(view)
        if index > 0:
            self.setTabText(index, text)

    def _not_opened(self, view: OrderDetailView, error: DomainError) -> None:
        self.close_tab(self.indexOf(view))
        show_refusal(self, error)
