"""Signing in, the first administrator, and the whole start of the GUI with run_gui."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from dentasync_desktop.domain.dto import UserInput
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.gui import application
from dentasync_desktop.gui.account import FirstAdminDialog, SignInDialog
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.relaunch import EXIT_RESTART
from dentasync_desktop.services import users
from dentasync_desktop.services.demo import DEMO_USERS, fill_demo
from dentasync_desktop.services.maintenance import Database
from dentasync_desktop.services.users import SIGN_IN_FAILED

from .conftest import deliver_jobs, screenshot, settle

PASSWORD = "correct horse battery"


@pytest.fixture
def admin(database: Database) -> str:
    users.create_first_admin(database.uow_factory(), "ada", "Ada Admin", PASSWORD)
    return "ada"


def test_good_credentials_sign_in(qtbot, database: Database, admin: str) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(database.uow_factory)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, admin)
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.sign_in_button.click()
    deliver_jobs()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert (dialog.actor.username, dialog.actor.role) == ("ada", Role.ADMIN)


def test_bad_credentials_are_refused_in_the_dialog(qtbot, database: Database,  # type: ignore[no-untyped-def]
                                                   admin: str) -> None:
    dialog = SignInDialog(database.uow_factory)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText(admin)
    dialog.password.setText("wrong")
    dialog.sign_in_button.click()
    deliver_jobs()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.actor is None
    assert dialog.error.isVisible()
    assert dialog.error.text() == SIGN_IN_FAILED
    assert dialog.password.selectedText() == "wrong"


def test_demo_hint_lists_the_demo_users(qtbot, themed, database: Database) -> None:  # type: ignore[no-untyped-def]
    fill_demo(database.uow_factory)
    dialog = SignInDialog(database.uow_factory, DEMO_USERS)
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.findChild(type(dialog.error), "demoHint")
    for user in DEMO_USERS:
        assert user.username in hint.text() and user.password in hint.text()
    screenshot(dialog, "sign_in_demo")
    dialog.username.setText("tech")
    dialog.password.setText("tech1234")
    dialog.sign_in_button.click()
    deliver_jobs()
    assert dialog.actor is not None and dialog.actor.role is Role.TECHNICIAN


def test_first_start_creates_the_administrator(qtbot, themed, database: Database) -> None:  # type: ignore[no-untyped-def]
    assert users.needs_first_admin(database.uow_factory())
    dialog = FirstAdminDialog(database.uow_factory)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.full_name.setText("Ada Admin")
    dialog.password.setText(PASSWORD)
    dialog.confirm.setText("something else")
    dialog._create()
    deliver_jobs()
    assert dialog.error.text() == "Repeat password: the two passwords differ."
    assert users.needs_first_admin(database.uow_factory())
    dialog.confirm.setText(PASSWORD)
    screenshot(dialog, "first_admin")
    dialog._create()
    deliver_jobs()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is Role.ADMIN
    assert not users.needs_first_admin(database.uow_factory())
    assert users.sign_in(database.uow_factory(), "admin", PASSWORD).full_name == "Ada Admin"


def test_first_admin_refusal_is_shown(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstAdminDialog(database.uow_factory)
    qtbot.addWidget(dialog)
    dialog.full_name.setText("")
    dialog.password.setText(PASSWORD)
    dialog.confirm.setText(PASSWORD)
    dialog._create()
    deliver_jobs()
    assert dialog.error.text().startswith("Full name:")
    assert dialog.result() != QDialog.DialogCode.Accepted


def answered(monkeypatch: pytest.MonkeyPatch, dialog_class: type[QDialog],
             fill: Any) -> list[QDialog]:
    shown: list[QDialog] = []

    def run(dialog: Any) -> int:
        shown.append(dialog)
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return shown


def test_run_gui_asks_for_the_first_admin_then_shows_the_window(
        qtbot, monkeypatch: pytest.MonkeyPatch, database: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def create(dialog: FirstAdminDialog) -> None:
        dialog.full_name.setText("Ada Admin")
        dialog.password.setText(PASSWORD)
        dialog.confirm.setText(PASSWORD)
        dialog._create()
        deliver_jobs()

    answered(monkeypatch, FirstAdminDialog, create)
    windows: list[MainWindow] = []

    def event_loop(_app: Any) -> int:
        settle(qtbot)  # what the real event loop would do: the window's first loads arrive
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                      and w.isVisible())
        windows.append(window)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    frozen = gc.get_freeze_count()  # the test session's own (tests/conftest.py)
    gc.disable()  # as app.start_gui leaves it for the start
    try:
        assert application.run_gui(database, False, tmp_path / "app.log") == 0
        # What the start made is frozen, never walked by the collector again; it collects
        # what comes after.
        assert gc.isenabled() and gc.get_freeze_count() > frozen
    finally:
        # Left frozen: gc.unfreeze() would also thaw what the session froze, and each later
        # full collection of this process (pytest's two at its end among them, 0.1-0.3 s
        # each) walked all of it again.
        gc.enable()
    assert windows and windows[0].client.actor.full_name == "Ada Admin"
    assert windows[0].client.paths == database.paths


def test_sign_out_signs_in_again(qtbot, monkeypatch: pytest.MonkeyPatch, database: Database,  # type: ignore[no-untyped-def]
                                 admin: str, tmp_path: Path) -> None:
    users.save_user(database.uow_factory(), users.sign_in(database.uow_factory(), admin,
                                                          PASSWORD),
                    UserInput("tess", "Tess Tech", Role.TECHNICIAN, PASSWORD))
    accounts = iter([admin, "tess"])

    def sign_in(dialog: SignInDialog) -> None:
        dialog.username.setText(next(accounts, ""))
        dialog.password.setText(PASSWORD)
        dialog.sign_in_button.click()
        deliver_jobs()
        if dialog.actor is None:
            dialog.reject()

    answered(monkeypatch, SignInDialog, sign_in)
    seen: list[str] = []

    def event_loop(_app: Any) -> int:
        settle(qtbot)  # what the real event loop would do: the window's first loads arrive
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                      and w.isVisible())
        seen.append(window.client.actor.username)
        if len(seen) == 1:
            window.sign_out()
        else:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert application.run_gui(database, False, tmp_path / "app.log") == 0
    assert seen == ["ada", "tess"]


def test_a_restart_closes_the_window_and_asks_for_a_relaunch(
        qtbot, monkeypatch: pytest.MonkeyPatch, database: Database, admin: str,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    def sign_in(dialog: SignInDialog) -> None:
        dialog.username.setText(admin)
        dialog.password.setText(PASSWORD)
        dialog.sign_in_button.click()
        deliver_jobs()

    answered(monkeypatch, SignInDialog, sign_in)

    def event_loop(_app: Any) -> int:
        settle(qtbot)
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                      and w.isVisible())
        window.restart()  # Settings: a new database or language, "Restart now"
        assert not window.isVisible()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert application.run_gui(database, False, tmp_path / "app.log") == EXIT_RESTART


def test_quitting_the_sign_in_ends_the_program(monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                               qtbot, database: Database, admin: str,
                                               tmp_path: Path) -> None:
    answered(monkeypatch, SignInDialog, lambda dialog: dialog.reject())
    monkeypatch.setattr(QApplication, "exec", lambda _app: pytest.fail("no window expected"))
    assert application.run_gui(database, True, tmp_path / "app.log") == 0
