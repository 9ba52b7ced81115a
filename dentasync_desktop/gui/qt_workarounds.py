"""Workarounds for defects of the Qt binding that would otherwise crash the application."""

from __future__ import annotations

import ctypes
import sys

# What CPython 3.12 does for these constants ("immortal objects"), done by hand for 3.11.
IMMORTAL_REFERENCES = 1 << 40


def make_constants_immortal() -> bool:
    """Keep ``None``, ``True`` and ``False`` alive whatever the binding does to their counts.

    PySide6 6.12 gives back ``True`` from ``SignalInstance.emit`` and ``None`` for an empty
    QVariant without taking a reference, so every emit, and every read of an empty item data or
    property, takes a reference that was never given. On Python 3.11 the interpreter aborts
    ("bool_dealloc", "none_dealloc") once the count of the constant reaches zero: after some
    thousands of actions, or at exit. Python 3.12 and later never count references to these
    constants. Returns whether anything had to be done.
    """
    if sys.version_info >= (3, 12):
        return False
    changed = False
    for constant in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(constant))  # ob_refcnt, the first field
        if count.value < IMMORTAL_REFERENCES:
            count.value += IMMORTAL_REFERENCES
            changed = True
    return changed
