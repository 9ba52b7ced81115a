"""The GUI's compiled translations: .qm files that pyside6-lrelease makes from the .ts sources.

A wheel or a bundle ships them (the wheel's build hook and the PyInstaller build compile them);
a source checkout has only the .ts files, so the first start compiles each next to its .ts, and
again whenever a .ts is newer than its .qm (after a merge brought new translations). Only the
standard library here: the build hook loads this file by its path, before anything is installed.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def tool(name: str) -> str | None:
    """pyside6-<name> (lupdate, lrelease): next to this Python, on PATH, or inside PySide6."""
    folder = Path(sys.executable).parent
    for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        for binary in (name, f"{name}.exe"):
            inside = Path(spec.origin).parent / binary
            if inside.is_file():
                return str(inside)
    return None


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``, replacing it only once the new one is complete."""
    lrelease = tool("lrelease")
    if lrelease is None:
        raise FileNotFoundError("pyside6-lrelease is not installed")
    qm.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(suffix=".qm", dir=qm.parent)
    os.close(handle)
    try:
        subprocess.run([lrelease, "-silent", str(ts), "-qm", temp], check=True,
                       capture_output=True, timeout=60)
        os.chmod(temp, 0o644)  # mkstemp's 0600 would keep other users of an install out
        os.replace(temp, qm)
    finally:
        Path(temp).unlink(missing_ok=True)


def _fresh(ts: Path, qm: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def compiled(ts: Path) -> Path | None:
    """The .qm of ``ts``: the shipped one, or one compiled now next to it or in a temporary
    folder; an out-of-date one when nothing can compile; None when there is none at all."""
    beside = ts.with_suffix(".qm")
    if _fresh(ts, beside):
        return beside
    if not ts.is_file():
        return None
    elsewhere = Path(tempfile.gettempdir()) / "dentasync-translations" / beside.name
    if _fresh(ts, elsewhere):
        return elsewhere
    for qm in (beside, elsewhere):
        try:
            release(ts, qm)
        except (OSError, subprocess.SubprocessError):
            continue
        return qm
    return beside if beside.is_file() else None
