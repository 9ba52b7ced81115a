"""deleting an order created by mistake: its history outlives it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 06:09:21.996267

The activity log is append-only, so a deleted order's entries cannot be removed or re-pointed:
``activity.order_id`` loses its foreign key and keeps the old id (services/orders.py never hands
that id out again). Rebuilding ``activity`` drops its triggers; they are created again.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = [
    f"CREATE TRIGGER activity_no_{verb.lower()} BEFORE {verb} ON activity "
    "BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END"
    for verb in ("UPDATE", "DELETE")
]


def _drop_triggers() -> None:
    op.execute("DROP TRIGGER IF EXISTS activity_no_update")
    op.execute("DROP TRIGGER IF EXISTS activity_no_delete")


def upgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_activity_order_id_work_orders'),
                                 type_='foreignkey')
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_foreign_key(batch_op.f('fk_activity_order_id_work_orders'),
                                    'work_orders', ['order_id'], ['id'])
    for statement in TRIGGERS:
        op.execute(statement)
