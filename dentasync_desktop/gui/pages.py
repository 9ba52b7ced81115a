"""What the main window shows: its pages and the commands that act on the current order.

To add a page (the finance dashboard, say), add a ``PageSpec`` to ``PAGES`` where it belongs in
the navigation. A page is a QWidget built from the ``Shell`` (gui.shell); it may offer any of
the hooks there, which the main window calls when present:

- ``refresh()``: View > Refresh (F5)
- ``focus_search()``: Edit > Find (Ctrl+F)
- ``table_view() -> QTableView``: the table View > Columns acts on
- ``selected_order_id() -> int | None`` and a ``current_order_changed(object)`` signal: enable the
  order commands below for the order selected or open on the page
- a ``loaded`` signal (any arguments), emitted when the page shows what it loaded: the main
  window's own background queries (the reminders' first check) wait for the start page's first
  (a start page without one does not hold them up)

A page loads through ``client.submit(...).then(...)`` (gui.worker) and keeps itself current by
connecting ``ChangeRelay.of(client).changed`` (gui.changes) to a slot that re-queries what the
announced changes touch; it does not refresh after its own actions by hand.

To add a command on the selected order (Print, say), add an ``OrderCommand`` to
``ORDER_COMMANDS``; it appears in the File menu, enabled while an order is selected or open and
the role allows its ``action``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtWidgets import QWidget

from ..domain.actions import Action
from .client import ServiceClient
from .shell import Shell
from .translation import translate


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Callable[[], str]
    icon: str  # a name in resources/icons
    # (shell, parent): the page is made inside the window's stack of pages, its parent from
    # the start: put there once made, all its widgets were styled again (the app's style
    # sheet), ~5-10 ms a page.
    build: Callable[[Shell, QWidget], QWidget]
    visible: Callable[[ServiceClient], bool] = lambda _client: True


@dataclass(frozen=True)
class OrderCommand:
    text: Callable[[], str]
    shortcut: str  # a QKeySequence string such as "Ctrl+P"
    action: Action
    run: Callable[[Shell, int], None]  # (shell, order id)


def _today(shell: Shell, parent: QWidget) -> QWidget:
    from .today.page import TodayPage

    page = TodayPage(shell, parent=parent)
    page.open_order_requested.connect(shell.open_order)
    page.open_events_requested.connect(lambda order_id: shell.open_order(order_id, "events"))
    return page


def _orders(shell: Shell, parent: QWidget) -> QWidget:
    from .order_list.page import OrderListPage

    page = OrderListPage(shell, parent)
    page.new_order_requested.connect(shell.new_order)
    return page


def _calendar(shell: Shell, parent: QWidget) -> QWidget:
    from .calendar.page import CalendarPage

    return CalendarPage(shell, parent=parent)


def _finance(shell: Shell, parent: QWidget) -> QWidget:
    from .finance.page import FinancePage

    page = FinancePage(shell.client, parent)
    page.open_order_requested.connect(shell.open_order)
    return page


def _labs(shell: Shell, parent: QWidget) -> QWidget:
    from .masterdata.labs import LabsPage

    return LabsPage(shell, parent)


def _customers(shell: Shell, parent: QWidget) -> QWidget:
    from .masterdata.customers import CustomersPage

    return CustomersPage(shell, parent)


def _patients(shell: Shell, parent: QWidget) -> QWidget:
    from .masterdata.patients import PatientsPage

    return PatientsPage(shell, parent)


def _services(shell: Shell, parent: QWidget) -> QWidget:
    from .masterdata.services import ServicesPage

    return ServicesPage(shell, parent)


def _people(shell: Shell, parent: QWidget) -> QWidget:
    from .masterdata.people import PeoplePage

    return PeoplePage(shell, parent)


def _settings(shell: Shell, parent: QWidget) -> QWidget:
    from .settings_page import SettingsPage

    return SettingsPage(shell, parent)


# Navigation order.
PAGES: list[PageSpec] = [
    PageSpec("today", lambda: translate("pages", "Today"), "today", _today),
    PageSpec("orders", lambda: translate("pages", "Work orders"), "orders", _orders),
    PageSpec("calendar", lambda: translate("pages", "Calendar"), "calendar", _calendar),
    PageSpec("finance", lambda: translate("pages", "Finance"), "finance", _finance,
             visible=lambda client: client.allows(Action.VIEW_FINANCE)),
    PageSpec("labs", lambda: translate("pages", "Dental labs"), "lab", _labs),
    PageSpec("customers", lambda: translate("pages", "Customers"), "customer", _customers),
    PageSpec("patients", lambda: translate("pages", "Patients"), "patient", _patients),
    PageSpec("services", lambda: translate("pages", "Services & prices"), "services", _services),
    PageSpec("people", lambda: translate("pages", "Staff & users"), "staff", _people),
    PageSpec("settings", lambda: translate("pages", "Settings"), "settings", _settings),
]


def _print(shell: Shell, order_id: int, document: str) -> None:
    """Open the print preview of ``document`` over the main window, which is the shell."""
    from . import printing

    open_preview = {"form": printing.open_print_preview, "label": printing.open_label_print,
                    "instructions": printing.open_payment_instructions}[document]
    open_preview(shell.client, shell if isinstance(shell, QWidget) else None, order_id)


# The first command for an action is the one run_order_command(action, ...) runs.
ORDER_COMMANDS: list[OrderCommand] = [
    OrderCommand(lambda: translate("pages", "&Print order form…"), "Ctrl+P", Action.PRINT,
                 partial(_print, document="form")),
    OrderCommand(lambda: translate("pages", "Print box &label…"), "Ctrl+Shift+P", Action.PRINT,
                 partial(_print, document="label")),
    OrderCommand(lambda: translate("pages", "Print payment &instructions…"), "Ctrl+Shift+I",
                 Action.PAYMENT_INSTRUCTIONS, partial(_print, document="instructions")),
]
