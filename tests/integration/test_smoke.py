"""`dentasync-desktop --smoke` run as a user would: a separate process, no screen."""

from __future__ import annotations

import os
import subprocess
import sys


def test_smoke_passes_every_step() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DENTASYNC_DATA_DIR"}
    result = subprocess.run(
        [sys.executable, "-m", "dentasync_desktop", "--smoke"],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line for line in result.stdout.splitlines() if line.startswith("ok ")]
    assert len(steps) == 11
    assert "open the main window" in result.stdout
    assert result.stdout.rstrip().endswith("smoke test passed")


def test_smoke_is_documented_in_help() -> None:
    result = subprocess.run([sys.executable, "-m", "dentasync_desktop", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert "--smoke" in result.stdout
