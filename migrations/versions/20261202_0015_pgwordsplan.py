"""PostgreSQL: the search trigger looks each word up by its index, whatever the statistics say

Revision ID: 0015_pgwordsplan
Revises: 0014_million
Create Date: 2026-12-02 18:20:00

0013's trigger joins an order's words to ``order_search_words`` by the word's hash. The trigger
plans that join once per connection, and on a table the planner believes small (a new database
being filled by ``migrate-to`` or the seeder, before any ANALYZE) it picks a hash join: every
inserted order then hashed the whole word table, so filling 100,000 orders did not finish in
45 minutes (quadratic: the table grows with the orders). Planned without hash or merge joins and
without sequential scans, the join is a lookup in the unique hash index per word, the same cost
at the first order and the millionth. The settings hold only while the trigger runs.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0015_pgwordsplan'
down_revision: str | None = '0014_million'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SYNC = "order_search_sync"
_PLANNER = ("enable_hashjoin", "enable_mergejoin", "enable_seqscan")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for setting in _PLANNER:
        op.execute(f"ALTER FUNCTION {SYNC}() SET {setting} = off")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for setting in _PLANNER:
        op.execute(f"ALTER FUNCTION {SYNC}() RESET {setting}")
