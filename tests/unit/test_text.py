"""Search folding: case and accents go, letters of other scripts stay."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dentasync_desktop.db.models.search import spellings
from dentasync_desktop.domain.errors import ValidationError
from dentasync_desktop.domain.text import fold, search_fold
from dentasync_desktop.domain.validation import date_range


@pytest.mark.parametrize(("typed", "stored"), [
    ("dvorak", "Antonín Dvořák"),
    ("odegard", "Martin Ødegård"),
    ("muller", "Müller"),
    ("muller", "Mu\u0308ller"),  # decomposed, as macOS types it
    ("lukasz", "Łukasz"),
    ("strasse", "Straße"),
    ("aeroe", "Ærøe"),
    ("oztürk", "ÖZTÜRK"),
    ("sofie", "SOFIE"),
])
def test_search_fold_ignores_case_and_accents(typed: str, stored: str) -> None:
    assert search_fold(typed) in search_fold(stored)


def test_search_fold_keeps_letters_of_other_scripts() -> None:
    assert search_fold("王小明") == "王小明"
    assert search_fold("ガ") == "ガ"  # the voicing mark makes another letter
    assert search_fold("Ελένη") == "ελενη"


def test_fold_still_tells_accented_names_apart() -> None:
    assert fold("Müller") != fold("Muller")
    assert search_fold("Müller") == search_fold("Muller")


@given(st.text())
@example("𝕊")  # a capital only once decomposed
@example("İstanbul")  # casefolds to i and a combining dot
def test_search_fold_is_idempotent(text: str) -> None:
    once = search_fold(text)
    assert search_fold(once) == once


@given(st.text())
def test_search_fold_of_a_fold_is_the_same(text: str) -> None:
    # The migration folds the search text stored by earlier versions, which was already folded.
    assert search_fold(fold(text)) == search_fold(text)


def test_a_period_ending_before_it_starts_is_refused_by_field() -> None:
    date_range(None, date(2026, 1, 1), "due date")
    date_range(date(2026, 1, 1), date(2026, 1, 1), "due date")
    with pytest.raises(ValidationError, match=r"(?i)start date is after the end date") as refused:
        date_range(date(2026, 2, 1), date(2026, 1, 1), "due date")
    assert refused.value.field == "due date"


@pytest.mark.parametrize(("typed", "also"), [
    ("mueller", {"muller"}),
    ("muehlbauer", {"muhlbauer", "muehlbaur", "muhlbaur"}),
    ("goethe", {"gothe"}),
    ("quelle", set()),  # "qu" is no umlaut
    ("mue", set()),  # "mu" would go to the other index
    ("dvorak", set()),
])
def test_an_umlaut_written_the_german_way_is_also_searched_bare(typed: str, also: set[str]) -> None:
    assert set(spellings(typed)) == {typed, *also}
