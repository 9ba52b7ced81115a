"""Internal notes on an order, with their author and time."""

from __future__ import annotations

from ..db.models import Comment
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, OrderDetail
from ..domain.errors import PermissionDenied
from . import activity
from .guards import get, order_for
from .order_detail import load_detail
from .unit_of_work import UnitOfWork

BODY_LIMIT = validation.LONG_TEXT
_PREVIEW = 60


def _preview(body: str) -> str:
    line = " ".join(body.split())
    return line if len(line) <= _PREVIEW else line[:_PREVIEW - 1] + "…"


def add_comment(uow: UnitOfWork, actor: Actor, order_id: int, body: str) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.COMMENT)
        text = validation.required(body, "comment", BODY_LIMIT)
        comment = Comment(order_id=order.id, author_id=actor.user_id,
                          author_name=actor.full_name or actor.username, body=text,
                          created_at=uow.now())
        uow.session.add(comment)
        uow.session.flush()
        activity.record(uow, actor, "add_comment",
                        "comment.added", {"order": order.number, "preview": _preview(text)},
                        entity="comment", entity_id=comment.id, order_id=order.id,
                        after={"body": text})
        uow.commit()
        return load_detail(uow, order_id)


def edit_comment(uow: UnitOfWork, actor: Actor, comment_id: int, body: str) -> OrderDetail:
    """Only the author may reword a comment; the log keeps the old wording."""
    with uow:
        comment = get(uow, Comment, comment_id, "Comment")
        order, _ = order_for(uow, actor, comment.order_id, Action.COMMENT)
        if actor.user_id is None or comment.author_id != actor.user_id:
            raise PermissionDenied(code="not_comment_author",
                                   params={"author": comment.author_name})
        text = validation.required(body, "comment", BODY_LIMIT)
        before = comment.body
        if text == before:
            return load_detail(uow, order.id)
        comment.body, comment.edited_at = text, uow.now()
        activity.record(uow, actor, "edit_comment",
                        "comment.edited", {"order": order.number, "preview": _preview(text)},
                        entity="comment", entity_id=comment.id, order_id=order.id,
                        before={"body": before}, after={"body": text})
        uow.commit()
        return load_detail(uow, order.id)
