"""A choice of the ISO currencies the domain knows."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ...domain.money import CURRENCY_EXPONENTS


class CurrencyCombo(QComboBox):
    def __init__(self, current: str = "EUR", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItems(sorted(CURRENCY_EXPONENTS))
        self.set_currency(current)

    def currency(self) -> str:
        return self.currentText()

    def set_currency(self, code: str) -> None:
        index = self.findText(code.upper())
        if index >= 0:
            self.setCurrentIndex(index)
