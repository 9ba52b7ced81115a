"""A clickable FDI dental chart: one toggle button per tooth, as seen facing the patient."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.teeth import VALID

# Rows as a dentist reads the chart: the patient's right on the left of the screen.
PERMANENT_UPPER = (18, 17, 16, 15, 14, 13, 12, 11, 21, 22, 23, 24, 25, 26, 27, 28)
PERMANENT_LOWER = (48, 47, 46, 45, 44, 43, 42, 41, 31, 32, 33, 34, 35, 36, 37, 38)
DECIDUOUS_UPPER = (55, 54, 53, 52, 51, 61, 62, 63, 64, 65)
DECIDUOUS_LOWER = (85, 84, 83, 82, 81, 71, 72, 73, 74, 75)


class TeethChart(QWidget):
    """Click a tooth to toggle it; ``selection_changed`` carries the sorted FDI numbers."""

    selection_changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teethChart")
        self._buttons: dict[int, QToolButton] = {}
        self._deciduous_rows: list[QWidget] = []

        grid = QGridLayout()
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(2)
        rows = ((DECIDUOUS_UPPER, True), (PERMANENT_UPPER, False),
                (PERMANENT_LOWER, False), (DECIDUOUS_LOWER, True))
        for row, (teeth, deciduous) in enumerate(rows):
            holder = self._row(teeth, deciduous)
            grid.addWidget(holder, row if row < 2 else row + 1, 0, Qt.AlignmentFlag.AlignHCenter)
            if deciduous:
                self._deciduous_rows.append(holder)
        occlusal = QFrame()
        occlusal.setFrameShape(QFrame.Shape.HLine)
        occlusal.setFrameShadow(QFrame.Shadow.Sunken)
        grid.addWidget(occlusal, 2, 0)

        self.show_deciduous = QCheckBox(self.tr("Deciduous teeth"))
        self.show_deciduous.toggled.connect(self._set_deciduous_visible)
        clear = QPushButton(self.tr("Clear"))
        clear.setObjectName("clearTeeth")
        clear.clicked.connect(lambda: self.set_selected(()))
        footer = QHBoxLayout()
        footer.addWidget(self.show_deciduous)
        footer.addStretch(1)
        footer.addWidget(clear)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(footer)
        self._set_deciduous_visible(False)

    def _row(self, teeth: tuple[int, ...], deciduous: bool) -> QWidget:
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(2)
        half = len(teeth) // 2
        for index, tooth in enumerate(teeth):
            if index == half:
                line.addSpacing(10)  # the midline between the patient's right and left
            button = QToolButton()
            button.setText(str(tooth))
            button.setCheckable(True)
            button.setObjectName(f"tooth{tooth}")
            button.setProperty("deciduous", deciduous)
            button.setFixedSize(30, 26)
            button.setToolTip(self.tr("Tooth {number}").format(number=tooth))
            button.toggled.connect(self._emit)
            self._buttons[tooth] = button
            line.addWidget(button)
        return holder

    def _set_deciduous_visible(self, visible: bool) -> None:
        for row in self._deciduous_rows:
            row.setVisible(visible)

    def button(self, tooth: int) -> QToolButton:
        return self._buttons[tooth]

    def selected(self) -> tuple[int, ...]:
        return tuple(sorted(t for t, b in self._buttons.items() if b.isChecked()))

    def set_selected(self, teeth: Iterable[int]) -> None:
        wanted = {t for t in teeth if t in VALID}
        before = self.selected()
        for tooth, button in self._buttons.items():
            button.blockSignals(True)
            button.setChecked(tooth in wanted)
            button.blockSignals(False)
        if any(t > 50 for t in wanted):
            self.show_deciduous.setChecked(True)
        if self.selected() != before:
            self.selection_changed.emit(self.selected())

    def _emit(self) -> None:
        self.selection_changed.emit(self.selected())
