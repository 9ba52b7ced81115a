"""Well-typed but hostile values for the service fuzz gate (test_fuzz_services.py).

Every value has the type the service's signature asks for, yet is the kind a careless caller,
a broken paste or an attacker produces: control characters, 10k-character strings, RTL text and
overrides, emoji, lone surrogates, NUL bytes, SQL-looking text, extreme numbers and dates, naive
and aware times, ids that do not exist. Ids are drawn from the records of a ``FuzzBed`` half of
the time, so the checks behind the id lookup get their turn too.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import select

from dentasync_desktop.db.models import (
    Attachment,
    Comment,
    Event,
    Payment,
    PayrollRecord,
    WorkOrder,
    WorkTask,
)
from dentasync_desktop.domain.dto import (
    ORDER_SORT_KEYS,
    START_PAGES,
    Actor,
    CustomerInput,
    EventInput,
    LabInput,
    PatientInput,
    PaymentInput,
    ServiceInput,
    StaffInput,
    UserInput,
)
from dentasync_desktop.domain.enums import EventKind, PaymentMethod, Role
from dentasync_desktop.domain.money import CURRENCY_EXPONENTS, Money
from dentasync_desktop.services import (
    attachments,
    comments,
    events,
    orders,
    payments,
    payroll,
    printing,
    workplan,
)
from dentasync_desktop.services.finance import FINANCE_SORT_KEYS, VIEWS
from dentasync_desktop.services.unit_of_work import UnitOfWorkFactory

from ..factories import World

# --- text ------------------------------------------------------------------------------------

NASTY_TEXT = (
    "", " ", "\t\n\r", "\x00", "a\x00b", "\ud800", "x\udfffy", "\ufeff", "\u200b",
    "\u202eevil\u202c.pdf", "\u202bשלום\u202c", "مرحبا بالعالم", "עברית 123", "\u061c\u200f",
    "😀", "👩\u200d👩\u200d👧\u200d👦", "🇩🇪", "e\u0301\u0301\u0301", "ﷺ",
    "'; DROP TABLE work_orders; --", "' OR '1'='1", "%", "_", "\\", "%_%", "\" OR 1=1 --",
    "=1+1", ";=1+1", "@SUM(A1)", "<b>bold</b>", "<para>", "&amp;", "${jndi:x}", "{0}", "%s%n",
    "NULL", "None", "CON", "NUL.txt", "name:stream", "../../etc/passwd", "0", "-1",
    "9999999999999999999999", "1e309", "NaN", "XXX", "eur ", "COBAZZFF", "XX00123",
    "DE8937040044053201300", "event:1:99999999T9999", "due:-1:20261121",
)
# Long runs: at and beyond the app's limits (200 short, 10,000 long) and far past them.
LENGTHS = (199, 200, 201, 9_999, 10_000, 10_001, 100_000)

_control = st.characters(categories=["Cc", "Cf", "Zl", "Zp"])
_any_char = st.characters(exclude_categories=())  # includes lone surrogates (category Cs)
_rtl = st.characters(min_codepoint=0x0590, max_codepoint=0x08FF)


@st.composite
def _long(draw: st.DrawFn) -> str:
    unit = draw(st.sampled_from(NASTY_TEXT[4:]) | st.text(_any_char, min_size=1, max_size=3))
    size = draw(st.sampled_from(LENGTHS))
    return (unit * (size // max(len(unit), 1) + 1))[:size]


# Ordinary values in between, so that a call gets past its first field now and then and hostile
# text in the other fields is stored and read back.
PLAIN_TEXT = ("Anna", "Zahntechnik Müller GmbH", "Crown 11, zirconia", "A2", "info@lab.de",
              "+49 30 1234567", "Hauptstraße 1, 10115 Berlin", "test-password", "Łukasz")


# The strategies are made once for every test: Hypothesis works out what it needs to know about
# a strategy (validity, emptiness, labels) once per object.
_PIECES = st.one_of(
    st.sampled_from(NASTY_TEXT), st.text(_control, max_size=5), st.text(_rtl, max_size=8),
    st.text(_any_char, max_size=12), st.sampled_from(PLAIN_TEXT),
)
HOSTILE_TEXT = st.one_of(
    st.sampled_from(PLAIN_TEXT),
    st.sampled_from(NASTY_TEXT),
    st.lists(_PIECES, min_size=1, max_size=4).map("".join),
    _long(),
)


# --- numbers -----------------------------------------------------------------------------------

NASTY_INTS = (0, 1, -1, 2, 7, 59, 60, 1440, 10_000, 10_001, 2**31 - 1, 2**31, 2**53 + 1,
              2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64, 10**12, 10**12 + 1, -(10**12) - 1,
              10**30, -(10**30), 10**400)


HOSTILE_INT = st.sampled_from(NASTY_INTS) | st.integers() | st.integers(-100, 100)
HOSTILE_MONEY = st.builds(Money, HOSTILE_INT, st.sampled_from(
    ("EUR", "EUR", "USD", "JPY", "KWD", *CURRENCY_EXPONENTS)))


# --- dates and times ---------------------------------------------------------------------------

ZONES = (UTC, timezone(timedelta(hours=14)), timezone(-timedelta(hours=23, minutes=59)),
         timezone(timedelta(hours=5, minutes=45)))
NASTY_DATES = (date.min, date.max, date(1, 1, 2), date(1899, 12, 31), date(1900, 1, 1),
               date(2199, 12, 31), date(2200, 1, 1), date(9999, 12, 30), date(2024, 2, 29),
               date(2026, 11, 20), date(2026, 11, 21))


HOSTILE_DATE = st.sampled_from(NASTY_DATES) | st.dates()
_ZONE = st.sampled_from((None, *ZONES))
HOSTILE_DATETIME = st.builds(
    datetime.combine, st.sampled_from(NASTY_DATES),
    st.sampled_from((time.min, time.max, time(10, 0))), _ZONE) | st.datetimes(timezones=_ZONE)


# --- the records a fuzzed call may name ---------------------------------------------------------

NOT_AN_ID = st.sampled_from((0, -1, 9_999, 2**63 - 1, 2**63, -(2**63) - 1, 10**30)) | st.integers()


def _known(values: Callable[[], list[int]]) -> st.SearchStrategy[int]:
    """One of the values there are when the example runs.

    Read at draw time yet drawn the same way every time (an index), because earlier examples
    add and remove records and Hypothesis replays examples with the same choices.
    """
    return st.integers(0, 255).map(lambda i: (lambda v: v[i % len(v)] if v else 1)(values()))


def seed(world: World, folder: Path) -> None:
    """Besides the world's master data: a Draft order, a published order carrying a payment,
    an event, a comment, a task, a payroll record and an attachment, and a delivered order, so
    every kind of id a service takes names something real."""
    admin = world.admin
    orders.create_order(world.uow(), admin, world.order_input())
    busy = orders.create_order(world.uow(), admin, world.order_input())
    busy = orders.publish(world.uow(), admin, busy.id, busy.version)
    payments.record_payment(world.uow(), admin, busy.id, PaymentInput(
        date(2026, 11, 20), Money(10_000, "EUR"), PaymentMethod.CASH))
    events.add_event(world.uow(), admin, busy.id, EventInput(
        EventKind.TRY_IN, datetime(2026, 11, 25, 9, 30, tzinfo=UTC), 30, 60, "Try-in"))
    comments.add_comment(world.uow(), admin, busy.id, "Please check the shade")
    workplan.add_task(world.uow(), admin, busy.id, "Framework", world.staff_id)
    payroll.add_payroll(world.uow(), admin, busy.id, world.staff_id, Money(5_000, "EUR"))
    scan = folder / "scan.txt"
    scan.write_text("impression scan", encoding="utf-8")
    attachments.add_attachment(world.uow(), admin, busy.id, scan)
    # One order further along, so the later lifecycle steps (complete, undo delivery, check-in
    # undo, reopen) have something to act on.
    done = orders.create_order(world.uow(), admin, world.order_input())
    for step in (orders.publish, orders.start_production, orders.produce):
        done = step(world.uow(), admin, done.id, done.version)
    done = orders.ship(world.uow(), admin, done.id, done.version, "TRACK-1")
    orders.deliver(world.uow(), admin, done.id, done.version)


class FuzzBed:
    """A copy of the seeded database: the ids the seeding made, and files in ``folder``."""

    def __init__(self, seeded: World, uow_factory: UnitOfWorkFactory, folder: Path) -> None:
        self.seeded = seeded
        self.admin = seeded.admin
        self.actors = seeded.actors
        self.uow = uow_factory
        self.folder = folder
        self._values: dict[Any, list[int]] = {}
        (folder / "out").mkdir(exist_ok=True)
        self.scan = folder / "scan.pdf"
        self.scan.write_bytes(b"%PDF-1.4 scan")

    def column(self, column: Any) -> st.SearchStrategy[int]:
        """A value of ``column`` in some row as the example runs (e.g. a current version)."""
        def values() -> list[int]:
            if column not in self._values:
                with self.uow().reading() as uow:
                    self._values[column] = list(
                        uow.session.scalars(select(column).order_by(column)))
            return self._values[column]
        return _known(values)

    def forget(self) -> None:
        """Something was committed: the values ``column`` read may be gone or changed."""
        self._values.clear()

    def acting(self) -> st.SearchStrategy[Actor]:
        """Mostly the administrator (who may do everything), sometimes another role or a
        made-up actor with a hostile id and name."""
        made_up = st.builds(Actor, st.none() | NOT_AN_ID, HOSTILE_TEXT, HOSTILE_TEXT,
                            st.sampled_from(Role))
        real = st.just(self.admin) | st.sampled_from(list(self.actors.values()))
        return st.integers(0, 7).flatmap(lambda pick: made_up if pick == 7 else real)

    def source(self) -> st.SearchStrategy[Path]:
        """A file to read: hostile names and contents, folders, nothing, all in ``folder``."""
        @st.composite
        def written(draw: st.DrawFn) -> Path:
            path = self.folder / "in" / draw(_file_name)
            body = draw(st.sampled_from((b"", b"\x00" * 10, "é😀".encode(), b"%PDF-1.4")))
            try:
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(body)
            except (OSError, ValueError):
                pass  # a name the file system refuses stays a path to nothing
            return path

        return st.sampled_from(self._odd_paths()) | written()

    def target(self) -> st.SearchStrategy[Path]:
        """A file to write: hostile names, folders, missing folders, all in ``folder``."""
        return st.sampled_from(self._odd_paths()) | _file_name.map(
            lambda n: self.folder / "out" / n)

    def _odd_paths(self) -> tuple[Path, ...]:
        return (self.folder, self.folder / "missing" / "x.pdf", self.folder / "a\x00b.pdf",
                self.folder / "..", self.folder / "out" / ("x" * 300 + ".pdf"))


# A name without a folder in it and under 200 characters: longer ones are cut and separators
# dropped, rather than filtered out (a filter drew most long names three times, then gave up on
# the example).
_file_name = HOSTILE_TEXT.map(lambda n: n.replace("/", "")[:199])


# --- hostile and calm arguments, mixed per example -----------------------------------------------

# Each example picks how hostile it is (the share of arguments, in percent, drawn wild); the
# rest are calm, ordinary values, so a call gets past its first checks and the hostile values
# in the other fields are stored and read back.
_HOSTILITY = st.shared(st.sampled_from((10, 25, 50, 100)), key="hostility")


_PERCENT = st.integers(0, 99)


@st.composite
def mix(draw: st.DrawFn, calm: st.SearchStrategy[Any], wild: st.SearchStrategy[Any]) -> Any:
    return draw(wild if draw(_PERCENT) < draw(_HOSTILITY) else calm)


ID_MODELS: dict[str, type] = {
    "order_id": WorkOrder, "event_id": Event, "comment_id": Comment, "payment_id": Payment,
    "record_id": PayrollRecord, "task_id": WorkTask, "attachment_id": Attachment,
}
WORLD_IDS = {"lab_id": "lab", "customer_id": "customer", "patient_id": "patient",
             "staff_id": "staff", "assignee_id": "staff", "service_id": "service",
             "user_id": "user"}
EDITED: dict[type, str] = {LabInput: "lab", CustomerInput: "customer", PatientInput: "patient",
                           StaffInput: "staff", ServiceInput: "service", UserInput: "user"}
# Calm values for text the service checks against a closed list or a format.
CALM_TEXT: dict[str, tuple[str, ...]] = {
    "sort_key": (*ORDER_SORT_KEYS, *FINANCE_SORT_KEYS), "view": VIEWS,
    "size": tuple(printing.LABELS), "paper": ("A4", "Letter"), "paper_size": ("A4", "Letter"),
    "start_page": START_PAGES, "key": ("event:1:20261125T0930", "due:1:20261121",
                                        "installment:1:20261120", "seat:1:20261125"),
    "number_text": ("1", "2", " 0002 "), "currency": ("EUR",), "default_currency": ("EUR",),
    "iban": ("", "DE89370400440532013000"), "bic": ("", "COBADEFFXXX"),
    "email": ("", "info@lab.de"), "username": ("anna", "desk2"),
    "password": ("long-enough-1",), "new_password": ("long-enough-2",),
    "old_password": ("test-password",), "logo_path": ("",), "backup_dir": ("",),
    "name": ("Zahntechnik Müller GmbH",), "sections": tuple(printing.SECTIONS),
}
NEAR = date(2026, 11, 20)


def _calm_int(bed: FuzzBed, name: str) -> st.SearchStrategy[int]:
    if name in ID_MODELS:
        return bed.column(ID_MODELS[name].id)  # type: ignore[attr-defined]
    if name in WORLD_IDS:
        w = bed.seeded
        known = {"lab": [w.lab_id, w.lab2_id], "customer": [w.customer_id, w.customer2_id],
                 "patient": [w.patient_id, w.patient2_id], "staff": [w.staff_id],
                 "service": [w.service_id],
                 "user": [a.user_id or 0 for a in w.actors.values()]}[WORLD_IDS[name]]
        return st.sampled_from(known)
    if name in ("version", "expected_version"):
        return bed.column(WorkOrder.version)
    if name in ("order_number", "remake_of_number"):
        return bed.column(WorkOrder.number)
    if name == "teeth":
        return st.sampled_from((11, 21, 36, 48))
    return st.integers(1, 30)


def _calm(bed: FuzzBed, annotation: Any, name: str) -> st.SearchStrategy[Any]:
    if annotation is str:
        return st.sampled_from(CALM_TEXT.get(name, PLAIN_TEXT))
    if annotation is int:
        return _calm_int(bed, name)
    if annotation is date:
        return st.dates(NEAR - timedelta(days=40), NEAR + timedelta(days=40))
    if annotation is datetime:
        return st.datetimes(datetime(2026, 10, 1), datetime(2027, 1, 31), timezones=st.just(UTC))
    if annotation is Money:
        return st.builds(Money, st.integers(0, 100_000), st.just("EUR"))
    if annotation is Path:
        return st.just(bed.scan if name == "source" else bed.folder / "out" / "order.pdf")
    raise TypeError(f"no strategy for {name}: {annotation!r}")


def _wild(bed: FuzzBed, annotation: Any, name: str) -> st.SearchStrategy[Any]:
    if annotation is str:
        return HOSTILE_TEXT
    if annotation is int:
        return NOT_AN_ID if name.endswith("_id") or name in ID_MODELS else HOSTILE_INT
    if annotation is date:
        return HOSTILE_DATE
    if annotation is datetime:
        return HOSTILE_DATETIME
    if annotation is Money:
        return HOSTILE_MONEY
    if annotation is Path:
        return bed.source() if name == "source" else bed.target()
    raise TypeError(f"no strategy for {name}: {annotation!r}")


def for_type(bed: FuzzBed, annotation: Any, name: str = "") -> st.SearchStrategy[Any]:
    """A calm or hostile value of ``annotation``; ``name`` says which ids or list values fit."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return st.none() | st.one_of([for_type(bed, a, name) for a in inner])
    if origin in (tuple, Iterable, Sequence, list):
        return st.lists(for_type(bed, args[0], name), max_size=4).map(tuple)
    if annotation is bool:
        return st.booleans()
    if annotation is object:  # a sort value handed back by a cursor: any stored kind
        return st.one_of(st.none(), *(for_type(bed, kind, name) for kind in (int, str, date)))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from(annotation)
    if dataclasses.is_dataclass(annotation) and annotation is not Money:
        return _dataclass(bed, annotation)
    return mix(_calm(bed, annotation, name), _wild(bed, annotation, name))


def _dataclass(bed: FuzzBed, cls: Any) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: for_type(bed, hints[f.name], f.name) for f in dataclasses.fields(cls)}
    if cls in EDITED:  # an existing record half of the time: an edit, not a new one
        fields["id"] = st.none() | mix(_calm_int(bed, WORLD_IDS[f"{EDITED[cls]}_id"]), NOT_AN_ID)
    return st.builds(cls, **fields)


def arguments(bed: FuzzBed, function: Callable[..., Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Keyword arguments for every parameter of ``function`` after (uow, actor)."""
    hints = typing.get_type_hints(function)
    params = list(inspect.signature(function).parameters)[2:]
    return st.fixed_dictionaries({p: for_type(bed, hints[p], p) for p in params})
