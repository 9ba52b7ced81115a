"""the outstanding amount as a generated column, indexed for the sorts by it

Revision ID: 0016_outstanding
Revises: 0015_pgwordsplan
Create Date: 2026-12-03 08:00:00

The finance page's Work orders tab and the order list sorted by outstanding (the list calls it
balance) ordered by ``price_total_minor - paid_minor``, which no index covers, so the database
computed and sorted every order for each page: at a million orders 1.4 s for the tab, 0.12 s
to 0.5 s for a page of the list. ``outstanding_minor`` is that difference, computed by the
database, indexed with each sort's tie-break (the tab's number, the list's id), so a page is
the next rows of an index. An index on the expression itself did the same, but SQLAlchemy
cannot reflect expression indexes on SQLite and warned on every comparison.

SQLite's ALTER TABLE adds only VIRTUAL generated columns (a STORED one needs the table rebuilt:
every row, index and trigger of work_orders); the indexes keep the values either way.
PostgreSQL has only STORED ones before version 18 and cannot index a VIRTUAL one after it, so
it gets a STORED column: one rewrite of the table and its indexes, here, while other PCs wait
for the migration lock (4 s at 100,000 orders; 50 s at a million, 38 s of it the trigram
index). SQLite adds the column at once; reading the table for its NOT NULL check and building
the two indexes take 2.5-3 s at a million orders.

A batch migration that rebuilds work_orders on SQLite copies every column, and SQLite refuses
writes to a generated one: leave ``outstanding_minor`` out of the copy, or drop and add it back.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016_outstanding'
down_revision: str | None = '0015_pgwordsplan'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMN = "outstanding_minor"
TIE_BREAKS = ("number", "id")


def upgrade() -> None:
    stored = op.get_bind().dialect.name == "postgresql"
    op.add_column("work_orders", sa.Column(
        COLUMN, sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
        sa.Computed("price_total_minor - paid_minor", persisted=stored), nullable=False))
    for tie in TIE_BREAKS:
        op.create_index(f"ix_work_orders_outstanding_{tie}", "work_orders", [COLUMN, tie])


def downgrade() -> None:
    for tie in TIE_BREAKS:
        op.drop_index(f"ix_work_orders_outstanding_{tie}", "work_orders")
    # SQLite's own DROP COLUMN: a batch rebuild would copy the generated column (see above).
    op.execute(f"ALTER TABLE work_orders DROP COLUMN {COLUMN}")
