"""The typed marker for strings translated where they are shown, not where they are defined."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for translation in ``context`` (lupdate finds it by this name) and
    returns it untranslated. PySide6's own has an untyped (object) result."""
    return source
