"""The lookup combo searches through the worker; a late answer never overwrites a newer one."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from pytestqt.qtbot import QtBot

from dentasync_desktop.gui.widgets.lookup import LookupCombo
from dentasync_desktop.gui.worker import Job, JobControl

from .conftest import settle


@dataclass(frozen=True)
class Record:
    id: int
    name: str


def test_an_older_search_answering_late_is_dropped(qtbot: QtBot) -> None:
    slow_may_answer = threading.Event()

    def search(text: str) -> Job[list[Record]]:
        def work(_control: JobControl) -> list[Record]:
            if text == "slow":
                slow_may_answer.wait(10)
            return [Record(1, f"{text} lab")]

        return Job(work)

    combo = LookupCombo(search, lambda record: record.name)
    qtbot.addWidget(combo)
    settle(qtbot)
    assert [combo.itemText(i) for i in range(combo.count())] == [" lab"]
    loaded: list[None] = []
    combo.loaded.connect(lambda: loaded.append(None))

    combo.reload("slow")
    newest = combo.reload("fast")
    qtbot.waitUntil(lambda: newest.done)
    assert [combo.itemText(i) for i in range(combo.count())] == ["fast lab"]
    slow_may_answer.set()
    settle(qtbot)
    assert [combo.itemText(i) for i in range(combo.count())] == ["fast lab"]
    assert loaded == [None] and combo.searching is None
