"""Moving a clinic's database file to an empty PostgreSQL database: ``migrate-to``.

The source is always an SQLite file in a data folder of the test's own; the target is an empty
database on the DENTASYNC_TEST_PG server (those tests are skipped without it).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import Connection, Table, func, select

from dentasync_desktop import cli
from dentasync_desktop.db import transfer
from dentasync_desktop.db.engine import make_engine
from dentasync_desktop.db.lock import database_lock
from dentasync_desktop.db.models import Attachment, Customer, DentalLab, Patient, User, WorkOrder
from dentasync_desktop.domain.dto import Actor, ItemInput, OrderFilter, OrderInput
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import (
    DatabaseInUse,
    DatabaseProblem,
    NotFound,
    PermissionDenied,
)
from dentasync_desktop.domain.money import Money
from dentasync_desktop.domain.text import search_fold
from dentasync_desktop.paths import DATABASE_CONFIG, AppPaths, resolve_paths
from dentasync_desktop.services import attachments, passwords, server_move, settings, users
from dentasync_desktop.services.attachment_store import CHUNK, AttachmentStore
from dentasync_desktop.services.demo import DEMO_ORDERS, fill_demo
from dentasync_desktop.services.maintenance import open_database
from dentasync_desktop.services.order_list import count_orders
from dentasync_desktop.services.orders import create_order

from ..conftest import uow_factory_for
from ..factories import CHEAP_COST, actor_for
from ..pg import Databases

ADMIN = ("admin", "admin123")  # the demo database's administrator
OLDER = "0010"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo clinic in a database file, made once; each test moves a copy of it. Its users'
    passwords are hashed cheaply, as the suite's are: a module's fixture comes before the
    cheap-hashing one, and five production hashes, checked again at sign-in, took 1.7 s."""
    paths = resolve_paths(tmp_path_factory.mktemp("demo") / "data").create()
    database = open_database(paths)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "current", CHEAP_COST)
        assert fill_demo(uow_factory_for(database))
    database.close()
    return paths.database


@pytest.fixture
def clinic(tmp_path: Path, demo_file: Path) -> AppPaths:
    """A data folder holding the demo clinic in its file."""
    paths = resolve_paths(tmp_path / "clinic").create()
    shutil.copyfile(demo_file, paths.database)
    return paths


def _server_database(databases: Databases | None, migrated: bool) -> Iterator[str]:
    if databases is None:
        pytest.skip("needs DENTASYNC_TEST_PG")
    name = databases.new_name()
    yield databases.create(name, databases.template if migrated else None)
    databases.drop(name)


@pytest.fixture
def new_server(pg_databases: Databases | None) -> Iterator[str]:
    """The URL of a new database on the test server, as its administrator makes it."""
    yield from _server_database(pg_databases, migrated=False)


@pytest.fixture
def empty_server(pg_databases: Databases | None) -> Iterator[str]:
    """The URL of a database on the test server with the tables but no rows (a PC started
    on it once), which spares each test running the migrations."""
    yield from _server_database(pg_databases, migrated=True)


def _admin(paths: AppPaths) -> Actor:
    database = open_database(paths)
    try:
        return users.sign_in(database.uow_factory(), *ADMIN)
    finally:
        database.close()


def _figures(paths: AppPaths, url: str | None = None) -> dict[str, transfer.Figures]:
    engine = make_engine(paths.database, url)
    try:
        with engine.connect() as connection:
            return {table.name: transfer.figures(connection, table)
                    for table in transfer.tables()}
    finally:
        engine.dispose()


def _rows_on(url: str, paths: AppPaths) -> list[str]:
    engine = make_engine(paths.database, url)
    try:
        with engine.connect() as connection:
            return transfer.tables_with_rows(connection)
    finally:
        engine.dispose()


