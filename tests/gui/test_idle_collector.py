"""Full cycle collections run between the user's steps (gui/idle_collector.py): driven by a clock,
gc counts and jobs of the test's own, the timer's and the event loop's moments called by hand."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from dentasync_desktop.gui import idle_collector
from dentasync_desktop.gui.idle_collector import EVERY, IDLE_MS, SAFETY, IdleCollector


class Drive:
    """What the collector reads: the time, gc's counts, the running jobs; and what it ran."""

    def __init__(self) -> None:
        self.now = 100.0
        self.counts = (0, 0, 0)
        self.jobs = 0
        self.collected: list[str] = []
        self.owner = QObject()  # the collectors made go with the test's Drive

    def make(self) -> IdleCollector:
        return IdleCollector(self.owner, clock=lambda: self.now, jobs=lambda: self.jobs,
                             counts=lambda: self.counts,
                             collect=lambda generation: self.collected.append(
                                 ("young", "middle", "full")[generation]))


@pytest.fixture
def drive(qapp: QApplication) -> Iterator[Drive]:
    assert gc.isenabled()
    yield Drive()
    QCoreApplication.removePostedEvents(None)


def wheel() -> QWheelEvent:
    return QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(), QPoint(0, -120),
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                       Qt.ScrollPhase.NoScrollPhase, False)


def fire(idle: IdleCollector) -> None:
    """The single-shot timer's timeout, now."""
    idle.idle_timer.stop()
    idle.idle_timer_fired()


def test_a_full_collection_waits_until_the_user_has_left_the_app_alone(
        qapp: QApplication, drive: Drive) -> None:
    idle = drive.make()
    drive.counts = (0, 0, 1)  # a middle collection has moved survivors to the oldest
    assert not idle.eventFilter(idle, QPaintEvent(QRect()))
    assert not idle.idle_timer.isActive()  # painting is no input
    assert not idle.eventFilter(idle, wheel())
    assert idle.idle_timer.isActive() and idle.idle_timer.interval() == IDLE_MS

    drive.now += 0.4
    idle.input_seen()  # another notch: the timer runs on, the input's time is noted
    drive.now += 0.6
    fire(idle)  # 1 s after the first notch, 0.6 s after the last
    assert drive.collected == [] and idle.idle_timer.interval() == IDLE_MS - 600

    drive.now += 0.4
    drive.jobs = 1
    fire(idle)
    assert drive.collected == [] and idle.idle_timer.interval() == IDLE_MS

    drive.now += 1
    drive.jobs = 0
    fire(idle)
    assert drive.collected == ["full"] and not idle.idle_timer.isActive()

    drive.counts = (0, 0, 0)  # nothing reached the oldest generation since
    idle.input_seen()
    drive.now += 1
    fire(idle)
    assert drive.collected == ["full"]


def test_a_scroll_collects_after_a_steps_paint(qapp: QApplication, drive: Drive) -> None:
    painted: list[str] = []

    class Rows(QWidget):
        def paintEvent(self, event: QPaintEvent) -> None:
            painted.append("paint")

    rows = Rows()
    rows.show()
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents()
    painted.clear()
    between = drive.make()
    drive.collected = painted
    drive.counts = (0, EVERY - 1, EVERY - 1)
    between.loop_quiet()
    QCoreApplication.sendPostedEvents()
    assert painted == []

    drive.counts = (0, EVERY, EVERY - 1)  # Python would have run a middle collection
    rows.update()  # the step's paint, still queued when the event loop says it may wait
    between.loop_quiet()
    QCoreApplication.sendPostedEvents()
    assert painted == ["paint", "middle"]

    painted.clear()
    drive.counts = (0, EVERY, EVERY)  # and now a full one
    rows.update()
    between.loop_quiet()
    between.loop_quiet()  # said again before the first is delivered: one collection
    QCoreApplication.sendPostedEvents()
    assert painted == ["paint", "full"]

    drive.jobs = 1  # a page on its way: its worker would wait for the GIL
    between.loop_quiet()
    QCoreApplication.sendPostedEvents()
    assert painted == ["paint", "full"]

    drive.jobs = 0
    between.loop_quiet()
    drive.jobs = 1  # began between the post and its delivery
    QCoreApplication.sendPostedEvents()
    assert painted == ["paint", "full"]

    drive.counts = (0, 2 * EVERY - 1, 2 * EVERY)  # pages kept coming: no longer waits for them
    between.loop_quiet()
    QCoreApplication.sendPostedEvents()
    assert painted == ["paint", "full", "full"]
    rows.close()


def test_nothing_is_collected_while_the_start_keeps_the_collector_off(
        qapp: QApplication, drive: Drive) -> None:
    idle = drive.make()
    drive.counts = (0, EVERY, EVERY)
    gc.disable()
    try:
        idle.loop_quiet()
        QCoreApplication.sendPostedEvents()
        idle.input_seen()
        drive.now += 2
        fire(idle)
    finally:
        gc.enable()
    assert drive.collected == []


def test_python_collects_the_older_generations_by_itself_only_far_later_while_installed(
        qapp: QApplication) -> None:
    before = gc.get_threshold()
    installed = idle_collector.install(qapp)
    widget = QWidget()
    try:
        young, middle, full = before
        assert gc.get_threshold() == (young, middle * SAFETY, full * SAFETY)
        QCoreApplication.sendEvent(widget, wheel())  # the app's input is watched
        assert installed.idle_timer.isActive()
    finally:
        installed.remove()
    assert gc.get_threshold() == before
