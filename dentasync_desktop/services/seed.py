"""Reproducible synthetic data at scale, for benchmarks, tests and the demo database.

Everything is generated in Python from one ``random.Random(seed)`` and written with bulk Core
inserts in a single transaction. The denormalised WorkOrder columns (paid, first unpaid
installment, payment method, search text) are computed while generating, with the same domain
functions the services use, so the data looks exactly as if it had been entered by hand.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Table, func, select, update
from stdnum.iban import calc_check_digits

from ..db.models import (
    ActivityEntry,
    Base,
    Comment,
    Counter,
    Customer,
    DentalLab,
    Event,
    Installment,
    Patient,
    Payment,
    PaymentPlan,
    Service,
    Staff,
    TaskTemplate,
    User,
    WorkOrder,
    WorkOrderItem,
    WorkTask,
)
from ..db.models.search import POSTGRESQL
from ..db.server import advance_sequences
from ..domain.actions import Action
from ..domain.bank import iban_country
from ..domain.enums import (
    EventKind,
    IntervalUnit,
    OrderStatus,
    PaymentMethod,
    Role,
    TaskStatus,
)
from ..domain.lifecycle import FORWARD, TRANSITIONS
from ..domain.money import Money, exponent
from ..domain.payments import first_unpaid_due, schedule
from ..domain.teeth import PERMANENT, format_teeth
from ..domain.text import sort_key
from . import activity
from .order_search import search_text
from .orders import ORDER_COUNTER
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

Progress = Callable[[int, int], None]  # (orders written so far, orders asked for)

CHUNK = 5000  # orders generated and inserted at a time, so memory stays flat at any size
SEED_USERNAME = "seed"
SEED_USER_NAME = "Data seeder"

S = OrderStatus

FIRST_NAMES = (
    "Anna", "Jürgen", "Łukasz", "Zoë", "Søren", "Ömer", "Ğül", "François", "Renée", "José",
    "María", "Björn", "Åsa", "Małgorzata", "Wojciech", "Zdeněk", "Jiří", "Dragan", "Nikola",
    "Eleni", "Dimitrios", "Ayşe", "Mehmet", "İlkay", "Chloé", "Hélène", "Núria", "Iñaki",
    "Mikael", "Ingrid", "Kateřina", "Agnieszka", "Sven", "Émile", "Thomas", "Sarah", "Peter",
    "Laura", "Marco", "Giulia", "Sofia", "Lukas", "Emma", "Noah", "Mia", "Oğuz", "Þóra",
)
LAST_NAMES = (
    "Müller", "Schäfer", "Öztürk", "Ørsted", "Łukasiewicz", "Wójcik", "Nowak", "Dvořák",
    "Kovačević", "Jovanović", "Papadopoulos", "Yılmaz", "Şahin", "Çelik", "Doğan", "Ğündüz",
    "García", "Núñez", "Fernández", "Peña", "Jørgensen", "Åberg", "Björk", "Söderström",
    "Lefèvre", "Dubois", "Rossi", "Bianchi", "Schmidt", "Weiß", "Groß", "Hoffmann", "Fischer",
    "Becker", "Smith", "O'Brien", "Kowalski", "Zieliński", "Horváth", "Szabó", "Nagy", "Tóth",
    "Novák", "Ólafsdóttir", "Kühn", "Straße", "Ødegård", "Müller-Lüdenscheidt",
)
# The first patients always get these names, so every data set shows the non-ASCII cases.
FEATURED_PATIENTS = (("Łukasz", "Müller"), ("Ğül", "Ørsted"), ("Zoë", "Dvořák"),
                     ("Søren", "Weiß"), ("İlkay", "Şahin"))
CITIES = (
    "München", "Kraków", "Zürich", "København", "İstanbul", "Praha", "Wien", "Łódź", "Malmö",
    "Göteborg", "Köln", "Düsseldorf", "Gdańsk", "Brno", "Sevilla", "Málaga", "Aarhus", "Genève",
)
# The button that moves an order from one status to the next.
STEP_TO = {(before, after): action for action, moves in TRANSITIONS.items()
           if action is not Action.MOVE_BACK for before, after in moves.items()}
STREETS = (
    "Lindenstraße", "Hauptstraße", "Gartenweg", "Schillerplatz", "ul. Floriańska", "Vesterbrogade",
    "Bahnhofstraße", "Mariahilfer Straße", "Calle Mayor", "Rue de Lausanne", "Kungsgatan",
)
CLINIC_FORMS = ("{last} Dental Clinic", "Zahnarztpraxis {last}", "Smile Studio {city}",
                "Klinika Stomatologiczna {city}", "{city} Tandlægehus", "Clínica Dental {last}")

# (name, city, country, currency, bank, BIC)
LABS = (
    ("Zahntechnik Müller GmbH", "München", "DE", "EUR", "Commerzbank", "COBADEFFXXX"),
    ("Łukasz Dental Lab", "Kraków", "PL", "PLN", "PKO Bank Polski", "BPKOPLPW"),
    ("Ørsted Dental Studio", "København", "DK", "DKK", "Danske Bank", "DABADKKK"),
    ("Yılmaz Diş Laboratuvarı", "İstanbul", "TR", "TRY", "Ziraat Bankası", "TCZBTR2A"),
    ("Labor Schäfer & Söhne", "Wien", "AT", "EUR", "Erste Bank", "GIBAATWWXXX"),
    ("Dentallabor Zürich AG", "Zürich", "CH", "CHF", "Zürcher Kantonalbank", "ZKBKCHZZ80A"),
    ("Cerámica Dental Núñez", "Sevilla", "ES", "EUR", "CaixaBank", "CAIXESBBXXX"),
    ("Dvořák Zubní Laboratoř", "Praha", "CZ", "CZK", "Česká spořitelna", "GIBACZPX"),
    ("Malmö Tandteknik AB", "Malmö", "SE", "SEK", "Swedbank", "SWEDSESS"),
    ("Atelier Dentaire Lefèvre", "Lyon", "FR", "EUR", "Crédit Agricole", "AGRIFRPP"),
    ("Laboratorio Odontotecnico Bianchi", "Milano", "IT", "EUR", "Intesa Sanpaolo",
     "BCITITMM"),
    ("Crown & Bridge Ltd", "London", "GB", "GBP", "Barclays", "BARCGB22"),
)
# Rough price of 1 EUR in each lab currency, in percent, to turn the EUR price list into theirs.
EUR_PERCENT = {"EUR": 100, "PLN": 430, "DKK": 746, "TRY": 3500, "CHF": 95, "CZK": 2500,
               "SEK": 1150, "GBP": 85}

# (code, name, EUR price in cents, task templates as (name, days after the documented date))
SERVICES = (
    ("CRN-ZR", "Zirconia crown", 25000,
     (("Model", 1), ("Framework milling", 2), ("Ceramic layering", 4), ("Quality check", 5))),
    ("CRN-EMX", "E.max press crown", 28000,
     (("Model", 1), ("Wax-up", 2), ("Pressing", 3), ("Staining and glaze", 4))),
    ("CRN-PFM", "Porcelain-fused-to-metal crown", 22000,
     (("Model", 1), ("Metal framework", 3), ("Ceramic layering", 5))),
    ("BRG-3", "Three-unit zirconia bridge", 65000,
     (("Model", 1), ("Design", 2), ("Milling and sintering", 4), ("Ceramic layering", 6))),
    ("VEN", "Veneer", 30000, (("Model", 1), ("Wax-up", 2), ("Layering", 4))),
    ("INL", "Ceramic inlay / onlay", 18000, (("Model", 1), ("Pressing", 3))),
    ("IMP-AB", "Custom implant abutment", 35000, (("Scan and design", 1), ("Milling", 3))),
    ("IMP-CRN", "Screw-retained implant crown", 40000,
     (("Model with analogues", 1), ("Design", 2), ("Milling", 4), ("Finishing", 6))),
    ("DEN-FULL", "Full denture", 90000,
     (("Custom tray", 1), ("Bite block", 3), ("Tooth set-up", 6), ("Processing", 9))),
    ("DEN-PART", "Cast partial denture", 70000,
     (("Model", 1), ("Framework casting", 4), ("Tooth set-up", 7))),
    ("NG", "Night guard", 12000, (("Model", 1), ("Thermoforming", 2))),
    ("TMP", "Temporary crown", 6000, (("Milling", 1),)),
    ("REP", "Denture repair", 5000, (("Repair", 1),)),
    ("WAX", "Diagnostic wax-up", 8000, (("Model", 1), ("Wax-up", 2))),
)
STAFF = (
    ("Anja Krüger", "Ceramist"), ("Piotr Wiśniewski", "CAD/CAM technician"),
    ("Søren Holm", "Dental technician"), ("Elif Aydın", "Model technician"),
    ("Marco Bianchi", "Ceramist"), ("Zuzana Horáková", "Denture technician"),
    ("Jonas Berg", "Lab manager"), ("Léa Schmid", "Dental technician"),
)
SHADES = ("A1", "A2", "A3", "A3.5", "B1", "B2", "C1", "D2", "BL2", "")
HOLD_REASONS = ("Waiting for a new impression", "Patient postponed the try-in",
                "Shade to be confirmed by the dentist", "Waiting for the implant components")
CANCEL_REASONS = ("Patient cancelled the treatment", "Ordered twice by mistake",
                  "Dentist changed the treatment plan")
REMAKE_REASONS = ("Shade does not match", "Fit not acceptable at try-in",
                  "Fractured during delivery", "Bite too high")
COMMENTS = ("Patient asks for a call before the try-in.", "Dentist prefers a slightly "
            "lighter shade than the guide.", "Impression re-scanned, use the second scan.",
            "Rechnung bitte an die Praxis, nicht an den Patienten.",
            "Pacjent prosi o termin po 15:00.", "Check the contact points twice.")
EVENT_NOTES = ("", "", "Bring the shade guide", "Room 2", "Call the patient the day before")

STATUSES = tuple(OrderStatus)
# (up to this many days old, weight of each status in OrderStatus order): young cases are
# drafts or in the lab, old ones completed; a few of every age are cancelled.
STATUS_BY_AGE = (
    (2, (40, 40, 12, 0, 0, 0, 0, 8)),
    (7, (8, 17, 35, 18, 12, 3, 0, 7)),
    (21, (3, 4, 10, 10, 18, 32, 16, 7)),
    (60, (1, 1, 2, 2, 4, 22, 61, 7)),
)
OLD_MIX = (1, 0, 0, 0, 1, 4, 87, 7)
METHODS = tuple(PaymentMethod)
METHOD_WEIGHTS = (25, 30, 40, 5)
_UNDER_WAY = (15, 35, 50)
# Orders without a plan: weights of (fully paid, partly paid, not paid) by status.
PAID_WEIGHTS = {
    S.DRAFT: (0, 5, 95), S.PUBLISHED: _UNDER_WAY, S.IN_PRODUCTION: _UNDER_WAY,
    S.PRODUCED: _UNDER_WAY, S.SHIPPED: _UNDER_WAY, S.DELIVERED: (50, 30, 20),
    S.COMPLETED: (92, 8, 0), S.CANCELLED: (0, 8, 92),
}


@dataclass(frozen=True, slots=True)
class SeedStats:
    orders: int = 0
    items: int = 0
    tasks: int = 0
    plans: int = 0
    installments: int = 0
    payments: int = 0
    events: int = 0
    comments: int = 0
    labs: int = 0
    customers: int = 0
    patients: int = 0
    services: int = 0
    staff: int = 0
    first_number: int = 0
    last_number: int = 0


def seed(
    uow_factory: UnitOfWorkFactory, orders: int, seed: int = 0, progress: Progress | None = None
) -> SeedStats:
    """Add ``orders`` synthetic work orders with master data around them, in one transaction.

    The same seed on the same starting database and the same day gives the same data.
    """
    if orders < 0:
        raise ValueError("orders must not be negative")
    with uow_factory() as uow:
        actor_id = _seed_user(uow)
        stats = generate(uow, orders, seed, [(actor_id, SEED_USER_NAME)], progress)
        uow.commit()
    return stats


@cache
def _step_log(previous: OrderStatus, after: OrderStatus) -> tuple[str, str, str, str]:
    """A status step's log entry: its action, then the JSON of its parameters, before and
    after. A handful of distinct steps, logged about five times per order."""
    action = STEP_TO[(previous, after)].value
    return (action, activity.dump({"step": action, "from": previous.value, "to": after.value}),
            activity.dump({"status": previous.value}), activity.dump({"status": after.value}))


def _seed_user(uow: UnitOfWork) -> int:
    existing = uow.session.scalar(select(User.id).where(User.username == SEED_USERNAME))
    if existing is not None:
        return existing
    # "!" is no scrypt hash, so nobody can sign in as the seeder.
    user = User(username=SEED_USERNAME, full_name=SEED_USER_NAME, role=Role.ADMIN,
                password_hash="!", active=False, created_at=uow.now())
    uow.session.add(user)
    uow.session.flush()
    return user.id


def generate(
    uow: UnitOfWork, orders: int, seed: int, users: list[tuple[int, str]],
    progress: Progress | None = None,
) -> SeedStats:
    """Write the data inside the caller's unit of work; the caller commits.

    ``users`` (id, name) are who recorded the payments, events, comments and activity.
    """
    return _Generator(uow, random.Random(seed), users).run(orders, progress)


_BBAN_CHARS = {"n": string.digits, "a": string.ascii_uppercase,
               "c": string.digits + string.ascii_uppercase}


def _iban(rng: random.Random, country: str) -> str:
    """A made-up account in the country's registered IBAN form, with matching check digits."""
    known = iban_country(country)
    assert known is not None, country
    bban = "".join(rng.choice(_BBAN_CHARS[kind]) for size, kind in known[1] for _ in range(size))
    return f"{country}{calc_check_digits(country + '00' + bban)}{bban}"


