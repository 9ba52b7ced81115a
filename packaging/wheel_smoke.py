"""Build the wheel, install it into a fresh virtual environment, and run its --smoke.

    uv run python packaging/wheel_smoke.py

Proves the wheel carries migrations/, resources/ and ui/ and needs nothing from the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        raise SystemExit(f"failed (exit {result.returncode}): {' '.join(map(str, command))}")
    return result.stdout


def main() -> int:
    uv = shutil.which("uv")
    if uv is None:
        raise SystemExit("uv is needed to build and install the wheel")
    with tempfile.TemporaryDirectory(prefix="dentasync-wheel-") as folder:
        work = Path(folder)
        started = time.perf_counter()
        run(uv, "build", "--wheel", "--out-dir", work / "dist", cwd=ROOT)
        [wheel] = (work / "dist").glob("*.whl")
        print(f"built {wheel.name} ({wheel.stat().st_size / 1e3:.0f} kB) "
              f"in {time.perf_counter() - started:.1f} s")
        venv = work / "venv"
        run(uv, "venv", "--python", sys.executable, venv)
        python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        run(uv, "pip", "install", "--python", python, wheel)
        # Run from an empty folder so nothing of the checkout can be picked up by accident.
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        started = time.perf_counter()
        output = run(python, "-m", "dentasync_desktop", "--smoke", cwd=work, env=env)
        sys.stdout.write(output)
        print(f"wheel smoke test passed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
