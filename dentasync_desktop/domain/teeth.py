"""FDI two-digit tooth notation: quadrant digit then tooth digit."""

from __future__ import annotations

import re

from .errors import ValidationError

PERMANENT = tuple(q * 10 + t for q in (1, 2, 3, 4) for t in range(1, 9))
DECIDUOUS = tuple(q * 10 + t for q in (5, 6, 7, 8) for t in range(1, 6))
VALID = frozenset(PERMANENT + DECIDUOUS)


def parse_teeth(
    text: str | list[int] | tuple[int, ...] | None, field: str = "teeth"
) -> tuple[int, ...]:
    """Accept "11, 21 22" or a list of ints; return sorted unique FDI numbers or raise."""
    if text is None:
        return ()
    if isinstance(text, list | tuple):
        tokens = [str(t) for t in text]
    else:
        tokens = [t for t in re.split(r"[\s,;]+", text.strip()) if t]
    teeth: set[int] = set()
    for token in tokens:
        if not token.isdigit() or int(token) not in VALID:
            raise ValidationError(field, code="not_tooth", params={"value": token})
        teeth.add(int(token))
    return tuple(sorted(teeth))


def format_teeth(teeth: tuple[int, ...] | list[int]) -> str:
    return ", ".join(str(t) for t in sorted(teeth))
