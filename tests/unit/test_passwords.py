"""scrypt password hashing."""

from __future__ import annotations

import pytest

from dentasync_desktop.services import passwords
from dentasync_desktop.services.passwords import hash_password, verify_password

from ..factories import CHEAP_COST


@pytest.fixture(scope="module")
def stored() -> str:
    # Module-scoped, so made before the suite's cheap-cost fixture applies: cheap by hand.
    return hash_password("correct horse 42", CHEAP_COST)


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


def test_production_cost_is_owasps_scrypt_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the suite's cheap-hashing fixture
    assert passwords.Cost(n=2**17, r=8, p=1) == passwords.PRODUCTION
    assert passwords.current is passwords.PRODUCTION
    # 128 MiB of working memory: beyond hashlib's default limit, so maxmem must be raised.
    stored = hash_password("correct horse 42")
    assert stored.startswith("scrypt$131072$8$1$")
    assert verify_password("correct horse 42", stored)
    assert not passwords.needs_rehash(stored)


def test_hashes_of_another_cost_need_a_rehash() -> None:
    older = hash_password("correct horse 42", passwords.Cost(n=2**3, r=8, p=1))
    assert verify_password("correct horse 42", older)
    assert passwords.needs_rehash(older)
    assert not passwords.needs_rehash(hash_password("correct horse 42"))
    assert passwords.needs_rehash("!")
