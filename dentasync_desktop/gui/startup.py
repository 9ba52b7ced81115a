"""Problems found before the main window exists, shown in a window rather than on a console
that a double-clicked app does not have."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from .application import make_application


def show_startup_problem(message: str, log_file: Path) -> None:
    make_application()
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("startup", "Dentasync Desktop cannot start"))
    box.setText(message)
    box.setInformativeText(
        QApplication.translate("startup", "Details were written to the log file:\n{path}")
        .format(path=log_file))
    box.exec()
