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

VERBS = ("UPDATE", "DELETE")


def _append_only(verb: str) -> list[str]:
    """The trigger refusing ``verb`` on the activity log, in this database's dialect."""
    name = f"activity_no_{verb.lower()}"
    if op.get_bind().dialect.name == "postgresql":
        return [
            "CREATE OR REPLACE FUNCTION activity_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the activity log is append-only' "
            "USING ERRCODE = 'integrity_constraint_violation'; END $$",
            f"CREATE TRIGGER {name} BEFORE {verb} ON activity "
            "FOR EACH ROW EXECUTE FUNCTION activity_append_only()",
        ]
    return [f"CREATE TRIGGER {name} BEFORE {verb} ON activity "
            "BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END"]


def _drop_append_only(verb: str) -> None:
    on = " ON activity" if op.get_bind().dialect.name == "postgresql" else ""
    op.execute(f"DROP TRIGGER IF EXISTS activity_no_{verb.lower()}{on}")


def _drop_triggers() -> None:
    for verb in VERBS:
        _drop_append_only(verb)


def _create_triggers() -> None:
    for verb in VERBS:
        for statement in _append_only(verb):
            op.execute(statement)


def upgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_activity_order_id_work_orders'),
                                 type_='foreignkey')
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_foreign_key(batch_op.f('fk_activity_order_id_work_orders'),
                                    'work_orders', ['order_id'], ['id'])
    _create_triggers()
