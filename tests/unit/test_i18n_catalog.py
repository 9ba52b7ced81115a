"""The Qt-free catalog: finished translations, numerus forms, English fallback."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dentasync_desktop.i18n import catalog, in_sentence

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="{language}" sourcelanguage="en">
<context>
    <name>documents</name>
    <message>
        <source>Patient</source>
        <translation>{patient}</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished">Fälligkeit</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>of birth</comment>
        <translation>{born}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>{one}</numerusform>
            <numerusform>{many}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def translations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for language, values in {
        "de": dict(patient="Patient(in)", born="Geburtsdatum", one="%n Seite", many="%n Seiten"),
        "fr": dict(patient="Patient·e", born="Date de naissance", one="%n page",
                   many="%n pages"),
        "en": dict(patient="Patient", born="Date", one="%n page", many="%n pages"),
    }.items():
        (tmp_path / f"dentasync_{language}.ts").write_text(
            TS.format(language=language, **values), encoding="utf-8")
    monkeypatch.setattr(catalog, "translations_dir", lambda: tmp_path)
    catalog._messages.cache_clear()
    yield tmp_path
    catalog._messages.cache_clear()


def test_a_finished_translation_is_used(translations: Path) -> None:
    assert catalog.translate("documents", "Patient", None, "de") == "Patient(in)"
    assert catalog.translate("documents", "Date", "of birth", "fr") == "Date de naissance"


def test_unfinished_missing_and_unknown_fall_back_to_the_english_source(
        translations: Path) -> None:
    assert catalog.translate("documents", "Due date", None, "de") == "Due date"
    assert catalog.translate("documents", "Not in any file", None, "de") == "Not in any file"
    assert catalog.translate("documents", "Patient", None, "es") == "Patient"
    assert catalog.translate("elsewhere", "Patient", None, "de") == "Patient"
    assert catalog.translate("documents", "Date", None, "de") == "Date"  # other comment


@pytest.mark.parametrize(("language", "n", "text"), [
    ("de", 0, "0 Seiten"), ("de", 1, "1 Seite"), ("de", 2, "2 Seiten"),
    ("fr", 0, "0 page"), ("fr", 1, "1 page"), ("fr", 2, "2 pages"),
    ("en", 1, "1 page"), ("en", 21, "21 pages"),
    # No Spanish file: the English forms with the English rule.
    ("es", 1, "1 page"), ("es", 5, "5 pages"),
])
def test_numerus_forms_follow_each_languages_rule(translations: Path, language: str, n: int,
                                                  text: str) -> None:
    assert catalog.translate("documents", "%n page(s)", None, language, n) == text


def test_an_unfinished_numerus_message_takes_the_english_forms(translations: Path) -> None:
    assert catalog.translate("documents", "%n row(s)", None, "de", 3) == "3 row(s)"
    english = translations / "dentasync_en.ts"
    english.write_text(english.read_text(encoding="utf-8").replace(
        '<translation type="unfinished">\n            <numerusform></numerusform>\n'
        '            <numerusform></numerusform>',
        "<translation>\n            <numerusform>%n row</numerusform>\n"
        "            <numerusform>%n rows</numerusform>"), encoding="utf-8")
    catalog._messages.cache_clear()
    assert catalog.translate("documents", "%n row(s)", None, "de", 1) == "1 row"
    assert catalog.translate("documents", "%n row(s)", None, "de", 3) == "3 rows"


def test_a_bundle_reads_the_gzipped_file(translations: Path) -> None:
    german = translations / "dentasync_de.ts"
    (translations / "dentasync_de.ts.gz").write_bytes(gzip.compress(german.read_bytes()))
    german.unlink()
    assert catalog.translate("documents", "Patient", None, "de") == "Patient(in)"


def test_the_default_language_is_a_translated_one(translations: Path) -> None:
    before = catalog.default_language()
    try:
        catalog.set_default_language("de")
        assert catalog.translate("documents", "Patient") == "Patient(in)"
        catalog.set_default_language("tlh")
        assert catalog.default_language() == "en"
    finally:
        catalog.set_default_language(before)


@pytest.mark.parametrize(("name", "language"), [
    ("de_AT.UTF-8", "de"), ("fr-CA", "fr"), ("es", "es"), ("en_GB", "en"), ("C", "en"),
    ("pt_BR.UTF-8", "en"), ("", "en"), (None, "en"),
])
def test_a_locale_name_gives_its_translated_language(name: str | None, language: str) -> None:
    assert catalog.language_for_locale(name) == language


def test_dentasync_lang_wins_over_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("DENTASYNC_LANG", "es")
    assert catalog.environment_language() == "es"
    monkeypatch.delenv("DENTASYNC_LANG")
    assert catalog.environment_language() == "fr"


@pytest.mark.parametrize(("language", "label", "word"), [
    ("en", "In production", "in production"),
    ("fr", "Essayage", "essayage"),
    ("es", "Prueba", "prueba"),
    ("de", "Einprobe", "Einprobe"),  # a German noun keeps its capital inside a sentence
    ("en", "PDF", "PDF"),
])
def test_a_label_inside_a_sentence(language: str, label: str, word: str) -> None:
    assert in_sentence(label, language) == word
