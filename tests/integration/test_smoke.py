"""`dentasync-desktop --smoke` run as a user would: a separate process, no screen."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dentasync_desktop import cli


@pytest.mark.starts_first
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


def test_smoke_is_documented_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    # The help text is argparse's, the same in this process (a second interpreter only for
    # it cost 0.5 s); test_cli runs `python -m dentasync_desktop` itself.
    assert cli.main(["--help"]) == 0
    assert "--smoke" in capsys.readouterr().out
