"""Settings > Database: the form, its refusals by field, saving (URL in the data folder, the
password in the keyring), the connection test, and the look at two screen sizes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from dentasync_desktop.domain.enums import Role
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.database_settings import DatabaseSection
from dentasync_desktop.gui.settings_page import SettingsPage
from dentasync_desktop.gui.theme import apply_theme
from dentasync_desktop.gui.worker import running_jobs
from dentasync_desktop.paths import DATABASE_CONFIG, AppPaths, stored_database_url
from dentasync_desktop.services.maintenance import Database

from ..factories import World
from ..keyrings import MemoryKeyring
from ..pg import Databases, server_url
from .conftest import MessageBoxes, save_png, settle
from .test_order_list import FakeShell

SERVER = "postgresql+psycopg://anna@db.clinic.lan:5433/dentasync?sslmode=require"
SCREENS = {"1366x768": (1366, 728), "1920x1080": (1920, 1040)}


@pytest.fixture
def make_section(qtbot, database: Database, world: World, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The section of a data folder using ``url`` now (None: its own file)."""
    def make(url: str | None = None, role: Role = Role.ADMIN) -> DatabaseSection:
        paths = replace(database.paths, database_url=url)
        client = ServiceClient(world.uow_factory, world.actors[role], paths, tmp_path / "log")
        section = DatabaseSection(FakeShell(client))  # type: ignore[arg-type]
        qtbot.addWidget(section)
        section.show()
        return section

    return make


def stored(paths: AppPaths) -> dict[str, str] | None:
    config = paths.config_dir / DATABASE_CONFIG
    return json.loads(config.read_text(encoding="utf-8")) if config.exists() else None


def fill(section: DatabaseSection, host: str = "db.clinic.lan", password: str = "") -> None:
    section.clinic_server.setChecked(True)
    section.host.setText(host)
    section.port.setValue(5433)
    section.database.setText("dentasync")
    section.user.setText("anna")
    section.password.setText(password)
    section.tls.setCurrentIndex(section.tls.findData("require"))


def test_this_computer_shows_its_file_and_the_server_fields_wait(make_section) -> None:  # type: ignore[no-untyped-def]
    section = make_section()
    assert section.this_computer.isChecked()
    assert section.file_path.text().endswith("dentasync.sqlite3")
    assert section.note.text() == "In use now: this computer's file."
    assert not section.host.isVisible()
    section.clinic_server.setChecked(True)
    assert section.host.isVisible() and section.port.value() == 5432
    assert section.tls.currentData() == "prefer"
    assert section.password.echoMode() == section.password.EchoMode.Password
    chain, widget = [], section.this_computer
    for _step in range(10):
        widget = widget.nextInFocusChain()
        # The spin box's own line edit is part of the spin box.
        while (not widget.focusPolicy() & Qt.FocusPolicy.TabFocus
               or widget.parent() is section.port):
            widget = widget.nextInFocusChain()
        chain.append(widget)
    assert chain[:8] == [section.clinic_server, section.host, section.port, section.database,
                         section.user, section.password, section.tls, section.test_button]


def test_the_form_shows_the_server_in_use_but_never_its_password(make_section) -> None:  # type: ignore[no-untyped-def]
    section = make_section(SERVER.replace("anna@", "anna:s3cret@"))
    assert section.clinic_server.isChecked()
    assert (section.host.text(), section.port.value(), section.database.text(),
            section.user.text(), section.tls.currentData()) == (
        "db.clinic.lan", 5433, "dentasync", "anna", "require")
    assert section.password.text() == ""
    assert "keep the password" in section.password.placeholderText()
    assert section.note.text() == "In use now: the clinic server db.clinic.lan."


def test_a_bad_field_is_named_and_nothing_is_saved(qtbot, make_section,  # type: ignore[no-untyped-def]
                                                   boxes: MessageBoxes) -> None:
    section = make_section()
    before = stored(section._client.paths)
    fill(section, host="")
    section.save()
    settle(qtbot)
    assert section.marks.text == "Host: Required."
    assert section.host.hasFocus() or QApplication.focusWidget() is None  # offscreen focus
    qtbot.keyClicks(section.host, "db.clinic.lan")
    assert section.marks.text == ""  # cleared as it is fixed
    section.user.setText("  ")
    section.database.clear()
    section.save()
    settle(qtbot)
    assert section.marks.text == "Database: Required.\nUser: Required."  # both at once
    assert boxes.shown == [] and stored(section._client.paths) == before


def test_save_keeps_the_url_without_password_and_the_password_in_the_keyring(
        qtbot, make_section, boxes: MessageBoxes, keyring_in_memory: MemoryKeyring) -> None:  # type: ignore[no-untyped-def]
    section = make_section()
    fill(section, password="p@ss: wörd")
    section.save()
    settle(qtbot)
    paths = section._client.paths
    assert stored(paths) == {"url": SERVER}
    assert "wörd" not in (paths.config_dir / DATABASE_CONFIG).read_text(encoding="utf-8")
    assert keyring_in_memory.entries == {
        ("Dentasync Desktop", "anna@db.clinic.lan:5433/dentasync"): "p@ss: wörd"}
    asked = boxes.texts("question")
    assert asked[0].startswith("Use the clinic server db.clinic.lan (database dentasync) "
                               "from the next start?")
    assert asked[1] == ("Saved. Dentasync Desktop switches to the clinic server "
                        "db.clinic.lan when it is next started.\n\nRestart it now?")
    assert section.password.text() == ""
    assert section._shell.restarts == 1  # "Yes" there: the app starts again on the server


