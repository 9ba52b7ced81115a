"""The guard against PySide6 6.12's reference-count defects keeps the constants alive."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox

from dentasync_desktop.gui.qt_workarounds import IMMORTAL_REFERENCES, make_constants_immortal


class Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)


def test_many_emits_and_empty_reads_cannot_exhaust_the_constants(qapp) -> None:  # type: ignore[no-untyped-def]
    make_constants_immortal()
    assert make_constants_immortal() is False  # done once; calling again changes nothing
    emitter = Emitter()
    emitter.flag.connect(lambda _on: None)
    combo = QComboBox()
    combo.addItem("empty")
    for _ in range(20_000):  # far more than True or None are referenced in a fresh process
        emitter.plain.emit()
        emitter.flag.emit(True)
        combo.itemData(0)
    floor = IMMORTAL_REFERENCES // 2
    assert sys.version_info >= (3, 12) or min(
        sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)) > floor
