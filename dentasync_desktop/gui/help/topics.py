"""The user guide's text: one topic per page of the main window, plus scanning and keys.

A topic's key is the page key of ``gui.pages`` (F1 opens the topic of the page on show), or a
key of its own for what is not a page. The text is HTML translated where it is shown, so it
lives here as marked sources, not in files beside the program.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..translation import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class HelpTopic:
    key: str
    title: str  # untranslated source; shown through translate("help", ...)
    body: str  # untranslated HTML source


KEYBOARD = "keyboard"

TOPICS: tuple[HelpTopic, ...] = (
    HelpTopic("today", QT_TRANSLATE_NOOP("help", "Today"), QT_TRANSLATE_NOOP("help", (
        "<p>The Today board lists what must happen today, in sections with their counts: "
        "try-ins and deliveries of the day, cases that are not back from the lab in time for "
        "a patient's appointment, orders due tomorrow and installments due today.</p>"
        "<p>Double-click a line, or select it and press Enter, to open its order. The board "
        "keeps itself current: what is recorded on this computer appears at once, and a new "
        "day starts at midnight by itself.</p>"
        "<p>Reminders that come due appear in the reminders panel on the right. "
        "<b>Snooze</b> shows a reminder again later; <b>Dismiss</b> removes it for you.</p>"))),
    HelpTopic("orders", QT_TRANSLATE_NOOP("help", "Work orders"), QT_TRANSLATE_NOOP("help", (
        "<p>The list shows every work order. Type in the search box (Ctrl+F) to find orders "
        "by number, patient, customer or lab; case and accents do not matter, so "
        "<i>muller</i> finds <i>Müller</i>. The filters narrow the list by status, lab, "
        "customer and dates; click a column title to sort.</p>"
        "<p><b>New order</b> (Ctrl+N) opens the form for a new case: choose the lab, the "
        "customer (dentist) and the patient, add the items, and save. A new order starts as a "
        "<i>Draft</i>; <b>Publish</b> hands it to the lab.</p>"
        "<p>Double-click an order, or press Enter, to open it in a tab of its own; Ctrl+W "
        "closes the tab. View &gt; Columns chooses the columns shown.</p>"))),
    HelpTopic("order", QT_TRANSLATE_NOOP("help", "An open work order"), QT_TRANSLATE_NOOP(
        "help", (
            "<p>The header shows the order's number, status, patient, customer, lab, dates and "
            "what is still owed. The large button takes the order to its next step "
            "(Ctrl+Enter): Draft → Published → In production → Produced → Shipped → "
            "Delivered → Completed. Steps that hand the case to someone else ask first.</p>"
            "<p>The tabs hold the order's details: <b>Info</b> (items and prices), "
            "<b>Work plan</b>, <b>Payments</b> (record a payment, plan installments), "
            "<b>Events</b> (try-ins, deliveries, with reminders), <b>Attachments</b>, "
            "<b>Comments</b>, <b>Activity</b> (who did what, when) and <b>Payroll</b>.</p>"
            "<p>The Actions menu edits the order (Ctrl+E), changes the customer, copies the "
            "order or cancels it. A draft made by mistake can be deleted while it has no "
            "payments, events or attachments. If someone else changed the order meanwhile, "
            "your change is refused and the order is shown as it is now: nothing is "
            "overwritten.</p>"
            "<p>File &gt; Print order form (Ctrl+P), Print box label (Ctrl+Shift+P) and "
            "Payment instructions (Ctrl+Shift+I) show a preview before printing.</p>"))),
    HelpTopic("calendar", QT_TRANSLATE_NOOP("help", "Calendar"), QT_TRANSLATE_NOOP("help", (
        "<p>The calendar shows every event of every order — try-ins, deliveries, pick-ups, "
        "impressions — by day, week or month, or as an agenda list. Each event is coloured by "
        "its kind; an event of a cancelled or completed order is shown faded.</p>"
        "<p>Alt+Left and Alt+Right move to the previous and next period, Alt+Home back to "
        "today. The filters show one kind, lab or customer, or only your own events. "
        "Double-click an event to open its order on the Events tab; double-click an empty "
        "slot to plan a new event there.</p>"))),
    HelpTopic("finance", QT_TRANSLATE_NOOP("help", "Finance"), QT_TRANSLATE_NOOP("help", (
        "<p>Finance sums the orders of a period: totals, paid, outstanding and overdue, per "
        "dental lab and per order, in each order's own currency. Cancelled orders are left "
        "out of every figure.</p>"
        "<p>Choose the period and the filters at the top; the <b>Dental labs</b> tab sums per "
        "lab, the <b>Work orders</b> tab lists the orders (double-click one to open it), and "
        "the <b>Lab scorecard</b> compares the labs: deliveries on time, turnaround and "
        "remakes.</p>"
        "<p><b>Generate report…</b> saves what is shown as an Excel workbook, a CSV file or a "
        "PDF.</p>"))),
    HelpTopic("labs", QT_TRANSLATE_NOOP("help", "Dental labs"), QT_TRANSLATE_NOOP("help", (
        "<p>The dental labs your orders go to, with their address, phone, contact person and "
        "bank details for payment instructions. <b>New</b> adds a lab, double-click edits one. "
        "A lab that still has orders cannot be deleted; deactivate it instead so it is no "
        "longer offered for new orders.</p>"))),
    HelpTopic("customers", QT_TRANSLATE_NOOP("help", "Customers"), QT_TRANSLATE_NOOP("help", (
        "<p>The dentists and practices that order work. <b>New</b> adds a customer, "
        "double-click edits one; the search box finds them by any part of the name.</p>"))),
    HelpTopic("patients", QT_TRANSLATE_NOOP("help", "Patients"), QT_TRANSLATE_NOOP("help", (
        "<p>The patients the work is made for. Names in any alphabet are welcome and are "
        "found without their accents. Double-click a patient to edit the details.</p>"))),
    HelpTopic("services", QT_TRANSLATE_NOOP("help", "Services & prices"), QT_TRANSLATE_NOOP(
        "help", (
            "<p>The services a lab offers — crowns, bridges, implants… — with their prices in "
            "the lab's currency. A new order's items are picked from this list; a price "
            "changed here applies to new items, never to orders already made.</p>"))),
    HelpTopic("people", QT_TRANSLATE_NOOP("help", "Staff & users"), QT_TRANSLATE_NOOP("help", (
        "<p>The people who use the program and the technicians who do the work. Each user has "
        "a role: <b>Administrator</b>, <b>Manager</b>, <b>Front desk</b> or "
        "<b>Technician</b>; the role decides what the user may do. A user who leaves is "
        "deactivated, never deleted, so the activity log keeps their name.</p>"))),
    HelpTopic("settings", QT_TRANSLATE_NOOP("help", "Settings"), QT_TRANSLATE_NOOP("help", (
        "<p>The organisation's name, address and logo for the printed forms, the default "
        "currency and paper size, the theme (light, dark or as the system), the reminders and "
        "when the program locks itself while nobody uses it.</p>"
        "<p><b>Back up now</b> copies the whole database into the backup folder; a backup is "
        "also made every day and before every update. <b>Restore…</b> replaces the data with "
        "a backup after checking it; the data it replaces is kept.</p>"))),
    HelpTopic("scanning", QT_TRANSLATE_NOOP("help", "Scanning and check-in"), QT_TRANSLATE_NOOP(
        "help", (
            "<p>A barcode scanner works anywhere in the main window: scan the code on an order "
            "form or a box label and the order opens.</p>"
            "<p>File &gt; Check in (Ctrl+Shift+K) starts the check-in mode for parcels coming "
            "back from the lab: every scanned order that is <i>Shipped</i> becomes "
            "<i>Delivered</i>, and a message names it with an <b>Undo</b> button. Esc ends the "
            "mode.</p>"))),
    HelpTopic(KEYBOARD, QT_TRANSLATE_NOOP("help", "Keyboard shortcuts"), QT_TRANSLATE_NOOP(
        "help", "<p>Every command of the menus with its keys:</p>")),
)


def topic(key: str) -> HelpTopic:
    """The topic of a page key, or the first topic for a page without one of its own."""
    return next((t for t in TOPICS if t.key == key), TOPICS[0])
