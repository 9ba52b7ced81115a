"""What the main window offers its pages (``Shell``) and the hooks a page may offer back.

Kept apart from gui.pages, which builds the pages: a page imports this module, never the
registry that imports it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QTableView

from ..domain.actions import Action
from .client import ServiceClient


class Shell(Protocol):
    """What the main window offers its pages."""

    client: ServiceClient

    def open_order(self, order_id: int, tab: str | None = None) -> None:
        """Show the order; ``tab`` names one of its tabs to show ("events", say)."""
        ...

    def new_order(self) -> None: ...

    def show_message(self, text: str) -> None: ...

    def run_order_command(self, action: Action, order_id: int) -> None:
        """Run the registered ``OrderCommand`` for ``action`` (Print, say) on the order."""
        ...

    def close_database(self) -> None:
        """Release the database file (before a restore replaces it)."""
        ...

    def restart(self) -> None:
        """Close the window and start the app again (a setting read at start changed)."""
        ...


@runtime_checkable
class Refreshable(Protocol):
    """View > Refresh (F5) reloads the page."""

    def refresh(self) -> object: ...


@runtime_checkable
class Searchable(Protocol):
    """Edit > Find (Ctrl+F) puts the cursor in the page's search box."""

    def focus_search(self) -> None: ...


@runtime_checkable
class HasTable(Protocol):
    """View > Columns acts on the page's main table."""

    def table_view(self) -> QTableView: ...


@runtime_checkable
class OpensOrders(Protocol):
    """The page that shows an order (the work orders page)."""

    def open_order(self, order_id: int, tab: str | None = None) -> None: ...


@runtime_checkable
class HasHelpTopic(Protocol):
    """F1 opens the user guide at this topic (a key of gui.help.topics) instead of the page's."""

    def help_topic(self) -> str: ...
