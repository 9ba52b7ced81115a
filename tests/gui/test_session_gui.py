"""The window and an ending session: deactivation signs out, the idle lock, the first admin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from dentasync_desktop.db.models import User
from dentasync_desktop.domain.dto import OrganisationSettings, UserInput
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.gui import application
from dentasync_desktop.gui.account import FirstAdminDialog, LockDialog
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.settings_page import SettingsPage
from dentasync_desktop.services import settings, users
from dentasync_desktop.services.maintenance import Database
from dentasync_desktop.services.seed import seed

from ..factories import PASSWORD, World
from .conftest import MessageBoxes, deliver_jobs, screenshot, settle


class Clock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def make_window(qtbot, client: ServiceClient, clock: Clock | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(client, lambda: None, idle_clock=clock or Clock())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle(qtbot)
    return window


# --- a session that ends -----------------------------------------------------------------------


def test_a_deactivated_user_is_signed_out_at_the_next_action(
        qtbot, world: World, client_for: Callable[[Role], ServiceClient],  # type: ignore[no-untyped-def]
        boxes: MessageBoxes) -> None:
    desk = client_for(Role.FRONT_DESK)
    window = make_window(qtbot, desk)
    users.set_user_active(world.uow(), world.admin, world.users[Role.FRONT_DESK].id, False)

    # The refresh runs on the worker, which reports the ended session to the window.
    window.page("orders").refresh()  # type: ignore[attr-defined]

    qtbot.waitUntil(lambda: window.signed_out)
    assert not window.isVisible()
    [(kind, title, text)] = boxes.shown
    assert (kind, title) == ("information", "Signed out")
    assert "has been deactivated" in text


def test_an_open_dialog_is_closed_when_the_session_ends(
        qtbot, world: World, client_for: Callable[[Role], ServiceClient],  # type: ignore[no-untyped-def]
        boxes: MessageBoxes) -> None:
    manager = client_for(Role.MANAGER)
    window = make_window(qtbot, manager)
    row = world.users[Role.MANAGER]
    users.save_user(world.uow(), world.admin, UserInput(
        id=row.id, username=row.username, full_name=row.full_name, role=Role.FRONT_DESK))
    dialog = QDialog(window)
    results: list[int] = []

    def act_inside_the_dialog() -> None:
        manager.submit(users.list_users).then()  # the worker reports the ended session

    QTimer.singleShot(0, act_inside_the_dialog)
    results.append(dialog.exec())

    assert results == [QDialog.DialogCode.Rejected]
    qtbot.waitUntil(lambda: window.signed_out)
    assert "changed your role to Front desk" in boxes.shown[0][2]


def test_the_first_admin_screen_appears_after_seed(
        qtbot, monkeypatch: pytest.MonkeyPatch, database: Database) -> None:  # type: ignore[no-untyped-def]
    seed(database.uow_factory, 3)  # its only user, the seeder, cannot sign in
    shown: list[str] = []

    def create(dialog: FirstAdminDialog) -> int:
        shown.append(type(dialog).__name__)
        dialog.full_name.setText("Ada Admin")
        dialog.password.setText(PASSWORD)
        dialog.confirm.setText(PASSWORD)
        dialog._create()
        deliver_jobs()
        return dialog.result()

    monkeypatch.setattr(FirstAdminDialog, "exec", create)
    actor = application.ask_for_actor(database, demo=False)
    assert shown == ["FirstAdminDialog"]
    assert actor is not None and actor.role is Role.ADMIN


# --- the idle lock -----------------------------------------------------------------------------


def answer_lock(monkeypatch: pytest.MonkeyPatch, answer: Callable[[LockDialog], None]
                ) -> list[bool]:
    """LockDialog.exec runs ``answer`` instead of waiting; returns whether the data was hidden."""
    hidden: list[bool] = []

    def run(dialog: LockDialog) -> int:
        window = dialog.parent()
        assert isinstance(window, MainWindow)
        hidden.append(not window.centralWidget().isVisible())
        answer(dialog)
        return dialog.result()

    monkeypatch.setattr(LockDialog, "exec", run)
    return hidden


def test_the_window_locks_after_the_idle_minutes_and_the_password_unlocks(
        qtbot, monkeypatch: pytest.MonkeyPatch, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []

    def unlock(dialog: LockDialog) -> None:
        dialog.password.setText("not my password")
        dialog.unlock_button.click()
        deliver_jobs()
        errors.append(dialog.error.text())
        assert dialog.result() != LockDialog.UNLOCKED
        dialog.reject()  # Esc does not unlock
        assert dialog.result() != LockDialog.UNLOCKED
        dialog.password.setText(PASSWORD)
        dialog.unlock_button.click()
        deliver_jobs()

    hidden = answer_lock(monkeypatch, unlock)
    clock = Clock()
    window = make_window(qtbot, client, clock)

    clock.seconds += 14 * 60 + 59
    window.idle_lock.check()
    settle(qtbot)
    assert hidden == []
    clock.seconds += 1  # 15 minutes, the default
    window.idle_lock.check()
    settle(qtbot)

    assert hidden == [True]
    assert errors == [users.SIGN_IN_FAILED]
    assert window.centralWidget().isVisible() and not window.signed_out
    # Unlocking starts the idle time again.
    window.idle_lock.check()
    settle(qtbot)
    assert hidden == [True]
    settle(qtbot)  # the Today board and the reminders re-read after the settings change


def test_input_keeps_the_window_unlocked(
        qtbot, monkeypatch: pytest.MonkeyPatch, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    hidden = answer_lock(monkeypatch, lambda dialog: pytest.fail("locked despite input"))
    clock = Clock()
    window = make_window(qtbot, client, clock)
    for _ in range(4):
        clock.seconds += 10 * 60
        QApplication.sendEvent(window.navigation.viewport(), QMouseEvent(
            QEvent.Type.MouseMove, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
        window.idle_lock.check()
        settle(qtbot)
    assert hidden == []


def test_sign_out_from_the_lock(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                client: ServiceClient) -> None:
    answer_lock(monkeypatch, lambda dialog: dialog.sign_out_button.click())
    clock = Clock()
    window = make_window(qtbot, client, clock)
    clock.seconds += 15 * 60
    window.idle_lock.check()
    settle(qtbot)
    assert window.signed_out


def test_the_idle_minutes_come_from_settings_and_zero_never_locks(
        qtbot, monkeypatch: pytest.MonkeyPatch, world: World, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    hidden = answer_lock(monkeypatch, lambda dialog: dialog.sign_out_button.click())
    clock = Clock()
    window = make_window(qtbot, client, clock)
    settings.save_settings(world.uow(), world.admin, OrganisationSettings(idle_lock_minutes=0))
    clock.seconds += 24 * 3600
    window.idle_lock.check()
    settle(qtbot)
    assert hidden == [] and not window.signed_out

    settings.save_settings(world.uow(), world.admin, OrganisationSettings(idle_lock_minutes=2))
    window.idle_lock.check()
    settle(qtbot)
    assert hidden == [True]
    settle(qtbot)  # the Today board and the reminders re-read after the settings change


def test_settings_page_edits_the_idle_lock(qtbot, themed, client: ServiceClient,  # type: ignore[no-untyped-def]
                                           world: World) -> None:
    window = make_window(qtbot, client)
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    settle(qtbot)
    assert page.idle_lock.value() == 15
    page.idle_lock.setValue(0)
    assert page.idle_lock.text() == "Never"
    page.idle_lock.setValue(5)
    page.save()
    settle(qtbot)
    assert settings.get_settings(world.uow()).idle_lock_minutes == 5
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        page.idle_lock.setFocus()
        screenshot(window, f"settings_idle_lock_{width}x{height}")


def test_lock_dialog_screenshots(qtbot, themed, client: ServiceClient,  # type: ignore[no-untyped-def]
                                 tmp_path: Path) -> None:
    window = make_window(qtbot, client)
    window.centralWidget().hide()
    dialog = LockDialog(client, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("wrong password")
    dialog.unlock_button.click()
    settle(qtbot)
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        QApplication.processEvents()
        screenshot(dialog, f"lock_dialog_{width}x{height}")
        screenshot(window, f"locked_window_{width}x{height}")
    settle(qtbot)


def test_without_an_active_administrator_the_others_cannot_get_stuck(
        qtbot, themed, monkeypatch: pytest.MonkeyPatch, world: World,  # type: ignore[no-untyped-def]
        database: Database) -> None:
    # Not possible through the services (the last administrator is protected), but a restored
    # or hand-edited database can get here; then the start asks for an administrator.
    with world.uow() as uow:
        admin = uow.session.get(User, world.users[Role.ADMIN].id)
        assert admin is not None
        admin.active = False
        uow.commit()
    texts: list[str] = []

    def look(dialog: FirstAdminDialog) -> int:
        texts.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.show()
        screenshot(dialog, "no_admin_dialog")
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstAdminDialog, "exec", look)
    assert application.ask_for_actor(database, demo=False) is None
    assert "no active administrator" in texts[0]


def test_a_user_deactivated_while_locked_is_signed_out_with_the_reason(
        qtbot, monkeypatch: pytest.MonkeyPatch, world: World,  # type: ignore[no-untyped-def]
        client_for: Callable[[Role], ServiceClient], boxes: MessageBoxes) -> None:
    def unlock(dialog: LockDialog) -> None:
        dialog.password.setText(PASSWORD)
        dialog.unlock_button.click()
        deliver_jobs()

    answer_lock(monkeypatch, unlock)
    clock = Clock()
    window = make_window(qtbot, client_for(Role.TECHNICIAN), clock)
    users.set_user_active(world.uow(), world.admin, world.users[Role.TECHNICIAN].id, False)
    clock.seconds += 15 * 60
    window.idle_lock.check()
    settle(qtbot)
    qtbot.waitUntil(lambda: window.signed_out)
    assert [(title, "deactivated" in text) for _kind, title, text in boxes.shown] == [
        ("Signed out", True)]
