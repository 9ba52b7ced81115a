"""Backup and restore of a PostgreSQL server database with pg_dump and pg_restore."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from dentasync_desktop import cli
from dentasync_desktop.db import server_backup
from dentasync_desktop.db.server import engine_url
from dentasync_desktop.domain.dto import OrderFilter
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import DatabaseInUse, DatabaseProblem
from dentasync_desktop.paths import AppPaths, bundled, resolve_paths
from dentasync_desktop.services import maintenance
from dentasync_desktop.services.maintenance import Database, back_up_now, open_database
from dentasync_desktop.services.order_list import list_orders

from ..factories import PASSWORD, World
from .helpers import new_order

pytestmark = pytest.mark.postgresql

MIGRATIONS = bundled("migrations")


def order_count(paths: AppPaths, world: World) -> int:
    """The orders another start of the app finds (it migrates and checks, as a PC would)."""
    reopened = open_database(paths)
    try:
        return list_orders(reopened.uow_factory(), world.admin, OrderFilter(), 0, 10).total_count
    finally:
        reopened.close()


def databases_named(paths: AppPaths, part: str) -> list[str]:
    assert paths.database_url is not None
    url = make_url(paths.database_url)
    with psycopg.connect(url.set(drivername="postgresql", database="postgres")
                         .render_as_string(hide_password=False)) as admin:
        return [name for (name,) in admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", (f"%{part}%",))]


@pytest.fixture
def backed_up(world: World, database: Database) -> Path:
    """A backup holding one order, a second order made after it, and the app closed."""
    new_order(world)
    made = back_up_now(world.admin, database.paths)
    new_order(world)
    database.close()
    return made


def test_a_backup_restored_brings_the_data_of_its_day_back(
    world: World, database: Database, backed_up: Path,
) -> None:
    paths = database.paths
    assert backed_up.parent == paths.backups_dir and backed_up.suffix == ".dump"
    assert order_count(paths, world) == 2

    safety = maintenance.restore_file(paths, backed_up)

    assert order_count(paths, world) == 1  # the order made after the backup is gone
    assert safety is not None and "before-restore" in safety.name
    assert maintenance.list_backups(paths) == [safety, backed_up]
    assert databases_named(paths, "_restoring") == databases_named(paths, "_replaced") == []
    report = maintenance.check(paths)
    assert report.ok, report.problems
    assert report.newest_backup is not None and report.newest_backup.path == str(safety)
    # The safety copy holds the data as it was before the restore.
    maintenance.restore_file(paths, safety)
    assert order_count(paths, world) == 2


def test_restore_in_place_when_the_user_may_not_swap_databases(
    world: World, database: Database, backed_up: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(server_backup, "_ownership", lambda _connection: ("dentasync", False))
    safety = maintenance.restore_file(database.paths, backed_up)
    assert order_count(database.paths, world) == 1
    assert safety is not None and safety.is_file()


def test_restore_is_refused_while_another_pc_is_connected(
    world: World, database: Database, backed_up: Path,
) -> None:
    paths = database.paths
    assert paths.database_url is not None
    other_pc = psycopg.connect(engine_url(paths.database_url).set(drivername="postgresql")
                               .render_as_string(hide_password=False))
    try:
        with pytest.raises(DatabaseInUse) as refusal:
            maintenance.restore_file(paths, backed_up)
    finally:
        other_pc.close()
    assert refusal.value.message.startswith("1 other connection is open to the database ")
    assert "Close the app on the other PCs, then restore again. Nothing was changed." in (
        refusal.value.message)
    assert order_count(paths, world) == 2
    assert maintenance.list_backups(paths) == [backed_up]  # no safety copy of nothing


def test_a_file_that_is_not_a_server_backup_is_refused(
    world: World, database: Database, tmp_path: Path,
) -> None:
    new_order(world)
    bogus = tmp_path / "orders.sqlite3"
    bogus.write_text("not a backup")
    database.close()
    with pytest.raises(DatabaseProblem, match=(
            f"^{bogus} is not a backup of a database server \\(a pg_dump archive")):
        maintenance.restore_file(database.paths, bogus)
    assert order_count(database.paths, world) == 1


def test_a_backup_of_another_database_or_a_newer_version_is_refused(
    world: World, database: Database, tmp_path: Path,
) -> None:
    paths = database.paths
    new_order(world)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    newer = back_up_now(world.admin, paths, tmp_path / "newer.dump")
    with database.engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    foreign = back_up_now(world.admin, paths, tmp_path / "foreign.dump")
    database.close()
    with pytest.raises(DatabaseProblem, match="was made by a newer version of Dentasync"):
        maintenance.restore_file(paths, newer)
    with pytest.raises(DatabaseProblem, match="is not a Dentasync Desktop database"):
        maintenance.restore_file(paths, foreign)


def test_a_backup_that_fails_the_check_leaves_the_database_as_it_was(
    world: World, database: Database, tmp_path: Path,
) -> None:
    paths = database.paths
    new_order(world)
    with database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER activity_no_delete ON activity"))
    broken = back_up_now(world.admin, paths, tmp_path / "broken.dump")
    with database.engine.begin() as connection:
        connection.execute(text(
            "CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity FOR EACH ROW "
            "EXECUTE FUNCTION activity_append_only()"))
    new_order(world)
    database.close()
    with pytest.raises(DatabaseProblem, match="cannot be restored: triggers missing: "
                                              "activity_no_delete"):
        maintenance.restore_file(paths, broken)
    assert order_count(paths, world) == 2
    assert databases_named(paths, "_restoring") == []
    assert maintenance.check(paths).ok


def test_missing_pg_dump_is_named_with_how_to_install_it(
    world: World, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(server_backup.TOOLS_ENV, raising=False)
    monkeypatch.setattr(server_backup, "TOOL_FOLDERS", ())
    with pytest.raises(DatabaseProblem) as refusal:
        back_up_now(world.admin, database.paths)
    assert refusal.value.message.startswith("pg_dump was not found on this PC")
    assert "sudo apt install postgresql-client-" in refusal.value.message
    assert maintenance.list_backups(database.paths) == []
    # The daily backup only logs it: the app opens all the same.
    assert maintenance.back_up_server_if_due(database.paths) is None
    # The command says the same in one message.
    database.close()
    code = cli.main(["--data-dir", str(database.paths.data_dir), "backup"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("pg_dump was not found on this PC")
    assert "Traceback" not in err


@pytest.mark.skipif(not list(Path("/usr/lib/postgresql").glob("*/bin/pg_dump")),
                    reason="Debian's PostgreSQL packages only")
def test_debian_keeps_the_tools_out_of_path_and_they_are_found_there(
    world: World, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    made = back_up_now(world.admin, database.paths)
    assert made.stat().st_size > 0


def test_an_older_pg_dump_than_the_server_is_refused(
    database: Database, world: World, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(server_backup, "_major", lambda _path, _stamp: 9)
    with pytest.raises(DatabaseProblem, match=r"is version 9, older than the database server "
                                              r"\(PostgreSQL 1\d\)"):
        back_up_now(world.admin, database.paths)


def test_one_pc_makes_the_daily_backup_for_all(
    world: World, database: Database, tmp_path: Path,
) -> None:
    other_pc = replace(resolve_paths(tmp_path / "pc2").create(),
                       database_url=database.paths.database_url)
    made = maintenance.back_up_server_if_due(database.paths)
    assert made is not None and "-auto" in made.name
    assert maintenance.back_up_server_if_due(other_pc) is None
    assert maintenance.list_backups(other_pc) == []
    # The other PC shows where the newest backup is and who made it.
    note = maintenance.newest_backup(world.uow(), other_pc)
    assert note is not None and note.path == str(made)


def test_cli_backup_and_restore_on_a_server(
    capsys: pytest.CaptureFixture[str], world: World, database: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = database.paths
    assert paths.database_url is not None
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)
    admin = world.users[Role.ADMIN].username
    new_order(world)
    database.close()
    target = tmp_path / "usb" / "clinic.dump"
    common = ["--data-dir", str(tmp_path / "cli"), "--database-url", paths.database_url]

    assert cli.main([*common, "backup", "-o", str(target), "--user", admin]) == 0
    out = capsys.readouterr().out
    assert out.strip() == f"Backed up {paths.database_url} to {target}"
    new_order(world)
    database.close()

    assert cli.main([*common, "restore", str(target), "--user", admin]) == 0
    out = capsys.readouterr().out
    assert f"Restored {target} into {paths.database_url}" in out
    assert "The previous database was kept as " in out
    assert order_count(paths, world) == 1

    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    assert cli.main([*common, "restore", str(bogus), "--user", admin]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == (f"{bogus} is not a backup of a database server (a pg_dump "
                                    "archive, usually a .dump file).")


def test_an_upgrade_backs_the_server_up_and_an_older_backup_restores_at_the_new_schema(
    world: World, database: Database, tmp_path: Path,
) -> None:
    from alembic import command

    from dentasync_desktop.db.migrate import alembic_config

    paths = database.paths
    new_order(world)
    with database.engine.connect() as connection:
        config = alembic_config(MIGRATIONS)
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
        connection.commit()
    older = back_up_now(world.admin, paths, tmp_path / "older.dump")
    database.close()

    open_database(paths).close()  # migrates to head

    [before_upgrade] = maintenance.list_backups(paths)
    assert "before-upgrade" in before_upgrade.name
    maintenance.restore_file(paths, older)
    assert maintenance.check(paths).ok  # brought to the newest schema on the way in
    assert order_count(paths, world) == 1
