"""scrypt password hashing."""

from __future__ import annotations

import pytest

from dentasync_desktop.services.passwords import hash_password, verify_password


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_password("correct horse 42")


def test_round_trip(stored: str) -> None:
    assert stored.startswith("scrypt$")
    assert "correct horse" not in stored
    assert verify_password("correct horse 42", stored)


def test_wrong_password_is_refused(stored: str) -> None:
    assert not verify_password("correct horse 43", stored)
    assert not verify_password("", stored)


def test_same_password_gets_a_fresh_salt(stored: str) -> None:
    again = hash_password("correct horse 42")
    assert again != stored
    assert verify_password("correct horse 42", again)


def test_non_ascii_password_round_trips() -> None:
    assert verify_password("Zahnärztin-Łódź-ğ", hash_password("Zahnärztin-Łódź-ğ"))
    assert not verify_password("Zahnarztin-Lodz-g", hash_password("Zahnärztin-Łódź-ğ"))


def _with_part(stored: str, index: int, value: str) -> str:
    parts = stored.split("$")
    parts[index] = value
    return "$".join(parts)


@pytest.mark.parametrize("damage", [
    lambda s: "",
    lambda s: "!",  # the factory's "no password yet" marker
    lambda s: "scrypt$16384$8$1",
    lambda s: s + "$extra",
    lambda s: _with_part(s, 0, "bcrypt"),
    lambda s: _with_part(s, 1, "not-a-number"),
    lambda s: _with_part(s, 1, "16385"),  # scrypt needs a power of two
    lambda s: _with_part(s, 1, str(2**40)),  # far beyond the memory limit
    lambda s: _with_part(s, 3, "0"),
    lambda s: _with_part(s, 4, "***"),
    lambda s: _with_part(s, 5, ""),
    lambda s: s + "x",  # stray characters after the digest
])
def test_malformed_hash_returns_false(stored: str, damage) -> None:  # type: ignore[no-untyped-def]
    assert verify_password("correct horse 42", damage(stored)) is False
