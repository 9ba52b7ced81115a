"""The box that says the app cannot go on (a damaged database, an unexpected error at start),
with where the details are: shown at start-up and when the background check finds damage."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox


def show_problem_box(message: str, log_file: Path) -> None:
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("startup", "Dentasync Desktop cannot start"))
    box.setText(message)
    box.setInformativeText(
        QApplication.translate("startup", "Details were written to the log file:\n{path}")
        .format(path=log_file))
    box.exec()
