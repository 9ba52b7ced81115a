"""Small checks every service shares, each raising a ValidationError that names the field."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import ParamSpec, TypeVar, cast, overload

from .errors import FieldErrors, ValidationError, field_errors

SHORT_TEXT = 200
LONG_TEXT = 10_000

# Every date the app accepts: any birth date and any plan, yet far enough from Python's year
# 1 and 9999 that adding a plan's months or a time-zone offset can never overflow.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)
# SQLite stores integers in 64 bits; a larger id or offset cannot even be asked for.
SQL_INT_MAX = 2**63 - 1
MAX_QUANTITY = 10_000

_P = ParamSpec("_P")
_T = TypeVar("_T")


class Checks:
    """Runs a form's checks to the end and refuses once with every field that failed
    (``FieldErrors``), so the form can show them all at once; one failure is refused as
    itself.

        checks = Checks()
        name = checks(validation.required, data.name, "name")
        ...
        checks.done()  # raises here; only then are the checked values used
    """

    def __init__(self) -> None:
        self._errors: list[ValidationError] = []

    def __call__(self, check: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """``check(*args, **kwargs)``; a refusal is kept and None stands in for the value,
        which ``done`` keeps from ever being used."""
        try:
            return check(*args, **kwargs)
        except ValidationError as error:
            self.add(error)
            return cast(_T, None)

    def add(self, error: ValidationError) -> None:
        self._errors.extend(field_errors(error))

    @property
    def failed(self) -> bool:
        return bool(self._errors)

    def done(self) -> None:
        if len(self._errors) == 1:
            raise self._errors[0]
        if self._errors:
            raise FieldErrors(self._errors)


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A lone surrogate (from a broken paste or a careless caller) cannot be stored as UTF-8, and
# PostgreSQL's text cannot hold NUL.
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def required(value: str | None, field: str, limit: int = SHORT_TEXT) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, code="required")
    return limited(text, field, limit)


def optional(value: str | None, field: str, limit: int = SHORT_TEXT) -> str:
    return limited((value or "").strip(), field, limit)


def limited(text: str, field: str, limit: int) -> str:
    if _UNSTORABLE.search(text):
        raise ValidationError(field, code="invalid_text")
    if len(text) > limit:
        raise ValidationError(field, code="too_long",
                              params={"length": len(text), "limit": limit})
    return text


def email(value: str | None, field: str = "e-mail") -> str:
    text = optional(value, field)
    if text and not _EMAIL.match(text):
        raise ValidationError(field, code="not_email", params={"value": text})
    return text


def date_range(start: date | None, end: date | None, field: str) -> None:
    """A period may be open at either end, but never end before it starts."""
    if start is not None and end is not None and start > end:
        raise ValidationError(field, code="start_after_end")


def whole_number(value: int, field: str, minimum: int = 0, maximum: int = 10**6) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, code="not_whole_number")
    if not minimum <= value <= maximum:
        raise ValidationError(field, code="out_of_range",
                              params={"minimum": minimum, "maximum": maximum})
    return value


def due_not_before(due: date | None, documented: date, field: str = "due date") -> None:
    if due is not None and due < documented:
        raise ValidationError(field, code="before_documented")


_Day = TypeVar("_Day", bound=date)


@overload
def in_range(value: None, field: str) -> None: ...
@overload
def in_range(value: _Day, field: str) -> _Day: ...
def in_range(value: date | None, field: str) -> date | None:
    """``value`` (a date or an aware date and time) if it lies in the years the app accepts."""
    if value is None:
        return None
    if not isinstance(value, date):
        raise ValidationError(field, code="not_date")
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValidationError(field, code="out_of_range",
                              params={"minimum": EARLIEST_DATE.year, "maximum": LATEST_DATE.year})
    return value


def fits_sql(value: int) -> bool:
    """True when SQLite can store ``value`` (an id or an offset) as an integer."""
    return not isinstance(value, bool) and isinstance(value, int) and abs(value) <= SQL_INT_MAX


def record_id(value: int | None, field: str) -> int | None:
    """An optional id to filter by; one SQLite cannot store can match no record."""
    if value is not None and not fits_sql(value):
        raise ValidationError(field, code="no_such_record")
    return value
