"""The Settings page: organisation settings, back up now, restore with confirmation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from dentasync_desktop.domain.dto import OrderFilter
from dentasync_desktop.domain.enums import PaperSize
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.settings_page import SettingsPage
from dentasync_desktop.services import maintenance, orders, settings
from dentasync_desktop.services.maintenance import Database
from dentasync_desktop.services.order_list import list_orders

from ..factories import World
from .conftest import MessageBoxes, screenshot, settle
from .test_order_list import FakeShell


class Shell(FakeShell):
    def __init__(self, client: ServiceClient, database: Database) -> None:
        super().__init__(client)
        self.database = database
        self.closed = 0

    def close_database(self) -> None:
        self.closed += 1
        self.database.close()


@pytest.fixture
def shell(client: ServiceClient, database: Database) -> Shell:
    return Shell(client, database)


@pytest.fixture
def page(qtbot, shell: Shell) -> SettingsPage:  # type: ignore[no-untyped-def]
    widget = SettingsPage(shell)
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    settle(qtbot)
    return widget


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_args, **_kwargs: (str(path), ""))


def test_save_the_organisation_settings(qtbot, themed, page: SettingsPage, shell: Shell,  # type: ignore[no-untyped-def]
                                        world: World, tmp_path: Path) -> None:
    logo = Path(__file__).resolve().parents[2] / "resources" / "icons" / "dentasync.png"
    page.name.setText("Smile Lab Ltd")
    page.address.setPlainText("1 High Street\nLondon")
    page.email.setText("office@smile.example")
    page.logo.setText(str(logo))
    page.currency.set_currency("GBP")
    page.paper.setCurrentIndex(page.paper.findData(PaperSize.LETTER.value))
    page.backup_dir.setText(str(tmp_path))
    page.save()
    settle(qtbot)
    saved = settings.get_settings(world.uow())
    assert (saved.name, saved.address, saved.default_currency, saved.paper_size) == (
        "Smile Lab Ltd", "1 High Street\nLondon", "GBP", "letter")
    assert saved.logo_path == str(logo) and saved.backup_dir == str(tmp_path.resolve())
    assert shell.messages == ["Settings saved."]
    assert not page.logo_preview.pixmap().isNull()
    screenshot(page, "settings_page")


def test_bad_input_names_the_field_and_keeps_the_rest(qtbot, page: SettingsPage,  # type: ignore[no-untyped-def]
                                                      world: World) -> None:
    page.name.setText("Kept Name")
    page.email.setText("no address")
    page.save()
    settle(qtbot)
    assert page.marks.text.startswith("E-mail:") and page.error.isHidden()
    assert page.name.text() == "Kept Name"
    assert settings.get_settings(world.uow()).name != "Kept Name"
    page.refresh()
    settle(qtbot)
    assert page.name.text() == settings.get_settings(world.uow()).name


def test_back_up_now_runs_and_reports(qtbot, page: SettingsPage, shell: Shell,  # type: ignore[no-untyped-def]
                                      boxes: MessageBoxes) -> None:
    page.back_up()
    settle(qtbot)
    backups = maintenance.list_backups(shell.client.paths)
    assert len(backups) == 1
    assert str(backups[0]) in boxes.texts("information")[0]
    assert "Newest backup" in page.backup_info.text()


# What a backup file starts with: a copy of the SQLite file, or a server's pg_dump archive
# (custom format).
BACKUP_KINDS = {False: (".sqlite3", b"SQLite format 3\x00"), True: (".dump", b"PGDMP")}


def test_back_up_into_the_chosen_folder(qtbot, page: SettingsPage, shell: Shell,  # type: ignore[no-untyped-def]
                                        boxes: MessageBoxes, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    page.backup_dir.setText(str(folder))
    page.back_up()
    settle(qtbot)
    suffix, header = BACKUP_KINDS[shell.client.paths.on_server]
    made = list(folder.glob(f"dentasync-manual-*{suffix}"))
    assert len(made) == 1 and made[0].read_bytes().startswith(header)


def test_restore_asks_closes_the_database_and_restarts(
        qtbot, monkeypatch: pytest.MonkeyPatch, page: SettingsPage, shell: Shell,  # type: ignore[no-untyped-def]
        world: World, boxes: MessageBoxes) -> None:
    backup = maintenance.back_up_now(world.admin, shell.client.paths)
    orders.create_order(world.uow(), world.admin, world.order_input())
    choose_file(monkeypatch, backup)
    boxes.answer = boxes.answer.Cancel
    page.restore()
    settle(qtbot)
    assert shell.closed == 0  # the user said no: nothing happened
    boxes.answer = boxes.answer.Yes
    page.restore()
    settle(qtbot)
    assert shell.closed == 1
    assert any("Dentasync Desktop will now close" in t for t in boxes.texts("information"))
    assert not page.isVisible()
    reopened = maintenance.open_database(shell.client.paths)
    try:
        page_of_orders = list_orders(reopened.uow_factory(), world.admin, OrderFilter(), 0, 10)
        assert page_of_orders.total_count == 0  # the order made after the backup is gone
    finally:
        reopened.close()


def test_a_bad_backup_file_is_refused(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                      page: SettingsPage, shell: Shell, boxes: MessageBoxes,
                                      world: World, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database")
    choose_file(monkeypatch, bogus)
    page.restore()
    settle(qtbot)
    assert shell.closed == 1
    assert any("notes.sqlite3" in text for text in boxes.texts("warning")[1:])
    assert page.isVisible()
    assert settings.get_settings(world.uow()).name  # the database still works


def test_restore_is_refused_while_another_process_has_the_database_open(
        monkeypatch: pytest.MonkeyPatch, page: SettingsPage, shell: Shell,
        boxes: MessageBoxes, world: World, qtbot: Any) -> None:
    backup = maintenance.back_up_now(world.admin, shell.client.paths)
    other = maintenance.connect_database(shell.client.paths)  # as a second process would
    # A local file is held by the other process's lock; a server sees the other PC by the
    # connection its window listens for changes on (gui/application.py starts it).
    other.follow_other_pcs()
    choose_file(monkeypatch, backup)
    boxes.answer = boxes.answer.Yes
    try:
        page.restore()
        settle(qtbot)
    finally:
        other.close()
    assert shell.closed == 1  # its own engine was closed first
    refusal = ("1 other connection is open to the database" if shell.client.paths.on_server
               else "is open in another Dentasync Desktop window or command")
    assert any(refusal in text for text in boxes.texts("warning")[1:])
    assert page.isVisible()
    assert settings.get_settings(world.uow()).name  # the database still works
