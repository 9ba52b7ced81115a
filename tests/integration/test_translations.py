"""The .ts files are complete: lupdate, run on the code as it is, finds nothing to add, change
or drop in any language.

This is a real check, not a placeholder: it fails whenever a user-visible string was added or
changed without its translations (or a translation is missing, unfinished, or left over from
text that is gone). A branch that adds strings fails it until the translations are merged.
"""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _translations() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_tool", ROOT / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _translations()


def messages(ts: Path) -> dict[tuple[str, str, str], str]:
    """(context, source, comment) -> the state of its translation ("" when finished)."""
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            state = "missing" if translation is None else translation.get("type", "")
            if not state and translation is not None:
                forms = [f.text for f in translation.iter("numerusform")]
                texts = forms if message.get("numerus") == "yes" else [translation.text]
                state = "" if all(texts) else "empty"
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            found[key] = state
    return found


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of every committed .ts, updated from the code: lupdate reads the code once for
    all the languages (but English) rather than once a language."""
    folder = tmp_path_factory.mktemp("translations")
    for language in TOOL.LANGUAGES:
        if TOOL.ts_file(language).is_file():
            shutil.copy(TOOL.ts_file(language), TOOL.ts_file(language, folder))
    TOOL.update(*(language for language in TOOL.LANGUAGES
                  if TOOL.ts_file(language, folder).is_file()), folder=folder)
    return folder


@pytest.mark.parametrize("language", TOOL.LANGUAGES)
def test_the_translation_is_complete_and_up_to_date(updated: Path, language: str) -> None:
    committed = TOOL.ts_file(language)
    assert committed.is_file(), f"{committed.name} is missing: merge the {language} translation"
    before, after = messages(committed), messages(TOOL.ts_file(language, updated))
    new = sorted(set(after) - set(before))
    obsolete = sorted(set(before) - set(after))
    unfinished = sorted(key for key, state in after.items() if state)
    assert not new, f"{language}: {len(new)} new text(s) to translate, e.g. {new[:5]}"
    assert not obsolete, f"{language}: {len(obsolete)} obsolete entries, e.g. {obsolete[:5]}"
    assert not unfinished, (f"{language}: {len(unfinished)} unfinished, e.g. "
                            f"{unfinished[:5]}")


def test_english_gives_every_plural_its_two_forms() -> None:
    english = ElementTree.parse(TOOL.ts_file("en")).getroot()
    for message in english.iter("message"):
        assert message.get("numerus") == "yes", "English keeps only its numerus forms"
        forms = [f.text for f in message.iter("numerusform")]
        assert len(forms) == 2 and all(forms), message.findtext("source")
