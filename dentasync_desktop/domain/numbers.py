"""How an order number is shown and read back."""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import ValidationError

PREFIX = "WO-"
_PATTERN = re.compile(r"^\s*(?:WO)?[-\s]*0*(\d{1,9})\s*$", re.IGNORECASE)


# "WO-000123". A bound str.format rather than a function: an export formats a million of
# them, and the interpreter calls this without a Python frame.
format_number: Callable[[int], str] = f"{PREFIX}{{:06d}}".format


def parse_number(text: str) -> int:
    """Read "WO-000123", "wo 123" or "123" (as typed or scanned) back to 123."""
    match = _PATTERN.match(text or "")
    if not match or int(match.group(1)) == 0:
        raise ValidationError("number", code="not_order_number", params={"value": text})
    return int(match.group(1))


def looks_like_number(text: str) -> bool:
    return bool(_PATTERN.match(text or "")) and any(c.isdigit() for c in text)
