"""The translation catalog below the GUI: ``translate(context, source, None, language, n)``.

The messages come from resources/translations/dentasync_<lang>.ts (Qt Linguist XML, read with
ElementTree), the same sources the GUI's .qm files are compiled from, so one translation serves
the screen, the paper and the command line. A message without a finished translation falls back
to the English source.

Why the argument order is (context, source, disambiguation, language, n): pyside6-lupdate's
Python parser takes an identifier in the fourth place for Qt 4's old encoding argument and only
counts a fifth as the plural count. So a call lupdate extracts is spelled

    translate("order_form", "Work order", None, language)
    translate("order_form", "%n page(s)", None, language, pages)

with a plain name (never ``self.language`` or a subscript) as the language, and a plain name,
a number or a simple call as the count; tests/unit/test_i18n_calls.py checks every call.
"""

from __future__ import annotations

import gzip
import os
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from functools import cache
from io import BufferedIOBase
from pathlib import Path
from typing import Final, NamedTuple, Protocol

from ..paths import bundled

ENGLISH = "en"
# The languages with a translation, in the order the language setting lists them.
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "fr": "Français",
                             "es": "Español"}

# Which numerus form a count takes, per language (Qt's rules for these languages).
_PLURAL_RULES: dict[str, Callable[[int], int]] = {
    "en": lambda n: 0 if n == 1 else 1,
    "de": lambda n: 0 if n == 1 else 1,
    "es": lambda n: 0 if n == 1 else 1,
    "fr": lambda n: 0 if n <= 1 else 1,
}

ENUM_CONTEXT = "enum"
# The language argument that means "the process's": a numerus message needs a plain name there.
APP_LANGUAGE: Final = None
_default = ENGLISH


class _Key(NamedTuple):
    context: str
    source: str
    disambiguation: str


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for translation in ``context`` and returns it untranslated; the
    caller translates it where it is shown."""
    return source


class Labelled(Protocol):
    @property
    def label(self) -> str: ...


def label(value: Labelled, language: str | None = None) -> str:
    """An enum value's label (domain/enums.py, marked in gui/enum_labels.py) in ``language``."""
    return translate(ENUM_CONTEXT, value.label, None, language)


# German writes its nouns with a capital letter inside a sentence too ("Einprobe morgen").
_CAPITALISED_NOUNS = frozenset({"de"})


def in_sentence(text: str, language: str | None = None) -> str:
    """A label as a word inside a sentence: "In production" reads "in production", but German
    keeps "In Produktion"; only the first letter changes, so "PDF" stays "PDF"."""
    if (language or _default) in _CAPITALISED_NOUNS or text[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def set_default_language(language: str) -> None:
    """The language of this process's messages that have no reader's language of their own
    (refusals raised deep in a service); documents are given theirs explicitly."""
    global _default
    _default = language if language in LANGUAGES else ENGLISH


def default_language() -> str:
    return _default


def language_for_locale(name: str | None) -> str:
    """The translated language of a locale name ("de_AT.UTF-8" -> "de"), else English."""
    code = (name or "").split(".")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else ENGLISH


def translations_dir() -> Path:
    return bundled("resources") / "translations"


def _source(language: str) -> BufferedIOBase | None:
    """The language's .ts file, or the gzipped copy a bundle carries to stay small."""
    path = translations_dir() / f"dentasync_{language}.ts"
    if path.is_file():
        return path.open("rb")
    packed = path.with_name(f"{path.name}.gz")
    return gzip.open(packed, "rb") if packed.is_file() else None


@cache
def _messages(language: str) -> dict[_Key, tuple[str, ...]]:
    """Every finished translation of ``language``: one text, or its numerus forms."""
    source = _source(language)
    if source is None:
        return {}
    with source:
        root = ElementTree.parse(source).getroot()
    found: dict[_Key, tuple[str, ...]] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "vanished",
                                                                   "obsolete"}:
                continue
            forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            texts = forms if message.get("numerus") == "yes" else (translation.text or "",)
            if all(texts):
                key = _Key(name, message.findtext("source", ""),
                           message.findtext("comment", ""))
                found[key] = texts
    return found


def translate(context: str, source: str, disambiguation: str | None = None,
              language: str | None = None, n: int = -1) -> str:
    """``source`` in ``language`` (None: the process default), with ``%n`` replaced by ``n``
    in the numerus form ``n`` takes; the English source where no translation is finished."""
    language = language or _default
    key = _Key(context, source, disambiguation or "")
    texts = _messages(language).get(key) or _messages(ENGLISH).get(key) or (source,)
    if n < 0 or len(texts) == 1:
        return texts[0].replace("%n", str(n)) if n >= 0 else texts[0]
    rule = _PLURAL_RULES.get(language if key in _messages(language) else ENGLISH,
                             _PLURAL_RULES[ENGLISH])
    return texts[min(rule(n), len(texts) - 1)].replace("%n", str(n))


def environment_language() -> str:
    """The language the environment asks for: $DENTASYNC_LANG, else the POSIX locale."""
    for variable in ("DENTASYNC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return language_for_locale(value)
    return ENGLISH