def _round_down(amount: int, unit: int) -> int:
    """Whole currency units where the amount allows, as people pay; never below 1."""
    return max(1, amount - amount % unit if amount >= unit else amount)


def _weighted(rng: random.Random, weights: tuple[int, ...]) -> int:
    """Index picked by weight; cheaper than rng.choices for the hot loop."""
    pick = rng.random() * sum(weights)
    for index, weight in enumerate(weights):
        pick -= weight
        if pick < 0:
            return index
    return len(weights) - 1


class _Lab(NamedTuple):
    id: int
    currency: str
    row: DentalLab  # transient, only to build the search text


class _Customer(NamedTuple):
    id: int
    row: Customer  # transient, only to build the search text


class _Patient(NamedTuple):
    id: int
    row: Patient  # transient, only to build the search text


class _Service(NamedTuple):
    id: int
    name: str
    eur_price: int
    templates: tuple[tuple[str, int], ...]


@dataclass(slots=True)
class _Rows:
    """One chunk of rows per table, flushed together."""

    orders: list[dict[str, Any]]
    items: list[dict[str, Any]]
    tasks: list[dict[str, Any]]
    plans: list[dict[str, Any]]
    installments: list[dict[str, Any]]
    payments: list[dict[str, Any]]
    events: list[dict[str, Any]]
    comments: list[dict[str, Any]]
    activity: list[dict[str, Any]]

    @classmethod
    def empty(cls) -> _Rows:
        return cls(*([] for _ in fields(cls)))

    def tables(self) -> list[tuple[type[Base], list[dict[str, Any]]]]:
        """Parents before children."""
        return [
            (WorkOrder, self.orders), (WorkOrderItem, self.items), (WorkTask, self.tasks),
            (PaymentPlan, self.plans), (Installment, self.installments),
            (Payment, self.payments), (Event, self.events), (Comment, self.comments),
            (ActivityEntry, self.activity),
        ]


