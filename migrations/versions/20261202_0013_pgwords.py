"""PostgreSQL: the order search reads a table of words and which orders hold them

Revision ID: 0013_pgwords
Revises: 0012_pgattach
Create Date: 2026-12-02 14:00:00

0006's trigram index on work_orders finds the orders that may contain a word and then rereads
each one to be sure: "muller" is in one order in six, so counting it reread 16,000 rows at 100k
orders (3.5 to 4.6 times SQLite's FTS5, which counts in its index alone). Here the folded text
is cut at white space into words, each distinct word is kept once (``order_search_words``, with
the trigram index) and each order's words are listed (``order_search_postings``). A search word
never holds white space, so it is in an order's text exactly when it is in one of that order's
words: the trigram index now rechecks a few distinct words, and the orders come from the
postings' primary key alone. Short input (one or two characters) means the start of a word:
``order_search_heads`` lists the one- and two-character starts of the words inside a word
("dr.muller" holds "d", "dr", "m" and "mu"), and a GIN index over that list finds them (a
regular expression for it could not use the trigram index). Triggers on work_orders keep both
tables in step with every insert, delete and change of ``search_text``, so no service can
forget them. Words no order holds any more stay behind: they match no posting, and a word list
only grows as fast as new names do. Pages still test each order's text (0006's index on
work_orders): there other filters narrow the orders first. SQLite has its FTS5 tables (0006)
and gets nothing here.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0013_pgwords'
down_revision: str | None = '0012_pgattach'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WORDS = "order_search_words"
POSTINGS = "order_search_postings"
SYNC = "order_search_sync"
HEADS = "order_search_heads"
# ASCII white space only: Python's split(), which cuts the search into words, cuts at all of
# these and more, so a search word never spans two of the words cut here.
_SPLIT = r"regexp_split_to_table({text}, '[ \t\n\r\f\v]+')"


def _fill(order_id: str, text: str, rows: str = "") -> tuple[str, str]:
    """The statements adding the words of ``text`` and their postings for ``order_id``: of
    every order in ``rows`` (a FROM item and a comma, at the upgrade), or of NEW (a trigger)."""
    split = f"{rows}{_SPLIT.format(text=text)} AS w"
    # A word is unique by its hash: a word over a B-tree page's third (a pasted run of
    # characters without a space) could not be indexed as itself.
    return (f"""
        INSERT INTO {WORDS} (word) SELECT DISTINCT w FROM {split} WHERE w <> ''
            ON CONFLICT ((md5(word))) DO NOTHING""", f"""
        INSERT INTO {POSTINGS} (word_id, order_id)
            SELECT DISTINCT s.id, {order_id} FROM {split}
            JOIN {WORDS} s ON md5(s.word) = md5(w) AND s.word = w
            WHERE w <> ''""")


# A word starts where the text does or after anything but a (folded) letter or digit: the
# break class of db/models/search.py's _PG_WORD_BREAK.
_HEADS_FUNCTION = rf"""
    CREATE FUNCTION {HEADS}(word text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_agg(DISTINCT head) FROM generate_series(1, length(word)) AS p,
            LATERAL (VALUES (substr(word, p, 1)), (substr(word, p, 2))) AS heads(head)
        WHERE p = 1 OR substr(word, p - 1, 1) ~ '[^0-9a-z\u0080-\U0010ffff]'
    $$"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE TABLE {WORDS} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
               "word text NOT NULL)")
    op.execute(f"CREATE UNIQUE INDEX uq_{WORDS}_word ON {WORDS} ((md5(word)))")
    op.execute(f"CREATE TABLE {POSTINGS} (word_id bigint NOT NULL, order_id bigint NOT NULL, "
               f"CONSTRAINT pk_{POSTINGS} PRIMARY KEY (word_id, order_id))")
    for statement in _fill("o.id", "o.search_text", rows="work_orders o, "):
        op.execute(statement)
    # Built after the rows are in: one pass instead of one insertion per row.
    op.execute(f"CREATE INDEX ix_{POSTINGS}_order_id ON {POSTINGS} (order_id)")
    op.execute(f"CREATE INDEX ix_{WORDS}_word_trgm ON {WORDS} USING gin (word gin_trgm_ops)")
    op.execute(_HEADS_FUNCTION)
    op.execute(f"CREATE INDEX ix_{WORDS}_heads ON {WORDS} USING gin ({HEADS}(word))")
    op.execute(f"""
        CREATE FUNCTION {SYNC}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM {POSTINGS} WHERE order_id = OLD.id;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                {";".join(_fill("NEW.id", "NEW.search_text"))};
            END IF;
            RETURN NULL;
        END $$""")
    op.execute(f"CREATE TRIGGER {SYNC}_insert_delete AFTER INSERT OR DELETE ON work_orders "
               f"FOR EACH ROW EXECUTE FUNCTION {SYNC}()")
    op.execute(f"CREATE TRIGGER {SYNC}_update AFTER UPDATE OF id, search_text ON work_orders "
               "FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id "
               "OR OLD.search_text IS DISTINCT FROM NEW.search_text) "
               f"EXECUTE FUNCTION {SYNC}()")
    op.execute(f"ANALYZE {WORDS}")
    op.execute(f"ANALYZE {POSTINGS}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP TRIGGER {SYNC}_update ON work_orders")
    op.execute(f"DROP TRIGGER {SYNC}_insert_delete ON work_orders")
    op.execute(f"DROP FUNCTION {SYNC}()")
    op.execute(f"DROP TABLE {POSTINGS}")
    op.execute(f"DROP TABLE {WORDS}")
    op.execute(f"DROP FUNCTION {HEADS}(text)")
