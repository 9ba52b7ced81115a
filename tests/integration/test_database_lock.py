"""One lock per database: a restore waits for every other user of the file, and one window."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dentasync_desktop import cli
from dentasync_desktop.db.backup import backup_into
from dentasync_desktop.domain.errors import DatabaseInUse
from dentasync_desktop.services.maintenance import (
    Database,
    claim_window,
    connect_database,
    restore_file,
)

from ..factories import PASSWORD, World
from .helpers import new_order

# The file's lock between processes; a server serialises writers itself (test_postgresql.py).
pytestmark = pytest.mark.sqlite_only

REPO = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path
    from dentasync_desktop.domain.dto import Actor, PaymentInput
    from dentasync_desktop.domain.enums import PaymentMethod, Role
    from dentasync_desktop.domain.money import Money
    from dentasync_desktop.paths import resolve_paths
    from dentasync_desktop.services import payments
    from dentasync_desktop.services.maintenance import open_database

    data_dir, order_id, user_id, stop = sys.argv[1:]
    order_id, user_id, stop = int(order_id), int(user_id), Path(stop)
    database = open_database(resolve_paths(data_dir))
    actor = Actor(user_id, "admin", "Admin", Role.ADMIN)
    print("open", flush=True)
    while not stop.exists():
        payments.record_payment(database.uow_factory(), actor, order_id, PaymentInput(
            date(2026, 11, 20), Money(1, "EUR"), PaymentMethod.CASH))
        print("paid", flush=True)
    database.close()
""")

HOLDER = textwrap.dedent("""
    import sys
    from dentasync_desktop.paths import resolve_paths
    from dentasync_desktop.services.maintenance import claim_window

    claim_window(resolve_paths(sys.argv[1]))
    print("holding", flush=True)
    sys.stdin.read()
""")


def payment_rows(database: Database) -> int:
    with database.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM payments").scalar_one()


@pytest.fixture(autouse=True)
def _admin_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)


def test_restore_is_refused_while_another_process_writes_and_no_payment_is_lost(
    capsys: pytest.CaptureFixture[str], database: Database, world: World, tmp_path: Path
) -> None:
    paths = database.paths
    order = new_order(world)
    saved = backup_into(paths.database, tmp_path / "usb", "manual")
    database.close()
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(paths.data_dir), str(order.id),
         str(world.admin.user_id), str(stop)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "open"
        acknowledged = sum(writer.stdout.readline().strip() == "paid" for _ in range(20))

        code = cli.main(["--data-dir", str(paths.data_dir), "restore", str(saved),
                     "--user", "admin"])
        _, err = capsys.readouterr()
        # The writer goes on after the refusal; these payments must survive too.
        acknowledged += sum(writer.stdout.readline().strip() == "paid" for _ in range(20))
        stop.touch()
        # Read on through the same buffered file: communicate() reads the pipe underneath it
        # and would miss the "paid" lines readline() has already buffered.
        rest = writer.stdout.read()
        assert writer.stderr is not None
        errors = writer.stderr.read()
        writer.wait(timeout=120)
    finally:
        writer.kill()
    acknowledged += rest.split().count("paid")
    assert (code, writer.returncode, errors) == (1, 0, "")
    assert "is open in another Dentasync Desktop window or command" in err
    assert "Nothing was changed" in err
    assert payment_rows(connect_database(paths)) == acknowledged >= 40


def test_restore_goes_ahead_once_the_other_process_has_closed(
    capsys: pytest.CaptureFixture[str], database: Database, world: World, tmp_path: Path
) -> None:
    saved = backup_into(database.paths.database, tmp_path / "usb", "manual")
    assert cli.main(["--data-dir", str(database.paths.data_dir), "restore", str(saved),
                     "--user", "admin"]) == 1
    assert "is open in another" in capsys.readouterr().err

    database.close()

    assert cli.main(["--data-dir", str(database.paths.data_dir), "restore", str(saved),
                     "--user", "admin"]) == 0


def test_a_connection_made_after_a_refused_restore_takes_the_lock_back(
    database: Database, world: World, tmp_path: Path
) -> None:
    saved = backup_into(database.paths.database, tmp_path / "usb", "manual")
    database.close()
    new_order(world)  # reconnects, as the window does after a refused restore

    with pytest.raises(DatabaseInUse):
        restore_file(database.paths, saved)


def test_a_second_window_on_the_same_data_is_refused_naming_the_first(
    database: Database,
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database.paths.data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"

        with pytest.raises(DatabaseInUse) as refused:
            claim_window(database.paths)

        assert "Dentasync Desktop is already open on" in refused.value.message
        assert f"process {holder.pid} on " in refused.value.message
    finally:
        holder.communicate("", timeout=60)
    claim_window(database.paths).release()  # the lock ended with its process
