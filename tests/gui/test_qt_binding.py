"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 gave back True/None without a reference on every emit and every empty item-data
read, which aborts Python 3.11 after a few thousand clicks; pyproject holds PySide6 below it.
This test fails on any binding with that defect, before a user's session would.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox


class Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)


def test_emits_and_empty_reads_leave_the_constants_counts_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter = Emitter()
    emitter.flag.connect(lambda _on: None)
    combo = QComboBox()
    combo.addItem("empty")
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.plain.emit()
        emitter.flag.emit(True)
        combo.itemData(0)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    # A few references may come and go with the interpreter's own work; 200 lost ones may not.
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
