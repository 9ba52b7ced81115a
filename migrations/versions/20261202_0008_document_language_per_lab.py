"""the language a dental lab's documents print in

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 07:15:39.978550

NULL (every existing lab) means the app's language, as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('dental_labs', sa.Column('document_language', sa.String(length=8),
                                           nullable=True))


def downgrade() -> None:
    # SQLite drops a column in place (3.35+): a batch copy of the table would trip over the
    # work orders' foreign keys to it.
    op.drop_column('dental_labs', 'document_language')
