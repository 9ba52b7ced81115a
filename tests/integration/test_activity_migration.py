"""Migration 0005: old English activity sentences become codes and parameters; what
cannot be parsed keeps its sentence; the log stays append-only and the file stays sound."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

import pytest
from alembic import command
from sqlalchemy import exc, text

from dentasync_desktop.db.migrate import alembic_config
from dentasync_desktop.db.revisions import head_revision
from dentasync_desktop.db.soundness import content_problems
from dentasync_desktop.documents import activity_text
from dentasync_desktop.domain import formats
from dentasync_desktop.domain.money import Money
from dentasync_desktop.paths import bundled
from dentasync_desktop.services.maintenance import Database

MIGRATIONS = bundled("migrations")

# (action, entity, old sentence, before, after) as the app wrote them up to 0004, and the
# (code, params) each must become.
LOCAL_START = datetime(2026, 11, 24, 10, 0).astimezone().isoformat()
OLD_ROWS = [
    ("create", "work_order", "Created WO-000123", {}, {}, "order.created", {"order": 123}),
    ("edit", "work_order", "Edited WO-000123", {}, {}, "order.edited", {"order": 123}),
    ("seeded", "work_order", "Seeded WO-000007", {}, {}, "order.seeded", {"order": 7}),
    ("publish", "work_order", "Sent to the lab: Draft → Published", {"status": "draft"},
     {"status": "published"}, "order.status_changed",
     {"step": "publish", "from": "draft", "to": "published"}),
    ("move_back", "work_order", "Moved back: Delivered → Shipped", {"status": "delivered"},
     {"status": "shipped", "reason": "wrong box"}, "order.status_changed",
     {"step": "move_back", "from": "delivered", "to": "shipped"}),
    ("change_customer", "work_order", "Customer changed from Dr. A to Dr. B to C",
     {"customer": "Dr. A"}, {"customer": "Dr. B to C"}, "order.customer_changed",
     {"old": "Dr. A", "new": "Dr. B to C"}),
    ("update_due_date", "work_order", "Due date changed to 2026-11-09", {}, {},
     "order.due_date_changed", {"due_date": "2026-11-09"}),
    ("adjust_price", "work_order", "Price adjusted from 5000 JPY to 4500 JPY", {}, {},
     "order.price_adjusted", {"old_minor": 5000, "new_minor": 4500, "currency": "JPY"}),
    ("hold", "work_order", "Put on hold: waiting: for the patient", {}, {},
     "order.put_on_hold", {"reason": "waiting: for the patient"}),
    ("unhold", "work_order", "Taken off hold", {}, {}, "order.taken_off_hold", {}),
    ("mark_remake", "work_order", "Marked as remake of WO-000100: broke", {}, {},
     "order.marked_remake", {"source": 100, "reason": "broke"}),
    ("copy", "work_order", "Copied from WO-000100", {}, {}, "order.copied_from",
     {"source": 100}),
    ("copied", "work_order", "Copied to WO-000101", {}, {}, "order.copied_to", {"copy": 101}),
    ("plan_work", "work_task", "WO-000123: planned 3 task(s) automatically", {}, {},
     "task.planned", {"order": 123, "count": 3}),
    ("add_task", "work_task", "WO-000123: task 'Model' added", {}, {}, "task.added",
     {"order": 123, "task": "Model"}),
    ("move_task", "work_task", "WO-000123: task 'Model' moved to place 2", {}, {},
     "task.moved", {"order": 123, "task": "Model", "position": 2}),
    ("assign_task", "work_task", "WO-000123: task 'Model' assigned to Jürgen Öztürk", {}, {},
     "task.assigned", {"order": 123, "task": "Model", "assignee": "Jürgen Öztürk"}),
    ("assign_task", "work_task", "WO-000123: task 'Model' unassigned", {}, {},
     "task.unassigned", {"order": 123, "task": "Model"}),
    ("task_done", "work_task", "WO-000123: task 'Model' done", {}, {}, "task.done",
     {"order": 123, "task": "Model"}),
    ("add_payroll", "payroll", "WO-000123: payroll 120.50 EUR for 王芳", {}, {},
     "payroll.added", {"order": 123, "amount_minor": 12050, "currency": "EUR",
                       "staff": "王芳"}),
    ("edit_payroll", "payroll", "WO-000123: payroll for 王芳 edited", {}, {},
     "payroll.edited", {"order": 123, "staff": "王芳"}),
    ("finalize_payroll", "payroll", "WO-000123: payroll 120.50 EUR for 王芳 finalized", {},
     {}, "payroll.finalized", {"order": 123, "amount_minor": 12050, "currency": "EUR",
                               "staff": "王芳"}),
    ("add_attachment", "attachment", "WO-000123: file 'scan 1.stl' attached", {}, {},
     "attachment.added", {"order": 123, "name": "scan 1.stl"}),
    ("remove_attachment", "attachment", "WO-000123: file 'scan 1.stl' removed", {}, {},
     "attachment.removed", {"order": 123, "name": "scan 1.stl"}),
    ("payment_plan", "payment_plan", "WO-000123: payment plan set: 500.00 EUR by bank "
     "transfer, 3 installments from 2026-12-01", {}, {}, "payment_plan.set",
     {"order": 123, "amount_minor": 50000, "currency": "EUR", "method": "bank_transfer",
      "installments": 3, "first_due_date": "2026-12-01"}),
    ("payment_plan", "payment_plan", "WO-000123: payment plan replaced: 500.00 EUR by card, "
     "due 2026-12-01", {}, {}, "payment_plan.replaced",
     {"order": 123, "amount_minor": 50000, "currency": "EUR", "method": "card",
      "installments": 1, "first_due_date": "2026-12-01"}),
    ("remove_payment_plan", "payment_plan", "WO-000123: payment plan removed", {}, {},
     "payment_plan.removed", {"order": 123}),
    ("add_payment", "payment", "WO-000301: payment of 200.00 EUR (card) on 2026-12-02 "
     "recorded", {}, {}, "payment.recorded",
     {"order": 301, "amount_minor": 20000, "currency": "EUR", "method": "card",
      "paid_on": "2026-12-02"}),
    ("void_payment", "payment", "WO-000301: payment of 200.00 EUR on 2026-12-02 voided: "
     "Entered twice", {}, {}, "payment.voided",
     {"order": 301, "amount_minor": 20000, "currency": "EUR", "paid_on": "2026-12-02",
      "reason": "Entered twice"}),
    ("add_event", "event", "WO-000123: Try-in on 2026-11-24 10:00 added", {}, {},
     "event.added", {"order": 123, "kind": "try_in", "starts_at": LOCAL_START}),
    ("delete_event", "event", "WO-000123: Delivery on 2026-11-24 10:00 deleted", {}, {},
     "event.deleted", {"order": 123, "kind": "delivery", "starts_at": LOCAL_START}),
    ("add_comment", "comment", 'WO-000123: comment "Lighter shade"', {}, {},
     "comment.added", {"order": 123, "preview": "Lighter shade"}),
    ("edit_comment", "comment", 'WO-000123: comment edited: "Darker…"', {}, {},
     "comment.edited", {"order": 123, "preview": "Darker…"}),
    ("create", "dental_lab", "Created dental lab Zahntechnik Müller", {}, {},
     "record.created", {"kind": "dental_lab", "name": "Zahntechnik Müller"}),
    ("deactivate", "staff", "Deactivated staff member Tom instead of deleting it: it is "
     "still in use", {}, {}, "record.deactivated_in_use", {"kind": "staff", "name": "Tom"}),
    ("delete", "patient", "Deleted patient Dvořák Jan", {}, {}, "record.deleted",
     {"kind": "patient", "name": "Dvořák Jan"}),
    ("sign_in_failed", "user", "Failed sign-in: unknown user name 'bob'", {}, {},
     "user.sign_in_failed_unknown", {"name": "bob"}),
    ("sign_in_failed", "user", "Failed sign-in of desk: wrong password (3 in a row)", {}, {},
     "user.sign_in_failed", {"username": "desk", "count": 3}),
    ("create", "user", "Created the first administrator admin", {}, {},
     "user.first_admin_created", {"username": "admin"}),
    ("sign_in", "user", "desk signed in", {}, {}, "user.signed_in", {"username": "desk"}),
    ("deactivate", "user", "Deactivated user desk", {}, {}, "user.deactivated",
     {"username": "desk"}),
    ("edit", "settings", "Changed the organisation settings: name, vat_id", {}, {},
     "settings.organisation_changed", {"fields": ["name", "vat_id"]}),
]
# Sentences of no known form (an older release, a hand-made import) keep their words.
UNPARSED = ["Imported from the old system", "WO-000123: something else happened"]


def insert_old_rows(database: Database) -> None:
    config = alembic_config(MIGRATIONS)
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        connection.commit()
    with database.engine.begin() as conn:
        for action, entity, summary, before, after, *_ in OLD_ROWS:
            conn.execute(text(
                "INSERT INTO activity (at, actor_name, action, entity, summary, before, after) "
                "VALUES ('2026-11-20 10:00:00', 'Ana', :action, :entity, :summary, :before, "
                ":after)"), {"action": action, "entity": entity, "summary": summary,
                             "before": json.dumps(before) if before else "",
                             "after": json.dumps(after) if after else ""})
        for summary in UNPARSED:
            conn.execute(text(
                "INSERT INTO activity (at, actor_name, action, entity, summary, before, after) "
                "VALUES ('2026-11-20 10:00:00', 'Ana', 'other', 'work_order', :summary, '', '')"
            ), {"summary": summary})


def upgrade(database: Database) -> None:
    config = alembic_config(MIGRATIONS)
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()


def stored(database: Database) -> list[tuple[str, str, str]]:
    with database.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT summary, code, params FROM activity ORDER BY id"))]  # type: ignore[misc]


def test_old_sentences_become_codes_and_params_and_nothing_is_lost(
        database: Database) -> None:
    insert_old_rows(database)
    upgrade(database)
    rows = stored(database)
    assert len(rows) == len(OLD_ROWS) + len(UNPARSED)
    for (summary, code, params), old in zip(rows, OLD_ROWS, strict=False):
        assert summary == old[2]  # the old words stay, whatever happens
        assert (code, json.loads(params)) == (old[5], old[6]), summary
    for (summary, code, params), old in zip(rows[len(OLD_ROWS):], UNPARSED, strict=True):
        assert (summary, code, params) == (old, "", "")
        assert activity_text.render(code, {}, summary) == old


def test_a_parsed_sentence_renders_back_to_its_old_words(database: Database) -> None:
    insert_old_rows(database)
    upgrade(database)
    for summary, code, params in stored(database)[:len(OLD_ROWS)]:
        # Only the hand-made plural is worded better now, and dates and amounts are written
        # the way of the reader's locale (English here) instead of ISO and "12.50 EUR".
        expected = in_english_formats(summary.replace("3 task(s)", "3 tasks"))
        assert activity_text.render(code, json.loads(params)) == expected


def in_english_formats(summary: str) -> str:
    summary = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d", lambda m: formats.datetime_text(
        datetime.strptime(m[0], "%Y-%m-%d %H:%M").astimezone()), summary)
    summary = re.sub(r"\d{4}-\d\d-\d\d", lambda m: formats.date_text(
        date.fromisoformat(m[0])), summary)
    return re.sub(r"(-?[\d,]+\.?\d*) ([A-Z]{3})\b", lambda m: formats.money_text(
        Money.parse(m[1].replace(",", ""), m[2])), summary)


@pytest.mark.sqlite_only
def test_the_log_stays_append_only_and_the_file_sound(database: Database) -> None:
    insert_old_rows(database)
    upgrade(database)
    for statement in ("UPDATE activity SET code = 'x'", "DELETE FROM activity"):
        with pytest.raises(exc.DatabaseError, match="append-only"), \
                database.engine.begin() as conn:
            conn.execute(text(statement))
    assert content_problems(database.paths.database, MIGRATIONS,
                            head_revision(MIGRATIONS)) == []


@pytest.mark.sqlite_only
def test_downgrade_keeps_new_entries_readable(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO activity (at, actor_name, action, entity, code, params, summary, "
            "before, after) VALUES ('2026-11-20 10:00:00', 'Ana', 'create', 'work_order', "
            "'order.created', '{\"order\": 5}', '', '', '')"))
    config = alembic_config(MIGRATIONS)
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
        connection.commit()
    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT summary FROM activity")).scalar_one() == (
            'order.created {"order": 5}')
        triggers = conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
    assert sorted(triggers) == ["activity_no_delete", "activity_no_update"]
