"""The Language setting, the translators installed at start, and a lab's document language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from dentasync_desktop import i18n
from dentasync_desktop.gui import language
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.masterdata.labs import LabDialog
from dentasync_desktop.gui.settings_page import SettingsPage
from dentasync_desktop.gui.translation import UTF8, translate
from dentasync_desktop.services import masterdata

from ..factories import World
from .conftest import screenshot, settle
from .test_settings_page import Shell


@pytest.fixture
def english_again(qapp: QApplication) -> Iterator[None]:
    yield
    language.install_translations("en")
    i18n.set_default_language("en")


def test_the_setting_follows_the_system_until_chosen(qapp: QApplication,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", lambda: QLocale("fr_CA"))
    assert language.stored_choice() == language.SYSTEM
    assert language.system_language() == "fr" == language.chosen_language()
    language.store_choice("de")
    assert QSettings().value(language.SETTING) == "de"
    assert language.chosen_language() == "de"
    language.store_choice("tlh")
    assert language.chosen_language() == "fr"


def test_an_untranslated_system_language_means_english(qapp: QApplication,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", lambda: QLocale("ja_JP"))
    assert language.system_language() == "en"


def test_qt_dialogs_and_the_catalog_follow_the_installed_language(
        qapp: QApplication, english_again: None) -> None:
    assert language.install_translations("de") == "de"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().replace("&", "") == "Abbrechen"  # qtbase_de
    assert i18n.default_language() == "de"
    language.install_translations("en")
    assert translate("printing", "%n page(s)", None, UTF8, 1) == "1 page"  # English forms
    assert translate("printing", "%n page(s)", None, UTF8, 2) == "2 pages"


def test_a_source_checkout_compiles_its_translations(qapp: QApplication,
                                                     english_again: None) -> None:
    english = i18n.catalog.translations_dir() / "dentasync_en.qm"
    english.unlink(missing_ok=True)
    language.install_translations("en")
    assert english.is_file()
    assert QCoreApplication.translate("printing", "%n page(s)", None, 3) == "3 pages"


def test_choosing_a_language_asks_for_a_restart(qtbot, themed, client: ServiceClient,  # type: ignore[no-untyped-def]
                                                database, english_again: None) -> None:
    page = SettingsPage(Shell(client, database))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    settle(qtbot)
    combo = page.language
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "de", "fr", "es"]
    assert combo.currentData() == "" and not page.restart_note.isVisible()
    combo.setCurrentIndex(combo.findData("de"))
    assert QSettings().value(language.SETTING) == "de"
    assert page.restart_note.isVisible() and page.restart_button.isVisible()
    screenshot(page, "settings-language")
    qtbot.mouseClick(page.restart_button, Qt.MouseButton.LeftButton)
    assert page._shell.restarts == 1
    combo.setCurrentIndex(combo.findData("en"))
    assert not page.restart_note.isVisible() and not page.restart_button.isVisible()


def test_the_lab_dialog_sets_the_document_language(qtbot, themed, client: ServiceClient,  # type: ignore[no-untyped-def]
                                                   world: World) -> None:
    lab = masterdata.get_lab(world.uow(), world.admin, world.lab_id)
    dialog = LabDialog(client, lab)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.language
    assert combo.currentData() is None
    combo.setCurrentIndex(combo.findData("fr"))
    screenshot(dialog, "lab-dialog-document-language")
    dialog.buttons.accepted.emit()
    settle(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert masterdata.get_lab(world.uow(), world.admin, lab.id).document_language == "fr"
    again = LabDialog(client, masterdata.get_lab(world.uow(), world.admin, lab.id))
    qtbot.addWidget(again)
    assert again.language.currentData() == "fr"
    again.language.setCurrentIndex(0)
    again.buttons.accepted.emit()
    settle(qtbot)
    assert masterdata.get_lab(world.uow(), world.admin, lab.id).document_language is None

