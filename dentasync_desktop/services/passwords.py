"""Password hashing with scrypt from the standard library."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import NamedTuple

MIN_LENGTH = 8


class Cost(NamedTuple):
    """scrypt's work factors: memory is 128 * n * r bytes."""

    n: int
    r: int
    p: int

    @property
    def maxmem(self) -> int:
        # OpenSSL refuses unless maxmem covers the 128*n*r working set plus its small extras;
        # Python's default limit (32 MiB) is far below what N=2^17 needs.
        return 128 * self.r * (self.n + self.p + 2) + 1024 * 1024


# OWASP's minimum for scrypt: 128 MiB of memory, about 0.3 s on a modest PC.
PRODUCTION = Cost(n=2**17, r=8, p=1)
# What new hashes are made with; tests swap in a cheap cost so they stay fast.
current = PRODUCTION


def hash_password(password: str, cost: Cost | None = None) -> str:
    used = cost or current
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=used.n, r=used.r, p=used.p,
                            maxmem=used.maxmem, dklen=32)
    salt_b64, digest_b64 = base64.b64encode(salt).decode(), base64.b64encode(digest).decode()
    return f"scrypt${used.n}${used.r}${used.p}${salt_b64}${digest_b64}"


def _stored_cost(stored: str) -> Cost | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        return Cost(int(parts[1]), int(parts[2]), int(parts[3]))
    except ValueError:
        return None


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was made with other work factors than new hashes get."""
    return _stored_cost(stored) != current


def verify_password(password: str, stored: str) -> bool:
    cost = _stored_cost(stored)
    if cost is None:
        return False
    # A hash may not ask for more memory than the strongest cost this app makes.
    if cost.n * cost.r * cost.p > PRODUCTION.n * PRODUCTION.r * PRODUCTION.p:
        return False
    try:
        _, _, _, _, salt_b64, digest_b64 = stored.split("$")
        # Strict decoding: the lenient default skips stray characters, so a damaged hash
        # could still verify.
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(digest_b64, validate=True)
        actual = hashlib.scrypt(password.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p,
                                maxmem=cost.maxmem, dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)
