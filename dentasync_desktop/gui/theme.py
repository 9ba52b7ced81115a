"""Icons and the QSS theme, read from the bundled resources/ folder."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..paths import bundled

APP_ICON = "dentasync"


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` (or .png); an empty icon if the file is missing."""
    folder = bundled("resources") / "icons"
    for suffix in (".svg", ".png"):
        path = folder / f"{name}{suffix}"
        if path.is_file():
            return QIcon(str(path))
    return QIcon()


def apply_theme(app: QApplication, name: str = "light") -> None:
    # Fusion draws the same on every platform, so the style sheet looks as designed everywhere.
    app.setStyle("Fusion")
    path = bundled("resources") / "themes" / f"{name}.qss"
    if path.is_file():
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    app_icon = icon(APP_ICON)
    if not app_icon.isNull():
        app.setWindowIcon(app_icon)
