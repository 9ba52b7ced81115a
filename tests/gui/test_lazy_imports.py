"""Opening the finance page loads no document library: openpyxl and ReportLab cost ~0.4 s."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_finance_page_imports_no_document_library() -> None:
    code = ("import sys, dentasync_desktop.gui.finance.page; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'reportlab'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    assert out.strip() == "[]"


def test_the_window_and_the_order_list_load_no_dialog_or_order_view() -> None:
    """The start-up paints the list without the order view, the editor, the guide, IBAN
    checks, migrations, documents or a server driver: each is imported when first used. The
    order services and the DTOs made on first use (domain.dto's LAZY: ~1 ms a class) wait
    for an order to be opened, scanned or typed."""
    lazy = ("dentasync_desktop.gui.order_editor", "dentasync_desktop.gui.order_detail.view",
            "dentasync_desktop.gui.help.window", "stdnum", "alembic", "reportlab", "openpyxl",
            "psycopg", "dentasync_desktop.services.orders",
            "dentasync_desktop.services.order_detail", "dentasync_desktop.services.checkin",
            "dentasync_desktop.services.payments", "dentasync_desktop.services.attachments",
            "dentasync_desktop.domain.dto.orders", "dentasync_desktop.domain.dto.calendar",
            "dentasync_desktop.domain.dto.finance")
    code = ("import sys, dentasync_desktop.gui.application, dentasync_desktop.gui.order_list.page; "
            f"print(sorted(m for m in {lazy!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    assert out.strip() == "[]"


def test_the_command_line_loads_no_document_library_or_data_generator() -> None:
    """Every start of the app goes through the command line (the window is its default
    command): its options name the order form's sections and the label sizes without
    loading ReportLab, and the seed and demo data generators wait for their commands."""
    lazy = ("reportlab", "openpyxl", "alembic", "psycopg", "dentasync_desktop.services.seed",
            "dentasync_desktop.services.demo")
    code = ("import sys, dentasync_desktop.cli; "
            f"print(sorted(m for m in {lazy!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
