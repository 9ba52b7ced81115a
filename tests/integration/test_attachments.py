"""Attachments: content-addressed copies, untrusted names, soft removal."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from dentasync_desktop.db.models import Attachment
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import LifecycleError, NotFound, ValidationError
from dentasync_desktop.services import attachments, order_detail, orders

from ..conftest import FIXED_NOW
from ..factories import World
from .helpers import last_activity, new_order, one_activity, refused


def make_file(folder: Path, name: str, content: bytes = b"%PDF-1.7 lab form") -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def test_add_attachment_copies_by_content(world: World, tmp_path: Path) -> None:
    source = make_file(tmp_path, "Lab form 11.pdf")
    order = new_order(world)
    with one_activity(world, order.id):
        order = attachments.add_attachment(world.uow(), world.actors[Role.TECHNICIAN], order.id,
                                           source)
    att = order.attachments[0]
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert (att.original_name, att.size_bytes, att.mime_type, att.sha256) == (
        "Lab form 11.pdf", source.stat().st_size, "application/pdf", digest)
    assert (att.added_by, att.added_at) == ("Technician User", FIXED_NOW)
    assert att.path.read_bytes() == source.read_bytes()
    assert att.path.name == digest
    entry = last_activity(world)
    assert (entry.entity, entry.entity_id) == ("attachment", att.id)


def test_same_content_is_stored_once(world: World, tmp_path: Path) -> None:
    first = make_file(tmp_path, "scan.xyz123", b"\x00\x01 intraoral scan")
    second = make_file(tmp_path, "copy of scan.bin", first.read_bytes())
    order = new_order(world)
    attachments.add_attachment(world.uow(), world.admin, order.id, first)
    order = attachments.add_attachment(world.uow(), world.admin, order.id, second)
    one, two = order.attachments
    assert one.sha256 == two.sha256 and one.path == two.path
    assert one.mime_type == "application/octet-stream"
    assert [a.original_name for a in order.attachments] == ["scan.xyz123", "copy of scan.bin"]
    stored = [p for p in one.path.parent.parent.rglob("*") if p.is_file()]
    assert stored == [one.path]


def test_untrusted_names_are_cleaned(world: World, tmp_path: Path) -> None:
    order = new_order(world)
    tricky = make_file(tmp_path, "..\\..\\Windows\\evil\u202efdp.exe\x07")
    order = attachments.add_attachment(world.uow(), world.admin, order.id, tricky)
    assert order.attachments[0].original_name == "evilfdp.exe"


@pytest.mark.parametrize(("file_name", "shown"), [
    ("CON", "_CON"), ("NUL.txt", "_NUL.txt"), ("com1", "_com1"), ("name:stream", "name_stream"),
    ("scan. . .", "scan"),
])
def test_names_windows_cannot_save_are_made_safe(
    world: World, tmp_path: Path, file_name: str, shown: str
) -> None:
    order = new_order(world)
    order = attachments.add_attachment(world.uow(), world.admin, order.id,
                                       make_file(tmp_path, file_name))
    assert order.attachments[0].original_name == shown


def test_a_name_stored_before_the_windows_rules_is_shown_safe(
    world: World, tmp_path: Path
) -> None:
    order = new_order(world)
    order = attachments.add_attachment(world.uow(), world.admin, order.id,
                                       make_file(tmp_path, "scan.pdf"))
    with world.uow() as uow:
        uow.session.execute(update(Attachment).values(original_name="LPT1.pdf"))
        uow.commit()
    shown = order_detail.get_order(world.uow(), world.admin, order.id).attachments[0]
    assert shown.original_name == "_LPT1.pdf"


def test_unusable_sources_are_refused_without_copying(world: World, tmp_path: Path) -> None:
    order = new_order(world)
    huge = tmp_path / "huge.stl"
    with huge.open("wb") as handle:
        handle.truncate(attachments.MAX_BYTES + 1)  # sparse: no real 200 MB written
    cases = [
        (tmp_path / "gone.pdf", "^File: 'gone.pdf' does not exist"),
        (tmp_path, f"^File: '{tmp_path.name}' is a folder"),
        (Path(""), "^File: Choose a file"),
        (huge, r"^File: 'huge.stl' is too large \(200.0 MB\); the limit is 200 MB"),
    ]
    for source, message in cases:
        with refused(world, ValidationError, message):
            attachments.add_attachment(world.uow(), world.admin, order.id, source)
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        attachments.add_attachment(world.uow(), world.admin, order.id,
                                   make_file(tmp_path, "late.pdf"))


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are a POSIX file type here")
def test_a_named_pipe_is_not_read(world: World, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    order = new_order(world)
    with refused(world, ValidationError, "^File: 'pipe.pdf' is not an ordinary file"):
        attachments.add_attachment(world.uow(), world.admin, order.id, pipe)


def test_remove_is_soft_and_keeps_the_file(world: World, tmp_path: Path) -> None:
    order = new_order(world)
    order = attachments.add_attachment(world.uow(), world.admin, order.id,
                                       make_file(tmp_path, "form.pdf"))
    att = order.attachments[0]
    front_desk = world.actors[Role.FRONT_DESK]
    with one_activity(world, order.id):
        order = attachments.remove_attachment(world.uow(), front_desk, att.id)
    assert order.attachments == ()
    assert att.path.exists()
    with world.uow() as uow:
        row = uow.session.scalars(select(Attachment)).one()
        assert (row.removed, row.removed_at, row.removed_by_id) == (
            True, FIXED_NOW, front_desk.user_id)
    with refused(world, ValidationError, "^Attachment: 'form.pdf' was already removed"):
        attachments.remove_attachment(world.uow(), world.admin, att.id)
    with refused(world, NotFound, "Attachment #31337"):
        attachments.remove_attachment(world.uow(), world.admin, 31337)


def test_attachments_of_a_cancelled_order_stay(world: World, tmp_path: Path) -> None:
    order = new_order(world)
    order = attachments.add_attachment(world.uow(), world.admin, order.id,
                                       make_file(tmp_path, "form.pdf"))
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        attachments.remove_attachment(world.uow(), world.admin, order.attachments[0].id)
