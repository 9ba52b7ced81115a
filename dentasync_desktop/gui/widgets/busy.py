"""Running slow work (backups, restores) off the GUI thread behind a busy dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QThread
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


class _Job(QThread, Generic[T]):
    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__()
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except BaseException as error:  # handed back to the GUI thread and re-raised there
            self.error = error


def run_busy(parent: QWidget | None, title: str, label: str, work: Callable[[], T]) -> T:
    """Run ``work`` in a worker thread while a modal busy dialog keeps the window painted.

    ``work`` must not touch widgets. Its exception, if any, is re-raised here so callers can
    use gui.errors.attempt as for any other service call.
    """
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # the work is one atomic step; stopping half-way is no option
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    job: _Job[T] = _Job(work)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    dialog.show()
    job.start()
    loop.exec()
    job.wait()
    dialog.close()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error
    return job.result  # type: ignore[no-any-return]
