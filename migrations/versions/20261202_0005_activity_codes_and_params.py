"""activity codes and params: entries store what happened, readers put it into words

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 05:13:09.129823

Existing entries are English sentences. Those in a form the app wrote are parsed into their code
and parameters; the sentence stays in ``summary`` either way, so an entry that cannot be parsed
(code "") is still shown as it was. The parsing lives here, frozen with the forms of the time.
"""

import json
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


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


Params = dict[str, Any]
NUMBER = r"WO-(\d+)"
MONEY = r"(-?\d+(?:\.\d+)?) ([A-Z]{3})"
RECORD_KINDS = {"dental lab": "dental_lab", "customer": "customer", "patient": "patient",
                "service": "service", "staff member": "staff"}
EVENT_KINDS = {"Try-in": "try_in", "Delivery": "delivery", "Pickup": "pickup",
               "Impression": "impression", "Other": "other"}


def _minor(amount: str) -> int:
    # The sentences printed every amount with exactly its currency's decimal places.
    places = len(amount.partition(".")[2])
    return int(Decimal(amount).scaleb(places))


def _money(m: re.Match[str], amount: int, currency: int, key: str = "amount") -> Params:
    return {f"{key}_minor": _minor(m[amount]), "currency": m[currency]}


def _method(label: str) -> str:
    return label.replace(" ", "_")


def _local_moment(text: str) -> str:
    # Events were logged in the computer's local time; read it back in the same zone.
    return datetime.strptime(text, "%Y-%m-%d %H:%M").astimezone().isoformat()


Rule = tuple[str, str, Callable[[re.Match[str]], Params]]

# Sentences that followed "WO-000123: ".
ORDER_RULES: list[Rule] = [
    (r"planned (\d+) task\(s\) automatically", "task.planned", lambda m: {"count": int(m[1])}),
    (r"task '(.*)' moved to place (\d+)", "task.moved",
     lambda m: {"task": m[1], "position": int(m[2])}),
    (r"task '(.*)' assigned to (.*)", "task.assigned",
     lambda m: {"task": m[1], "assignee": m[2]}),
    *[(rf"task '(.*)' {word}", f"task.{code}", lambda m: {"task": m[1]})
      for word, code in (("added", "added"), ("edited", "edited"), ("done", "done"),
                         ("reopened", "reopened"), ("removed", "removed"),
                         ("unassigned", "unassigned"))],
    (rf"payroll {MONEY} for (.*) finalized", "payroll.finalized",
     lambda m: {**_money(m, 1, 2), "staff": m[3]}),
    (r"payroll for (.*) edited", "payroll.edited", lambda m: {"staff": m[1]}),
    (rf"payroll {MONEY} for (.*)", "payroll.added", lambda m: {**_money(m, 1, 2), "staff": m[3]}),
    (r"file '(.*)' attached", "attachment.added", lambda m: {"name": m[1]}),
    (r"file '(.*)' removed", "attachment.removed", lambda m: {"name": m[1]}),
    (rf"payment plan (set|replaced): {MONEY} by ([a-z ]+), (\d+) installments from "
     r"(\d{4}-\d\d-\d\d)", "payment_plan.{1}",
     lambda m: {**_money(m, 2, 3), "method": _method(m[4]), "installments": int(m[5]),
                "first_due_date": m[6]}),
    (rf"payment plan (set|replaced): {MONEY} by ([a-z ]+), due (\d{{4}}-\d\d-\d\d)",
     "payment_plan.{1}",
     lambda m: {**_money(m, 2, 3), "method": _method(m[4]), "installments": 1,
                "first_due_date": m[5]}),
    (r"payment plan removed", "payment_plan.removed", lambda m: {}),
    (rf"payment of {MONEY} \(([a-z ]+)\) on (\d{{4}}-\d\d-\d\d) recorded", "payment.recorded",
     lambda m: {**_money(m, 1, 2), "method": _method(m[3]), "paid_on": m[4]}),
    (rf"payment of {MONEY} on (\d{{4}}-\d\d-\d\d) voided: (.*)", "payment.voided",
     lambda m: {**_money(m, 1, 2), "paid_on": m[3], "reason": m[4]}),
    (rf"({'|'.join(EVENT_KINDS)}) on (\d{{4}}-\d\d-\d\d \d\d:\d\d) "
     r"(added|edited|done|reopened|deleted)", "event.{3}",
     lambda m: {"kind": EVENT_KINDS[m[1]], "starts_at": _local_moment(m[2])}),
    (r'comment edited: "(.*)"', "comment.edited", lambda m: {"preview": m[1]}),
    (r'comment "(.*)"', "comment.added", lambda m: {"preview": m[1]}),
]

