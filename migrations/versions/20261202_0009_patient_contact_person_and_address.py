"""a patient's contact person and address, as a lab needs them on the order form

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 07:01:27.840174
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy of ``patients`` would have to drop the table that every
    # work order points at.
    op.add_column('patients', sa.Column('contact_person', sa.String(length=200),
                                        server_default='', nullable=False))
    op.add_column('patients', sa.Column('address', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    # SQLite drops a column in place since 3.35 (Python's own is newer), again with no copy.
    op.drop_column('patients', 'address')
    op.drop_column('patients', 'contact_person')
