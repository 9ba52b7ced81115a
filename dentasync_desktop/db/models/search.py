"""The full-text indexes over ``work_orders.search_text`` (FTS5, made by migration 0004_speed).

Two external-content indexes read the folded text straight from work_orders, and triggers on
work_orders keep them in step with every insert, delete and change of ``search_text``, so no
service can forget them. ``trigram`` answers any substring of three or more characters; shorter
input can only be the start of a word, which ``words`` (with 1- and 2-character prefix indexes)
answers. They are not ORM models: the autogenerate comparison skips them (``is_search_index``).

A batch migration that rebuilds work_orders drops its triggers: recreate them (and
``rebuild`` both indexes) in the same migration; ``check`` reports them missing otherwise.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Integer, column, select, table

from .orders import WorkOrder

TRIGRAMS = "work_orders_trigram"
WORDS = "work_orders_words"
TRIGRAM_MIN = 3

_trigram = table(TRIGRAMS, column("rowid", Integer), column(TRIGRAMS))
_words = table(WORDS, column("rowid", Integer), column(WORDS))


def is_search_index(table_name: str) -> bool:
    """The index tables and FTS5's own shadow tables behind them (``<name>_data`` and so on)."""
    return table_name.startswith((TRIGRAMS, WORDS))


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def matching_ids(tokens: list[str]) -> list[ColumnElement[bool]]:
    """Conditions on ``work_orders.id``: one subquery per index, every token must match.

    Tokens are already search-folded. Long ones are substrings (trigrams); short ones are the
    start of a word.
    """
    long = [_quoted(t) for t in tokens if len(t) >= TRIGRAM_MIN]
    short = [_quoted(t) + "*" for t in tokens if len(t) < TRIGRAM_MIN]
    conditions = []
    for index, terms in ((_trigram, long), (_words, short)):
        if terms:
            match = index.c[index.name].op("MATCH")(" AND ".join(terms))
            conditions.append(WorkOrder.id.in_(select(index.c.rowid).where(match)))
    return conditions
