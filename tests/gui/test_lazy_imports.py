"""What the start-up and the finance page leave unimported until first used: openpyxl and
ReportLab alone cost ~0.4 s.

One child process starts as ``python -m dentasync_desktop`` does, then imports what the window
command imports on the way to the order list (app.start_gui), then the finance page, and lists
what is loaded after each: a child per check cost ~0.7 s of CPU, most of it the same imports.
A module a step must not load is looked for among everything loaded by then, so each check is
at least as strict as in a fresh process of its own. The window's check sees the command
line's imports too: every start of the app comes through it, so a module it loads is loaded
before the window shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

# After the command line: what its window command imports on the way to the order list
# (app.start_gui), then the finance page.
STEPS = (("dentasync_desktop.gui.startup", "dentasync_desktop.gui.application",
          "dentasync_desktop.gui.order_list.page"),
         ("dentasync_desktop.gui.finance.page",))
CLI, WINDOW, FINANCE = range(len(STEPS) + 1)


@pytest.fixture(scope="module")
def child() -> dict[str, Any]:
    """``python -m dentasync_desktop --version`` (which stops once the command line is imported
    and its options parsed), then each of STEPS: the modules in sys.modules after each, and how
    often the cycle collector ran from the command line's import on."""
    code = ("import gc, importlib, json, runpy, sys\n"
            "runs = []\n"
            "gc.callbacks.append(lambda phase, _info: runs.append(\n"
            "    phase == 'start' and 'dentasync_desktop.cli' in sys.modules))\n"
            "sys.argv = ['dentasync-desktop', '--version']\n"
            "try:\n"
            "    runpy.run_module('dentasync_desktop', run_name='__main__')\n"
            "except SystemExit:\n"
            "    pass\n"
            "collections = sum(runs)\n"
            "loaded = [sorted(sys.modules)]\n"
            f"for step in {STEPS!r}:\n"
            "    for name in step:\n"
            "        importlib.import_module(name)\n"
            "    loaded.append(sorted(sys.modules))\n"
            "print(json.dumps({'loaded': loaded, 'collections': collections}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    answer: dict[str, Any] = json.loads(out.splitlines()[-1])  # after the version line
    return answer


@pytest.fixture(scope="module")
def loaded(child: dict[str, Any]) -> list[set[str]]:
    """The modules in sys.modules after the command line and after each of STEPS."""
    return [set(names) for names in child["loaded"]]


def test_the_start_imports_the_command_line_with_the_collector_paused(
        child: dict[str, Any]) -> None:
    """Its imports make most of the objects a start makes; the collector walking them as they
    were made cost the window's start ~80 ms (collector.py, __main__.py)."""
    assert child["collections"] == 0


def test_the_finance_page_imports_no_document_library(loaded: list[set[str]]) -> None:
    assert {m.split(".")[0] for m in loaded[FINANCE]} & {"openpyxl", "reportlab"} == set()


def test_the_start_to_the_order_list_loads_no_dialog_or_order_view(
        loaded: list[set[str]]) -> None:
    """The start-up, from the command line on, paints the list without the order view, the
    editor, the guide, IBAN checks, migrations, documents, a server's driver or SQLAlchemy's
    dialect for it (~30 ms): each is imported when first used. The order services and the
    DTOs made on first use (domain.dto's LAZY: ~1 ms a class) wait for an order to be
    opened, scanned or typed."""
    lazy = ("dentasync_desktop.gui.order_editor", "dentasync_desktop.gui.order_detail.view",
            "dentasync_desktop.gui.help.window", "stdnum", "alembic", "reportlab", "openpyxl",
            "psycopg", "sqlalchemy.dialects.postgresql", "dentasync_desktop.services.orders",
            "dentasync_desktop.services.order_detail", "dentasync_desktop.services.checkin",
            "dentasync_desktop.services.payments", "dentasync_desktop.services.attachments",
            "dentasync_desktop.domain.dto.orders", "dentasync_desktop.domain.dto.calendar",
            "dentasync_desktop.domain.dto.finance")
    assert sorted(m for m in lazy if m in loaded[WINDOW]) == []


def test_the_command_line_loads_no_document_library_or_data_generator(
        loaded: list[set[str]]) -> None:
    """Every start of the app goes through the command line (the window is its default
    command): its options name the order form's sections and the label sizes without
    loading ReportLab, and the seed and demo data generators wait for their commands."""
    lazy = ("reportlab", "openpyxl", "alembic", "psycopg", "dentasync_desktop.services.seed",
            "dentasync_desktop.services.demo")
    assert sorted(m for m in lazy if m in loaded[CLI]) == []
