"""The printing services on a real database: files, remembered sections, refusals, batches."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from reportlab.platypus import SimpleDocTemplate

from dentasync_desktop.documents import order_form
from dentasync_desktop.documents.fonts import register_fonts
from dentasync_desktop.documents.pdf_layout import rule_table
from dentasync_desktop.domain.dto import OrganisationSettings
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import (
    LifecycleError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from dentasync_desktop.services import orders, printing, settings, workplan
from dentasync_desktop.services.order_detail import get_order

from ..documents_samples import FONTS_DIR, needs_pdftotext, pdf_pages, pdf_text
from ..factories import World
from .helpers import db_state, new_order, refused


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the printed files (tmp_path also holds the database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def text_of(path: Path) -> str:
    return " ".join(pdf_text(path.read_bytes()).split())


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@needs_pdftotext
def test_an_order_form_is_written_with_the_orders_own_data(world: World, out: Path) -> None:
    order = new_order(world)
    workplan.plan_automatically(world.uow(), world.admin, order.id)
    before = db_state(world)
    result = printing.print_order_form(world.uow(), world.admin, order.number,
                                       out / "form.pdf")
    assert result.path == out / "form.pdf" and result.notes == ()
    text = text_of(result.path)
    for expected in ("WO-000001", "Draft", "Dr. Ørsted", "Smile Clinic", "Anna Schäfer",
                     "Zahntechnik Müller GmbH", "Zirconia crown", "Ceramic layering",
                     "Crown 11, zirconia", "Technician signature", "WO-000001 · page 1 of 1"):
        assert expected in text, expected
    assert "€250.00" not in text  # prices are not a default section
    assert leftovers(out) == []
    assert db_state(world) == before  # printing changes nothing, not even the activity log


@needs_pdftotext
def test_sections_are_remembered_and_used_by_default(world: World, out: Path) -> None:
    order = new_order(world)
    assert printing.remembered_sections(world.uow()) == printing.DEFAULT_SECTIONS
    saved = printing.save_sections(world.uow(), world.actors[Role.TECHNICIAN],
                                   ["prices", "items"])
    assert saved == {"items", "prices"}
    assert printing.remembered_sections(world.uow()) == {"items", "prices"}
    text = text_of(printing.print_order_form(world.uow(), world.admin, order.number,
                                             out / "a.pdf").path)
    assert "€250.00" in text and "Technician signature" not in text

    printing.save_sections(world.uow(), world.admin, [])
    assert printing.remembered_sections(world.uow()) == frozenset()
    text = text_of(printing.print_order_form(world.uow(), world.admin, order.number,
                                             out / "b.pdf").path)
    assert "WO-000001" in text and "Zirconia crown" not in text

    text = text_of(printing.print_order_form(world.uow(), world.admin, order.number,
                                             out / "c.pdf", sections={"work_plan"}).path)
    assert "No work plan." in text
    assert printing.remembered_sections(world.uow()) == frozenset()  # an explicit choice


def test_unknown_sections_are_refused_and_not_remembered(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        printing.save_sections(world.uow(), world.admin, ["items", "pictures"])
    assert error.value.field == "sections"
    assert printing.remembered_sections(world.uow()) == printing.DEFAULT_SECTIONS


@needs_pdftotext
def test_paper_comes_from_settings_unless_chosen(world: World, out: Path) -> None:
    order = new_order(world)
    settings.save_settings(world.uow(), world.admin,
                           OrganisationSettings(name="Łukasz Lab", paper_size="letter"))

    def page_width(path: Path) -> int:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout
        return 612 if b"612 x 792" in info else 595

    default = printing.print_order_form(world.uow(), world.admin, order.number,
                                        out / "letter.pdf")
    chosen = printing.print_order_form(world.uow(), world.admin, order.number,
                                       out / "a4.pdf", paper="A4")
    assert page_width(default.path) == 612 and page_width(chosen.path) == 595
    assert "Łukasz Lab" in text_of(default.path)


# On a server the database keeps the logo's content: test_attachment_store.py.
@pytest.mark.sqlite_only
@needs_pdftotext
def test_the_logo_from_settings_prints_and_a_vanished_logo_is_a_note(
        world: World, out: Path) -> None:
    order = new_order(world)
    logo = out / "logo.png"
    Image.new("RGB", (120, 60), (29, 78, 216)).save(logo)
    settings.save_settings(world.uow(), world.admin,
                           replace(OrganisationSettings(), name="Lab", logo_path=str(logo)))
    result = printing.print_order_form(world.uow(), world.admin, order.number,
                                       out / "with-logo.pdf")
    assert result.notes == ()
    logo.unlink()
    result = printing.print_order_form(world.uow(), world.admin, order.number,
                                       out / "without-logo.pdf")
    assert len(result.notes) == 1 and "logo.png" in result.notes[0]
    assert "WO-000001" in text_of(result.path)


def test_an_unknown_number_or_folder_is_refused_and_writes_nothing(
        world: World, out: Path) -> None:
    new_order(world)
    with refused(world, NotFound, match="There is no work order WO-000042"):
        printing.print_order_form(world.uow(), world.admin, 42, out / "x.pdf")
    with pytest.raises(ValidationError) as error:
        printing.print_box_label(world.uow(), world.admin, 1, out / "none" / "x.pdf")
    assert error.value.field == "output file"
    with pytest.raises(ValidationError) as error:
        printing.print_order_form(world.uow(), world.admin, 1, out)
    assert "is a folder" in error.value.message
    with pytest.raises(ValidationError) as error:
        printing.print_order_form(world.uow(), world.admin, 1, out / "x.pdf",
                                  paper="a5")
    assert error.value.field == "paper"
    with pytest.raises(ValidationError) as error:
        printing.print_box_label(world.uow(), world.admin, 1, out / "x.pdf", size="2x1")
    assert error.value.field == "size"
    assert sorted(p.name for p in out.iterdir()) == []


def test_a_failed_print_keeps_the_existing_file(world: World, out: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    order = new_order(world)
    target = out / "form.pdf"
    target.write_bytes(b"the previous form")

    def broken(*_args: object, **_kwargs: object) -> tuple[str, ...]:
        raise OSError("disk full")

    monkeypatch.setattr(order_form, "write_order_forms", broken)  # the writer printing calls
    with pytest.raises(OSError):
        printing.print_order_form(world.uow(), world.admin, order.number, target)
    assert target.read_bytes() == b"the previous form"
    assert leftovers(out) == []


def test_permissions_and_lifecycle_apply(world: World, out: Path) -> None:
    order = new_order(world)
    technician = world.actors[Role.TECHNICIAN]
    printing.print_order_form(world.uow(), technician, order.number, out / "form.pdf")
    printing.print_box_label(world.uow(), technician, order.number, out / "label.pdf")
    with refused(world, PermissionDenied):
        printing.print_payment_instructions(world.uow(), technician, order.number,
                                            out / "pay.pdf")
    orders.cancel(world.uow(), world.admin, order.id, order.version, "Ordered twice")
    with refused(world, LifecycleError, match="Payment instructions"):
        printing.print_payment_instructions(world.uow(), world.admin, order.number,
                                            out / "pay.pdf")
    assert not (out / "pay.pdf").exists()
    printing.print_order_form(world.uow(), world.admin, order.number, out / "cancelled.pdf")


@needs_pdftotext
def test_labels_and_payment_instructions(world: World, out: Path) -> None:
    order = new_order(world)
    for size in printing.LABELS:
        result = printing.print_box_label(world.uow(), world.admin, order.number,
                                          out / f"label-{size}.pdf", size=size)
        text = text_of(result.path)
        assert "WO-000001" in text and "Anna Schäfer" in text and "11/9/2026" in text
    result = printing.print_payment_instructions(world.uow(), world.admin, order.number,
                                                 out / "pay.pdf")
    text = text_of(result.path)
    for expected in ("Amount due €500.00", "IBAN DE89 3704 0044 0532 0130 00",
                     "BIC COBADEFFXXX", "Account holder Zahntechnik Müller GmbH",
                     "Payment reference WO-000001", "Dr. Ørsted, Smile Clinic"):
        assert expected in text, expected
    assert result.notes == ()
    other = new_order(world, lab_id=world.lab2_id)
    result = printing.print_payment_instructions(world.uow(), world.admin, other.number,
                                                 out / "pay2.pdf")
    assert any("Łukasz Dental Lab has no IBAN" in note for note in result.notes)


@needs_pdftotext
def test_a_batch_merges_the_forms_with_progress(world: World, out: Path) -> None:
    made = [new_order(world, description=f"Case {i}") for i in range(3)]
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    result = printing.print_batch(world.uow_factory, world.admin,
                                  [o.id for o in made] + [made[0].id], out / "batch.pdf",
                                  progress=progress)
    assert result is not None
    pages = pdf_pages(result.path.read_bytes())
    assert len(pages) == 3
    for page, order in zip(pages, made, strict=True):
        assert f"{order.number_text} · page 1 of 1" in page
        assert get_order(world.uow(), world.admin, order.id).description in page
    assert calls == [(i, 6) for i in range(7)]
    assert leftovers(out) == []


@pytest.mark.parametrize("stop_at", [1, 4])  # while reading, while laying out
def test_a_cancelled_batch_leaves_no_file(world: World, out: Path, stop_at: int) -> None:
    made = [new_order(world) for _ in range(3)]
    target = out / "batch.pdf"
    result = printing.print_batch(world.uow_factory, world.admin, [o.id for o in made], target,
                                  progress=lambda done, _total: done < stop_at)
    assert result is None
    assert list(out.iterdir()) == []


def test_a_batch_needs_orders_and_existing_ones(world: World, out: Path) -> None:
    with pytest.raises(ValidationError) as error:
        printing.print_batch(world.uow_factory, world.admin, [], out / "b.pdf")
    assert error.value.field == "orders"
    order = new_order(world)
    with pytest.raises(NotFound):
        printing.print_batch(world.uow_factory, world.admin, [order.id, 999], out / "b.pdf")
    assert list(out.iterdir()) == []


@needs_pdftotext
def test_plain_table_cells_print_any_name_as_written(tmp_path: Path) -> None:
    register_fonts(FONTS_DIR)
    target = tmp_path / "cells.pdf"
    SimpleDocTemplate(str(target)).build([rule_table([["Łukasz Ğül Ørsted"]], [300])])
    assert "Łukasz Ğül Ørsted" in pdf_text(target.read_bytes())
