"""Comparing text the way a person reads it; file names that are safe to show and to save."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

FILE_NAME_LIMIT = 255
_KEEP_EXTENSION = 20  # a longer "extension" is just a dot in a long name
# Characters Windows refuses in a file name; ":" would also write to a hidden NTFS stream.
_NOT_ON_WINDOWS = re.compile(r'[<>:"|?*]')
# Device names Windows opens instead of a file, whatever the extension ("NUL.txt" too).
_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]])

# The combining-diacritics blocks: accents on Latin, Greek and Cyrillic letters. Marks of other
# scripts (Devanagari vowel signs, kana voicing) change the letter, so they are kept.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters that are not a base letter plus an accent, so decomposition leaves them alone.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n"})


def fold(text: str) -> str:
    """One Unicode form and no case: "Müller" typed on macOS (u + combining diaeresis) or in
    capitals still matches "müller"."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def safe_file_name(raw: str) -> str:
    """The bare file name, fit to show and to offer when saving a copy; "" if nothing is left.

    Never trusted: folders of either separator style are dropped, and so are control and
    format characters (a right-to-left override can make "exe" look like "pdf"). What Windows
    cannot save is made saveable: reserved characters become "_", trailing dots and spaces go,
    and a device name ("CON", "nul.txt", "com1") gets a "_" in front.
    """
    name = unicodedata.normalize("NFC", re.split(r"[\\/]", raw)[-1])
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf"))
    # A byte that is not UTF-8 in a POSIX file name arrives as a lone surrogate, which no
    # database or PDF can hold; it shows as the replacement character instead.
    name = "".join("\ufffd" if unicodedata.category(c) == "Cs" else c for c in name)
    name = _NOT_ON_WINDOWS.sub("_", name).strip().rstrip(". ")
    if name.split(".")[0].rstrip(" ").upper() in _DEVICES:
        name = "_" + name
    if len(name) <= FILE_NAME_LIMIT:
        return name
    suffix = PurePath(name).suffix
    if not suffix or len(suffix) > _KEEP_EXTENSION:
        return name[:FILE_NAME_LIMIT].rstrip(". ")
    return name[:FILE_NAME_LIMIT - len(suffix)].rstrip(". ") + suffix


def search_fold(text: str) -> str:
    """``fold`` without accents either: what a search compares, so "dvorak" finds "Dvořák",
    "odegard" finds "Ødegård" and "muller" finds "Müller".

    Not for telling names apart ("Müller" and "Muller" are two customers): that is ``fold``.
    """
    if text.isascii():
        return text.lower()
    # Decomposed before and after casefolding: "𝕊" only becomes a letter with a case
    # ("S") when decomposed, and casefolding "İ" yields a combining dot to strip.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = _ACCENTS.sub("", decomposed)
    return unicodedata.normalize("NFKC", bare.translate(_LETTERS))


def sort_key(*parts: str) -> str:
    """What lists sort names by: accents and case gone, so "Łukasz" sorts among the L and
    "Ørsted" among the O (German, French and Spanish dictionary order), not after "Z".

    Parts (last name, first name) are joined by a separator below every letter: "Berg Zoe"
    comes before "Bergman Al". Stored in the database next to the name, so the order list
    pages through an index (db/models/people.py).
    """
    return "\x1f".join(" ".join(search_fold(part).split()) for part in parts)
