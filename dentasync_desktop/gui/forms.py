"""Loading Qt Designer forms from ui/ at run time (source checkout, wheel or bundle alike)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QBoxLayout, QWidget

from ..paths import bundled

W = TypeVar("W", bound=QWidget)


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``ui/<name>.ui``; children are reached with ``child``."""
    path = bundled("ui") / f"{name}.ui"
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot open form {path}")
    try:
        widget = QUiLoader().load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise RuntimeError(f"cannot load form {path}")
    return widget


def child(form: QWidget, kind: type[W], name: str) -> W:
    """The form's widget ``name``, which must be a ``kind``; a form that lost it fails here,
    by name, instead of later with an AttributeError on None."""
    widget = form.findChild(kind, name)
    if widget is None:
        raise LookupError(f"form {form.objectName()!r} has no {kind.__name__} {name!r}")
    return widget


def child_layout(form: QWidget, name: str) -> QBoxLayout:
    """The box layout of the form's placeholder widget ``name`` (code-built parts go there)."""
    layout = child(form, QWidget, name).layout()
    if not isinstance(layout, QBoxLayout):
        raise LookupError(f"form {form.objectName()!r}: {name!r} has no box layout")
    return layout


def holding(layout: QBoxLayout) -> QWidget:
    """A margin-less widget around ``layout``: a form row of several widgets."""
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
