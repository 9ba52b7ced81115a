"""Names sorted the way the user's language sorts them (QCollator): "Łukasz" among the L and
"Ørsted" among the O, capitals and accents aside. For lists the GUI sorts itself; the services
sort in SQL by the stored folded key (domain/text.py sort_key) to the same effect."""

from __future__ import annotations

from collections.abc import Callable
from functools import cmp_to_key
from typing import Any, TypeVar

from PySide6.QtCore import QCollator, QLocale, Qt

T = TypeVar("T")


def collator(locale: QLocale | None = None) -> QCollator:
    made = QCollator(locale or QLocale())
    made.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    made.setNumericMode(True)  # "Lab 9" before "Lab 10"
    return made


def by_name(name: Callable[[T], str], then: Callable[[T], Any] = lambda _item: 0,
            locale: QLocale | None = None) -> Callable[[T], Any]:
    """A ``sorted`` key: by ``name`` in the locale's order, ties by ``then``.

    The collator is made at the first sort, not here: a key made at import time still sorts
    in the language chosen at start-up.
    """
    made: list[QCollator] = []

    def order(one: T, other: T) -> int:
        if not made:
            made.append(collator(locale))
        by_words = int(made[0].compare(name(one), name(other)))
        if by_words:
            return by_words
        first, second = then(one), then(other)
        return int(first > second) - int(first < second)

    return cmp_to_key(order)


def sorted_names(names: list[str], locale: QLocale | None = None) -> list[str]:
    return sorted(names, key=by_name(lambda text: text, locale=locale))
