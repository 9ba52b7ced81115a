"""drop the index by outstanding amount and number: the finance tab breaks ties by id now

Revision ID: 0017_outstandingnumber
Revises: 0016_outstanding
Create Date: 2026-12-03 15:00:00

The finance page's Work orders tab breaks ties of its sort by id, as the order list does: every
index holds the id, so a page by an order's own column comes from a covering index and a page
by a name from the names' index. Its sort by outstanding amount now reads
``ix_work_orders_outstanding_id``, the order list's; nothing reads the index with the number,
which every payment still had to keep up to date (and a million orders' file to hold).
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0017_outstandingnumber'
down_revision: str | None = '0016_outstanding'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_work_orders_outstanding_number"


def upgrade() -> None:
    op.drop_index(INDEX, "work_orders")


def downgrade() -> None:
    op.create_index(INDEX, "work_orders", ["outstanding_minor", "number"])
