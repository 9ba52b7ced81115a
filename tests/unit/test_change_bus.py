"""The change bus and the unit of work's publish-after-commit rule (no database, no Qt)."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy.orm.exc import StaleDataError

from dentasync_desktop.domain.errors import ConcurrencyError
from dentasync_desktop.services.changes import Change, ChangeBus, ChangeKind
from dentasync_desktop.services.unit_of_work import UnitOfWork

ORDER_7 = Change(ChangeKind.ORDER, (7,), 7, 1)
EVENT_3 = Change(ChangeKind.EVENT, (3,), 7, 1)


class FakeSession:
    def __init__(self, fail_commit: bool = False) -> None:
        self.fail_commit = fail_commit
        self.log: list[str] = []

    def connection(self, execution_options: object = None) -> None:
        """Where the unit of work takes the write lock; nothing to lock here."""

    def commit(self) -> None:
        if self.fail_commit:
            raise StaleDataError("stale")
        self.log.append("commit")

    def rollback(self) -> None:
        self.log.append("rollback")

    def get_bind(self) -> Any:
        """An SQLite bind: nothing to tell other PCs."""
        return SimpleNamespace(dialect=SimpleNamespace(name="sqlite"))

    def close(self) -> None:
        self.log.append("close")


def unit(bus: ChangeBus, session: FakeSession | None = None) -> UnitOfWork:
    fake = session or FakeSession()
    return UnitOfWork(lambda: fake, files=None, bus=bus)  # type: ignore[arg-type,return-value]


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def heard(bus: ChangeBus) -> list[tuple[Change, ...]]:
    batches: list[tuple[Change, ...]] = []
    bus.subscribe(batches.append)
    return batches


def test_changes_are_published_once_after_commit_as_one_batch(bus: ChangeBus, heard: Any
                                                               ) -> None:
    with unit(bus) as uow:
        uow.changed(ORDER_7)
        uow.announce(ChangeKind.EVENT, (3,), 7, 1)
        uow.changed(ORDER_7)
        assert heard == []  # nothing before the commit
        uow.commit()
    assert heard == [(ORDER_7, EVENT_3)]  # duplicates dropped, order kept


def test_nothing_is_published_on_rollback_or_an_exception(bus: ChangeBus, heard: Any) -> None:
    with unit(bus) as uow:
        uow.changed(ORDER_7)
        uow.rollback()
        uow.commit()  # a commit after a rollback has nothing left to publish
    with pytest.raises(RuntimeError), unit(bus) as uow:
        uow.changed(ORDER_7)
        raise RuntimeError("refused half-way")
    with unit(bus) as uow:  # the next transaction starts clean
        uow.commit()
    assert heard == []


def test_a_failed_commit_publishes_nothing(bus: ChangeBus, heard: Any) -> None:
    with pytest.raises(ConcurrencyError), unit(bus, FakeSession(fail_commit=True)) as uow:
        uow.changed(ORDER_7)
        uow.commit()
    assert heard == []


def test_every_subscriber_hears_even_if_one_fails_and_unsubscribe_stops_it(bus: ChangeBus
                                                                           ) -> None:
    first: list[tuple[Change, ...]] = []
    second: list[tuple[Change, ...]] = []

    def broken(_batch: tuple[Change, ...]) -> None:
        raise ValueError("listener bug")

    bus.subscribe(first.append)
    bus.subscribe(broken)
    stop_second = bus.subscribe(second.append)
    bus.publish([ORDER_7])
    stop_second()
    bus.publish([EVENT_3])
    bus.publish([])  # an empty batch is not worth a call
    assert first == [(ORDER_7,), (EVENT_3,)]
    assert second == [(ORDER_7,)]


def test_publish_and_subscribe_from_many_threads(bus: ChangeBus) -> None:
    heard: list[Change] = []
    lock = threading.Lock()

    def listener(batch: tuple[Change, ...]) -> None:
        with lock:
            heard.extend(batch)

    start = threading.Barrier(8)

    def publisher(n: int) -> None:
        start.wait()
        for i in range(200):
            bus.publish([Change(ChangeKind.ORDER, (n * 1000 + i,))])
            if i == 100:
                bus.subscribe(lambda _batch: None)  # the list changes while others publish

    bus.subscribe(listener)
    threads = [threading.Thread(target=publisher, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(c.ids[0] for c in heard) == sorted(n * 1000 + i for n in range(8)
                                                      for i in range(200))
