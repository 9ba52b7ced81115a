"""PostgreSQL's NUMERIC read as SQLite hands such values over: an int when whole, else a float.

The app stores no NUMERIC column; the server only makes one from SUM over BIGINT money and from
AVG, where the services expect what SQLite gives (never a Decimal).
"""

from __future__ import annotations

from psycopg.abc import Buffer
from psycopg.adapt import Loader


class WholeOrFloat(Loader):
    def load(self, data: Buffer) -> int | float:
        text = bytes(data)
        return float(text) if b"." in text or text.isalpha() else int(text)
