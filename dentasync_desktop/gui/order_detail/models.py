"""Table models for the detail tabs: one row per DTO, columns declared once per model."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QIcon, QImageReader, QPixmap

from ...domain.dto import (
    ActivityInfo,
    AttachmentInfo,
    CommentInfo,
    EventInfo,
    InstallmentInfo,
    PaymentInfo,
    PayrollInfo,
    TaskInfo,
)
from ...domain.enums import EventKind, OrderStatus, PaymentMethod, PaymentStatus, Role, TaskStatus
from ...domain.errors import DomainError
from ...domain.money import CURRENCY_EXPONENTS, Money
from ...domain.teeth import format_teeth
from .. import activity_text
from ..formatting import date_text, datetime_text, label, money
from ..table_model import CENTRE, ID_ROLE, Column, RowTableModel
from ..theme import readable
from ..translation import UTF8, translate

__all__ = ["ID_ROLE", "RowsModel"]

# Adapted to the palette when drawn (gui/theme.py readable()).
OVERDUE = "#b91c1c"
SETTLED = "#15803d"
MUTED = "#6b7280"
THUMBNAIL = QSize(64, 64)
MINUTES_PER_DAY = 24 * 60
LONG_VALUE = 80  # longer activity values are cut, the full text is in the tooltip
HIDDEN_FIELDS = frozenset({"sha256"})  # recorded for audits, meaningless to read


class RowsModel(RowTableModel[Any]):
    """One row per DTO of an order's tab, columns declared once per model (``build_columns``,
    titles translated there); every cell's text is also its tooltip (long texts are cut)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__((), parent)
        self._columns = tuple(self.build_columns())  # after QObject init: self.tr works

    def build_columns(self) -> list[Column[Any]]:
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        return self._columns[column].text(row)

    def foreground(self, row: Any, column: int) -> QBrush | None:
        colour = self.colour(row, column)
        return QBrush(readable(colour)) if colour is not None else None

    def colour(self, row: Any, column: int) -> str | None:
        return None


def duration_text(minutes: int) -> str:
    days = minutes // MINUTES_PER_DAY
    if minutes and minutes % MINUTES_PER_DAY == 0:
        return translate("RowsModel", "%n day(s)", None, UTF8, days)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return translate("RowsModel", "{h} h {m} min").format(h=hours, m=rest)
    if hours:
        return translate("RowsModel", "{h} h").format(h=hours)
    return translate("RowsModel", "{m} min").format(m=rest)


class ItemsModel(RowsModel):
    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("#"), lambda i: str(i.position), numeric=True),
            Column(self.tr("Description"), lambda i: i.description),
            Column(self.tr("Teeth"), lambda i: format_teeth(i.teeth)),
            Column(self.tr("Qty"), lambda i: QLocale().toString(i.quantity), numeric=True),
            Column(self.tr("Unit price"), lambda i: money(i.unit_price), numeric=True),
            Column(self.tr("Line total"), lambda i: money(i.line_total), numeric=True),
        ]


class TasksModel(RowsModel):
    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("Done"), lambda t: "", align=CENTRE,
                   checked=lambda t: t.status is TaskStatus.DONE),
            Column(self.tr("#"), lambda t: str(t.position), numeric=True),
            Column(self.tr("Task"), lambda t: t.name),
            Column(self.tr("Assignee"), lambda t: t.assignee_name or self.tr("Nobody")),
            Column(self.tr("Due"), lambda t: date_text(t.due_date)),
            Column(self.tr("Done at"), lambda t: datetime_text(t.done_at)),
        ]

    def colour(self, row: TaskInfo, column: int) -> str | None:
        if column == 3 and not row.assignee_name:
            return MUTED
        return None


class InstallmentsModel(RowsModel):
    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("No."), lambda i: str(i.seq), numeric=True),
            Column(self.tr("Due date"), lambda i: date_text(i.due_date)),
            Column(self.tr("Amount"), lambda i: money(i.amount), numeric=True),
            Column(self.tr("Paid"), lambda i: money(i.covered), numeric=True),
            Column(self.tr("State"), self.state),
        ]

    def state(self, inst: InstallmentInfo) -> str:
        if inst.paid:
            return self.tr("Paid")
        if inst.overdue:
            return self.tr("Overdue")
        if inst.covered.minor > 0:
            return self.tr("Partly paid")
        return self.tr("Due")

    def colour(self, row: InstallmentInfo, column: int) -> str | None:
        if column != 4:
            return None
        if row.paid:
            return SETTLED
        return OVERDUE if row.overdue else None

    def font(self, row: InstallmentInfo, column: int) -> QFont | None:
        if row.overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None


