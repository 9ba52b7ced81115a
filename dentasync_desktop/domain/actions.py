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
    # Outside a single order
    VIEW_FINANCE = "view_finance"
    MANAGE_CLIENTS = "manage_clients"
    MANAGE_CATALOGUE = "manage_catalogue"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    RESTORE = "restore"

    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())


_LABELS = {
    Action.START_PRODUCTION: "Start production",
    Action.MOVE_BACK: "Move back",
    Action.UPDATE_DUE_DATE: "Update due date",
    Action.HOLD: "Put on / take off hold",
    Action.MARK_REMAKE: "Mark as remake",
    Action.ADD_PAYMENT: "Add payment",
    Action.VOID_PAYMENT: "Void payment",
    Action.PAYMENT_PLAN: "Payment plan",
    Action.PAYMENT_INSTRUCTIONS: "Payment instructions",
    Action.ADJUST_PRICE: "Adjust price",
    Action.CHANGE_CUSTOMER: "Change customer",
    Action.PLAN_WORK: "Plan work",
    Action.WORK_TASKS: "Tick work-plan tasks",
    Action.CREATE_ORDER: "Create order",
    Action.VIEW_FINANCE: "View finance",
    Action.MANAGE_CLIENTS: "Manage customers and patients",
    Action.MANAGE_CATALOGUE: "Manage labs, services and staff",
    Action.MANAGE_USERS: "Manage users",
    Action.MANAGE_SETTINGS: "Manage settings",
    Action.FINALIZE_PAYROLL: "Finalize payroll",
}
