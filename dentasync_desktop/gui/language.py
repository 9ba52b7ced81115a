"""The language of the GUI: the Language setting, and the translators installed at start.

The setting lives in QSettings ("" or missing: follow the system); it takes effect at the next
start, when ``install_translations`` loads the app's .qm (English too: it carries the English
plural forms) and Qt's own qtbase_<lang>.qm for its standard dialogs and buttons, and tells the
Qt-free catalog (documents, reports, refusals) the same language; the screen's formats
(QLocale's default, which gui/formatting.py formats for) follow it too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..i18n import ENGLISH, LANGUAGES, language_for_locale, set_default_language
from ..i18n.catalog import translations_dir
from ..i18n.compiled import compiled

SETTING = "ui/language"
SYSTEM = ""  # the setting's value for "as the system"

_installed: list[QTranslator] = []


def system_language() -> str:
    """The first of the system's UI languages that the app is translated into, else English."""
    for name in QLocale.system().uiLanguages():
        language = language_for_locale(name)
        if language != ENGLISH or name.lower().startswith("en"):
            return language
    return ENGLISH


def stored_choice() -> str:
    """What the Language setting says: a language code, or SYSTEM."""
    value = QSettings().value(SETTING, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def store_choice(choice: str) -> None:
    QSettings().setValue(SETTING, choice if choice in LANGUAGES else SYSTEM)


def chosen_language() -> str:
    return stored_choice() or system_language()


def install_translations(language: str | None = None) -> str:
    """Install the translators for ``language`` (default: the setting's); returns it."""
    language = language or chosen_language()
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = compiled(translations_dir() / f"dentasync_{language}.ts")
    for folder, name in ((qt_folder, f"qtbase_{language}"),
                         (str(ours.parent) if ours else "", ours.stem if ours else "")):
        translator = QTranslator(app)
        if name and translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    set_default_language(language)
    # The screen's dates and amounts follow the language where the system's locale speaks
    # another one (German words around "8/4/2026" would read oddly); a system locale of the
    # same language keeps its country's ways ("de_AT").
    system = QLocale.system()
    QLocale.setDefault(system if language_for_locale(system.name()) == language
                       else QLocale(language))
    return language
