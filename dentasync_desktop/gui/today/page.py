"""The Today board: what must happen today, in sections with counts; each line opens its order.

It reads services.today.today_board off the GUI thread and reads it again (coalesced) when the
change bus reports something a section shows, when the reminders' due list changes, and just
after midnight.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dto import TodayBoard, TodaySection
from ...services import today
from ...services.changes import Change, ChangeKind
from ..changes import ChangeRelay
from ..coalesce import Coalesced
from ..formatting import money, qdate
from ..forms import child
from ..masterdata.page import page_heading
from ..widgets.screen_fit import scrolling
from ..worker import Job
from .model import EXTRA, PATIENT, WHAT, WHEN, TodayLinesModel

if TYPE_CHECKING:
    from ..shell import Shell

TWO_COLUMNS_FROM = 1500  # page width in pixels
LAB_WIDTH = 200
VISIBLE_LINES = 8  # a longer section scrolls inside its card
RELEVANT = frozenset({ChangeKind.ORDER, ChangeKind.EVENT, ChangeKind.PAYMENT,
                      ChangeKind.REMINDER, ChangeKind.SETTINGS, ChangeKind.PATIENT,
                      ChangeKind.LAB})


class TodayPage(QWidget):
    open_order_requested = Signal(int)
    open_events_requested = Signal(int)  # an appointment line: the order on its Events tab
    loaded = Signal(object)  # the TodayBoard shown

    def __init__(self, shell: Shell, clock: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self._client = shell.client
        reminder_centre = getattr(shell, "reminders", None)
        self._clock = clock or (reminder_centre.scheduler.clock if reminder_centre
                                else lambda: datetime.now(UTC))
        self.board: TodayBoard | None = None
        self.cards: dict[str, SectionCard] = {}

        titles = {
            "appointments_today": (self.tr("Try-ins and deliveries today"),
                                   self.tr("No try-ins or deliveries today.")),
            "appointments_tomorrow": (self.tr("Try-ins and deliveries tomorrow"),
                                      self.tr("No try-ins or deliveries tomorrow.")),
            "due_today": (self.tr("Orders due today"), self.tr("No order is due today.")),
            "overdue": (self.tr("Overdue orders"), self.tr("No order is overdue.")),
            "back_from_lab": (self.tr("Coming back from the lab"),
                              self.tr("No case is on its way back.")),
            "installments": (self.tr("Installments due or overdue"),
                             self.tr("No installment is due.")),
            "reminders": (self.tr("Reminders"), self.tr("No reminders due.")),
        }
        # Built from the outside in, each widget made in its place: a widget put into another
        # is styled again with everything in it (the app's style sheet), and this page was
        # styled four times over before it showed, half the CPU of making it.
        content = QWidget()
        content.setObjectName("todayContent")
        scroll = scrolling(content)
        scroll.setObjectName("todayScroll")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        self._heading = page_heading(self.tr("Today"), "")
        column.addLayout(self._heading)
        # The heading's intro line, by name: not through the heading's itemAt, whose item
        # wrapper PySide keeps registered after Qt deletes the item (see field_errors._holders).
        self.date_label = child(content, QLabel, "pageIntro")
        self._grid = grid = QGridLayout()
        grid.setSpacing(12)
        column.addLayout(grid)
        column.addStretch(1)
        for key, _english in today.SECTIONS:
            title, empty = titles[key]
            extra = self.tr("Amount") if key in ("installments", "reminders") else self.tr("Lab")
            card = SectionCard(key, title, empty, extra, content)
            card.activated.connect(self.open_events_requested if key.startswith("appointments")
                                   else self.open_order_requested)
            self.cards[key] = card
        self._columns = 0
        self._lay_out(1)

        self._reload = Coalesced(self._load, self)
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self.refresh)
        ChangeRelay.of(self._client).changed.connect(self._on_changes)
        if reminder_centre is not None:
            reminder_centre.scheduler.due_changed.connect(
                lambda _due: self._reload.request())
        self.refresh()

    def _lay_out(self, columns: int) -> None:
        """Two columns of sections on a wide screen, one (with room for the text) otherwise."""
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards.values():
            self._grid.removeWidget(card)
        for position, card in enumerate(self.cards.values()):
            self._grid.addWidget(card, position // columns, position % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._lay_out(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)
        super().resizeEvent(event)

    def refresh(self) -> None:
        self._reload.request()

    def _load(self) -> Job[TodayBoard]:
        return self._client.submit(today.today_board).then(self._show, busy=self)

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        if any(c.kind in RELEVANT for c in changes):
            self._reload.request()

    def _show(self, board: TodayBoard) -> None:
        self.board = board
        locale = QLocale()
        self.date_label.setText(self.tr("{date}: what must happen today").format(
            date=locale.toString(qdate(board.today), QLocale.FormatType.LongFormat)))
        for key, card in self.cards.items():
            shown = any(s.key == key for s in board.sections)
            card.setVisible(shown)
            if shown:
                card.show_section(board.section(key))
        self._arm_midnight()
        self.loaded.emit(board)

    def _arm_midnight(self) -> None:
        now = self._clock().astimezone()
        tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=5, microsecond=0)
        self._midnight.start(max(1000, int((tomorrow - now).total_seconds() * 1000)))

    def focus_search(self) -> None:
        """Ctrl+F: the first section with lines takes the keyboard."""
        for card in self.cards.values():
            if card.isVisible() and card.model.rowCount():
                card.table.setFocus()
                return


class SectionCard(QFrame):
    activated = Signal(int)  # the order id of the line opened

    def __init__(self, key: str, title: str, empty: str, extra_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"todayCard_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._title = title
        layout = QVBoxLayout(self)  # each part made in its place (see TodayPage)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(4)
        self.heading = QLabel(title, self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.totals = QLabel(self)
        self.totals.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.totals.hide()
        self.stack = QStackedWidget(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.totals)
        layout.addWidget(self.stack)
        self.model = TodayLinesModel(extra_title, self)
        self.table = LinesTable(self.stack)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        # Sized to the lines in sight, not all 200 of a section on every layout (start-up).
        header.setResizeContentsPrecision(VISIBLE_LINES)
        self._header_fitted = False  # see showEvent
        header.setHighlightSections(False)
        self.table.open_requested.connect(self._activated)
        self.empty = QLabel(empty, self.stack)
        self.empty.setObjectName("hintLabel")
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addStretch(1)  # next to a taller card the heading stays at the top

    def showEvent(self, event: QShowEvent) -> None:
        """The columns fit their contents from the first paint on, not before: a header so
        sized measures every title again (~25 calls of Python's headerData) on each layout
        and polish while the page is put together and into the window (2,100 calls a page
        before it showed, 1,650 so)."""
        if not self._header_fitted:
            self._header_fitted = True
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(EXTRA, QHeaderView.ResizeMode.Interactive)
        super().showEvent(event)

    def show_section(self, section: TodaySection) -> None:
        self.heading.setText(self.tr("{title} ({count})").format(
            title=self._title, count=section.count))
        self.model.set_lines(section.lines)
        notes = []
        if section.totals:
            notes.append(self.tr("Total: {amounts}").format(
                amounts=" · ".join(money(total) for total in section.totals)))
        if section.count > len(section.lines):
            notes.append(self.tr("showing the first {shown} of {count}").format(
                shown=len(section.lines), count=section.count))
        self.totals.setText(" — ".join(notes))
        self.totals.setVisible(bool(notes))
        self.stack.setCurrentWidget(self.table if section.lines else self.empty)
        self._fit()

    def _fit(self) -> None:
        rows = self.model.rowCount()
        if not rows:
            self.stack.setFixedHeight(self.empty.sizeHint().height() + 4)
            return
        for column in (PATIENT, EXTRA):  # reminders name the patient in their text
            self.table.setColumnHidden(column, not any(
                self.model.index(row, column).data() for row in range(rows)))
        self.table.resizeColumnToContents(WHEN)
        self.table.resizeColumnToContents(EXTRA)
        self.table.setColumnWidth(EXTRA, min(LAB_WIDTH, self.table.columnWidth(EXTRA)))
        row_height = self.table.verticalHeader().defaultSectionSize()
        visible = min(rows, VISIBLE_LINES)
        height = (self.table.horizontalHeader().sizeHint().height() + visible * row_height
                  + 2 * self.table.frameWidth() + 2)
        self.stack.setFixedHeight(height)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.line(index.row()).order_id)


class LinesTable(QTableView):
    """Double-click or Enter opens the line (``activated`` would be a single click on some
    desktops, and both on others)."""

    open_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doubleClicked.connect(self.open_requested)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.currentIndex().isValid()):
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
