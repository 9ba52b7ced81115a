"""sort keys for names: lists sort "Łukasz" among the L and "Ørsted" among the O

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 07:11:50.246676

Patients, customers and dental labs get ``sort_key``, their name folded by
domain/text.py ``sort_key`` (kept by the models from now on), with an index each so the
order list sorts and pages by these names through an index. Existing rows are filled here.
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# domain.text.sort_key as of this revision. Migrations must not import app code that may
# change later, so the rule that wrote these keys is kept with them.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n"})


def _search_fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = _ACCENTS.sub("", decomposed)
    return unicodedata.normalize("NFKC", bare.translate(_LETTERS))


def sort_key(*parts: str) -> str:
    return "\x1f".join(" ".join(_search_fold(part).split()) for part in parts)


# The table and the columns its key is made of, in sorting order.
NAMES = {"patients": ("last_name", "first_name"), "customers": ("name",),
         "dental_labs": ("name",)}


def upgrade() -> None:
    connection = op.get_bind()
    for table, columns in NAMES.items():
        # A plain ADD COLUMN: no table rebuild, so the full-text triggers stay as they are.
        op.add_column(table, sa.Column('sort_key', sa.String(length=500), nullable=False,
                                       server_default=""))
        rows = connection.execute(sa.text(
            f"SELECT id, {', '.join(columns)} FROM {table}")).all()
        if rows:
            connection.execute(sa.text(f"UPDATE {table} SET sort_key = :key WHERE id = :id"),
                               [{"id": row[0], "key": sort_key(*(v or "" for v in row[1:]))}
                                for row in rows])
        op.create_index(f'ix_{table}_sort_key', table, ['sort_key'], unique=False)


def downgrade() -> None:
    for table in reversed(NAMES):
        op.drop_index(f'ix_{table}_sort_key', table_name=table)
        # SQLite's own DROP COLUMN: a batch rebuild of dental_labs would trip the foreign keys.
        op.execute(f"ALTER TABLE {table} DROP COLUMN sort_key")