KINDS = "|".join(RECORD_KINDS)
RULES: list[Rule] = [
    (rf"Created {NUMBER}", "order.created", lambda m: {"order": int(m[1])}),
    (rf"Edited {NUMBER}", "order.edited", lambda m: {"order": int(m[1])}),
    (rf"Seeded {NUMBER}", "order.seeded", lambda m: {"order": int(m[1])}),
    (r"Due date changed to (\d{4}-\d\d-\d\d)", "order.due_date_changed",
     lambda m: {"due_date": m[1]}),
    (rf"Price adjusted from {MONEY} to {MONEY}", "order.price_adjusted",
     lambda m: {**_money(m, 1, 2, "old"), **_money(m, 3, 4, "new")}),
    (r"Put on hold: (.*)", "order.put_on_hold", lambda m: {"reason": m[1]}),
    (r"Taken off hold", "order.taken_off_hold", lambda m: {}),
    (rf"Marked as remake of {NUMBER}: (.*)", "order.marked_remake",
     lambda m: {"source": int(m[1]), "reason": m[2]}),
    (rf"Copied from {NUMBER}", "order.copied_from", lambda m: {"source": int(m[1])}),
    (rf"Copied to {NUMBER}", "order.copied_to", lambda m: {"copy": int(m[1])}),
    (r"Failed sign-in: unknown user name '(.*)'", "user.sign_in_failed_unknown",
     lambda m: {"name": m[1]}),
    (r"Failed sign-in of (.*): wrong password \((\d+) in a row\)", "user.sign_in_failed",
     lambda m: {"username": m[1], "count": int(m[2])}),
    (r"Created the first administrator (.*)", "user.first_admin_created",
     lambda m: {"username": m[1]}),
    (r"Created user (.*)", "user.created", lambda m: {"username": m[1]}),
    (r"Edited user (.*)", "user.edited", lambda m: {"username": m[1]}),
    (r"Reset the password of (.*)", "user.password_reset", lambda m: {"username": m[1]}),
    (r"Reactivated user (.*)", "user.activated", lambda m: {"username": m[1]}),
    (r"Deactivated user (.*)", "user.deactivated", lambda m: {"username": m[1]}),
    (r"(.*) signed in", "user.signed_in", lambda m: {"username": m[1]}),
    (r"(.*) unlocked the window", "user.unlocked", lambda m: {"username": m[1]}),
    (r"(.*) changed their password", "user.password_changed", lambda m: {"username": m[1]}),
    (r"Changed the organisation settings: (.*)", "settings.organisation_changed",
     lambda m: {"fields": m[1].split(", ")}),
    (r"Changed the calendar and reminder settings: (.*)", "settings.calendar_changed",
     lambda m: {"fields": m[1].split(", ")}),
    (rf"Deactivated ({KINDS}) (.*) instead of deleting it: it is still in use",
     "record.deactivated_in_use", lambda m: {"kind": RECORD_KINDS[m[1]], "name": m[2]}),
    *[(rf"{verb} ({KINDS}) (.*)", f"record.{code}",
       lambda m: {"kind": RECORD_KINDS[m[1]], "name": m[2]})
      for verb, code in (("Created", "created"), ("Edited", "edited"),
                         ("Reactivated", "activated"), ("Deactivated", "deactivated"),
                         ("Deleted", "deleted"))],
]


def _json(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _apply(rules: list[Rule], text: str) -> tuple[str, Params] | None:
    for pattern, code, params in rules:
        match = re.fullmatch(pattern, text, flags=re.S)
        if match:
            return code.format(*[None, *match.groups()]), params(match)
    return None


def parse(action: str, summary: str, before: str, after: str) -> tuple[str, Params] | None:
    """(code, params) of an old sentence, or None when it is in no known form."""
    prefixed = re.fullmatch(rf"{NUMBER}: (.*)", summary, flags=re.S)
    if prefixed:
        found = _apply(ORDER_RULES, prefixed[2])
        return (found[0], {"order": int(prefixed[1]), **found[1]}) if found else None
    old, new = _json(before), _json(after)
    if re.fullmatch(r"[^:]+: [^→]+ → [^→]+", summary) and "status" in old and "status" in new:
        return "order.status_changed", {"step": action, "from": old["status"],
                                        "to": new["status"]}
    if summary.startswith("Customer changed from ") and "customer" in old:
        return "order.customer_changed", {"old": old["customer"], "new": new.get("customer")}
    return _apply(RULES, summary)


def upgrade() -> None:
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=60), server_default='',
                                      nullable=False))
        batch_op.add_column(sa.Column('params', sa.Text(), server_default='', nullable=False))

    # The log is append-only; this one rewrite, inside the migration's transaction, fills in
    # the new columns and leaves every existing value as it was.
    _drop_append_only("UPDATE")
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, action, summary, before, after FROM activity WHERE code = ''")).all()
    for row_id, action, summary, before, after in rows:
        found = parse(action, summary or "", before or "", after or "")
        if found is not None:
            conn.execute(sa.text("UPDATE activity SET code = :code, params = :params "
                                 "WHERE id = :id"),
                         {"code": found[0], "id": row_id, "params": json.dumps(
                             found[1], ensure_ascii=False, sort_keys=True)})
    for statement in _append_only("UPDATE"):
        op.execute(statement)


def downgrade() -> None:
    # Entries written since carry no sentence: give them their code so none reads empty.
    _drop_append_only("UPDATE")
    _drop_append_only("DELETE")
    op.execute("UPDATE activity SET summary = code || ' ' || params WHERE summary = ''")
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_column('params')
        batch_op.drop_column('code')
    for verb in ("UPDATE", "DELETE"):
        for statement in _append_only(verb):
            op.execute(statement)
