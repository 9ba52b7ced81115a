"""Where attachment content lives: the data folder on SQLite, the database on a server (so
every PC sees it), stored once per content and moved in chunks either way."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import delete, func, select

from dentasync_desktop.db.engine import make_session_factory
from dentasync_desktop.db.models import Attachment, Blob, BlobChunk
from dentasync_desktop.domain.dto import OrganisationSettings
from dentasync_desktop.domain.errors import NotFound, ValidationError
from dentasync_desktop.services import attachments, printing, settings
from dentasync_desktop.services.attachment_store import CHUNK, AttachmentStore
from dentasync_desktop.services.maintenance import Database
from dentasync_desktop.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

from ..conftest import FIXED_NOW
from ..factories import World
from .helpers import new_order, refused

# Three full chunks and a part of a fourth.
SEVERAL_CHUNKS = 3 * CHUNK + 12345


def stored_contents(world: World) -> dict[str, int]:
    """The distinct contents the store holds, by SHA-256, with their sizes."""
    with world.uow().reading() as uow:
        if uow.files.shared:
            return {sha: size for sha, size in uow.session.execute(
                select(Blob.sha256, Blob.size_bytes))}
        return {p.name: p.stat().st_size for p in uow.files.root.rglob("*") if p.is_file()}


def opened(world: World, attachment_id: int) -> bytes:
    """What the system viewer gets when the user opens the attachment."""
    return attachments.local_file(world.uow(), world.admin, attachment_id).read_bytes()


@pytest.fixture
def other_pc(database: Database, tmp_path: Path) -> UnitOfWorkFactory:
    """Units of work of a second PC on the same database, with its own (empty) data folder."""
    factory = make_session_factory(database.engine)
    folder = AttachmentStore(tmp_path / "other pc" / "attachments")
    return lambda: UnitOfWork(factory, folder, clock=lambda: FIXED_NOW)


def test_the_same_file_on_two_orders_is_stored_once_and_both_open(
        world: World, tmp_path: Path) -> None:
    content = os.urandom(CHUNK + 7)
    (tmp_path / "scan.stl").write_bytes(content)
    (tmp_path / "same scan.stl").write_bytes(content)
    first = attachments.add_attachment(world.uow(), world.admin, new_order(world).id,
                                       tmp_path / "scan.stl").attachments[0]
    second = attachments.add_attachment(world.uow(), world.admin, new_order(world).id,
                                        tmp_path / "same scan.stl").attachments[0]
    assert first.order_id != second.order_id and first.sha256 == second.sha256
    assert stored_contents(world) == {first.sha256: len(content)}
    assert opened(world, first.id) == opened(world, second.id) == content


def test_a_file_of_several_chunks_reads_back_byte_identical(
        world: World, tmp_path: Path) -> None:
    content = os.urandom(SEVERAL_CHUNKS)
    (tmp_path / "jaw.stl").write_bytes(content)
    order = attachments.add_attachment(world.uow(), world.admin, new_order(world).id,
                                       tmp_path / "jaw.stl")
    attachment = order.attachments[0]
    assert attachment.size_bytes == SEVERAL_CHUNKS
    assert opened(world, attachment.id) == content


@pytest.mark.postgresql
def test_on_the_server_content_is_kept_in_bounded_chunks_and_opens_on_another_pc(
        world: World, other_pc: UnitOfWorkFactory, tmp_path: Path) -> None:
    content = os.urandom(SEVERAL_CHUNKS)
    (tmp_path / "jaw.stl").write_bytes(content)
    attachment = attachments.add_attachment(world.uow(), world.admin, new_order(world).id,
                                            tmp_path / "jaw.stl").attachments[0]
    with world.uow().reading() as uow:
        sizes = list(uow.session.scalars(select(func.length(BlobChunk.data)).where(
            BlobChunk.sha256 == attachment.sha256).order_by(BlobChunk.index)))
    # No piece of a file is ever bigger than a chunk, in the database or on its way.
    assert sizes == [CHUNK, CHUNK, CHUNK, 12345]
    fetched = attachments.local_file(other_pc(), world.admin, attachment.id)
    assert fetched.read_bytes() == content
    assert tmp_path / "other pc" in fetched.parents  # the second PC's own copy
    fetched.unlink()  # a copy lost (or never fetched) is fetched again
    assert attachments.local_file(other_pc(), world.admin, attachment.id).read_bytes() == content


def test_a_file_over_the_limit_is_refused_naming_the_field_and_stores_nothing(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attachments, "MAX_BYTES", 2 * CHUNK)
    big = tmp_path / "big.stl"
    big.write_bytes(os.urandom(3 * CHUNK))
    order = new_order(world)
    with refused(world, ValidationError,
                 r"^file: 'big.stl' is too large \(3.0 MB\); the limit is 2 MB") as info:
        attachments.add_attachment(world.uow(), world.admin, order.id, big)
    assert getattr(info.value, "field", None) == "file"
    assert stored_contents(world) == {}


def test_deleting_one_reference_keeps_the_content_another_order_uses(
        world: World, tmp_path: Path) -> None:
    (tmp_path / "form.pdf").write_bytes(b"%PDF-1.7 shared lab form")
    first, second = (attachments.add_attachment(world.uow(), world.admin, new_order(world).id,
                                                tmp_path / "form.pdf").attachments[0]
                     for _ in range(2))
    for gone in (first, second):
        with world.uow() as uow:
            uow.session.execute(delete(Attachment).where(Attachment.id == gone.id))
            uow.files.release(gone.sha256)
            uow.commit()
        if gone is first:
            assert opened(world, second.id) == b"%PDF-1.7 shared lab form"
    assert stored_contents(world) == {}


def test_content_gone_from_the_store_is_a_clear_message(world: World, tmp_path: Path) -> None:
    (tmp_path / "scan.png").write_bytes(b"\x89PNG scan")
    attachment = attachments.add_attachment(world.uow(), world.admin, new_order(world).id,
                                            tmp_path / "scan.png").attachments[0]
    with world.uow() as uow:
        uow.files.path_for(attachment.sha256).unlink()
        uow.session.execute(delete(Blob))  # on a server, the content itself
        uow.commit()
    with pytest.raises(NotFound, match=r"^The (file|content) of 'scan\.png' is missing from the "):
        attachments.local_file(world.uow(), world.admin, attachment.id)


def logo_file(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (120, 60), colour).save(path)
    return path


def pdf_images(path: Path) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True,
                             check=True, text=True).stdout
    return len(listing.splitlines()) - 2  # below a two-line heading


@pytest.mark.postgresql
def test_the_logo_is_kept_on_the_server_and_printed_on_another_pc(
        world: World, other_pc: UnitOfWorkFactory, tmp_path: Path) -> None:
    order = new_order(world)
    logo = logo_file(tmp_path / "logo.png", (29, 78, 216))
    saved = settings.save_settings(world.uow(), world.admin, replace(
        OrganisationSettings(), name="Lab", logo_path=str(logo)))
    logo.unlink()  # the file was on the first PC only
    result = printing.print_order_form(other_pc(), world.admin, order.number,
                                       tmp_path / "form.pdf")
    assert result.notes == () and pdf_images(result.path) == 1

    # The second PC saves other settings: the logo it cannot see as a file stays.
    settings.save_settings(other_pc(), world.admin, replace(saved, phone="+49 89 123"))
    assert settings.get_settings(other_pc()).logo_path == saved.logo_path
    assert len(stored_contents(world)) == 1

    # A new logo replaces the old content, unless an attachment has the same content.
    old = logo_file(tmp_path / "old.png", (29, 78, 216))
    attachments.add_attachment(world.uow(), world.admin, order.id, old)
    settings.save_settings(world.uow(), world.admin, replace(
        saved, logo_path=str(logo_file(tmp_path / "new.png", (200, 30, 30)))))
    assert len(stored_contents(world)) == 2
    settings.save_settings(world.uow(), world.admin, replace(
        saved, logo_path=str(logo_file(tmp_path / "newer.png", (30, 200, 30)))))
    assert len(stored_contents(world)) == 2  # the attachment and the newest logo
