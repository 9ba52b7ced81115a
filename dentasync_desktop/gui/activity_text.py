"""The activity log on screen: the one renderer of documents/activity_text.py in the GUI's
language (the Qt-free catalog reads the translations the GUI's QTranslator is compiled from),
without the order's number: order entries stand on that order's own timeline."""

from __future__ import annotations

from ..documents import activity_text
from ..documents.activity_text import CODES, Params

__all__ = ["CODES", "render"]


def render(code: str, params: Params, fallback: str = "") -> str:
    """The entry in the user's language; ``fallback`` (the stored English sentence of an old
    entry) when the code is unknown or its parameters do not fit."""
    text = activity_text.render(code, params, fallback, with_number=False)
    # Written to follow "WO-000123: ", an order entry starts a sentence of its own here.
    return text[:1].upper() + text[1:] if code in activity_text.ORDER_CODES else text
