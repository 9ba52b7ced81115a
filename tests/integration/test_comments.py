"""Internal comments: anyone may add, only the author may edit."""

from __future__ import annotations

from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import (
    LifecycleError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from dentasync_desktop.services import comments, orders

from ..conftest import FIXED_NOW
from ..factories import World
from .helpers import entry_text, last_activity, new_order, one_activity, refused


def test_add_comment_records_author_and_time(world: World) -> None:
    order = new_order(world)
    tech = world.actors[Role.TECHNICIAN]
    with one_activity(world, order.id):
        order = comments.add_comment(world.uow(), tech, order.id, "  Shade A2 looks too light  ")
    comment = order.comments[0]
    assert (comment.author_id, comment.author_name, comment.body) == (
        tech.user_id, "Technician User", "Shade A2 looks too light")
    assert (comment.created_at, comment.edited_at) == (FIXED_NOW, None)
    entry = last_activity(world)
    assert (entry.action, entry.entity, entry.entity_id) == ("add_comment", "comment", comment.id)


def test_long_comment_is_kept_whole_but_summarised(world: World) -> None:
    body = "word " * 2000  # 10 000 characters before trimming the last space
    order = comments.add_comment(world.uow(), world.admin, new_order(world).id, body)
    assert order.comments[0].body == body.strip()
    assert entry_text(last_activity(world)).endswith("…\"")


def test_add_comment_refusals(world: World) -> None:
    order = new_order(world)
    with refused(world, ValidationError, "^Comment: Required"):
        comments.add_comment(world.uow(), world.admin, order.id, " \n ")
    with refused(world, ValidationError, "^Comment: Too long"):
        comments.add_comment(world.uow(), world.admin, order.id, "x" * 10_001)
    with refused(world, NotFound):
        comments.add_comment(world.uow(), world.admin, 12345, "Hello")
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        comments.add_comment(world.uow(), world.admin, order.id, "Too late")


def test_only_the_author_edits(world: World) -> None:
    front_desk = world.actors[Role.FRONT_DESK]
    order = comments.add_comment(world.uow(), front_desk, new_order(world).id, "Call patient")
    comment_id = order.comments[0].id
    with one_activity(world, order.id):
        order = comments.edit_comment(world.uow(), front_desk, comment_id, "Call patient Monday")
    comment = order.comments[0]
    assert (comment.body, comment.edited_at, comment.created_at) == (
        "Call patient Monday", FIXED_NOW, FIXED_NOW)
    entry = last_activity(world)
    assert '"Call patient"' in entry.before and '"Call patient Monday"' in entry.after
    for other in (world.admin, world.actors[Role.MANAGER]):
        with refused(world, PermissionDenied, r"Only the author \(Front desk User\)"):
            comments.edit_comment(world.uow(), other, comment_id, "Hijacked")
    with refused(world, ValidationError, "^Comment: Required"):
        comments.edit_comment(world.uow(), front_desk, comment_id, "")
    with refused(world, NotFound, "Comment #77"):
        comments.edit_comment(world.uow(), front_desk, 77, "x")


def test_comments_of_a_cancelled_order_cannot_be_edited(world: World) -> None:
    order = comments.add_comment(world.uow(), world.admin, new_order(world).id, "Note")
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        comments.edit_comment(world.uow(), world.admin, order.comments[0].id, "Changed")
