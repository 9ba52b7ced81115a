"""The red line under a form that says what is wrong, without a modal message box."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.hide()
    return label


def show_inline_error(label: QLabel, message: str) -> None:
    """Show ``message`` (or hide the line when empty) and fit a small dialog around it."""
    label.setText(message)
    label.setVisible(bool(message))
    if not message:
        return
    # A wrapped label would take its height from the narrowest width it could have; give it
    # the height of the width it really has, and let the dialog grow by no more than that.
    window = label.window()
    layout = window.layout()
    if layout is not None and isinstance(window, QDialog):
        label.setFixedHeight(label.heightForWidth(layout.contentsRect().width()))
        window.resize(window.width(), layout.totalHeightForWidth(window.width()))
