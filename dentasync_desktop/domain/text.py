"""Comparing text the way a person reads it."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """One Unicode form and no case: "Müller" typed on macOS (u + combining diaeresis) or in
    capitals still matches "müller"."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
