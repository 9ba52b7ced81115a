"""An editable combo box whose choices come from a service search as the user types.

The search runs through the worker, debounced while typing; an answer to an older search
than the latest is dropped, so a slow search never overwrites a newer one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from ..worker import Job

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 200
# The "no choice" entry's data: a real value rather than None (an empty QVariant), so
# findData and currentData treat it like any record id. Record ids start at 1.
NO_CHOICE = 0


class LookupCombo(QComboBox):
    """Pick one record (lab, customer, patient...) by typing part of its name.

    ``search(text)`` returns the (not started) job finding the records to offer; ``describe``
    and ``ident`` turn a record into its shown text and its id. With ``none_text`` the first
    entry means "no choice" (filters). ``loaded`` is emitted when a search's choices are in.
    ``load=False`` leaves the first search to the owner's ``reload()``.
    """

    value_changed = Signal(object)  # the id, or None
    loaded = Signal()

    def __init__(
        self,
        search: Callable[[str], Job[Sequence[Any]]],
        describe: Callable[[Any], str],
        ident: Callable[[Any], int] = lambda record: record.id,
        none_text: str | None = None,
        parent: QWidget | None = None,
        load: bool = True,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._describe = describe
        self._ident = ident
        self._none_text = none_text
        self._last_search: str | None = None
        self._generation = 0  # bumped by every search: older answers are dropped
        self.searching: Job[Sequence[Any]] | None = None
        self.edit = QLineEdit(self)  # kept, so it is never None as lineEdit() may be
        self.setLineEdit(self.edit)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_typed)
        self.edit.textEdited.connect(lambda _text: self._timer.start())
        self._emitted: int | None = None
        self.currentIndexChanged.connect(self._notify)
        self.edit.editingFinished.connect(self._notify)
        if none_text is not None:
            self.edit.setPlaceholderText(none_text)
        if load:
            self.reload()

    def reload(self, text: str = "") -> Job[Sequence[Any]]:
        """Offer what ``search(text)`` finds, keeping the current choice and the typed text."""
        self._last_search = text
        self._generation += 1
        generation = self._generation
        self.searching = self._search(text).then(
            lambda records: self._offer(generation, text, records), busy=self)
        return self.searching

    def _offer(self, generation: int, text: str, found: Sequence[Any]) -> None:
        if generation != self._generation:
            return
        self.searching = None
        current = self.record()
        typed = self.edit.text()
        cursor = self.edit.cursorPosition()
        records = list(found)
        if current is not None and all(self._ident(r) != self._ident(current) for r in records):
            records.insert(0, current)
        self.blockSignals(True)
        self.clear()
        if self._none_text is not None:
            self.addItem(self._none_text, NO_CHOICE)
        for record in records:
            self.addItem(self._describe(record), self._ident(record))
            self.setItemData(self.count() - 1, record, RECORD_ROLE)
        self.setCurrentIndex(self._index_of(self._ident(current)) if current is not None
                             else (0 if self._none_text is not None else -1))
        if text:
            self.edit.setText(typed)
            self.edit.setCursorPosition(cursor)
        self.blockSignals(False)
        self._emitted = self.value()
        if self.edit.hasFocus() and text:
            completer = self.completer()
            if completer is not None:
                completer.setCompletionPrefix(text)
                completer.complete()
        self.loaded.emit()

    def _notify(self) -> None:
        value = self.value()
        if value != self._emitted:
            self._emitted = value
            self.value_changed.emit(value)

    def _search_typed(self) -> None:
        text = self.edit.text().strip()
        if text == self._last_search or (text == self.currentText() and self.value() is not None):
            return
        self.reload(text)

    def _index_of(self, record_id: int | None) -> int:
        wanted = NO_CHOICE if record_id is None else record_id
        for index in range(self.count()):
            if self.itemData(index) == wanted:
                return index
        return -1

    def value(self) -> int | None:
        """The chosen record's id; None when nothing (or only half a name) is chosen."""
        index = self.currentIndex()
        if index < 0 or self.itemText(index) != self.currentText():
            return None
        data = self.itemData(index)
        return int(data) if data else None

    def record(self) -> Any:
        index = self.currentIndex()
        if index < 0 or self.itemText(index) != self.currentText() or not self.itemData(index):
            return None
        return self.itemData(index, RECORD_ROLE)

    def set_record(self, record: Any) -> None:
        """Choose ``record`` (adding it to the choices if the last search did not find it)."""
        if record is None:
            self.setCurrentIndex(0 if self._none_text is not None else -1)
            if self._none_text is None:
                self.setEditText("")
            return
        index = self._index_of(self._ident(record))
        if index < 0:
            self.addItem(self._describe(record), self._ident(record))
            index = self.count() - 1
        self.setItemData(index, record, RECORD_ROLE)
        self.setItemText(index, self._describe(record))
        self.setCurrentIndex(index)

    def set_value(self, record_id: int | None) -> bool:
        """Choose the record with this id if it is among the choices; False if it is not."""
        index = self._index_of(record_id)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True
