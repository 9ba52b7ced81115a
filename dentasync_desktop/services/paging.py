"""Bounds of a page request, the keyset condition and the join a sort by a name needs, shared
by every paged read service."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, tuple_

from ..db.models import Customer, DentalLab, Patient, WorkOrder
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


def beyond(columns: Sequence[Any], values: Sequence[Any], backwards: bool,
           ) -> ColumnElement[bool]:
    """The rows that come after ``values`` in the order of ``columns`` (all ascending, or all
    descending when ``backwards``): one row-value comparison, which SQLite and PostgreSQL both
    read as the start of a range of an index on those columns, where the same condition
    spelt out column by column (a > x OR a = x AND b > y) is read by neither."""
    ours, theirs = tuple_(*columns), tuple_(*values)
    return ours < theirs if backwards else ours > theirs


def joined_for_sort(query: Select[*tuple[Any, ...]], sort_key: str, joined: Sequence[Any] = ()
                    ) -> Select[*tuple[Any, ...]]:
    """``query`` over work orders, with the table whose name a sort by patient, customer or
    lab reads (unless ``joined`` already holds it): a page chosen from the orders alone
    joins only that one."""
    named = {"patient": (Patient, Patient.id == WorkOrder.patient_id),
             "customer": (Customer, Customer.id == WorkOrder.customer_id),
             "lab": (DentalLab, DentalLab.id == WorkOrder.lab_id)}
    if sort_key in named and named[sort_key][0] not in joined:
        table, on = named[sort_key]
        return query.join(table, on)
    return query
