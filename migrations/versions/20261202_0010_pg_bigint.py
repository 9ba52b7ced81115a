"""64-bit integers on PostgreSQL: money in minor units goes far past 2**31

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 07:30:00

SQLite's INTEGER is 64-bit already; nothing changes there. On PostgreSQL the history above
created INTEGER (32-bit) columns, so every one of them becomes BIGINT here (ids, money, counts),
as the models declare.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _integer_columns(kind: type[sa.types.TypeEngine[int]]) -> list[tuple[str, str]]:
    inspector = sa.inspect(op.get_bind())
    return [(table, column["name"]) for table in inspector.get_table_names()
            if table != "alembic_version"
            for column in inspector.get_columns(table)
            if type(column["type"]) is kind]


def _retype(columns: list[tuple[str, str]], to: str) -> None:
    by_table: dict[str, list[str]] = {}
    for table, column in columns:
        by_table.setdefault(table, []).append(column)
    for table, names in by_table.items():
        # One ALTER per table: PostgreSQL rewrites the table once for all its columns.
        op.execute(f'ALTER TABLE "{table}" ' + ", ".join(
            f'ALTER COLUMN "{name}" TYPE {to}' for name in names))


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _retype(_integer_columns(sa.INTEGER), "BIGINT")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _retype(_integer_columns(sa.BIGINT), "INTEGER")