class PaymentsModel(RowsModel):
    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("Date"), lambda p: date_text(p.paid_on)),
            Column(self.tr("Amount"), lambda p: money(p.amount), numeric=True),
            Column(self.tr("Method"), lambda p: label(p.method)),
            Column(self.tr("Recorded by"), lambda p: p.recorded_by),
            Column(self.tr("Note"), self.note),
        ]

    def note(self, payment: PaymentInfo) -> str:
        if payment.voided:
            return self.tr("Voided {when}: {reason}").format(
                when=datetime_text(payment.voided_at), reason=payment.void_reason)
        return payment.note

    def font(self, row: PaymentInfo, column: int) -> QFont | None:
        if row.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def colour(self, row: PaymentInfo, column: int) -> str | None:
        return MUTED if row.voided else None


class ScheduleModel(RowsModel):
    """The installment preview of the payment-plan dialog."""

    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("No."), lambda i: str(i.seq), numeric=True),
            Column(self.tr("Due date"), lambda i: date_text(i.due_date)),
            Column(self.tr("Amount"), lambda i: money(i.amount), numeric=True),
        ]


class EventsModel(RowsModel):
    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("Done"), lambda e: "", align=CENTRE, checked=lambda e: e.done),
            Column(self.tr("Type"), lambda e: label(e.kind)),
            Column(self.tr("Starts"), lambda e: datetime_text(e.starts_at)),
            Column(self.tr("Duration"), lambda e: duration_text(e.duration_minutes), numeric=True),
            Column(self.tr("Reminder"), self.reminder),
            Column(self.tr("Note"), lambda e: e.note),
        ]

    def reminder(self, event: EventInfo) -> str:
        if event.reminder_minutes is None:
            return self.tr("None")
        return self.tr("{time} before").format(time=duration_text(event.reminder_minutes))

    def colour(self, row: EventInfo, column: int) -> str | None:
        return MUTED if row.done else None


class AttachmentsModel(RowsModel):
    """Images get a thumbnail, decoded once per content and only when first painted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._thumbnails: dict[str, QIcon | None] = {}

    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("Name"), lambda a: a.original_name),
            Column(self.tr("Type"), lambda a: a.mime_type),
            Column(self.tr("Size"), lambda a: QLocale().formattedDataSize(a.size_bytes),
                   numeric=True),
            Column(self.tr("Added by"), lambda a: a.added_by),
            Column(self.tr("Added"), lambda a: datetime_text(a.added_at)),
        ]

    def decoration(self, row: AttachmentInfo, column: int) -> Any:
        if column != 0:
            return None
        if row.sha256 not in self._thumbnails:
            self._thumbnails[row.sha256] = thumbnail(row)
        return self._thumbnails[row.sha256]


def thumbnail(attachment: AttachmentInfo) -> QIcon | None:
    if not attachment.mime_type.startswith("image/"):
        return None
    reader = QImageReader(str(attachment.path))
    size = reader.size()
    if not reader.canRead() or not size.isValid():
        return None
    reader.setScaledSize(size.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else QIcon(QPixmap.fromImage(image))


class CommentsModel(RowsModel):
    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("When"), self.when),
            Column(self.tr("Author"), lambda c: c.author_name),
            Column(self.tr("Comment"), lambda c: c.body),
        ]

    def when(self, comment: CommentInfo) -> str:
        text = datetime_text(comment.created_at)
        if comment.edited_at is not None:
            text += "\n" + self.tr("edited {when}").format(when=datetime_text(comment.edited_at))
        return text


class CommentsFeedModel(CommentsModel):
    """The side panel's narrow column: each comment under its author and time."""

    def build_columns(self) -> list[Column[Any]]:
        return [Column(self.tr("Comments"), lambda c: f"{self.when(c)} · {c.author_name}\n"
                                                      f"{c.body}")]


