"""What an order's search text is made of: the full-text indexes read it
(db/models/search.py). Apart from services.orders so that master data, which writes it again
when a name changes, does not load the order services."""

from __future__ import annotations

from ..db.models import Customer, DentalLab, Patient
from ..domain.numbers import format_number
from ..domain.text import search_fold


def search_text(number: int, patient: Patient, customer: Customer, lab: DentalLab,
                description: str) -> str:
    parts = (format_number(number), str(number), patient.first_name, patient.last_name,
             customer.name, customer.clinic, lab.name, description)
    return search_fold(" ".join(p for p in parts if p))
