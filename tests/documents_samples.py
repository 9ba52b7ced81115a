"""Order DTOs for the document tests: built in memory, no database."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from html import unescape
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from dentasync_desktop.domain.dto import (
    CommentInfo,
    CustomerInfo,
    LabInfo,
    OrderDetail,
    OrderItemInfo,
    OrganisationSettings,
    PatientInfo,
    TaskInfo,
)
from dentasync_desktop.domain.enums import OrderStatus, PaymentStatus, TaskStatus
from dentasync_desktop.domain.money import Money
from dentasync_desktop.paths import bundled

FONTS_DIR = bundled("resources") / "fonts"
CREATED = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)

ORGANISATION = OrganisationSettings(
    name="Praxis Dr. Müller & Partner", address="Hauptstraße 5\n10115 Berlin",
    phone="+49 30 123456", email="praxis@example.org",
)


def sample_order(**overrides: object) -> OrderDetail:
    values: dict[str, object] = dict(
        id=7, number=123, status=OrderStatus.IN_PRODUCTION, version=3,
        lab=LabInfo(id=1, name="Zahntechnik Müller GmbH", contact_person="Ørsted Hansen",
                    phone="+49 30 999", account_holder="Zahntechnik Müller GmbH",
                    bank_name="Commerzbank", iban="DE89370400440532013000", bic="COBADEFFXXX",
                    payment_note="Please pay within 14 days."),
        customer=CustomerInfo(id=2, name="Dr. Łukasz Nowak", clinic="Smile Clinic Ørsted",
                              phone="+48 22 111"),
        patient=PatientInfo(id=3, first_name="Ğül", last_name="Yılmaz",
                            date_of_birth=date(1980, 5, 17)),
        description="Zirconia crown on 11 and 21, natural translucency.",
        shade="A2", teeth=(11, 21), created_at=CREATED, documented_at=date(2026, 11, 2),
        due_date=date(2026, 11, 9), total=Money(50000, "EUR"), paid=Money(12050, "EUR"),
        payment_status=PaymentStatus.PARTIALLY_PAID, payment_method=None, on_hold=False,
        hold_reason="", tracking_number="", cancel_reason="", is_remake=False, remake_reason="",
        copied_from_number=None, remake_of_number=None,
        items=(
            OrderItemInfo(id=1, position=1, description="Zirconia crown", quantity=2,
                          unit_price=Money(25000, "EUR"), teeth=(11, 21)),
        ),
        tasks=(
            TaskInfo(id=1, position=1, name="Model", status=TaskStatus.DONE,
                     assignee_name="Jürgen Öztürk", due_date=date(2026, 11, 3),
                     done_at=datetime(2026, 11, 3, 15, 0, tzinfo=UTC)),
            TaskInfo(id=2, position=2, name="Framework", status=TaskStatus.TODO,
                     assignee_name="Tom Technician", due_date=date(2026, 11, 5)),
        ),
        comments=(
            CommentInfo(id=1, order_id=7, author_id=1, author_name="Ørsted Admin",
                        body="Patient prefers a slightly lighter shade.", created_at=CREATED),
        ),
    )
    values.update(overrides)
    return OrderDetail(**values)  # type: ignore[arg-type]


def long_plan(count: int = 60) -> tuple[TaskInfo, ...]:
    return tuple(
        TaskInfo(id=i, position=i, name=f"Step {i}: check margins and occlusion " * (i % 3 + 1),
                 status=TaskStatus.DONE if i % 4 == 0 else TaskStatus.TODO,
                 assignee_name="Łukasz Wiśniewski", due_date=date(2026, 11, 3 + i % 20))
        for i in range(1, count + 1)
    )


def with_logo(org: OrganisationSettings, path: Path) -> OrganisationSettings:
    return replace(org, logo_path=str(path))


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) is not installed")
needs_zbar = pytest.mark.skipif(shutil.which("zbarimg") is None or
                                shutil.which("pdftoppm") is None,
                                reason="zbarimg (zbar-tools) or pdftoppm is not installed")


def pdf_text(data: bytes) -> str:
    """The text of a PDF as pdftotext reads it, page breaks as form feeds."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                          capture_output=True, check=True).stdout.decode("utf-8")


def pdf_pages(data: bytes) -> list[str]:
    return pdf_text(data).split("\f")[:-1]


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"(.*?)</word>")


def word_boxes(data: bytes) -> list[Page]:
    """Where pdftotext finds each word, in points from the top-left corner of its page."""
    html = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", "-", "-"], input=data,
                          capture_output=True, check=True).stdout.decode("utf-8")
    return [Page(float(w), float(h), tuple(
        Word(unescape(m[4]), float(m[0]), float(m[1]), float(m[2]), float(m[3]))
        for m in _WORD.findall(body))) for w, h, body in _PAGE.findall(html)]


def render(
    write: Callable[..., tuple[str, ...]], *args: Any, **kwargs: Any,
) -> tuple[bytes, tuple[str, ...]]:
    """Run a document writer into memory; returns the PDF bytes and its notes."""
    buffer = BytesIO()
    notes = write(*args, buffer, **kwargs, fonts_dir=FONTS_DIR)
    return buffer.getvalue(), notes
