"""Files attached to an order: stored by content (in the data folder, or in the database on a
server: services/attachment_store.py), listed by original name."""

from __future__ import annotations

import mimetypes
import stat
from pathlib import Path

from ..db.models import Attachment
from ..domain.actions import Action
from ..domain.dto import Actor, OrderDetail
from ..domain.errors import NotFound, ValidationError
from ..domain.text import safe_file_name
from . import activity
from .guards import get, order_for, signed_in
from .order_detail import load_detail
from .unit_of_work import UnitOfWork

MAX_BYTES = 200 * 1024 * 1024
MIME_LIMIT = 100
FALLBACK_MIME = "application/octet-stream"


def _checked_source(source: Path) -> str:
    """The cleaned name of a regular, readable file not above the size limit."""
    name = safe_file_name(str(source)) if str(source) not in ("", ".") else ""
    if not name:
        raise ValidationError("file", code="choose_file")
    try:
        info = source.stat()
    except FileNotFoundError:
        raise ValidationError("file", code="file_missing", params={"name": name}) from None
    except OSError as error:
        raise ValidationError("file", code="file_unreadable",
                              params={"name": name, "reason": error.strerror}) from None
    except ValueError:  # a NUL, or a lone surrogate the file system cannot encode
        raise ValidationError("file", code="bad_file_name", params={"name": name}) from None
    if stat.S_ISDIR(info.st_mode):
        raise ValidationError("file", code="file_is_folder", params={"name": name})
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError("file", code="not_ordinary_file", params={"name": name})
    _check_size(name, info.st_size)
    return name


def _check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise ValidationError("file", code="file_too_large",
                              params={"name": name, "size": size, "limit": MAX_BYTES})


def store_file(uow: UnitOfWork, source: Path) -> tuple[str, int]:
    """Put the local file ``source`` into ``uow``'s store, in chunks and once per content;
    returns (sha256, size). Call it inside the open unit of work, which the caller commits
    (on a server the content is written by that transaction)."""
    return uow.files.put(source)


def add_attachment(uow: UnitOfWork, actor: Actor, order_id: int, source: Path) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.ATTACHMENTS)
        name = _checked_source(Path(source))
        # The copy lands in the store before the row is committed. If the database write then
        # fails, the file stays behind: harmless, as it is named by its content, and the next
        # attachment with the same content reuses it.
        try:
            sha256, size = store_file(uow, Path(source))
        except OSError as error:
            raise ValidationError("file", code="file_unreadable",
                                  params={"name": name, "reason": error.strerror}) from None
        _check_size(name, size)  # it may have grown since it was looked at
        mime = (mimetypes.guess_type(name, strict=False)[0] or FALLBACK_MIME)[:MIME_LIMIT]
        attachment = Attachment(
            order_id=order.id, sha256=sha256, original_name=name, size_bytes=size,
            mime_type=mime, added_by_id=actor.user_id, added_at=uow.now())
        uow.session.add(attachment)
        uow.session.flush()
        activity.record(uow, actor, "add_attachment",
                        "attachment.added", {"order": order.number, "name": name},
                        entity="attachment", entity_id=attachment.id, order_id=order.id,
                        after={"name": name, "size_bytes": size, "sha256": sha256,
                               "mime_type": mime})
        uow.commit()
        return load_detail(uow, order_id)


def remove_attachment(uow: UnitOfWork, actor: Actor, attachment_id: int) -> OrderDetail:
    """Hide the attachment from the order; the row and the stored file stay (copies share it)."""
    with uow:
        attachment = get(uow, Attachment, attachment_id, "Attachment")
        order, _ = order_for(uow, actor, attachment.order_id, Action.ATTACHMENTS)
        if attachment.removed:
            raise ValidationError("attachment", code="already_removed",
                                  params={"name": attachment.original_name})
        attachment.removed, attachment.removed_at = True, uow.now()
        attachment.removed_by_id = actor.user_id
        activity.record(uow, actor, "remove_attachment",
                        "attachment.removed",
                        {"order": order.number, "name": attachment.original_name},
                        entity="attachment", entity_id=attachment.id, order_id=order.id,
                        before={"name": attachment.original_name, "removed": False},
                        after={"removed": True})
        uow.commit()
        return load_detail(uow, order.id)


def local_file(uow: UnitOfWork, actor: Actor, attachment_id: int) -> Path:
    """A file on this PC with the attachment's content, for the system viewer: the stored file
    itself, or on a server a copy fetched from the database in chunks (kept for next time)."""
    with uow.reading():
        signed_in(uow, actor)
        attachment = get(uow, Attachment, attachment_id, "Attachment")
        try:
            return uow.files.local_path(attachment.sha256)
        except FileNotFoundError:
            code = ("attachment_content_missing" if uow.files.shared
                    else "attachment_file_missing")
            raise NotFound(code=code, params={
                "name": attachment.original_name,
                "folder": str(uow.files.path_for(attachment.sha256).parent)}) from None
