"""The full-text indexes over ``work_orders.search_text`` (made by migrations 0006 and 0013).

On PostgreSQL one pg_trgm GIN index over the (already accent-folded) column answers both
kinds of token below for a page: substrings as LIKE, word starts as a regular expression.
Counts read a word list instead (migration 0013): the text cut at white space, each distinct
word once in ``order_search_words`` (a trigram index for substrings, an index of the one- and
two-character word starts inside each word for short input), each order's words in
``order_search_postings``. A search token holds no white space, so an order contains it exactly
when one of its words does: a count rechecks a few distinct words, not every matching order,
and the orders come from the postings' key alone. The rest of this text is about SQLite, where
FTS5 does the work.

Two external-content indexes read the folded text straight from work_orders, and triggers on
work_orders keep them in step with every insert, delete and change of ``search_text``, so no
service can forget them. ``trigram`` answers any substring of three or more characters; shorter
input can only be the start of a word, which ``words`` (with 1- and 2-character prefix indexes)
answers. They are not ORM models: the autogenerate comparison skips them (``is_search_index``).

A batch migration that rebuilds work_orders drops its triggers: recreate them (and
``rebuild`` both indexes) in the same migration; ``check`` reports them missing otherwise.
"""

from __future__ import annotations

import re
from itertools import product

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Select,
    SQLColumnExpression,
    TableClause,
    Text,
    and_,
    cast,
    column,
    func,
    intersect,
    or_,
    select,
    table,
)

from .orders import WorkOrder

TRIGRAMS = "work_orders_trigram"
WORDS = "work_orders_words"
PG_TRIGRAMS = "ix_work_orders_search_trgm"
PG_WORDS = "order_search_words"
PG_POSTINGS = "order_search_postings"
TRIGRAM_MIN = 3
POSTGRESQL = "postgresql"

_trigram = table(TRIGRAMS, column("rowid", Integer), column(TRIGRAMS))
_words = table(WORDS, column("rowid", Integer), column(WORDS))
_pg_words = table(PG_WORDS, column("id", Integer), column("word", Text))
_pg_postings = table(PG_POSTINGS, column("word_id", Integer), column("order_id", Integer))


def is_search_index(name: str) -> bool:
    """The index tables and FTS5's own shadow tables behind them (``<name>_data`` and so on),
    and PostgreSQL's word tables and their indexes."""
    return (name.startswith((TRIGRAMS, WORDS)) or name == PG_TRIGRAMS or PG_WORDS in name
            or PG_POSTINGS in name)


# What unicode61 splits words on, as a GLOB class: ASCII controls, space and punctuation (the
# text is folded: no capitals). Non-ASCII punctuation counts as a letter here, a difference too
# rare to matter; a class naming every non-ASCII letter made the test ten times slower.
_WORD_BREAK = "[\x01-/:-@[-`{-\x7f]"


def _glob_literal(token: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in token)


def contains(text: SQLColumnExpression[str], token: str, dialect: str) -> ColumnElement[bool]:
    """``token`` occurs in ``text``: a plain substring test, no pattern characters."""
    if dialect == POSTGRESQL:
        return func.strpos(text, token) > 0
    return func.instr(text, token) > 0


# PostgreSQL's spelling of _WORD_BREAK: anything but an ASCII letter or digit and non-ASCII.
_PG_WORD_BREAK = r"(^|[^0-9a-z\u0080-\U0010ffff])"


def _regex_literal(token: str) -> str:
    return "".join(c if c.isalnum() else f"\\{c}" for c in token)


def _starts_a_word(text: SQLColumnExpression[str], token: str) -> ColumnElement[bool]:
    """PostgreSQL: ``token`` begins a word of ``text`` (the trigram index serves the pattern)."""
    return text.op("~")(_PG_WORD_BREAK + _regex_literal(token))


# An umlaut written the German way ("ue" for "ü"), not after "q" ("Quelle").
_DIGRAPH = re.compile("(?<!q)([aou])e")


_MOST_DIGRAPHS = 3  # at most 2**3 spellings of one word


def spellings(token: str) -> tuple[str, ...]:
    """The folded token and, where it may write umlauts the German way, each word it may
    mean with the bare vowel the stored text has for an umlaut: "mueller" also finds "Müller"
    (stored "muller"), "muehlbauer" finds "Mühlbauer" while its "bauer" stays; "Mueller" is
    still found as written. Only spellings that go to the same index as the token."""
    parts = _DIGRAPH.split(token)  # text, vowel, text, vowel, ..., text
    vowels = parts[1::2]
    if not vowels or len(vowels) > _MOST_DIGRAPHS:
        return (token,)
    found = []
    for bare in product((False, True), repeat=len(vowels)):
        word = parts[0] + "".join(vowel + ("" if drop else "e") + text for vowel, drop, text
                                  in zip(vowels, bare, parts[2::2], strict=True))
        if (len(word) >= TRIGRAM_MIN) == (len(token) >= TRIGRAM_MIN):
            found.append(word)
    return tuple(found)