class _Generator:
    def __init__(self, uow: UnitOfWork, rng: random.Random,
                 users: list[tuple[int, str]]) -> None:
        self.uow = uow
        self.rng = rng
        # Its own stream, so adding the lab times left every other seeded value as it was.
        self.times_rng = random.Random(rng.getstate()[1][0])
        # And one for the patients' contact details, added after the data sets were in use.
        self.contact_rng = random.Random(rng.getstate()[1][1])
        self.users = users
        self.now = uow.now()
        self.today = uow.today()
        self.next_id: dict[str, int] = {}
        self.order_ids = range(0)
        # Orders so far as (id, lab, customer, patient), for remakes to point back at.
        self.history: list[tuple[int, _Lab, _Customer, _Patient]] = []

    def _ids(self, model: type[Any], count: int) -> range:
        """Ids handed out here, so children can point at parents before anything is read back."""
        table = model.__tablename__
        if table not in self.next_id:
            self.next_id[table] = (self.uow.session.scalar(select(func.max(model.id))) or 0) + 1
        start = self.next_id[table]
        self.next_id[table] = start + count
        return range(start, start + count)

    def _insert(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        """executemany straight on the driver, in the seeding transaction.

        At a million rows SQLAlchemy's per-row parameter handling costs more than SQLite's
        inserts. Every value still goes through its column type's bind processor, so dates,
        datetimes and enums are stored exactly as the ORM stores them.
        """
        if not rows:
            return
        connection = self.uow.session.connection()
        quote = connection.dialect.identifier_preparer.quote
        names = list(rows[0])
        columns = model.__table__.c
        marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        sql = (f"INSERT INTO {quote(model.__tablename__)} "
               f"({', '.join(quote(n) for n in names)}) "
               f"VALUES ({', '.join(marker for _ in names)})")
        # The loops over the rows run in C (itemgetter, zip, map), one converted column at a
        # time: per value in Python they cost a sixth of seeding.
        by_column: list[Iterable[Any]] = []
        for name in names:
            column: Iterable[Any] = map(itemgetter(name), rows)
            process = columns[name].type.bind_processor(connection.dialect)
            by_column.append(column if process is None else map(process, column))
        connection.exec_driver_sql(sql, list(zip(*by_column, strict=True)))

    def run(self, count: int, progress: Progress | None) -> SeedStats:
        first_number = self._reserve_numbers(count)
        labs = self._labs(min(len(LABS), max(3, count // 20)))
        customers = self._customers(min(300, max(8, count // 50)))
        patients = self._patients(max(20, count // 5))
        services = self._services()
        staff = self._staff()
        totals = dict.fromkeys(("items", "tasks", "plans", "installments", "payments",
                                "events", "comments"), 0)
        span = min(5 * 365, max(120, count // 20))
        start = self.today - timedelta(days=span)
        self.order_ids = self._ids(WorkOrder, count)
        for chunk_start in range(0, count, CHUNK):
            rows = _Rows.empty()
            for i in range(chunk_start, min(count, chunk_start + CHUNK)):
                documented = start + timedelta(days=i * span // max(count, 1))
                self._order(rows, i, first_number + i, documented, labs, customers, patients,
                            services, staff)
            for model, table_rows in rows.tables():
                self._insert(model, table_rows)
            for key in totals:
                totals[key] += len(getattr(rows, key))
            if progress is not None:
                progress(min(count, chunk_start + CHUNK), count)
        if self.uow.dialect == POSTGRESQL:
            connection = self.uow.session.connection()
            advance_sequences(connection)
            # The planner's statistics predate every row just written: without them it picks
            # plans for empty tables until autovacuum catches up.
            connection.exec_driver_sql("ANALYZE")
        return SeedStats(
            orders=count, labs=len(labs), customers=len(customers), patients=len(patients),
            services=len(services), staff=len(staff), first_number=first_number,
            last_number=first_number + count - 1, **totals,
        )

    # --- master data -----------------------------------------------------------------------

    def _reserve_numbers(self, count: int) -> int:
        """Take the next ``count`` order numbers; written first, so this transaction holds the
        database's write lock before reading the highest ids."""
        s = self.uow.session
        current = s.scalar(select(Counter.value).where(Counter.name == ORDER_COUNTER))
        if current is None:
            s.add(Counter(name=ORDER_COUNTER, value=count))
            s.flush()
            return 1
        table = Counter.__table__
        assert isinstance(table, Table), "a mapped class over one table"
        s.execute(update(table).where(Counter.name == ORDER_COUNTER)
                  .values(value=current + count))
        return current + 1

    def _labs(self, count: int) -> list[_Lab]:
        """The first ``count`` labs of the list; labs already there (same name) are reused."""
        s = self.uow.session
        wanted = LABS[:count]
        existing = dict(s.execute(select(DentalLab.name, DentalLab.id)
                                  .where(DentalLab.name.in_([lab[0] for lab in wanted]))).all())
        rows, labs = [], []
        for name, city, country, currency, bank, bic in wanted:
            lab_id = existing.get(name)
            iban = _iban(self.rng, country)
            if lab_id is None:
                lab_id = self._ids(DentalLab, 1)[0]
                rows.append(dict(
                    id=lab_id, name=name, contact_person=self._person(),
                    phone=f"+{self.rng.randint(30, 49)} {self.rng.randint(100, 999)} "
                          f"{self.rng.randint(100000, 999999)}",
                    email=f"office@{country.lower()}-lab{lab_id}.example",
                    address=f"{self.rng.choice(LAST_NAMES)}straße {self.rng.randint(1, 120)}, "
                            f"{city}",
                    default_turnaround_days=self.rng.choice((5, 7, 7, 10, 14)),
                    account_holder=name, bank_name=bank, iban=iban, bic=bic,
                    payment_note="Please quote the work order number.", active=True,
                    sort_key=sort_key(name),
                ))
            labs.append(_Lab(lab_id, currency, DentalLab(name=name)))
        self._insert(DentalLab, rows)
        return labs

    def _person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def _patient_contact(self, last_name: str, born: date) -> dict[str, str]:
        """A phone and a home address as a front desk takes them down; a child or a very old
        patient also has a relative to call (the phone is then the relative's)."""
        rng = self.contact_rng
        street = rng.choice(STREETS)
        address = (f"{street} {rng.randint(1, 140)}\n"
                   f"{rng.randint(10000, 99999)} {rng.choice(CITIES)}")
        age = (self.today - born).days // 365
        contact = ""
        if age < 16 or age > 80:
            contact = f"{rng.choice(FIRST_NAMES)} {last_name}"
        phone = f"+49 {rng.choice(('151', '160', '171', '30', '89', '221'))} " \
                f"{rng.randint(1000000, 9999999)}"
        return {"phone": phone, "contact_person": contact, "address": address}

    def _customers(self, count: int) -> list[_Customer]:
        rows, customers = [], []
        for customer_id in self._ids(Customer, count):
            last, city = self.rng.choice(LAST_NAMES), self.rng.choice(CITIES)
            name = f"Dr. {self.rng.choice(FIRST_NAMES)} {last}"
            clinic = self.rng.choice(CLINIC_FORMS).format(last=last, city=city)
            rows.append(dict(id=customer_id, name=name, clinic=clinic,
                             phone=f"+{self.rng.randint(30, 49)} {self.rng.randint(10**6, 10**7)}",
                             email=f"praxis{customer_id}@clinic.example",
                             address=f"{city}", active=True, sort_key=sort_key(name)))
            customers.append(_Customer(customer_id, Customer(name=name, clinic=clinic)))
        self._insert(Customer, rows)
        return customers

    def _patients(self, count: int) -> list[_Patient]:
        rows, patients = [], []
        for index, patient_id in enumerate(self._ids(Patient, count)):
            first, last = (FEATURED_PATIENTS[index] if index < len(FEATURED_PATIENTS) else
                           (self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)))
            born = date(1935, 1, 1) + timedelta(days=self.rng.randrange(365 * 70))
            rows.append(dict(id=patient_id, first_name=first, last_name=last, date_of_birth=born,
                             note="", active=True, sort_key=sort_key(last, first),
                             **self._patient_contact(last, born)))
            patients.append(_Patient(patient_id, Patient(first_name=first, last_name=last)))
        self._insert(Patient, rows)
        return patients

    def _services(self) -> list[_Service]:
        """The price list; services already there (same code) are reused."""
        s = self.uow.session
        existing = dict(s.execute(select(Service.code, Service.id)).all())
        rows, templates, services = [], [], []
        for code, name, price, tasks in SERVICES:
            service_id = existing.get(code)
            if service_id is None:
                service_id = self._ids(Service, 1)[0]
                rows.append(dict(id=service_id, code=code, name=name, unit_price_minor=price,
                                 currency="EUR", active=True))
                templates += [dict(id=template_id, service_id=service_id, position=position,
                                   name=task, days_offset=offset)
                              for template_id, (position, (task, offset)) in zip(
                                  self._ids(TaskTemplate, len(tasks)), enumerate(tasks, 1),
                                  strict=True)]
            services.append(_Service(service_id, name, price, tasks))
        self._insert(Service, rows)
        self._insert(TaskTemplate, templates)
        return services

    def _staff(self) -> list[int]:
        ids = self._ids(Staff, len(STAFF))
        self._insert(Staff, [
            dict(id=staff_id, name=name, job_title=title, email="", phone="", active=True)
            for staff_id, (name, title) in zip(ids, STAFF, strict=True)])
        return list(ids)

    # --- one order ---------------------------------------------------------------------------

    def _order(self, rows: _Rows, index: int, number: int, documented: date,
               labs: list[_Lab], customers: list[_Customer], patients: list[_Patient],
               services: list[_Service], staff: list[int]) -> None:
        rng = self.rng
        order_id = self.order_ids[index]
        age = (self.today - documented).days
        mix = next((weights for days, weights in STATUS_BY_AGE if age <= days), OLD_MIX)
        status = STATUSES[_weighted(rng, mix)]
        lab, customer = rng.choice(labs), rng.choice(customers)
        patient = rng.choice(patients)
        remake_of = None
        if self.history and rng.random() < 0.02:
            # A remake is for the same patient, from the same dentist and lab as the original.
            remake_of, lab, customer, patient = rng.choice(self.history)
        self.history.append((order_id, lab, customer, patient))
        currency = lab.currency if rng.random() < 0.85 else "EUR"
        free_remake = remake_of is not None and rng.random() < 0.5

        total, teeth, description, service = self._items(rows, order_id, currency, services,
                                                         free_remake)
        due = None if status is S.DRAFT and rng.random() < 0.3 else (
            documented + timedelta(days=rng.choice((5, 7, 7, 10, 14))))
        created_at = datetime.combine(documented, time(7, 0), UTC) + timedelta(
            minutes=rng.randrange(600))
        user_id, user_name = self.users[index % len(self.users)]
        paid, unpaid_due, method = self._money(rows, (order_id, number), status, total,
                                               currency, documented, (user_id, user_name))
        if status not in (S.DRAFT, S.CANCELLED) and rng.random() < 0.25:
            self._tasks(rows, order_id, status, documented, service.templates, staff)
        self._events(rows, order_id, documented, due, user_id)
        if rng.random() < 0.08:
            rows.comments.append(dict(
                order_id=order_id, author_id=user_id, author_name=user_name,
                body=rng.choice(COMMENTS), created_at=created_at + timedelta(hours=2),
                edited_at=None))
        on_hold = status in (S.DRAFT, S.PUBLISHED, S.IN_PRODUCTION, S.PRODUCED,
                             S.SHIPPED) and rng.random() < 0.04
        shipped = status in (S.SHIPPED, S.DELIVERED, S.COMPLETED)
        published_at, delivered_at = self._lab_times(lab, status, created_at, due or documented)
        rows.orders.append(dict(
            id=order_id, number=number, status=status, lab_id=lab.id, customer_id=customer.id,
            patient_id=patient.id, description=description, shade=rng.choice(SHADES),
            teeth=teeth, created_at=created_at, updated_at=created_at, documented_at=documented,
            due_date=due, currency=currency, price_total_minor=total, paid_minor=paid,
            unpaid_due_date=unpaid_due, payment_method=method, on_hold=on_hold,
            hold_reason=rng.choice(HOLD_REASONS) if on_hold else "",
            tracking_number=f"DHL {rng.randrange(10**11, 10**12)}" if shipped else "",
            cancel_reason=rng.choice(CANCEL_REASONS) if status is S.CANCELLED else "",
            copied_from_id=None, is_remake=remake_of is not None, remake_of_id=remake_of,
            remake_reason=rng.choice(REMAKE_REASONS) if remake_of is not None else "",
            search_text=search_text(number, patient.row, customer.row, lab.row, description),
            published_at=published_at, delivered_at=delivered_at,
            delivered_on=delivered_at.date() if delivered_at else None,
            turnaround_minutes=round((delivered_at - published_at).total_seconds() / 60)
            if delivered_at and published_at else None,
            main_service_id=service.id, version=1,
        ))
        # Written as a front desk would have made it: created when the order was, by its user.
        rows.activity.append(dict(
            at=created_at, actor_id=user_id, actor_name=user_name, action="create",
            entity="work_order", entity_id=order_id, order_id=order_id,
            code="order.created", params=activity.dump({"order": number}), summary="",
            before="", after=activity.dump({
                "patient": f"{patient.row.first_name} {patient.row.last_name}",
                "dental lab": lab.row.name, "customer": customer.row.name})))
        self._status_history(rows, (order_id, number), status, created_at,
                             (published_at, delivered_at), due, (user_id, user_name))

    def _status_history(self, rows: _Rows, order: tuple[int, int], status: OrderStatus,
                        created_at: datetime, lab_times: tuple[datetime | None, datetime | None],
                        due: date | None, user: tuple[int, str]) -> None:
        """The steps that brought the order to ``status``, logged as the buttons would have:
        published when it went to the lab, delivered when it came back, the steps between
        spread over that time, none later than now."""
        published, delivered = lab_times
        if status is S.CANCELLED:
            at = (published or created_at) + timedelta(hours=20)
            path = [S.CANCELLED]
            times = [min(at, self.now)]
            if published is not None:
                path, times = [S.PUBLISHED, *path], [published, *times]
        else:
            path = list(FORWARD[1:FORWARD.index(status) + 1])
            if not path:
                return
            start = published or created_at
            end = delivered or min(self.now, max(start, datetime.combine(
                due or start.date(), time(16, 0), UTC)))
            middle = max(1, len(path) - 1 - (status is S.COMPLETED))
            times = [start + (end - start) * step / middle for step in range(len(path))]
            if status is S.COMPLETED:
                times[-2:] = [end, min(end + timedelta(days=1), self.now)]
        previous = S.DRAFT
        for after, at in zip(path, times, strict=True):
            action, params, before_json, after_json = _step_log(previous, after)
            rows.activity.append(dict(
                at=at, actor_id=user[0], actor_name=user[1], action=action,
                entity="work_order", entity_id=order[0], order_id=order[0],
                code="order.status_changed", params=params, summary="", before=before_json,
                after=after_json))
            previous = after

    def _lab_times(self, lab: _Lab, status: OrderStatus, created_at: datetime, due: date
                   ) -> tuple[datetime | None, datetime | None]:
        """When the case went to the lab and came back; each lab keeps its own punctuality
        (from a day early to two days late on average) so the scorecard has something to rank."""
        rng = self.times_rng
        if status is S.DRAFT or (status is S.CANCELLED and rng.random() < 0.5):
            return None, None
        published = created_at + timedelta(minutes=rng.randrange(30, 24 * 60))
        if status not in (S.DELIVERED, S.COMPLETED):
            return published, None
        slip = (-1, 0, 0, 1)[lab.id % 4] + rng.choice((-2, -1, -1, 0, 0, 0, 0, 1, 2, 4))
        delivered = datetime.combine(due + timedelta(days=slip), time(rng.randint(8, 17)), UTC)
        earliest = published + timedelta(days=1)
        return published, min(max(delivered, earliest), max(self.now, earliest))

    def _items(self, rows: _Rows, order_id: int, currency: str, services: list[_Service],
               free: bool) -> tuple[int, str, str, _Service]:
        """Returns the total, the order's teeth, its description and the main service."""
        rng = self.rng
        total, parts = 0, []
        all_teeth: set[int] = set()
        chosen = [rng.choice(services) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
        for position, service in enumerate(chosen, start=1):
            # Neighbouring teeth in one quadrant, as bridges and veneers usually are.
            size = rng.choice((1, 1, 2, 3))
            first = rng.randrange(4) * 8 + rng.randrange(9 - size)
            teeth = PERMANENT[first:first + size]
            all_teeth.update(teeth)
            price = 0 if free else service.eur_price * EUR_PERCENT[currency] // 100
            total += price * len(teeth)
            teeth_text = format_teeth(teeth)
            parts.append(f"{service.name} {teeth_text}")
            rows.items.append(dict(order_id=order_id, position=position, service_id=service.id,
                                   description=service.name, teeth=teeth_text,
                                   quantity=len(teeth), unit_price_minor=price))
        return total, format_teeth(sorted(all_teeth)), "; ".join(parts), chosen[0]

    def _money(self, rows: _Rows, order: tuple[int, int], status: OrderStatus, total: int,
               currency: str, documented: date, user: tuple[int, str]
               ) -> tuple[int, date | None, PaymentMethod | None]:
        """Plan, installments and payments; returns (paid, first unpaid due date, method).

        ``order`` is (id, number), ``user`` (id, name) of who recorded the payments.
        """
        rng = self.rng
        order_id = order[0]
        if total <= 0:
            return 0, None, None
        plan_odds = {S.DRAFT: 0.3, S.CANCELLED: 0.0}.get(status, 0.6)
        installments: list[tuple[date, int]] = []
        plan_method = None
        if rng.random() < plan_odds:
            plan_method = METHODS[_weighted(rng, METHOD_WEIGHTS)]
            installments = self._plan(rows, order_id, total, currency, documented, plan_method)
        unit = 10 ** exponent(currency)
        if installments:
            paid = self._paid_by_plan(status, installments, unit)
        else:
            paid = self._paid_by_status(status, total, unit)
        first = len(rows.payments)
        methods = self._payments(rows, order, paid, currency, documented, plan_method, user,
                                 unit)
        self._payment_activity(rows, order, rows.payments[first:], currency, installments, user)
        unpaid_due = first_unpaid_due(installments, paid) if installments else None
        return paid, unpaid_due, plan_method or (methods[-1] if methods else None)

    def _plan(self, rows: _Rows, order_id: int, total: int, currency: str, documented: date,
              method: PaymentMethod) -> list[tuple[date, int]]:
        rng = self.rng
        count = min(total, rng.choice((1, 1, 1, 2, 3, 4, 6)))
        unit = IntervalUnit.WEEKS if rng.random() < 0.2 else IntervalUnit.MONTHS
        interval = 2 if unit is IntervalUnit.WEEKS else 1
        first_due = documented + timedelta(days=rng.choice((7, 14, 14, 30)))
        plan_id = self._ids(PaymentPlan, 1)[0]
        planned = schedule(Money(total, currency), count, first_due, interval, unit)
        rows.plans.append(dict(
            id=plan_id, order_id=order_id, amount_minor=total, currency=currency, method=method,
            installment=count > 1, installments_count=count, first_due_date=first_due,
            interval=interval, interval_unit=unit,
            created_at=datetime.combine(documented, time(12, 0), UTC)))
        rows.installments += [dict(plan_id=plan_id, seq=i.seq, due_date=i.due_date,
                                   amount_minor=i.amount.minor) for i in planned]
        return [(i.due_date, i.amount.minor) for i in planned]

    def _paid_by_plan(self, status: OrderStatus, installments: list[tuple[date, int]],
                      unit: int) -> int:
        """Installments settled oldest first; a few due ones are left unpaid (overdue)."""
        rng = self.rng
        on_time = 0.97 if status is S.COMPLETED else 0.85
        paid = 0
        for due, amount in installments:
            settled = rng.random() < on_time if due <= self.today else rng.random() < 0.1
            if not settled:
                if rng.random() < 0.2 and amount > 1:
                    paid += _round_down(rng.randrange(1, amount), unit)
                break
            paid += amount
        return paid

    def _paid_by_status(self, status: OrderStatus, total: int, unit: int) -> int:
        kind = _weighted(self.rng, PAID_WEIGHTS[status])
        if kind == 0:
            return total
        if kind == 1 and total > 1:
            return min(total - 1, _round_down(total * self.rng.randint(2, 8) // 10, unit))
        return 0

    def _payments(self, rows: _Rows, order: tuple[int, int], paid: int, currency: str,
                  documented: date, plan_method: PaymentMethod | None, user: tuple[int, str],
                  unit: int) -> list[PaymentMethod]:
        """Split ``paid`` into a few payments (plus the odd voided one); their methods in date
        order."""
        if paid <= 0:
            return []
        rng = self.rng
        order_id, user_id = order[0], user[0]
        count = min(paid, rng.choice((2, 3, 3, 4, 4, 5)))
        amounts, left = [], paid
        for later in range(count - 1, 0, -1):  # each takes a share and leaves >= 1 per later one
            amount = min(left - later, _round_down(left * rng.randint(2, 6) // 10, unit))
            amounts.append(amount)
            left -= amount
        amounts.append(left)
        last_day = max(0, min((self.today - documented).days, 120))
        days = sorted(rng.randint(0, last_day) for _ in amounts)
        methods = []
        for amount, day in zip(amounts, days, strict=True):
            method = plan_method or METHODS[_weighted(rng, METHOD_WEIGHTS)]
            methods.append(method)
            paid_on = documented + timedelta(days=day)
            rows.payments.append(dict(
                id=self._ids(Payment, 1)[0], order_id=order_id, paid_on=paid_on,
                amount_minor=amount, currency=currency, method=method, note="",
                # Never later than now: a payment made today has been entered by now.
                recorded_by_id=user_id,
                recorded_at=min(datetime.combine(paid_on, time(15, 0), UTC), self.now),
                voided=False, void_reason="", voided_at=None, voided_by_id=None))
        if rng.random() < 0.03:
            twice = dict(rows.payments[-1])
            twice.update(id=self._ids(Payment, 1)[0], voided=True, void_reason="Entered twice",
                         voided_at=min(twice["recorded_at"] + timedelta(hours=1), self.now),
                         voided_by_id=user_id)
            rows.payments.append(twice)
        return methods

    def _payment_activity(self, rows: _Rows, order: tuple[int, int],
                          payments: list[dict[str, Any]], currency: str,
                          installments: list[tuple[date, int]], user: tuple[int, str]) -> None:
        """The log entries recording (and voiding) the order's payments by hand would have
        written, each at the time it happened, with the paid amount moving as it did."""
        order_id, number = order
        steps = [(p["recorded_at"], "add", p) for p in payments]
        steps += [(p["voided_at"], "void", p) for p in payments if p["voided"]]
        paid = 0
        for at, step, payment in sorted(steps, key=lambda s: (s[0], s[2]["id"], s[1])):
            amount = Money(payment["amount_minor"], currency)
            before = self._money_state(paid, currency, installments)
            paid += amount.minor if step == "add" else -amount.minor
            after = self._money_state(paid, currency, installments)
            params: dict[str, object] = {
                "order": number, "amount_minor": amount.minor, "currency": amount.currency,
                "paid_on": payment["paid_on"]}
            if step == "add":
                action, code = "add_payment", "payment.recorded"
                params["method"] = payment["method"].value
                after["note"] = payment["note"]
            else:
                action, code = "void_payment", "payment.voided"
                params["reason"] = payment["void_reason"]
                after["reason"] = payment["void_reason"]
            rows.activity.append(dict(
                at=at, actor_id=user[0], actor_name=user[1], action=action, entity="payment",
                entity_id=payment["id"], order_id=order_id, code=code,
                params=activity.dump(params), summary="",
                before=activity.dump(before), after=activity.dump(after)))

    @staticmethod
    def _money_state(paid: int, currency: str,
                     installments: list[tuple[date, int]]) -> dict[str, object]:
        """What a payment's log entry shows of the order: paid so far, first unpaid due date."""
        due = first_unpaid_due(installments, paid) if installments else None
        return {"paid": str(Money(paid, currency)), "unpaid_due_date": due}

    def _tasks(self, rows: _Rows, order_id: int, status: OrderStatus, documented: date,
               templates: tuple[tuple[str, int], ...], staff: list[int]) -> None:
        """The work plan "plan automatically" would build; done as far as the status says."""
        rng = self.rng
        past_production = status not in (S.PUBLISHED, S.IN_PRODUCTION)
        done_count = (len(templates) if past_production else
                      rng.randrange(len(templates) + 1) if status is S.IN_PRODUCTION else 0)
        for position, (name, offset) in enumerate(templates, start=1):
            due = documented + timedelta(days=offset)
            done = position <= done_count
            rows.tasks.append(dict(
                order_id=order_id, position=position, name=name, assignee_id=rng.choice(staff),
                status=TaskStatus.DONE if done else TaskStatus.TODO, due_date=due,
                done_at=datetime.combine(due, time(14, 0), UTC) if done else None))

    def _events(self, rows: _Rows, order_id: int, documented: date, due: date | None,
                user_id: int) -> None:
        rng = self.rng
        last = due or documented + timedelta(days=7)
        halfway = documented + timedelta(days=(last - documented).days // 2)
        kinds = ((EventKind.IMPRESSION, documented), (EventKind.TRY_IN, halfway),
                 (EventKind.DELIVERY, last), (EventKind.PICKUP, last - timedelta(days=1)),
                 (EventKind.OTHER, last))
        for kind, day in kinds[:rng.choice((0, 1, 2, 2, 3, 4))]:
            starts_at = datetime.combine(day, time(rng.randint(7, 16), rng.choice((0, 15, 30, 45))),
                                         UTC)
            rows.events.append(dict(
                order_id=order_id, kind=kind, starts_at=starts_at,
                duration_minutes=rng.choice((15, 30, 30, 45, 60)),
                reminder_minutes=rng.choice((None, 15, 60, 1440)), note=rng.choice(EVENT_NOTES),
                done=starts_at < self.now, created_by_id=user_id,
                created_at=datetime.combine(documented, time(9, 0), UTC)))
