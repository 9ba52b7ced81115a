"""a patient's contact person and address, as a lab needs them on the order form

Revision ID: 0008_polish
Revises: 0007
Create Date: 2026-12-02 07:01:27.840174
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008_polish'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_person', sa.String(length=200),
                                      server_default='', nullable=False))
        batch_op.add_column(sa.Column('address', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.drop_column('address')
        batch_op.drop_column('contact_person')
