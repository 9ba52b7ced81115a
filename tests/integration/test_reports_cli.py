"""`dentasync-desktop report finance`: the same exports as the page, and clear usage errors."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dentasync_desktop import cli
from dentasync_desktop.domain.dto import Actor, FinanceFilter
from dentasync_desktop.domain.enums import PaymentMethod, PaymentStatus, Role
from dentasync_desktop.domain.numbers import format_number
from dentasync_desktop.paths import DATA_DIR_ENV, resolve_paths
from dentasync_desktop.services import finance, passwords, reports
from dentasync_desktop.services.maintenance import open_database
from dentasync_desktop.services.seed import seed

from ..factories import CHEAP_COST, PASSWORD, add_user

ADMIN = Actor(1, "admin", "Admin User", Role.ADMIN)
LAB = "Zahntechnik Müller GmbH"


@pytest.fixture(autouse=True)
def _no_env_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)


@pytest.fixture(scope="module")
def seeded_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with 120 seeded orders, made once for the module."""
    folder = tmp_path_factory.mktemp("reports-cli") / "data"
    database = open_database(resolve_paths(folder))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "current", CHEAP_COST)
        assert add_user(database.uow_factory, "admin", Role.ADMIN) == ADMIN
        seed(database.uow_factory, 120, seed=5)
    database.close()
    return folder


@pytest.fixture
def data_dir(tmp_path: Path, seeded_folder: Path) -> Path:
    """A copy of the seeded folder of its own for each test."""
    return Path(shutil.copytree(seeded_folder, tmp_path / "data"))


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["report", "finance", "--data-dir", str(data_dir), "--user", "admin", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_orders_report_with_every_filter(capsys, data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "card.csv"
    code, out, err = run(capsys, data_dir, "--view", "orders", "--from", "2026-01-01",
                         "--to", "2026-12-31", "--lab", LAB.upper(), "--method", "card",
                         "--status", "paid", "--format", "csv", "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"Wrote {target}\n"

    database = open_database(resolve_paths(data_dir))
    try:
        lab_id = reports.lab_named(database.uow_factory(), ADMIN, LAB)
        flt = FinanceFilter(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31), lab_id=lab_id,
                            method=PaymentMethod.CARD, payment_status=PaymentStatus.PAID)
        expected = [format_number(values[0]) for values in finance.iter_order_values(
            database.uow_factory(), ADMIN, flt)]
    finally:
        database.close()
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert [row[0] for row in rows[1:]] == expected
    assert expected, "the filters should leave some orders to check"
    assert {(row[1], row[2], row[8]) for row in rows[1:]} <= {(LAB, "Card", "Paid")}


def test_labs_report_as_xlsx(capsys, data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "labs.xlsx"
    code, out, _err = run(capsys, data_dir, "--view", "labs", "--format", "xlsx",
                          "-o", str(target))
    assert code == 0 and "labs.xlsx" in out
    sheet = load_workbook(target).active
    names = [row[0].value for row in sheet.iter_rows()]
    assert "Dental lab" in names and LAB in names
    assert sheet.freeze_panes is not None


@pytest.mark.parametrize(("argv", "message"), [
    (["--view", "orders", "--lab", "No Such Lab"], "--lab: No dental lab is called 'No Such Lab'"),
    (["--view", "orders", "--from", "2026-13-01"], "argument --from: not a date"),
    (["--view", "orders", "--to", "yesterday"], "argument --to: not a date"),
    (["--view", "orders", "--method", "cheque"], "argument --method: invalid choice: 'cheque'"),
    (["--view", "orders", "--status", "late"], "argument --status: invalid choice: 'late'"),
    (["--view", "labs", "--status", "paid"], "--status: the labs view has no payment-status"),
    (["--view", "orders", "--from", "2026-02-01", "--to", "2026-01-01"],
     "--from: the start date is after the --to date"),
    (["--view", "everything"], "argument --view: invalid choice"),
])
def test_bad_values_name_the_option_and_exit_2(capsys, data_dir: Path, tmp_path: Path,
                                               argv: list[str], message: str) -> None:
    target = tmp_path / "out.csv"
    code, _out, err = run(capsys, data_dir, *argv, "--format", "csv", "-o", str(target))
    assert code == cli.EXIT_USAGE
    assert message in err
    assert not target.exists()


def test_the_lab_error_lists_the_labs(capsys, data_dir: Path, tmp_path: Path) -> None:
    _code, _out, err = run(capsys, data_dir, "--view", "labs", "--lab", "Mueller",
                           "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert LAB in err


def test_a_report_needs_a_signed_in_user(capsys, data_dir: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "labs.csv"
    code = cli.main(["report", "finance", "--data-dir", str(data_dir), "--view", "labs",
                     "--format", "csv", "-o", str(target)])
    assert code == cli.EXIT_USAGE
    assert "--user NAME" in capsys.readouterr().err
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, "not-the-password")
    code, _out, err = run(capsys, data_dir, "--view", "labs", "--format", "csv", "-o", str(target))
    assert code == 1
    assert "Unknown user or wrong password." in err
    assert not target.exists()
