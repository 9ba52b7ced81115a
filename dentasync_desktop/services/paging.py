"""Bounds of a page request, shared by every paged read service."""

from __future__ import annotations

from ..domain.errors import ValidationError

MAX_PAGE = 1000


def check_page(offset: int, limit: int) -> None:
    if offset < 0:
        raise ValidationError("offset", "cannot be negative")
    check_limit(limit)


def check_limit(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError("limit", f"must be between 1 and {MAX_PAGE}")
