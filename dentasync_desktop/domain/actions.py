"""Every user action the lifecycle or the permission table speaks of."""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    # Order lifecycle steps
    PUBLISH = "publish"
    START_PRODUCTION = "start_production"
    PRODUCE = "produce"
    SHIP = "ship"
    DELIVER = "deliver"
    COMPLETE = "complete"
    CANCEL = "cancel"
    REOPEN = "reopen"
    MOVE_BACK = "move_back"
    # Order actions that keep the status
    CREATE_ORDER = "create_order"
    EDIT = "edit"
    CHANGE_CUSTOMER = "change_customer"
    PLAN_WORK = "plan_work"
    WORK_TASKS = "work_tasks"
    COPY = "copy"
    PAYROLL = "payroll"
    FINALIZE_PAYROLL = "finalize_payroll"
    PRINT = "print"
    UPDATE_DUE_DATE = "update_due_date"
    PAYMENT_INSTRUCTIONS = "payment_instructions"
    ADJUST_PRICE = "adjust_price"
    HOLD = "hold"
    MARK_REMAKE = "mark_remake"
    ADD_PAYMENT = "add_payment"
    VOID_PAYMENT = "void_payment"
    PAYMENT_PLAN = "payment_plan"
    EVENTS = "events"
    ATTACHMENTS = "attachments"
    COMMENT = "comment"
    DELETE_ORDER = "delete_order"
    # Outside a single order
    VIEW_FINANCE = "view_finance"
    MANAGE_CLIENTS = "manage_clients"
    MANAGE_CATALOGUE = "manage_catalogue"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    RESTORE = "restore"
    CHOOSE_DATABASE = "choose_database"

    @property
    def label(self) -> str:
        return LABELS[self]


# The English label of every action (the GUI translates gui/enum_labels.py's twin).
LABELS = {
    Action.DELETE_ORDER: "Delete order",
    Action.PUBLISH: "Publish",
    Action.START_PRODUCTION: "Start production",
    Action.PRODUCE: "Produce",
    Action.SHIP: "Ship",
    Action.DELIVER: "Deliver",
    Action.COMPLETE: "Complete",
    Action.CANCEL: "Cancel",
    Action.REOPEN: "Reopen",
    Action.MOVE_BACK: "Move back",
    Action.CREATE_ORDER: "Create order",
    Action.EDIT: "Edit",
    Action.CHANGE_CUSTOMER: "Change customer",
    Action.PLAN_WORK: "Plan work",
    Action.WORK_TASKS: "Tick work-plan tasks",
    Action.COPY: "Copy",
    Action.PAYROLL: "Payroll",
    Action.FINALIZE_PAYROLL: "Finalize payroll",
    Action.PRINT: "Print",
    Action.UPDATE_DUE_DATE: "Update due date",
    Action.PAYMENT_INSTRUCTIONS: "Payment instructions",
    Action.ADJUST_PRICE: "Adjust price",
    Action.HOLD: "Put on / take off hold",
    Action.MARK_REMAKE: "Mark as remake",
    Action.ADD_PAYMENT: "Add payment",
    Action.VOID_PAYMENT: "Void payment",
    Action.PAYMENT_PLAN: "Payment plan",
    Action.EVENTS: "Events",
    Action.ATTACHMENTS: "Attachments",
    Action.COMMENT: "Comment",
    Action.VIEW_FINANCE: "View finance",
    Action.MANAGE_CLIENTS: "Manage customers and patients",
    Action.MANAGE_CATALOGUE: "Manage labs, services and staff",
    Action.MANAGE_USERS: "Manage users",
    Action.MANAGE_SETTINGS: "Manage settings",
    Action.BACKUP: "Backup",
    Action.RESTORE: "Restore",
    Action.CHOOSE_DATABASE: "Choose the database",
}