def test_without_a_keyring_the_user_is_told_about_the_environment_variable(
        qtbot, make_section, boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        section = make_section()
        fill(section, password="s3cret")
        section.save()
        settle(qtbot)
    finally:
        keyring.set_keyring(previous)
    warned = boxes.texts("warning")
    assert len(warned) == 1 and "no keyring" in warned[0]
    assert "DENTASYNC_DATABASE_PASSWORD" in warned[0]
    assert stored(section._client.paths) == {"url": SERVER}


def test_cancelling_the_confirmation_saves_nothing(qtbot, make_section,  # type: ignore[no-untyped-def]
                                                   boxes: MessageBoxes) -> None:
    boxes.answer = boxes.answer.Cancel
    section = make_section()
    before = stored(section._client.paths)
    fill(section)
    section.save()
    settle(qtbot)
    assert len(boxes.texts("question")) == 1 and stored(section._client.paths) == before


def test_back_to_this_computer_forgets_the_server(qtbot, make_section,  # type: ignore[no-untyped-def]
                                                  boxes: MessageBoxes,
                                                  keyring_in_memory: MemoryKeyring) -> None:
    section = make_section(SERVER)
    (section._client.paths.config_dir / DATABASE_CONFIG).write_text(
        json.dumps({"url": SERVER}), encoding="utf-8")
    section.this_computer.setChecked(True)
    section.save()
    settle(qtbot)
    assert stored_database_url(section._client.paths.config_dir) is None
    assert boxes.texts("question")[0].startswith(
        "Use this computer's own database file from the next start?")
    assert "this computer's file from its next start" in section.note.text()


def test_enter_in_a_field_tests_and_never_saves(qtbot, make_section,  # type: ignore[no-untyped-def]
                                                boxes: MessageBoxes) -> None:
    section = make_section()
    before = stored(section._client.paths)
    fill(section, host="127.0.0.1")
    section.port.setValue(1)
    qtbot.keyClick(section.host, Qt.Key.Key_Return)
    assert section.test_job is not None
    settle(qtbot)
    assert boxes.shown == [] and stored(section._client.paths) == before
    assert section.test_result.text().startswith(
        "No database server answers at 127.0.0.1, port 1.")


def test_an_unreachable_port_is_one_clear_line_and_a_double_click_one_test(
        qtbot, make_section) -> None:  # type: ignore[no-untyped-def]
    section = make_section()
    fill(section, host="127.0.0.1")
    section.port.setValue(1)
    before = running_jobs()
    section.test_button.click()
    first = section.test_job
    section.test_connection()  # the second click of a double-click
    assert section.test_job is first and running_jobs() == before + 1
    assert not section.test_button.isEnabled()
    settle(qtbot)
    assert section.test_result.text() == (
        "No database server answers at 127.0.0.1, port 1. Check the address, the port, that "
        "the server runs and that its firewall lets this PC in.")
    assert section.test_result.property("warning") is True
    assert section.test_button.isEnabled()


def test_only_an_administrator_chooses_the_database(make_section) -> None:  # type: ignore[no-untyped-def]
    section = make_section(role=Role.MANAGER)
    assert not section.save_button.isEnabled()
    assert not section.clinic_server.isEnabled()
    assert "Choose the database" in section.save_button.toolTip()


@pytest.fixture
def empty_server_database() -> Iterator[str]:
    url = server_url()
    assert url is not None
    databases = Databases(url, "gui")
    name = databases.new_name()
    made = databases.create(name)
    yield made
    databases.drop(name)


@pytest.mark.postgresql
def test_the_test_reports_the_server_version_and_the_schema(
        qtbot, make_section, database: Database, empty_server_database: str) -> None:  # type: ignore[no-untyped-def]
    section = make_section(database.paths.database_url)  # the test's migrated database
    assert section.clinic_server.isChecked()
    section.test_button.click()
    settle(qtbot)
    assert section.test_result.text().startswith("Connected: PostgreSQL ")
    assert section.test_result.text().endswith("The Dentasync data there is up to date.")
    assert section.test_result.property("warning") is False

    empty = make_section(empty_server_database)
    empty.test_button.click()
    settle(qtbot)
    assert empty.test_result.text().endswith(
        "The database is empty: Dentasync Desktop sets it up at its first start on it.")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_screen_at_two_sizes(qtbot, qapp, client: ServiceClient, database: Database,  # type: ignore[no-untyped-def]
                                 theme: str) -> None:
    folder = Path(os.environ.get("DENTASYNC_SCREENSHOTS") or "/tmp")
    style, sheet, colours = qapp.style().name(), qapp.styleSheet(), qapp.palette()
    apply_theme(qapp, theme)
    try:
        page = SettingsPage(FakeShell(client))  # type: ignore[arg-type]
        qtbot.addWidget(page)
        section = page.database_section
        fill(section)
        section._show_test("No database server answers at db.clinic.lan, port 5433. Check "
                           "the address, the port, that the server runs and that its "
                           "firewall lets this PC in.", warning=True)
        for screen, size in SCREENS.items():
            page.resize(*size)
            page.show()
            settle(qtbot)
            scroll = page.findChild(QScrollArea)
            scroll.ensureWidgetVisible(section.save_button)
            QApplication.processEvents()
            assert section.save_button.visibleRegion().boundingRect().height() > 0
            assert section.host.width() >= 200
            save_png(page, folder / f"pgsettings-{screen}-{theme}.png")
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setPalette(colours)
