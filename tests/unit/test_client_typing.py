"""ServiceClient.submit is typed from the service's own signature (ParamSpec), so a screen that
passes a service the wrong arguments fails the type check instead of a worker thread at run
time, where the user would see "Unexpected error"."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

ROOT = Path(__file__).resolve().parents[2]

SNIPPET = """\
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.services import masterdata, settings

def screen(client: ServiceClient) -> None:
    client.submit(masterdata.list_labs, "", True)
    client.submit(masterdata.list_labs, include_inactive=True)
    client.submit_plain(settings.get_settings)
    client.submit(masterdata.list_labs, 42)
    client.submit(masterdata.list_labs, "", True, 200)
    client.submit(masterdata.list_labs, inactive=True)
    client.submit(settings.get_settings)
    client.submit_plain(settings.get_settings, "de")
"""


def test_a_service_called_with_wrong_arguments_fails_the_type_check() -> None:
    # pyproject's settings name the files to check, so the snippet's are given here; the
    # same options as `uv run mypy` (run before the tests in CI) share its cache: seconds.
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "", "--strict", "--python-version",
         "3.11", "--warn-unreachable", "--no-error-summary",
         "--cache-dir", str(ROOT / ".mypy_cache"), "-c", SNIPPET],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    flagged = {int(line) for line in re.findall(r"^<string>:(\d+): error", checked.stdout,
                                                re.MULTILINE)}
    assert flagged == {8, 9, 10, 11, 12}, checked.stdout + checked.stderr
