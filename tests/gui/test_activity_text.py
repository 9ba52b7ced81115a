"""The activity log and enum labels in the user's language: every code through tr()."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from dentasync_desktop.documents import activity_text as english
from dentasync_desktop.domain.actions import Action
from dentasync_desktop.domain.dto import ActivityInfo
from dentasync_desktop.domain.enums import LABELS, OrderStatus, PaymentMethod
from dentasync_desktop.gui import activity_text, enum_labels
from dentasync_desktop.gui.formatting import label
from dentasync_desktop.gui.order_detail.models import ActivityModel
from dentasync_desktop.i18n import label as label_in
from dentasync_desktop.i18n import set_default_language

from ..activity_samples import SAMPLES

# Values that must appear in the sentence whatever the language.
NAMES = ("Dr. Nowak", "Dr. 王", "Waiting", "Broke", "WO-000100", "WO-000101", "Model", "Дмитрий",
         "Tom", "scan.stl", "Twice", "Lighter", "Darker", "Lab Ørsted", "王芳", "Crown", "Jan",
         "bob", "desk", "admin")


def test_the_gui_renders_every_code_the_english_renderer_knows() -> None:
    assert activity_text.CODES == english.CODES


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_every_code_renders_through_tr(qapp: QApplication, code: str) -> None:
    params, words = SAMPLES[code]
    text = activity_text.render(code, params, "FALLBACK")
    assert text and text != "FALLBACK" and "{" not in text and "%n" not in text
    for name in NAMES:
        if name in words:
            assert name in text, (code, text)


def test_unknown_codes_and_bad_params_show_the_stored_sentence(qapp: QApplication) -> None:
    assert activity_text.render("", {}, "Imported") == "Imported"
    assert activity_text.render("order.created", {"order": "x"}, "Old words") == "Old words"


def test_the_timeline_shows_codes_in_words_and_old_entries_as_stored(
        qapp: QApplication, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 12, 2, 9, tzinfo=UTC)
    entries = [
        ActivityInfo(id=1, at=at, actor_name="Ana", action="add_payment", entity="payment",
                     entity_id=1, order_id=7, summary="", code="payment.recorded",
                     params=SAMPLES["payment.recorded"][0]),
        ActivityInfo(id=2, at=at, actor_name="Ana", action="add_task", entity="work_task",
                     entity_id=1, order_id=7, summary="WO-000123: task 'Old' added"),
    ]
    model = ActivityModel()
    model.number_prefix = "WO-000123: "
    model.set_rows(entries)
    qtmodeltester.check(model)
    assert "Payment of €120.50" in model.index(0, 2).data()
    assert "(card)" in model.index(0, 2).data()
    assert model.index(1, 2).data() == "task 'Old' added"


def test_enum_labels_come_from_one_table_in_step_with_the_domains() -> None:
    english_labels = {**LABELS, **{a: a.label for a in Action}}
    assert english_labels == enum_labels.SOURCE


@pytest.fixture
def german(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """A tiny German catalogue compiled with lrelease, as the build will ship them."""
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    messages = {
        ("activity", "Created {order}"): "{order} angelegt",
        ("activity", "Sent to the lab"): "An das Labor gesendet",
        ("enum", "Draft"): "Entwurf",
        ("enum", "Published"): "Veröffentlicht",
        ("enum", "Card"): "Karte",
    }
    body = "".join(
        f"<context><name>{ctx}</name><message><source>{escape(src)}</source>"
        f"<translation>{escape(dst)}</translation></message></context>"
        for (ctx, src), dst in messages.items())
    plural = ("<context><name>activity</name><message numerus=\"yes\"><source>Planned %n "
              "task(s) automatically</source><translation><numerusform>%n Aufgabe automatisch "
              "geplant</numerusform><numerusform>%n Aufgaben automatisch geplant</numerusform>"
              "</translation></message></context>")
    ts = tmp_path / "de.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
                  f'language="de_DE">{body}{plural}</TS>', encoding="utf-8")
    subprocess.run([lrelease, str(ts), "-qm", str(tmp_path / "de.qm")], check=True,
                   capture_output=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "de.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_entries_and_labels_follow_the_installed_translation(german: None) -> None:
    assert label(OrderStatus.DRAFT) == "Entwurf"
    assert label(PaymentMethod.CARD) == "Karte"


def test_entries_follow_the_language_the_gui_chose() -> None:
    """The screen's sentences come from the same catalog as the documents' (one renderer)."""
    params = {"step": "publish", "from": "draft", "to": "published"}
    set_default_language("de")
    try:
        german = activity_text.render("order.status_changed", params)
        planned = activity_text.render("task.planned", {"order": 1, "count": 3})
    finally:
        set_default_language("en")
    assert german == english.render("order.status_changed", params, language="de")
    assert german != english.render("order.status_changed", params, language="en")
    assert label_in(OrderStatus.DRAFT, "de") in german and "3" in planned
    assert planned == english.render("task.planned", {"order": 1, "count": 3}, language="de",
                                     with_number=False)


def test_recorded_enum_values_show_their_labels(qapp: QApplication) -> None:
    from dentasync_desktop.gui.order_detail.models import changes

    entry = ActivityInfo(
        id=1, at=datetime(2026, 12, 2, tzinfo=UTC), actor_name="Ana", action="edit_task",
        entity="work_task", entity_id=1, order_id=7, summary="",
        before='{"status": "todo", "method": "card"}',
        after='{"status": "done", "method": "bank_transfer", "kind": "try_in"}')
    assert changes(entry) == ["status: To do → Done", "method: Card → Bank transfer",
                              "kind: Try-in"]
