"""FDI tooth notation and order numbers as typed or scanned."""

from __future__ import annotations

import pytest

from dentasync_desktop.domain.errors import ValidationError
from dentasync_desktop.domain.numbers import format_number, looks_like_number, parse_number
from dentasync_desktop.domain.teeth import DECIDUOUS, PERMANENT, format_teeth, parse_teeth
from dentasync_desktop.domain.text import fold


@pytest.mark.parametrize(("given", "teeth"), [
    ("11, 21 22", (11, 21, 22)),
    ("21;11;11", (11, 21)),
    ("  48\n18\t38 28 ", (18, 28, 38, 48)),
    ("51 85", (51, 85)),
    ([46, 36], (36, 46)),
    ((11,), (11,)),
    ("", ()),
    (None, ()),
])
def test_valid_teeth(given: str | list[int] | tuple[int, ...] | None,
                     teeth: tuple[int, ...]) -> None:
    assert parse_teeth(given) == teeth


def test_the_fdi_chart_has_32_permanent_and_20_deciduous_teeth() -> None:
    assert len(PERMANENT) == 32 and len(DECIDUOUS) == 20
    assert parse_teeth(list(PERMANENT + DECIDUOUS)) == tuple(sorted(PERMANENT + DECIDUOUS))


@pytest.mark.parametrize("token", ["10", "19", "49", "56", "86", "90", "9", "1", "-11",
                                   "11.0", "abc", "1 1"])
def test_invalid_teeth_name_the_token_and_field(token: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_teeth(f"11 {token}", field="item 2 teeth")
    assert info.value.field == "item 2 teeth"
    assert "is not a tooth in FDI notation" in info.value.reason


def test_invalid_tooth_in_a_list() -> None:
    with pytest.raises(ValidationError, match=r"^Teeth: '99' is not a tooth"):
        parse_teeth([11, 99])


def test_format_teeth_is_sorted() -> None:
    assert format_teeth((21, 11, 36)) == "11, 21, 36"
    assert format_teeth([]) == ""
    assert parse_teeth(format_teeth((48, 11))) == (11, 48)


@pytest.mark.parametrize(("number", "text"), [
    (1, "WO-000001"), (123, "WO-000123"), (999999, "WO-999999"), (1234567, "WO-1234567"),
])
def test_format_number(number: int, text: str) -> None:
    assert format_number(number) == text
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["WO-000123", "wo-000123", "wo 123", "WO123", "123", "000123",
                                  "  WO-123  ", "Wo - 123"])
def test_parse_number_as_typed_or_scanned(text: str) -> None:
    assert parse_number(text) == 123
    assert looks_like_number(text)


@pytest.mark.parametrize("text", ["", "WO-", "WO-0", "0", "abc", "WO-12a", "1234567890",
                                  "WX-123", "12 3"])
def test_parse_number_refuses_the_rest(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_number(text)
    assert info.value.field == "number"


def test_looks_like_number_needs_a_digit() -> None:
    assert not looks_like_number("WO-")
    assert not looks_like_number("Schäfer")
    assert looks_like_number("wo 7")


def test_fold_matches_decomposed_and_capitalised_text() -> None:
    decomposed = "Mu\u0308ller"  # what macOS input can produce
    assert fold(decomposed) == fold("MÜLLER") == "müller"
    assert fold("Straße") == "strasse"
