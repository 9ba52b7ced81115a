"""Translations without Qt: the documents, the reports and the command line read the same
.ts files the GUI's QTranslator is compiled from. See catalog.py."""

from .catalog import (
    APP_LANGUAGE,
    ENGLISH,
    LANGUAGES,
    QT_TRANSLATE_NOOP,
    default_language,
    environment_language,
    in_sentence,
    label,
    language_for_locale,
    set_default_language,
    translate,
)

__all__ = ["APP_LANGUAGE", "ENGLISH", "LANGUAGES", "QT_TRANSLATE_NOOP", "default_language",
           "environment_language", "in_sentence", "label", "language_for_locale",
           "set_default_language", "translate"]
