"""blobs: attachments and the logo kept in the database, for a server every PC reads

Revision ID: 0012_pgattach
Revises: 0011
Create Date: 2026-12-02 12:00:00

``blobs`` (one row per distinct content, named by its SHA-256) and ``blob_chunks`` (its bytes
in numbered pieces of at most 1 MiB). Created on both engines so there is one schema; a local
SQLite file keeps its attachments in the data folder and leaves them empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012_pgattach'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As the models declare it: 64-bit on the server, SQLite's INTEGER is 64-bit already.
_INT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        'blobs',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size_bytes', _INT, nullable=False),
        sa.PrimaryKeyConstraint('sha256', name=op.f('pk_blobs')),
    )
    op.create_table(
        'blob_chunks',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('index', _INT, nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'],
                                name=op.f('fk_blob_chunks_sha256_blobs'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('sha256', 'index', name=op.f('pk_blob_chunks')),
    )


def downgrade() -> None:
    op.drop_table('blob_chunks')
    op.drop_table('blobs')
