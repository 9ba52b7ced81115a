"""Every refused field of a form marked at once: its message right under it, its box edged in
the theme's error colour, the first one focused; a message goes away as soon as the user edits
that field. What names no field of the form goes to the form's own error line, which goes away
at the next edit too, so no message stays on screen once its cause is fixed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...domain.errors import DomainError, ValidationError, field_errors
from ...i18n import default_language
from ..errors import error_words
from ..formatting import locale_name
from .inline_error import show_inline_error

MARKED = "fieldError"  # the property app.qss edges an input by
# The signal each kind of input sends when the user changes it (not when the code fills it).
_EDITED: tuple[tuple[type[QWidget], str], ...] = (
    (QLineEdit, "textEdited"), (QPlainTextEdit, "textChanged"), (QSpinBox, "valueChanged"),
    (QDateTimeEdit, "dateTimeChanged"), (QComboBox, "currentIndexChanged"),
    (QAbstractButton, "toggled"))
_INPUTS = (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


class FieldMarks(QObject):
    """The field messages of one form. ``locate`` finds the widget for a service's field name
    (None: not on this form); ``banner`` is the form's error line for the rest."""

    def __init__(self, owner: QWidget, locate: Callable[[str], QWidget | None],
                 banner: QLabel) -> None:
        super().__init__(owner)
        self._locate = locate
        self._banner = banner
        self._labels: dict[QWidget, QLabel] = {}
        self._watched: set[QWidget] = set()

    def show(self, error: DomainError) -> None:
        """Mark every field ``error`` names and focus the first; the rest goes to the banner."""
        self.clear()
        placed: dict[QWidget, list[ValidationError]] = {}
        elsewhere: list[str] = []
        for each in field_errors(error) or (error,):
            widget = self._locate(each.field) if isinstance(each, ValidationError) else None
            if widget is None or not isinstance(each, ValidationError):
                elsewhere.append(error_words(each))
            else:
                placed.setdefault(widget, []).append(each)
        for widget, errors in placed.items():
            self._mark(widget, errors)
        show_inline_error(self._banner, "\n".join(elsewhere))
        if placed:
            next(iter(placed)).setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        for widget in list(self._labels):
            self._unmark(widget)
        self._banner.hide()

    @property
    def text(self) -> str:
        """What the form says is wrong, one line per message, each naming its field."""
        lines = [str(label.property("line")) for label in self._labels.values()
                 if not label.isHidden()]
        if not self._banner.isHidden():
            lines.append(self._banner.text())
        return "\n".join(lines)

    def message_for(self, widget: QWidget) -> str:
        """The message shown under ``widget``; empty when there is none."""
        label = self._labels.get(widget)
        return label.text() if label is not None and not label.isHidden() else ""

    def _mark(self, widget: QWidget, errors: list[ValidationError]) -> None:
        label = self._labels.get(widget) or self._place(widget)
        label.setText("\n".join(error.reason_in_words(default_language(), locale_name())
                                for error in errors))
        label.setProperty("line", "\n".join(error_words(error) for error in errors))
        _set_row_visible(label, True)
        for editor in _inputs(widget):
            _restyle(editor, True)
        self._watch(widget)

    def _unmark(self, widget: QWidget) -> None:
        label = self._labels.get(widget)
        if label is None or label.isHidden():
            return
        _set_row_visible(label, False)
        for editor in _inputs(widget):
            _restyle(editor, False)
        self._banner.hide()

    def _place(self, widget: QWidget) -> QLabel:
        """A message line under ``widget``: in the row after its own in the nearest form or
        column layout holding it (a field inside a row of several goes under that row)."""
        label = QLabel()
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        target: QWidget | None = widget
        while target is not None and (parent := target.parentWidget()) is not None:
            for layout, item in reversed(_holders(parent.layout(), target)):
                if isinstance(layout, QFormLayout):
                    row = _form_row(layout, item)
                    layout.insertRow(row + 1, "", label)
                    self._labels[widget] = label
                    return label
                if isinstance(layout, QBoxLayout) and layout.direction() in (
                        QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.BottomToTop):
                    layout.insertWidget(layout.indexOf(item) + 1, label)
                    self._labels[widget] = label
                    return label
            target = parent
        raise LookupError(f"no form or column holds {widget.objectName()!r}")

    def _watch(self, widget: QWidget) -> None:
        if widget in self._watched:
            return
        self._watched.add(widget)

        def edited(*_args: object) -> None:
            self._unmark(widget)

        for editor in [widget, *widget.findChildren(QWidget)]:
            signal = next((name for kind, name in _EDITED if isinstance(editor, kind)), None)
            if signal is not None:
                getattr(editor, signal).connect(edited)


def _inputs(widget: QWidget) -> list[QWidget]:
    return [w for w in [widget, *widget.findChildren(QWidget)]
            if isinstance(w, _INPUTS) and not isinstance(w.parentWidget(), _INPUTS)]


def _restyle(widget: QWidget, marked: bool) -> None:
    widget.setProperty(MARKED, marked)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _holders(layout: QLayout | None, target: QWidget) -> list[tuple[QLayout, QWidget | QLayout]]:
    """The layouts from ``layout`` down to the one holding ``target``, each with what it holds
    it through (the widget or a nested layout); empty if none does.

    Found by indexOf and the nested layouts (a layout's child objects), never by itemAt: an
    item PySide hands Python stays registered as a child of its layout's wrapper, and Qt
    deletes the item by itself (with its widget, or with a layout a Designer form made) without
    telling PySide. The next C++ object malloc put at that address then came back to Python as
    that item: a view's selectionModel() was a QWidgetItem, "no attribute 'selectionChanged'"."""
    if layout is None:
        return []
    if layout.indexOf(target) >= 0:
        return [(layout, target)]
    for inner in layout.findChildren(QLayout, options=Qt.FindChildOption.FindDirectChildrenOnly):
        found = _holders(inner, target)
        if found:
            return [(layout, inner), *found]
    return []


def _form_row(layout: QFormLayout, item: QWidget | QLayout) -> int:
    position: tuple[int, object] = (  # PySide6's stubs say "object"
        layout.getWidgetPosition(item) if isinstance(item, QWidget)  # type: ignore[assignment]
        else layout.getLayoutPosition(item))
    return position[0]


def _set_row_visible(label: QLabel, visible: bool) -> None:
    """A form row hides whole (its empty label cell too), so a cleared message leaves no gap."""
    parent = label.parentWidget()
    for layout, _item in _holders(parent.layout() if parent else None, label):
        if isinstance(layout, QFormLayout):
            layout.setRowVisible(_form_row(layout, label), visible)
            return
    label.setVisible(visible)
