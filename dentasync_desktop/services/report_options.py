"""What a user chooses for a finance report: the finance page's tab and the file format.

Apart from services.reports, which loads the finance queries and their DTOs (~15 ms): the
command line's options list these on every start, the window's included, without them."""

from __future__ import annotations

from typing import Literal, get_args

View = Literal["labs", "orders"]
Format = Literal["xlsx", "pdf", "csv"]
VIEWS: tuple[str, ...] = get_args(View)
FORMATS: tuple[str, ...] = get_args(Format)
