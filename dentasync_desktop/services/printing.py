"""Printing: the order form, box labels and payment instructions as PDF files.

Every file is written under a temporary name in the target folder and renamed at the end, so
a failed or cancelled print never leaves a half-written PDF. Printing changes nothing, so it
writes no activity entry; the permission and lifecycle checks still apply.

The document writers load ReportLab (~0.15 s): each function that writes imports its writer,
so the command line (which lists the sections and label sizes in its options) starts without.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path

from sqlalchemy import select

from ..db.models import WorkOrder
from ..documents import print_options
from ..documents.print_options import DEFAULT_SECTIONS, LABEL_SIZES, check_sections, label_size
from ..documents.report_table import atomic_output
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, OrderDetail, OrganisationSettings, PrintResult
from ..domain.errors import NotFound, ValidationError
from ..paths import bundled
from . import settings
from .guards import order_for
from .order_detail import load_detail
from .output_target import checked_target
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

# What the order-form dialog offers: section key -> label, in print order.
SECTIONS: dict[str, str] = dict(print_options.SECTIONS)
LABELS: dict[str, str] = {key: size.name for key, size in LABEL_SIZES.items()}
SECTIONS_PREFERENCE = "order_form.sections"
_NEVER_CHOSEN = "*"  # stored "" means the user unticked every section, so this marks "unset"

# Called with (orders done, orders in all); returning False cancels the batch.
Progress = Callable[[int, int], bool]


class _Cancelled(Exception):
    pass


@cache
def _fonts_dir() -> Path:
    return bundled("resources") / "fonts"


def remembered_sections(uow: UnitOfWork) -> frozenset[str]:
    """The sections the user last chose; sections a newer version dropped are ignored."""
    stored = settings.get_preference(uow, SECTIONS_PREFERENCE, _NEVER_CHOSEN)
    if stored == _NEVER_CHOSEN:
        return DEFAULT_SECTIONS
    return frozenset(key for key in stored.split(",") if key in SECTIONS)


def save_sections(uow: UnitOfWork, actor: Actor, sections: Iterable[str]) -> frozenset[str]:
    """Remember the sections ticked in the print dialog for next time."""
    chosen = check_sections(sections)
    settings.set_preference(uow, actor, SECTIONS_PREFERENCE,
                            ",".join(key for key in SECTIONS if key in chosen))
    return chosen


def _check_target(target: Path) -> Path:
    return checked_target(target, "output file", "PDF")


def _load(uow: UnitOfWork, actor: Actor, order_number: int, action: Action) -> OrderDetail:
    with uow.reading():
        order_id = uow.session.scalar(select(WorkOrder.id).where(
            WorkOrder.number == order_number)) if validation.fits_sql(order_number) else None
        if order_id is None:
            raise NotFound(code="no_work_order", params={"number": order_number})
        order_for(uow, actor, order_id, action)
        return load_detail(uow, order_id)


def _options(uow: UnitOfWork, sections: Iterable[str] | None,
             paper: str | None) -> tuple[frozenset[str], OrganisationSettings, str]:
    chosen = check_sections(sections) if sections is not None else remembered_sections(uow)
    org = settings.document_settings(uow)
    paper = (paper or org.paper_size).strip().lower()
    from ..documents.pdf_layout import page_size

    page_size(paper)
    return chosen, org, paper


def print_order_form(uow: UnitOfWork, actor: Actor, order_number: int, target: Path,
                     sections: Iterable[str] | None = None,
                     paper: str | None = None) -> PrintResult:
    """The order form as a PDF; sections default to the remembered choice, paper to Settings."""
    from ..documents.order_form import write_order_forms

    path = _check_target(target)
    chosen, org, paper = _options(uow, sections, paper)
    order = _load(uow, actor, order_number, Action.PRINT)
    with atomic_output(path) as temp:
        notes = write_order_forms([order], org, temp, sections=chosen, paper=paper,
                                  fonts_dir=_fonts_dir())
    return PrintResult(path, notes)


def print_box_label(uow: UnitOfWork, actor: Actor, order_number: int, target: Path,
                    size: str = "62x29") -> PrintResult:
    from ..documents.box_label import write_box_label

    path = _check_target(target)
    label_size(size)
    org = settings.get_settings(uow)
    order = _load(uow, actor, order_number, Action.PRINT)
    with atomic_output(path) as temp:
        notes = write_box_label(order, org, temp, size=size, fonts_dir=_fonts_dir())
    return PrintResult(path, notes)


def print_payment_instructions(uow: UnitOfWork, actor: Actor, order_number: int, target: Path,
                               paper: str | None = None) -> PrintResult:
    from ..documents.payment_instructions import write_payment_instructions

    path = _check_target(target)
    _sections, org, paper = _options(uow, (), paper)
    order = _load(uow, actor, order_number, Action.PAYMENT_INSTRUCTIONS)
    with atomic_output(path) as temp:
        notes = write_payment_instructions(order, org, temp, paper=paper,
                                           fonts_dir=_fonts_dir())
    return PrintResult(path, notes)


def print_batch(uow_factory: UnitOfWorkFactory, actor: Actor, order_ids: Sequence[int],
                target: Path, sections: Iterable[str] | None = None,
                paper: str | None = None, progress: Progress | None = None) -> PrintResult | None:
    """The order forms of several orders merged into ONE PDF, each order from a new page.

    One file is one print job and one preview. ``progress(done, total)`` is called as the
    orders are read and again as they are laid out (``total`` is twice the number of orders);
    when it returns False the batch stops, nothing is written, and None is returned.
    """
    from ..documents.order_form import write_order_forms

    path = _check_target(target)
    ids = list(dict.fromkeys(order_ids))
    if not ids:
        raise ValidationError("orders", code="no_orders_selected")
    chosen, org, paper = _options(uow_factory(), sections, paper)
    total = 2 * len(ids)

    def tick(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise _Cancelled

    try:
        orders: list[OrderDetail] = []
        with uow_factory().reading() as uow:
            for index, order_id in enumerate(ids):
                tick(index)
                order_for(uow, actor, order_id, Action.PRINT)
                orders.append(load_detail(uow, order_id))
        with atomic_output(path) as temp:
            notes = write_order_forms(orders, org, temp, sections=chosen, paper=paper,
                                      fonts_dir=_fonts_dir(),
                                      on_order=lambda done: tick(len(ids) + done))
    except _Cancelled:
        return None
    return PrintResult(path, notes)