def scanned_matches(text: SQLColumnExpression[str], tokens: list[str],
                    dialect: str) -> list[ColumnElement[bool]]:
    """The same test as ``matching_ids``, on the text of rows being read in list order: cheaper
    than the index when matches are common enough to fill a page from the first few thousand.
    """
    return [or_(*(_scanned(text, spelling, dialect) for spelling in spellings(token)))
            for token in tokens]


def _scanned(text: SQLColumnExpression[str], token: str, dialect: str) -> ColumnElement[bool]:
    if len(token) >= TRIGRAM_MIN:
        return contains(text, token, dialect)
    if dialect == POSTGRESQL:
        return _starts_a_word(text, token)
    literal = _glob_literal(token)
    # instr first: it rules out most rows far faster than the pattern does.
    return and_(func.instr(text, token) > 0,
                or_(text.op("GLOB")(f"{literal}*"),
                    text.op("GLOB")(f"*{_WORD_BREAK}{literal}*")))


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _term(token: str, prefix: str) -> str:
    words = [_quoted(spelling) + prefix for spelling in spellings(token)]
    return words[0] if len(words) == 1 else "(" + " OR ".join(words) + ")"


def _matches(tokens: list[str]) -> list[tuple[TableClause, str]]:
    long = [_term(t, "") for t in tokens if len(t) >= TRIGRAM_MIN]
    short = [_term(t, "*") for t in tokens if len(t) < TRIGRAM_MIN]
    return [(index, " AND ".join(terms))
            for index, terms in ((_trigram, long), (_words, short)) if terms]


def match_count(tokens: list[str], dialect: str) -> Select[int]:
    """How many orders contain every token, counted in the indexes alone: eight times faster
    than testing each matching order (the only way when other filters apply)."""
    if dialect == POSTGRESQL:
        return _pg_match_count(tokens)
    (first, query), *rest = _matches(tokens)
    count = select(func.count()).select_from(first).where(first.c[first.name].op("MATCH")(query))
    for index, other in rest:
        # "+ 0": a bare rowid IN (...) is handed to FTS5, which then runs the first MATCH
        # once per id of the other index ("dr. a": 880 ms at 10,000 orders, 3 ms so).
        count = count.where((first.c.rowid + 0).in_(
            select(index.c.rowid).where(index.c[index.name].op("MATCH")(other))))
    return count


def matches_at_least(tokens: list[str], least: int) -> ColumnElement[bool]:
    """SQLite's FTS5 only: a condition on no row, the first index holds ``least`` orders or
    more matching its words (counted up to ``least``, so a common word costs no more than a
    rare one). Fewer matches are sorted faster than rows are tested: a search for an order
    number read 10,000 rows for the one match the index hands over at once."""
    (index, query), *_ = _matches(tokens)
    found = select(index.c.rowid).where(index.c[index.name].op("MATCH")(query)).limit(least)
    return select(func.count()).select_from(found.subquery()).scalar_subquery() >= least


def matching_ids(tokens: list[str], dialect: str) -> list[ColumnElement[bool]]:
    """Conditions on ``work_orders.id``: one subquery per index, every token must match.

    Tokens are already search-folded. Long ones are substrings (trigrams); short ones are the
    start of a word.
    """
    if dialect == POSTGRESQL:
        # LIKE rather than strpos: only LIKE and ~ can use the trigram index.
        return [or_(*(WorkOrder.search_text.contains(s, autoescape=True)
                      if len(s) >= TRIGRAM_MIN else _starts_a_word(WorkOrder.search_text, s)
                      for s in spellings(t))) for t in tokens]
    return [WorkOrder.id.in_(select(index.c.rowid).where(index.c[index.name].op("MATCH")(query)))
            for index, query in _matches(tokens)]


def _pg_match_count(tokens: list[str]) -> Select[int]:
    if len(tokens) == 1:
        return select(func.count(_pg_postings.c.order_id.distinct())).where(
            _pg_postings.c.word_id.in_(_pg_word_ids(tokens[0])))
    return select(func.count()).select_from(
        intersect(*(_pg_orders_with(token) for token in tokens)).subquery())


def _pg_orders_with(token: str) -> Select[tuple[int]]:
    """PostgreSQL: the ids of the orders holding a word with ``token`` in it, some more
    than once."""
    return select(_pg_postings.c.order_id).where(_pg_postings.c.word_id.in_(_pg_word_ids(token)))


def _pg_word_ids(token: str) -> Select[tuple[int]]:
    """PostgreSQL: the words that contain ``token`` (or have a word starting with it inside,
    when short)."""
    # Here, not at the top: importing SQLAlchemy's PostgreSQL dialect took ~30 ms of every
    # start on an SQLite file, which never comes here.
    from sqlalchemy.dialects.postgresql import array as pg_array

    word = _pg_words.c.word
    return select(_pg_words.c.id).where(or_(*(
        word.contains(s, autoescape=True) if len(s) >= TRIGRAM_MIN
        else func.order_search_heads(word).op("@>")(cast(pg_array([s]), ARRAY(Text)))
        for s in spellings(token))))
