"""Bounds of a page request, shared by every paged read service."""

from __future__ import annotations

from ..domain import validation
from ..domain.errors import ValidationError

MAX_PAGE = 1000


def check_page(offset: int, limit: int) -> None:
    validation.whole_number(offset, "offset", 0, validation.SQL_INT_MAX)
    check_limit(limit)


def check_limit(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError("limit", code="out_of_range",
                              params={"minimum": 1, "maximum": MAX_PAGE})
