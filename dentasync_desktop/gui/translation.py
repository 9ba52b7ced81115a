"""Marking and translating the GUI's text so that pyside6-lupdate extracts it.

lupdate's Python parser reads calls by their tokens: ``translate("context", "text")`` and
``self.tr("text")`` are extracted, a context or text that is not a string literal is not, and a
numerus message needs a fifth argument to ``translate`` (a plain name in the fourth place is
read as Qt 4's encoding argument): ``translate("printing", "%n page(s)", None, UTF8, pages)``.
``self.tr("%n page(s)", "", pages)`` needs no such help.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication

# Qt 4's encoding argument, which lupdate still expects before a count; it changes nothing.
UTF8: Final = "UnicodeUTF8"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for translation in ``context`` (lupdate finds it by this name) and
    returns it untranslated. PySide6's own has an untyped (object) result."""
    return source


def translate(context: str, source: str, disambiguation: str | None = None,
              encoding: str = UTF8, n: int = -1) -> str:
    """QCoreApplication.translate under a spelling lupdate reads, numerus included."""
    del encoding
    return QCoreApplication.translate(context, source, disambiguation, n)
