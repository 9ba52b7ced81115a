"""finance totals per lab, currency, payment method and day or month, kept by triggers

Revision ID: 0014_million
Revises: 0013_pgwords
Create Date: 2026-12-02 17:30:00

The Dental labs tab sums every order of the period per lab and currency. Its covering index
(0002) spares the table but not the rows: a million orders took 370-475 ms to add up, and a
bare sum over that index alone takes 250 ms. ``finance_totals`` holds the sums already made
(order count, paid, total) of the orders that are not cancelled, once per day and once per month
of ``documented_at`` for each lab, currency and payment method: a period is its whole months'
rows and the days left over at either end, a few thousand rows at any size. Triggers on
work_orders add each order's figures on insert and take them back on delete, and on an update
of any column the figures depend on do both, so no service can forget them. Rows whose orders
all went elsewhere stay behind with zero orders; readers skip them.

The summary's overdue sum depends on the day, so no total can hold it. The partial index
``ix_work_orders_unpaid_due`` holds the orders with an installment left unpaid
(``unpaid_due_date`` set: 64k of a million), by documented day, with every column the sum
filters and adds: the overdue orders of a period are read from it alone, not every order.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014_million'
down_revision: str | None = '0013_pgwords'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOTALS = "finance_totals"
KEY = "period, starts, lab_id, currency, payment_method"
FIGURES = "orders, paid_minor, price_total_minor"
# Every column of work_orders a row of the totals depends on.
COLUMNS = "status, documented_at, lab_id, currency, payment_method, paid_minor, price_total_minor"
UNPAID_DUE = "ix_work_orders_unpaid_due"
CANCELLED = "cancelled"
_MONTH = {"sqlite": "date({day}, 'start of month')",
          "postgresql": "CAST(date_trunc('month', {day}) AS date)"}


def _add(row: str, sign: str, dialect: str) -> str:
    """Adds (``sign`` "+") or takes back ("-") the figures of the order ``row`` (NEW, OLD, or
    a table alias at the upgrade) on its day's and its month's row."""
    day = f"{row}.documented_at"
    return f"""
        INSERT INTO {TOTALS} ({KEY}, {FIGURES})
        SELECT p.period, p.starts, {row}.lab_id, {row}.currency,
               COALESCE({row}.payment_method, ''), {sign}1, {sign}{row}.paid_minor,
               {sign}{row}.price_total_minor
        FROM (SELECT 'day' AS period, {day} AS starts
              UNION ALL SELECT 'month', {_MONTH[dialect].format(day=day)}) AS p
        WHERE {row}.status <> '{CANCELLED}'
        ON CONFLICT ({KEY}) DO UPDATE SET orders = {TOTALS}.orders + excluded.orders,
            paid_minor = {TOTALS}.paid_minor + excluded.paid_minor,
            price_total_minor = {TOTALS}.price_total_minor + excluded.price_total_minor"""


def _fill(dialect: str) -> list[str]:
    """Every order's figures, summed per row of the totals."""
    month = _MONTH[dialect].format(day="documented_at")
    return [f"""
        INSERT INTO {TOTALS} ({KEY}, {FIGURES})
        SELECT '{period}', {starts}, lab_id, currency, COALESCE(payment_method, ''), count(*),
               sum(paid_minor), sum(price_total_minor)
        FROM work_orders WHERE status <> '{CANCELLED}'
        GROUP BY {starts}, lab_id, currency, COALESCE(payment_method, '')"""
            for period, starts in (("day", "documented_at"), ("month", month))]


def _sqlite_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER {TOTALS}_insert AFTER INSERT ON work_orders BEGIN "
        f"{_add('new', '+', 'sqlite')}; END",
        f"CREATE TRIGGER {TOTALS}_delete AFTER DELETE ON work_orders BEGIN "
        f"{_add('old', '-', 'sqlite')}; END",
        f"CREATE TRIGGER {TOTALS}_update AFTER UPDATE OF {COLUMNS} ON work_orders BEGIN "
        f"{_add('old', '-', 'sqlite')}; {_add('new', '+', 'sqlite')}; END",
    ]


def _postgresql_triggers() -> list[str]:
    changed = " OR ".join(f"OLD.{name} IS DISTINCT FROM NEW.{name}"
                          for name in COLUMNS.split(", "))
    return [
        f"""
        CREATE FUNCTION {TOTALS}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                {_add('OLD', '-', 'postgresql')};
            END IF;
            IF TG_OP <> 'DELETE' THEN
                {_add('NEW', '+', 'postgresql')};
            END IF;
            RETURN NULL;
        END $$""",
        f"CREATE TRIGGER {TOTALS}_insert_delete AFTER INSERT OR DELETE ON work_orders "
        f"FOR EACH ROW EXECUTE FUNCTION {TOTALS}_sync()",
        f"CREATE TRIGGER {TOTALS}_update AFTER UPDATE OF {COLUMNS} ON work_orders "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {TOTALS}_sync()",
    ]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        TOTALS,
        sa.Column("period", sa.String(5), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("lab_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("payment_method", sa.String(20), nullable=False),
        sa.Column("orders", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("paid_minor", sa.BigInteger(), nullable=False),
        sa.Column("price_total_minor", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*KEY.split(", "), name=f"pk_{TOTALS}"),
        sqlite_with_rowid=False,
    )
    for statement in _fill(dialect):
        op.execute(statement)
    for statement in _postgresql_triggers() if dialect == "postgresql" else _sqlite_triggers():
        op.execute(statement)
    unpaid = sa.text("unpaid_due_date IS NOT NULL")
    op.create_index(UNPAID_DUE, "work_orders",
                    ["documented_at", "unpaid_due_date", "currency", "status", "lab_id",
                     "payment_method", "price_total_minor", "paid_minor"],
                    sqlite_where=unpaid, postgresql_where=unpaid)
    if dialect == "postgresql":
        op.execute(f"ANALYZE {TOTALS}")


def downgrade() -> None:
    op.drop_index(UNPAID_DUE, "work_orders")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER {TOTALS}_update ON work_orders")
        op.execute(f"DROP TRIGGER {TOTALS}_insert_delete ON work_orders")
        op.execute(f"DROP FUNCTION {TOTALS}_sync()")
    else:
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER {TOTALS}_{trigger}")
    op.drop_table(TOTALS)