def _stamp(database: Path, revision: str) -> None:
    with closing(sqlite3.connect(database)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.postgresql
def test_the_demo_clinic_arrives_whole_and_its_order_numbers_go_on_on_the_server(
    clinic: AppPaths, new_server: str
) -> None:
    # A remake pointing at a later order: that reference is written once the later order is in.
    with closing(sqlite3.connect(clinic.database)) as conn:
        first, last = conn.execute("SELECT min(id), max(id) FROM work_orders").fetchone()
        conn.execute("UPDATE work_orders SET remake_of_id = ? WHERE id = ?", (last, first))
        conn.commit()

    report = server_move.move_to_server(_admin(clinic), clinic, new_server)

    assert report.ok
    here, there = _figures(clinic), _figures(clinic, new_server)
    assert here == there  # read again after the commit, by a connection of its own
    assert there["work_orders"].rows == DEMO_ORDERS
    assert {currency for currency, _money, _total in there["payments"].totals} >= {"EUR", "CHF"}
    assert all(figures.rows for name, figures in there.items()
               if name in ("activity", "payments", "installments", "work_order_items"))

    server = open_database(replace(clinic, database_url=new_server))
    try:
        factory = uow_factory_for(server)
        with factory() as uow:
            s = uow.session
            assert s.get(WorkOrder, first).remake_of_id == last  # type: ignore[union-attr]
            highest = s.scalar(select(func.max(WorkOrder.number)))
            lab, customer, patient = (s.scalar(select(func.min(model.id)))
                                      for model in (DentalLab, Customer, Patient))
            admin = actor_for(s.query(User).filter_by(username="admin").one())
            name = s.scalar(select(Patient.last_name).where(Patient.id == patient))
        # The search's word tables on the server were filled as the orders arrived.
        with closing(sqlite3.connect(clinic.database)) as conn:
            holding = conn.execute("SELECT count(*) FROM work_orders WHERE instr(search_text, ?)",
                                   (search_fold(name),)).fetchone()[0]
        assert holding and count_orders(factory(), admin, OrderFilter(text=name)) == holding
        created = create_order(factory(), admin, OrderInput(
            lab_id=lab, customer_id=customer, patient_id=patient,
            documented_at=date(2026, 11, 20), due_date=date(2026, 11, 20) + timedelta(days=7),
            currency="EUR", description="After the move",
            items=(ItemInput(description="Crown", quantity=1,
                             unit_price=Money(25000, "EUR")),)))
    finally:
        server.close()
    assert created.number == highest + 1


@pytest.mark.postgresql
def test_a_server_database_holding_data_is_refused_and_left_as_it_was(
    clinic: AppPaths, empty_server: str
) -> None:
    actor = _admin(clinic)
    server_move.move_to_server(actor, clinic, empty_server)
    before = _figures(clinic, empty_server)

    with pytest.raises(DatabaseProblem, match=r"already holds Dentasync data .*work_orders"):
        server_move.move_to_server(actor, clinic, empty_server)

    assert _figures(clinic, empty_server) == before


@pytest.mark.postgresql
def test_the_command_prints_every_table_and_remembers_the_server(
    clinic: AppPaths, empty_server: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, ADMIN[1])
    code, out, err = run(capsys, "--data-dir", str(clinic.data_dir), "migrate-to",
                         empty_server, "--user", "admin", "--remember")

    assert code == cli.EXIT_OK, err
    lines = out.splitlines()
    assert any(line.split()[:2] == ["work_orders", str(DEMO_ORDERS)] for line in lines)
    assert any(line.split()[:1] == ["installments"] and "amount" in line for line in lines)
    assert "OK:" in out and "are the same on the server" in out
    remembered = json.loads((clinic.config_dir / DATABASE_CONFIG).read_text(encoding="utf-8"))
    assert remembered == {"url": empty_server}
    assert resolve_paths(clinic.data_dir).database_url == empty_server


@pytest.mark.postgresql
def test_a_difference_names_the_table_exits_1_and_keeps_nothing_on_the_server(
    clinic: AppPaths, empty_server: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    real = transfer.copy_table

    def losing_a_payment(source: Connection, target: Connection, table: Table,
                         copied: transfer.Copied | None = None) -> int:
        done = real(source, target, table, copied)
        if table.name == "payments":
            target.exec_driver_sql("DELETE FROM payments WHERE id = (SELECT max(id) FROM "
                                   "payments)")
        return done

    monkeypatch.setattr(transfer, "copy_table", losing_a_payment)
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, ADMIN[1])
    code, out, _err = run(capsys, "--data-dir", str(clinic.data_dir), "migrate-to",
                          empty_server, "--user", "admin")

    assert code == cli.EXIT_PROBLEM
    different = [line for line in out.splitlines() if line.startswith("DIFFERENT:")]
    assert len(different) == 1 and different[0].startswith("DIFFERENT: payments:")
    assert "nothing was kept on the server" in out
    assert _rows_on(empty_server, clinic) == []
    assert not (clinic.config_dir / DATABASE_CONFIG).exists()


def test_a_file_that_needs_an_upgrade_is_refused_and_left_as_it_was(
    clinic: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stamp(clinic.database, OLDER)
    unchanged = clinic.database.read_bytes()
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, ADMIN[1])

    code, out, err = run(capsys, "--data-dir", str(clinic.data_dir), "migrate-to",
                         "postgresql+psycopg://dentasync@127.0.0.1:1/dentasync",
                         "--user", "admin")

    assert code == cli.EXIT_PROBLEM and out == ""
    assert f"at schema {OLDER}, not at" in err and "Start Dentasync Desktop once" in err
    assert clinic.database.read_bytes() == unchanged


def test_the_refusal_is_in_the_language_asked_for(
    clinic: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    _stamp(clinic.database, OLDER)

    code, _out, err = run(capsys, "--lang", "de", "--data-dir", str(clinic.data_dir),
                          "migrate-to", "postgresql+psycopg://dentasync@127.0.0.1:1/x")

    assert code == cli.EXIT_PROBLEM
    assert "Dentasync Desktop" in err and "Schema" in err and "once" not in err


@pytest.mark.parametrize(("url", "words"), [
    ("mysql://anna:s3cret@db/dentasync", "must start with postgresql+psycopg://"),
    ("postgresql+psycopg://anna:s3cret@127.0.0.1:1/dentasync",
     "Cannot connect to the database server"),
])
def test_a_bad_url_or_an_unreachable_server_is_told_in_one_line(
    clinic: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    url: str, words: str
) -> None:
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, ADMIN[1])

    code, _out, err = run(capsys, "--data-dir", str(clinic.data_dir), "migrate-to", url,
                          "--user", "admin")

    assert code == cli.EXIT_PROBLEM
    assert words in err and len(err.strip().splitlines()) == 1
    assert "s3cret" not in err
    assert not (clinic.config_dir / DATABASE_CONFIG).exists()


def test_the_file_open_in_the_app_is_refused(clinic: AppPaths) -> None:
    actor = _admin(clinic)
    held = database_lock(clinic.database)
    assert held.acquire()  # what every window and command holds while the file is open
    try:
        with pytest.raises(DatabaseInUse, match="open in a Dentasync Desktop window"):
            server_move.move_to_server(actor, clinic, "postgresql+psycopg://a@127.0.0.1:1/b")
    finally:
        held.release()


def test_a_technician_may_not_move_the_clinic(clinic: AppPaths) -> None:
    database = open_database(clinic)
    try:
        technician = users.sign_in(database.uow_factory(), "tech", "tech1234")
    finally:
        database.close()
    assert technician.role is Role.TECHNICIAN
    with pytest.raises(PermissionDenied):
        server_move.move_to_server(technician, clinic, "postgresql+psycopg://a@127.0.0.1:1/b")


def test_a_data_folder_without_a_database_or_already_on_a_server_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "new"
    code, _out, err = run(capsys, "--data-dir", str(folder), "migrate-to",
                          "postgresql+psycopg://a@127.0.0.1:1/b")
    assert code == cli.EXIT_PROBLEM and "There is no database at" in err

    paths = resolve_paths(folder)
    with pytest.raises(DatabaseProblem, match="already uses the database server"):
        server_move.check_source(replace(paths, database_url="postgresql+psycopg://a@h/b"))


def test_a_missing_url_is_wrong_usage(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    code, _out, err = run(capsys, "--data-dir", str(tmp_path), "migrate-to")
    assert code == cli.EXIT_USAGE and "URL" in err


@pytest.mark.postgresql
def test_attached_files_and_the_logo_move_into_the_server_and_open_on_another_pc(
    clinic: AppPaths, new_server: str, tmp_path: Path
) -> None:
    admin = _admin(clinic)
    content, other = os.urandom(CHUNK + 100), b"an impression scan"
    (tmp_path / "scan.stl").write_bytes(content)
    (tmp_path / "note.txt").write_bytes(other)
    (tmp_path / "gone.txt").write_bytes(b"deleted from the folder later")
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (29, 78, 216)).save(logo)
    database = open_database(clinic)
    try:
        factory = uow_factory_for(database)
        with factory() as uow:
            first, second = uow.session.scalars(
                select(WorkOrder.id).order_by(WorkOrder.id).limit(2)).all()
        for order, name in ((first, "scan.stl"), (second, "scan.stl"), (second, "note.txt"),
                            (first, "gone.txt")):
            attachments.add_attachment(factory(), admin, order, tmp_path / name)
        settings.save_settings(factory(), admin, replace(
            settings.get_settings(factory()), logo_path=str(logo)))
    finally:
        database.close()
    gone = hashlib.sha256(b"deleted from the folder later").hexdigest()
    AttachmentStore(clinic.attachments_dir).path_for(gone).unlink()

    report = server_move.move_to_server(admin, clinic, new_server)

    assert report.ok, [move for move in report.tables if not move.equal]
    assert (report.files, report.missing_files) == (3, (gone,))  # scan (once), note, logo
    there = _figures(clinic, new_server)
    assert (there["blobs"].rows, there["blob_chunks"].rows) == (3, 4)
    # Another PC, with a data folder of its own, opens the files and prints the logo.
    pc2 = replace(resolve_paths(tmp_path / "pc2").create(), database_url=new_server)
    server = open_database(pc2)
    try:
        factory = uow_factory_for(server)
        with factory() as uow:
            rows = {(row.order_id, row.original_name): row.id
                    for row in uow.session.scalars(select(Attachment))}
        opened = attachments.local_file(factory(), admin, rows[(second, "scan.stl")])
        assert opened.read_bytes() == content and pc2.data_dir in opened.parents
        assert attachments.local_file(factory(), admin,
                                      rows[(second, "note.txt")]).read_bytes() == other
        with pytest.raises(NotFound):
            attachments.local_file(factory(), admin, rows[(first, "gone.txt")])
        printed = Path(settings.document_settings(factory()).logo_path)
        assert printed.read_bytes() == logo.read_bytes() and pc2.data_dir in printed.parents
    finally:
        server.close()
