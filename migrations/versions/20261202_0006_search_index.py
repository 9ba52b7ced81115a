"""accent-folded search text and its full-text indexes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 05:05:00
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGRAMS = "work_orders_trigram"
WORDS = "work_orders_words"
# PostgreSQL: one trigram index on the folded text answers substrings (LIKE) and word starts
# (regular expressions) alike; FTS5's tables and their triggers have no part there.
PG_TRIGRAMS = "ix_work_orders_search_trgm"

# domain.text.search_fold as of this revision. Migrations must not import app code that may
# change later, so the rule that wrote these rows is kept with them.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n"})


def _search_fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    # Decomposed before and after casefolding: "𝕊" only becomes a letter with a case
    # ("S") when decomposed, and casefolding "İ" yields a combining dot to strip.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = _ACCENTS.sub("", decomposed)
    return unicodedata.normalize("NFKC", bare.translate(_LETTERS))


def _index_sql(name: str, options: str) -> list[str]:
    return [
        f"CREATE VIRTUAL TABLE {name} USING fts5(search_text, content='work_orders', "
        f"content_rowid='id', {options})",
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON work_orders BEGIN "
        f"INSERT INTO {name}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON work_orders BEGIN "
        f"INSERT INTO {name}({name}, rowid, search_text) "
        f"VALUES ('delete', old.id, old.search_text); END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF search_text ON work_orders "
        f"WHEN old.search_text IS NOT new.search_text BEGIN "
        f"INSERT INTO {name}({name}, rowid, search_text) "
        f"VALUES ('delete', old.id, old.search_text); "
        f"INSERT INTO {name}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"INSERT INTO {name}({name}) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    connection = op.get_bind()
    last = 0
    while True:  # in slices, so a million orders never sit in memory at once
        rows = connection.execute(sa.text(
            "SELECT id, search_text FROM work_orders WHERE id > :last ORDER BY id LIMIT 20000"),
            {"last": last}).all()
        if not rows:
            break
        last = rows[-1][0]
        changed = [{"id": id_, "text": folded} for id_, text in rows
                   if (folded := _search_fold(text)) != text]
        if changed:
            connection.execute(
                sa.text("UPDATE work_orders SET search_text = :text WHERE id = :id"), changed)
    if connection.dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(f"CREATE INDEX {PG_TRIGRAMS} ON work_orders "
                   "USING gin (search_text gin_trgm_ops)")
        return
    for statement in (_index_sql(TRIGRAMS, "tokenize='trigram'")
                      + _index_sql(WORDS, "tokenize='unicode61', prefix='1 2', detail='none'")):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX {PG_TRIGRAMS}")
        return
    for name in (TRIGRAMS, WORDS):
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER {name}_{trigger}")
        op.execute(f"DROP TABLE {name}")