class PayrollModel(RowsModel):
    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("Employee"), lambda r: r.staff_name),
            Column(self.tr("Amount"), lambda r: money(r.amount), numeric=True),
            Column(self.tr("Created"), lambda r: datetime_text(r.created_at)),
            Column(self.tr("Status"), self.finalized),
            Column(self.tr("Comment"), lambda r: r.comment),
        ]

    def finalized(self, record: PayrollInfo) -> str:
        if not record.finalized:
            return self.tr("Open")
        return self.tr("Finalized {when}").format(when=datetime_text(record.finalized_at))

    def colour(self, row: PayrollInfo, column: int) -> str | None:
        return SETTLED if column == 3 and row.finalized else None


class ActivityModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.number_prefix = ""  # "WO-000123: ", redundant on the order's own timeline

    def build_columns(self) -> list[Column[Any]]:
        return [
            Column(self.tr("When"), lambda a: datetime_text(a.at)),
            Column(self.tr("Who"), lambda a: a.actor_name),
            Column(self.tr("What"), self.summary),
            Column(self.tr("Before → after"), lambda a: "\n".join(changes(a))),
        ]

    def summary(self, entry: ActivityInfo) -> str:
        """From the code in the user's language; an old entry's stored English sentence."""
        text = activity_text.render(entry.code, entry.params, entry.summary)
        if self.number_prefix and text.startswith(self.number_prefix):
            return text[len(self.number_prefix):]
        return text


class ActivityFeedModel(ActivityModel):
    """The side panel's narrow column: what happened, then when and who; the tooltip adds the
    before → after the Activity tab shows in a column of its own."""

    def build_columns(self) -> list[Column[Any]]:
        return [Column(self.tr("Activity"), lambda a: f"{self.summary(a)}\n"
                                                      f"{datetime_text(a.at)} · {a.actor_name}")]

    def tooltip(self, row: ActivityInfo, column: int) -> str | None:
        return "\n".join([self.summary(row), *changes(row)])


def changes(entry: ActivityInfo) -> list[str]:
    """One "field: before → after" line per recorded field that changed, from the JSON."""
    before, after = _parse(entry.before), _parse(entry.after)
    lines = []
    for key in list(dict.fromkeys([*before, *after])):
        if key in HIDDEN_FIELDS or (key in before and key in after
                                    and before[key] == after[key]):
            continue
        if key not in before and after[key] in (None, ""):
            continue  # an empty field of a new record says nothing
        name = f"{key.replace('_', ' ')}: " if key else ""
        if key in before and key in after:
            lines.append(f"{name}{_value(key, before[key])} → {_value(key, after[key])}")
        elif key in after:
            lines.append(f"{name}{_value(key, after[key])}")
        else:
            lines.append(f"{name}{_value(key, before[key])} → —")
    return lines


def _parse(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


# Recorded fields whose stored values are enum values, shown by their labels.
_ENUM_FIELDS: dict[str, tuple[type[StrEnum], ...]] = {
    "status": (OrderStatus, TaskStatus), "method": (PaymentMethod,), "kind": (EventKind,),
    "role": (Role,), "payment_status": (PaymentStatus,),
}


def _value(key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return translate("RowsModel", "yes") if value else translate("RowsModel", "no")
    for kind in _ENUM_FIELDS.get(key, ()):
        if isinstance(value, str) and value in kind._value2member_map_:
            return label(kind(value))
    text = _moment(value) if isinstance(value, str) else str(value)
    return text if len(text) <= LONG_VALUE else text[:LONG_VALUE - 1] + "…"


# An amount as the services record it before and after a change: str(Money), "1234.50 EUR".
_STORED_AMOUNT = re.compile(r"(-?\d+(?:\.\d+)?) ([A-Z]{3})")


def _moment(text: str) -> str:
    """ISO dates, aware date-times and amounts, as the services record them, in the user's
    locale."""
    amount = _STORED_AMOUNT.fullmatch(text)
    if amount and amount[2] in CURRENCY_EXPONENTS:
        try:
            return money(Money.parse(amount[1], amount[2]))
        except DomainError:
            return text
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return text
    try:
        if len(text) == 10:
            return date_text(date.fromisoformat(text))
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return datetime_text(moment) if moment.tzinfo is not None else text
