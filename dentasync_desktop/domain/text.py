"""Comparing text the way a person reads it."""

from __future__ import annotations

import re
import unicodedata

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
