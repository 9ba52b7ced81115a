"""Services from worker threads: each unit of work opens its own session (and SQLite
connection) on the thread that uses it, so nothing crosses threads."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from dentasync_desktop.domain.dto import OrderFilter
from dentasync_desktop.services import comments, order_detail, order_list
from dentasync_desktop.services.changes import Change, ChangeKind
from dentasync_desktop.services.maintenance import Database

from ..factories import World
from .helpers import new_order


def test_many_threads_read_and_write_through_one_factory(world: World, database: Database
                                                         ) -> None:
    order = new_order(world)
    heard: list[Change] = []
    lock = threading.Lock()

    def listen(batch: tuple[Change, ...]) -> None:
        with lock:
            heard.extend(batch)

    database.bus.subscribe(listen)
    main = threading.get_ident()
    session_threads: set[int] = set()
    # One writer at a time: two deferred transactions upgrading to write locks at once get
    # SQLITE_BUSY at once (BEGIN IMMEDIATE with retries is the "limits" branch's change).
    writing = threading.Lock()

    def work(n: int) -> int:
        uow = world.uow()
        with uow:
            session_threads.add(threading.get_ident())  # the session lives on this thread
        with writing:
            comments.add_comment(world.uow(), world.admin, order.id, f"note {n}")
        order_list.list_orders(world.uow(), world.admin, OrderFilter(), 0, 10)
        return len(order_detail.get_order(world.uow(), world.admin, order.id).comments)

    with ThreadPoolExecutor(max_workers=4) as pool:
        counts = list(pool.map(work, range(12)))

    assert main not in session_threads and len(session_threads) > 1
    assert max(counts) == 12
    assert len(order_detail.get_order(world.uow(), world.admin, order.id).comments) == 12
    assert [c.kind for c in heard] == [ChangeKind.COMMENT] * 12
    assert {c.order_id for c in heard} == {order.id}
