"""The app holds no Python wrapper of a layout item.

An item PySide hands Python (QLayout.itemAt) stays registered as a child of its layout's
wrapper, and Qt deletes items by itself: with their widget, or with a layout a Designer form
made, whose wrapper PySide drops without its children. The registration outlives the item, and
the next C++ object malloc puts at its address comes back to Python as that item: a run of the
GUI tests failed on a view whose selectionModel() was a QWidgetItem ("no attribute
'selectionChanged'"), after the order editor had marked a refused field.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayoutItem,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dentasync_desktop.domain.errors import FieldErrors, ValidationError
from dentasync_desktop.gui.widgets.emptied import empty_layout
from dentasync_desktop.gui.widgets.field_errors import FieldMarks

from .conftest import drop_closed_widgets


def item_wrappers() -> list[QLayoutItem]:
    """The layout items Python has a wrapper of (not layouts: QObjects, whose end PySide
    hears of)."""
    return [wrapper for wrapper in shiboken6.getAllValidWrappers()
            if isinstance(wrapper, QLayoutItem) and not isinstance(wrapper, QObject)]


def test_marking_fields_leaves_no_wrapper_of_a_layout_item(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = QWidget()
    qtbot.addWidget(form)
    column = QVBoxLayout(form)
    column.addWidget(QLabel("Walked past on the way to the fields"))
    rows = QFormLayout()
    column.addLayout(rows)
    name = QLineEdit()
    rows.addRow("Name", name)
    line = QHBoxLayout()
    amount = QLineEdit()
    line.addWidget(amount)
    column.addLayout(line)
    banner = QLabel()
    column.addWidget(banner)
    marks = FieldMarks(form, {"name": name, "amount": amount}.get, banner)
    before = item_wrappers()

    marks.show(FieldErrors([ValidationError("name", "Required."),
                            ValidationError("amount", "Not a number.")]))
    marks.clear()  # hides the messages' rows: the layouts are searched again
    marks.show(ValidationError("name", "Required."))

    left = [wrapper for wrapper in item_wrappers() if not any(wrapper is b for b in before)]
    assert left == []
    # Each message still sits right under its field: a form's in the next row, a row's of
    # several under that row.
    under_name, under_amount = form.findChildren(QLabel, "fieldError")
    assert rows.getWidgetPosition(under_name)[0] == rows.getWidgetPosition(name)[0] + 1
    assert column.indexOf(under_amount) == column.indexOf(line) + 1
    assert marks.message_for(name) == "Required." and marks.message_for(amount) == ""


def test_an_emptied_layout_keeps_no_item_and_its_widgets_go(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The reminders panel and the finance summary refill their layouts: each taken item is
    deleted (PySide leaves that to the caller), none stays wrapped, the widgets go."""
    panel = QWidget()
    qtbot.addWidget(panel)
    column = QVBoxLayout(panel)
    rows = [QLabel(f"Reminder {n}") for n in range(3)]
    for row in rows:
        column.addWidget(row)
    panel.show()
    before = len(item_wrappers())

    empty_layout(column)

    assert column.count() == 0
    assert not any(row.isVisible() for row in rows)
    assert len(item_wrappers()) == before
    drop_closed_widgets()
    assert not any(shiboken6.isValid(row) for row in rows)
