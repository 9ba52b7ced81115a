"""The Calendar page: navigation, filters, the four views, moving, adding and printing events.

It loads only the days shown (``calendar.calendar_events`` for [first, last + 1) in local
time, plus ``order_due_dates`` while the due-date toggle is on) through the worker, and
reloads that range when the change bus reports an event, or an order it shows, changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.actions import Action
from ...domain.dto import (
    CalendarDueDate,
    CalendarEvent,
    CalendarFilter,
    CustomerInfo,
    EventSaved,
    PrintResult,
)
from ...domain.enums import EventKind
from ...domain.errors import DomainError
from ...services import calendar, events, masterdata
from ...services.changes import Change, ChangeKind
from ..access import gate
from ..changes import ChangeRelay
from ..errors import show_refusal
from ..formatting import label, label_in_sentence, pydate, qdate
from ..order_detail.editors import EventDialog
from ..theme import icon
from ..widgets.dates import date_edit
from ..widgets.lookup import LookupCombo
from ..widgets.record_table import record_table
from ..worker import Job
from . import look
from .agenda import ITEM_ROLE, AgendaModel
from .canvas import CalendarCanvas
from .grids import MonthGrid, TimeView
from .picker import OrderPickerDialog
from .spans import Span, ViewMode, span_of, step

if TYPE_CHECKING:
    from ..printing.preview import PreviewDialog
    from ..shell import Shell

SETTINGS_GROUP = "calendar"
SEARCH_DELAY_MS = 250
RELOAD_DELAY_MS = 0  # one reload for the batches delivered together
LOOKUP_LIMIT = 200
RELOAD_KINDS = frozenset({ChangeKind.EVENT})
SHOWN_KINDS = frozenset({ChangeKind.ORDER, ChangeKind.PATIENT, ChangeKind.LAB,
                         ChangeKind.CUSTOMER, ChangeKind.USER})


def _local_now() -> datetime:
    return datetime.now().astimezone()


class CalendarPage(QWidget):
    current_order_changed = Signal(object)  # the selected event's order id, or None

    def __init__(self, shell: Shell, clock: Callable[[], datetime] = _local_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPage")
        self._shell = shell
        self.client = shell.client
        self._clock = clock
        self.events: list[CalendarEvent] = []
        self.dues: list[CalendarDueDate] = []
        self._generation = 0
        self._shown_today: date | None = None
        self._restoring = True
        self._build()
        self._wire()
        self._restore()
        self._restoring = False
        self.reload()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.setToolTip(self.tr("Go to today (Alt+Home)"))
        self.prev_button = QToolButton()
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setToolTip(self.tr("Previous (Alt+Left)"))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next (Alt+Right)"))
        self.title_label = QLabel()
        self.title_label.setObjectName("calendarTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.date_edit = date_edit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setToolTip(self.tr("Go to a date"))
        self.view_buttons = QButtonGroup(self)
        self.view_buttons.setExclusive(True)
        views = QHBoxLayout()
        views.setSpacing(0)
        texts = {ViewMode.DAY: self.tr("&Day"), ViewMode.WEEK: self.tr("&Week"),
                 ViewMode.MONTH: self.tr("&Month"), ViewMode.AGENDA: self.tr("&Agenda")}
        self._mode_buttons: dict[ViewMode, QPushButton] = {}
        for mode, text in texts.items():
            button = QPushButton(text)
            button.setCheckable(True)
            button.setObjectName("quickFilter")
            button.setProperty("mode", mode.value)
            self.view_buttons.addButton(button)
            self._mode_buttons[mode] = button
            views.addWidget(button)
        self.new_button = QPushButton(self.tr("New event…"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(self.tr(
            "Schedule an appointment for an order (or double-click an empty slot)"))
        self.print_button = QPushButton(self.tr("Print agenda…"))
        self.print_button.setToolTip(self.tr("The agenda of the day, week or month shown, "
                                             "with the filters in force, as a PDF"))
        top = QHBoxLayout()
        top.addWidget(self.today_button)
        top.addWidget(self.prev_button)
        top.addWidget(self.next_button)
        top.addSpacing(8)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.date_edit)
        top.addSpacing(8)
        top.addLayout(views)
        top.addSpacing(8)
        top.addWidget(self.print_button)
        top.addWidget(self.new_button)

        self.search = QLineEdit()
        self.search.setObjectName("calendarSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setPlaceholderText(self.tr("Search order number, patient, lab, note"))
        self.kind_button = QToolButton()
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kind_menu = QMenu(self.kind_button)
        self._kind_actions: dict[EventKind, QAction] = {}
        for kind in EventKind:
            action = self.kind_menu.addAction(look.swatch(look.KIND_COLOURS[kind]), label(kind))
            action.setCheckable(True)
            self._kind_actions[kind] = action
        self.kind_button.setMenu(self.kind_menu)
        self.kind_button.setText(self.tr("All types"))
        self.kind_button.setMinimumWidth(110)
        self.kind_button.setToolTip(self.tr("Show only some types of appointment"))
        self.lab_filter = LookupCombo(
            lambda text: self.client.submit(masterdata.list_labs, text, True),
            lambda lab: lab.name, none_text=self.tr("All labs"))
        self.customer_filter = LookupCombo(
            lambda text: self.client.submit(masterdata.list_customers, text, True, LOOKUP_LIMIT),
            _customer_text, none_text=self.tr("All customers"))
        self.mine_check = QCheckBox(self.tr("Only mine"))
        self.mine_check.setToolTip(self.tr("Only events I scheduled"))
        self.due_check = QCheckBox(self.tr("Due dates"))
        self.due_check.setToolTip(self.tr("Show orders' due dates as all-day items"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind_button)
        filters.addWidget(self.lab_filter, 2)
        filters.addWidget(self.customer_filter, 2)
        filters.addWidget(self.mine_check)
        filters.addWidget(self.due_check)

        self.time_view = TimeView()
        self.month_view = MonthGrid()
        self.time_view.columns.setAccessibleName(self.tr("Appointments by hour"))
        self.time_view.header.setAccessibleName(self.tr("Days and due dates"))
        self.month_view.setAccessibleName(self.tr("Appointments of the month"))
        self.agenda_model = AgendaModel(self)
        self.agenda_view = record_table(self.agenda_model, "calendarAgenda")
        self.agenda_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda_view.horizontalHeader().setStretchLastSection(True)
        self.stack = QStackedWidget()
        for widget in (self.time_view, self.month_view, self.agenda_view):
            self.stack.addWidget(widget)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        legend = QHBoxLayout()
        legend.addWidget(self.count_label, 1)
        for kind in EventKind:
            swatch = QLabel()
            swatch.setPixmap(look.swatch(look.KIND_COLOURS[kind]).pixmap(12, 12))
            legend.addWidget(swatch)
            legend.addWidget(QLabel(label(kind)))
            legend.addSpacing(6)
        badge = QLabel("⚠")
        badge.setStyleSheet(f"color: {look.WARNING_COLOUR};")
        legend.addWidget(badge)
        legend.addWidget(QLabel(self.tr("Case not back from the lab")))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(legend)

    @property
    def canvases(self) -> tuple[CalendarCanvas, ...]:
        return (*self.time_view.canvases, self.month_view)

    def _wire(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._tick = QTimer(self)  # the "now" line and the day change
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self._tick_now)
        self._tick.start()
        self.today_button.clicked.connect(self.go_today)
        self.prev_button.clicked.connect(lambda: self.go(step(self.mode, self.anchor, -1)))
        self.next_button.clicked.connect(lambda: self.go(step(self.mode, self.anchor, +1)))
        for keys, slot in (("Alt+Left", self.prev_button.click),
                           ("Alt+Right", self.next_button.click),
                           ("Alt+Home", self.go_today)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.date_edit.dateChanged.connect(self._date_picked)
        self.view_buttons.buttonToggled.connect(self._mode_toggled)
        self.kind_menu.triggered.connect(lambda _action: self._kinds_changed())
        self.lab_filter.value_changed.connect(self._filters_changed)
        self.customer_filter.value_changed.connect(self._filters_changed)
        self.mine_check.toggled.connect(self._filters_changed)
        self.due_check.toggled.connect(self._filters_changed)
        self.new_button.clicked.connect(lambda: self.new_event())
        gate(self.new_button, self.client, Action.EVENTS)
        self.print_button.clicked.connect(self.print_agenda)
        for canvas in self.canvases:
            canvas.open_requested.connect(self.open_event)
            canvas.due_requested.connect(lambda due: self._shell.open_order(due.order_id))
            canvas.create_requested.connect(self.new_event)
            canvas.move_requested.connect(self.move_event)
            canvas.day_requested.connect(self.show_day)
            canvas.menu_requested.connect(self._menu)
            canvas.selection_changed.connect(
                lambda _e: self.current_order_changed.emit(self.selected_order_id()))
        self.agenda_view.doubleClicked.connect(lambda _index: self._open_agenda_row())
        self.agenda_view.installEventFilter(self)
        self.agenda_view.selectionModel().currentRowChanged.connect(
            lambda *_: self.current_order_changed.emit(self.selected_order_id()))
        ChangeRelay.of(self.client).changed.connect(self._on_changes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.agenda_view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._open_agenda_row()
            return True
        return super().eventFilter(watched, event)

    # --- state -----------------------------------------------------------------------------

    @property
    def mode(self) -> ViewMode:
        return next(m for m, b in self._mode_buttons.items() if b.isChecked())

    @property
    def anchor(self) -> date:
        return pydate(self.date_edit.date()) or self.today()

    def today(self) -> date:
        return self._clock().date()

    def span(self) -> Span:
        return span_of(self.mode, self.anchor, QLocale().firstDayOfWeek().value)

    def current_filter(self) -> CalendarFilter:
        return CalendarFilter(
            kinds=tuple(k for k, a in self._kind_actions.items() if a.isChecked()),
            lab_id=self.lab_filter.value(), customer_id=self.customer_filter.value(),
            only_mine=self.mine_check.isChecked(), text=self.search.text().strip())

    def _restore(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        try:
            mode = ViewMode(str(settings.value("view", ViewMode.WEEK.value)))
        except ValueError:
            mode = ViewMode.WEEK
        saved = QDate.fromString(str(settings.value("date", "")), Qt.DateFormat.ISODate)
        self.due_check.setChecked(str(settings.value("dueDates", "false")) == "true")
        settings.endGroup()
        self._mode_buttons[mode].setChecked(True)
        self.date_edit.setDate(saved if saved.isValid() else qdate(self.today()))
        self.stack.setCurrentIndex(_STACK_INDEX[mode])

    def _save(self) -> None:
        if self._restoring:
            return
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("view", self.mode.value)
        settings.setValue("date", self.date_edit.date().toString(Qt.DateFormat.ISODate))
        settings.setValue("dueDates", "true" if self.due_check.isChecked() else "false")
        settings.endGroup()

    # --- navigation ------------------------------------------------------------------------

    def _mode_toggled(self, button: QPushButton, checked: bool) -> None:
        if checked:
            self.set_mode(ViewMode(button.property("mode")))

    def set_mode(self, mode: ViewMode) -> None:
        if not self._mode_buttons[mode].isChecked():
            self._mode_buttons[mode].setChecked(True)  # comes back here through the group
            return
        self.stack.setCurrentIndex(_STACK_INDEX[mode])
        self._save()
        if not self._restoring:
            self._show()  # what is loaded already, until the new range arrives
            self.reload()

    def go(self, day: date) -> None:
        self.date_edit.setDate(qdate(day))  # reloads through _date_picked

    def go_today(self) -> None:
        self.go(self.today())

    def show_day(self, day: date) -> None:
        self.go(day)
        self.set_mode(ViewMode.DAY)

    def _date_picked(self, _value: QDate) -> None:
        self._save()
        if not self._restoring:
            self.reload()

    def _kinds_changed(self) -> None:
        chosen = [label(k) for k, a in self._kind_actions.items() if a.isChecked()]
        self.kind_button.setText(self.tr("All types") if not chosen else ", ".join(chosen)
                                 if len(chosen) <= 2 else self.tr("%n type(s)", "", len(chosen)))
        self._filters_changed()

    def _filters_changed(self) -> None:
        if self._restoring:
            return
        self._save()
        self.reload()

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self) -> None:
        """Query the days shown; answers to an earlier reload are dropped."""
        self._search_timer.stop()
        self._reload_timer.stop()
        self._generation += 1
        generation = self._generation
        span, flt = self.span(), self.current_filter()
        self._show_title(span)
        self.client.submit(
            calendar.calendar_events, calendar.local_midnight(span.first),
            calendar.local_midnight(span.last + timedelta(days=1)), flt,
        ).then(lambda rows: self._events_loaded(generation, rows), busy=self)
        if self.due_check.isChecked():
            self.client.submit(calendar.order_due_dates, span.first, span.last, flt).then(
                lambda rows: self._dues_loaded(generation, rows), busy=self)
        else:
            self.dues = []

    def _events_loaded(self, generation: int, rows: list[CalendarEvent]) -> None:
        if generation == self._generation:
            self.events = rows
            self._show()

    def _dues_loaded(self, generation: int, rows: list[CalendarDueDate]) -> None:
        if generation == self._generation:
            self.dues = rows
            self._show()

    def _show(self) -> None:
        span, today, mode = self.span(), self.today(), self.mode
        self._shown_today = today
        if mode in (ViewMode.DAY, ViewMode.WEEK):
            self.time_view.set_data(span, self.events, self.dues, today, self._clock())
        elif mode is ViewMode.MONTH:
            self.month_view.set_data(span, self.events, self.dues, today)
        else:
            self.agenda_model.set_rows(self.events, self.dues, today)
            self.agenda_view.resizeColumnsToContents()
        count = len(self.events)
        text = self.tr("%n event(s)", "", count)
        if self.dues:
            text += " · " + self.tr("%n order(s) due", "", len(self.dues))
        warned = sum(1 for e in self.events if e.warning is not None)
        if warned:
            text += " · " + self.tr("%n case(s) not back from the lab", "", warned)
        self.count_label.setText(text)

    def _tick_now(self) -> None:
        """Once a minute: move the "now" line; past midnight, highlight the new today."""
        columns = self.time_view.columns
        if self._shown_today != self.today():
            self._show()
        elif self.mode in (ViewMode.DAY, ViewMode.WEEK):
            columns.now = self._clock()
            columns.update()

    def _show_title(self, span: Span) -> None:
        locale = QLocale()
        if self.mode is ViewMode.DAY:
            text = locale.toString(qdate(span.first), QLocale.FormatType.LongFormat)
        elif self.mode is ViewMode.WEEK:
            text = self.tr("{first} – {last}").format(
                first=locale.toString(qdate(span.first), "d MMM"),
                last=locale.toString(qdate(span.last), "d MMM yyyy"))
        else:
            text = locale.toString(qdate(span.month or span.first), "MMMM yyyy")
        self.title_label.setText(text)

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        """Re-query the range if an event changed (it may have moved into or out of it), or
        an order, patient, lab or customer that is shown; other changes leave it alone."""
        shown = {e.order_id for e in self.events} | {d.order_id for d in self.dues}
        for change in changes:
            if change.kind in RELOAD_KINDS or (
                    change.kind is ChangeKind.ORDER and self.due_check.isChecked()) or (
                    change.kind in SHOWN_KINDS and (change.order_id in shown or
                                                    change.kind is not ChangeKind.ORDER)):
                self._reload_timer.start()
                return

    # --- acting on events ------------------------------------------------------------------

    def selected_event(self) -> CalendarEvent | None:
        if self.mode is ViewMode.AGENDA:
            index = self.agenda_view.currentIndex()
            row = index.data(ITEM_ROLE) if index.isValid() else None
            return row if isinstance(row, CalendarEvent) else None
        canvas = self.month_view if self.mode is ViewMode.MONTH else self.time_view.columns
        return canvas.selected()

    def selected_order_id(self) -> int | None:
        event = self.selected_event()
        return None if event is None else event.order_id

    def open_event(self, event: CalendarEvent) -> None:
        self._shell.open_order(event.order_id, "events")

    def _open_agenda_row(self) -> None:
        row = self.agenda_view.currentIndex().data(ITEM_ROLE)
        if isinstance(row, CalendarEvent):
            self.open_event(row)
        elif isinstance(row, CalendarDueDate):
            self._shell.open_order(row.order_id)

    def move_event(self, event: CalendarEvent, new_start: datetime) -> None:
        """Show the event at its new time at once; a refusal puts it back and says why."""
        self._replace(event.id, replace(event, starts_at=new_start.astimezone(UTC)))
        self.client.submit(events.move_event, event.id, new_start,
                           expected_version=event.version).then(
            self._moved, on_error=partial(self._move_refused, event), busy=self)

    def _replace(self, event_id: int, event: CalendarEvent) -> None:
        self.events = [event if e.id == event_id else e for e in self.events]
        self._show()

    def _moved(self, saved: EventSaved) -> None:
        self._tell(self.tr("Moved the {kind} of {number} to {when}.").format(
            kind=label_in_sentence(saved.event.kind), number=saved.detail.number_text,
            when=QLocale().toString(_qdatetime(saved.event.starts_at),
                                    QLocale.FormatType.ShortFormat)), saved)

    def _move_refused(self, original: CalendarEvent, error: BaseException) -> None:
        if not isinstance(error, DomainError):
            raise error
        self._replace(original.id, original)
        show_refusal(self, error)
        self.reload()  # a stale event comes back as it is now

    def _tell(self, text: str, saved: EventSaved) -> None:
        if saved.warning is not None:
            text = f"{text} ⚠ {saved.warning.text()}"
        self._shell.show_message(text)

    def new_event(self, start: datetime | None = None) -> None:
        """Ask for the order, then add the event with the slot's time filled in."""
        if not self.client.allows(Action.EVENTS):
            return
        picker = OrderPickerDialog(self.client, self)
        picked = picker.exec() == QDialog.DialogCode.Accepted
        order_id = picker.order_id
        picker.deleteLater()
        if not picked or order_id is None:
            return
        dialog = EventDialog(self, self.tr("Add event"), None,
                             lambda data: self.client.submit(events.add_event, order_id, data))
        if start is not None:
            dialog.starts.setDateTime(_qdatetime(start))
        if dialog.exec() == QDialog.DialogCode.Accepted and isinstance(dialog.outcome,
                                                                         EventSaved):
            saved: EventSaved = dialog.outcome
            self._tell(self.tr("Added a {kind} to {number}.").format(
                kind=label_in_sentence(saved.event.kind), number=saved.detail.number_text), saved)
        dialog.deleteLater()

    def edit_time(self, event: CalendarEvent) -> None:
        """The keyboard's way to move an event."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Edit time"))
        when = QDateTimeEdit(_qdatetime(event.starts_at))
        when.setCalendarPopup(True)
        form = QFormLayout(dialog)
        form.addRow(self.tr("Starts"), when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            start = datetime.fromtimestamp(when.dateTime().toSecsSinceEpoch(), UTC)
            if start != event.starts_at:
                self.move_event(event, start)
        dialog.deleteLater()

    def _menu(self, event: CalendarEvent | None, slot: datetime | None, where: QPoint) -> None:
        menu = QMenu(self)
        if event is not None:
            menu.addAction(self.tr("Open order {number}").format(number=event.number_text),
                           lambda: self.open_event(event))
            edit = menu.addAction(self.tr("Edit time…"), lambda: self.edit_time(event))
            gate(edit, self.client, Action.EVENTS)
        if slot is not None:
            add = menu.addAction(self.tr("New event here…"), lambda: self.new_event(slot))
            gate(add, self.client, Action.EVENTS)
        if not menu.isEmpty():
            menu.exec(where)
        menu.deleteLater()

    # --- printing --------------------------------------------------------------------------

    def print_span(self) -> Span:
        """Day and week print what is shown; month and agenda print the calendar month."""
        if self.mode in (ViewMode.DAY, ViewMode.WEEK):
            return self.span()
        return span_of(ViewMode.AGENDA, self.anchor)

    def print_agenda(self) -> PreviewDialog:
        """The preview shows itself once the agenda is rendered (off the GUI thread)."""
        from ..printing import preview

        span, flt, client = self.print_span(), self.current_filter(), self.client

        def render(target: Path) -> Job[PrintResult]:
            return client.background(lambda _control: PrintResult(calendar.write_agenda(
                client.uow_factory, client.actor, span.first, span.count, flt, target)))

        dialog = preview.PreviewDialog(
            self, self.tr("Print agenda"), f"agenda-{span.first.isoformat()}.pdf",
            client.paths.exports_dir, render)
        dialog.refresh()
        return dialog


_STACK_INDEX = {ViewMode.DAY: 0, ViewMode.WEEK: 0, ViewMode.MONTH: 1, ViewMode.AGENDA: 2}


def _qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def _customer_text(customer: CustomerInfo) -> str:
    return f"{customer.name} ({customer.clinic})" if customer.clinic else customer.name
