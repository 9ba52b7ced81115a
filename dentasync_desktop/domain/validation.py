"""Small checks every service shares, each raising a ValidationError that names the field."""

from __future__ import annotations

import re
from datetime import date

from .errors import ValidationError

SHORT_TEXT = 200
LONG_TEXT = 10_000

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def required(value: str | None, field: str, limit: int = SHORT_TEXT) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, "is required")
    return limited(text, field, limit)


def optional(value: str | None, field: str, limit: int = SHORT_TEXT) -> str:
    return limited((value or "").strip(), field, limit)


def limited(text: str, field: str, limit: int) -> str:
    if _SURROGATE.search(text):
        # A lone surrogate (from a broken paste or a careless caller) cannot be stored as UTF-8.
        raise ValidationError(field, "contains characters that are not valid text")
    if len(text) > limit:
        raise ValidationError(field, f"is too long ({len(text)} characters, at most {limit})")
    return text


def email(value: str | None, field: str = "email") -> str:
    text = optional(value, field)
    if text and not _EMAIL.match(text):
        raise ValidationError(field, f"'{text}' is not an e-mail address")
    return text


def date_range(start: date | None, end: date | None, field: str) -> None:
    """A period may be open at either end, but never end before it starts."""
    if start is not None and end is not None and start > end:
        raise ValidationError(field, "the start date is after the end date")


def whole_number(value: int, field: str, minimum: int = 0, maximum: int = 10**6) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "must be a whole number")
    if not minimum <= value <= maximum:
        raise ValidationError(field, f"must be between {minimum} and {maximum}")
    return value


def due_not_before(due: date | None, documented: date, field: str = "due date") -> None:
    if due is not None and due < documented:
        raise ValidationError(field, "cannot be before the documented date")
