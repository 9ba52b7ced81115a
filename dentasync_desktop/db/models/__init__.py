"""All tables; importing this package registers every model on ``Base.metadata``."""

from .base import Base, UTCDateTime, utcnow
from .blobs import Blob, BlobChunk
from .catalogue import Service, TaskTemplate
from .orders import (
    Attachment,
    Comment,
    Event,
    PayrollRecord,
    WorkOrder,
    WorkOrderItem,
    WorkTask,
)
from .payments import Installment, Payment, PaymentPlan
from .people import Customer, DentalLab, Patient, Staff, User
from .reminders import ReminderState
from .system import ActivityEntry, Counter, Setting

__all__ = [
    "ActivityEntry", "Attachment", "Base", "Blob", "BlobChunk", "Comment", "Counter",
    "Customer", "DentalLab", "Event", "Installment", "Patient", "Payment", "PaymentPlan",
    "PayrollRecord", "ReminderState", "Service", "Setting", "Staff", "TaskTemplate",
    "UTCDateTime", "User", "WorkOrder", "WorkOrderItem", "WorkTask", "utcnow",
]
