"""Crashes the fuzz gate (test_fuzz_services.py) found, each kept as a plain example: hostile
but well-typed input must end in a typed error that names the field, and change nothing."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from dentasync_desktop.domain.dto import Actor, CalendarFilter, ScorecardFilter, UserInput
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import NotFound, SessionEnded, ValidationError
from dentasync_desktop.services import (
    attachments,
    calendar,
    masterdata,
    order_detail,
    orders,
    printing,
    reminders,
    scorecard,
    settings,
    today,
    users,
)

from ..factories import World
from .helpers import new_order, refused

TOO_BIG = 2**63  # one more than SQLite's largest integer
LATE = datetime.combine(date.max, datetime.max.time(), timezone(timedelta(hours=14)))


def test_an_actor_whose_id_sqlite_cannot_hold_is_not_signed_in(world: World) -> None:
    ghost = Actor(TOO_BIG, "ghost", "Ghost", Role.ADMIN)
    with refused(world, SessionEnded):
        order_detail.find_order_id(world.uow(), ghost, "1")


def test_calendar_times_outside_the_accepted_years_are_refused(world: World) -> None:
    with refused(world, ValidationError, "start"):
        calendar.calendar_events(world.uow(), world.admin, LATE, LATE)
    early = datetime(1, 1, 1, tzinfo=timezone(-timedelta(hours=5)))
    with refused(world, ValidationError, "start"):
        calendar.calendar_events(world.uow(), world.admin, early, early + timedelta(days=1))


@pytest.mark.parametrize("flt", [CalendarFilter(lab_id=TOO_BIG),
                                 CalendarFilter(customer_id=-TOO_BIG - 1)])
def test_calendar_filters_by_ids_sqlite_cannot_hold_are_refused(
    world: World, flt: CalendarFilter
) -> None:
    with refused(world, ValidationError, "No such record"):
        calendar.order_due_dates(world.uow(), world.admin, date(2026, 11, 1),
                                 date(2026, 11, 30), flt)


def test_a_search_of_a_thousand_words_is_refused_not_sent_to_sqlite(world: World) -> None:
    words = " ".join(f"w{i}" for i in range(1000))
    with refused(world, ValidationError, "Search: Too long"):
        calendar.orders_for_new_event(world.uow(), world.admin, words)


@pytest.mark.parametrize("listing", [masterdata.list_customers, masterdata.list_patients])
def test_a_negative_limit_is_refused(world: World, listing) -> None:  # type: ignore[no-untyped-def]
    with refused(world, ValidationError, "limit"):
        listing(world.uow(), world.admin, "a", limit=-1)


def test_printing_an_order_number_sqlite_cannot_hold_finds_no_order(
    world: World, tmp_path: Path
) -> None:
    with refused(world, NotFound):
        printing.print_box_label(world.uow(), world.admin, TOO_BIG, tmp_path / "label.pdf")


@pytest.mark.parametrize("name", ["x" * 250 + ".pdf", "\U0001f600" * 60 + ".pdf",
                                  "bad\udc80\ud800.pdf"],
                         ids=["250 characters", "240 bytes of emoji", "lone surrogates"])
def test_printing_to_a_name_no_file_system_takes_is_refused(
    world: World, tmp_path: Path, name: str
) -> None:
    order = new_order(world)
    folder = tmp_path / "out"
    folder.mkdir()
    with refused(world, ValidationError, "output file"):
        printing.print_order_form(world.uow(), world.admin, order.number, folder / name)
    assert os.listdir(folder) == []


@pytest.mark.parametrize("now", [LATE, datetime(1, 1, 1, tzinfo=UTC)])
def test_reminders_at_a_time_outside_the_accepted_years_are_refused(
    world: World, now: datetime
) -> None:
    for call in (reminders.due_reminders, reminders.fire_reminders,
                 reminders.next_reminder_time):
        with refused(world, ValidationError, "now"):
            call(world.uow(), world.admin, now)


def test_a_scorecard_for_a_lab_id_sqlite_cannot_hold_is_refused(world: World) -> None:
    with refused(world, ValidationError, "dental lab"):
        scorecard.lab_scorecard(world.uow(), world.admin, ScorecardFilter(lab_id=TOO_BIG))


@pytest.mark.parametrize("day", [date.min, date.max])
def test_the_today_board_for_a_day_outside_the_accepted_years_is_refused(
    world: World, day: date
) -> None:
    with refused(world, ValidationError, "day"):
        today.today_board(world.uow(), world.admin, day)


def test_attaching_a_path_that_is_not_valid_text_is_refused(
    world: World, tmp_path: Path
) -> None:
    order = new_order(world)
    with refused(world, ValidationError, "file"):
        attachments.add_attachment(world.uow(), world.admin, order.id, tmp_path / "a\ud800.stl")


def test_a_file_name_with_a_byte_that_is_not_utf8_is_attached_under_a_readable_name(
    world: World, tmp_path: Path
) -> None:
    source = tmp_path / os.fsdecode(b"scan\xff.stl")  # how Python reads such a name on POSIX
    try:
        source.write_bytes(b"solid scan")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only valid text as names")
    order = new_order(world)
    detail = attachments.add_attachment(world.uow(), world.admin, order.id, source)
    assert [a.original_name for a in detail.attachments] == ["scan\ufffd.stl"]


@pytest.mark.parametrize("service_id", [9_999, TOO_BIG])
def test_an_item_naming_a_service_that_does_not_exist_is_refused(
    world: World, service_id: int
) -> None:
    item = replace(world.order_input().items[0], service_id=service_id)
    with refused(world, ValidationError, "item 1 service"):
        orders.create_order(world.uow(), world.admin, world.order_input(items=(item,)))
    order = new_order(world)
    with refused(world, ValidationError, "item 1 service"):
        orders.edit_order(world.uow(), world.admin, order.id, order.version,
                          world.order_input(items=(item,)))


def test_a_user_linked_to_a_staff_id_sqlite_cannot_hold_is_refused(world: World) -> None:
    data = UserInput(username="newcomer", full_name="New Comer", role=Role.TECHNICIAN,
                     password="long-enough-1", staff_id=TOO_BIG)
    with refused(world, ValidationError, "staff"):
        users.save_user(world.uow(), world.admin, data)


def test_a_remake_of_an_order_number_sqlite_cannot_hold_is_refused(world: World) -> None:
    order = new_order(world)
    with refused(world, ValidationError, "remake of"):
        orders.mark_remake(world.uow(), world.admin, order.id, order.version, TOO_BIG, "Fit")


@pytest.mark.parametrize("field", ["backup_dir", "logo_path"])
def test_a_settings_path_too_long_for_the_file_system_is_refused(
    world: World, field: str
) -> None:
    data = replace(settings.get_settings(world.uow()), **{field: "µ" * 300 + ".png"})
    with refused(world, ValidationError, "cannot use"):
        settings.save_settings(world.uow(), world.admin, data)
