"""Build the one-folder bundle for this platform, and optionally smoke-test it.

    uv run --group package python packaging/build.py [--smoke] [--installer]

--installer then wraps the bundle: Inno Setup on Windows, a .dmg on macOS (not on Linux).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "DentasyncDesktop"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def bundle_dir() -> Path:
    if sys.platform == "darwin":
        return DIST / f"{NAME}.app"
    return DIST / NAME


def executable() -> Path:
    if sys.platform == "darwin":
        return DIST / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    return DIST / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def build() -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK),
         str(ROOT / "packaging" / "dentasync.spec")],
        check=True, cwd=ROOT,
    )
    return time.perf_counter() - started


def smoke() -> tuple[float, float]:
    """Run the bundle's --smoke; returns (seconds to the main window, seconds in all)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.perf_counter()
    window_at = 0.0
    with subprocess.Popen([str(executable()), "--smoke"], env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            sys.stdout.write(line)
            if "open the main window" in line and not window_at:
                window_at = time.perf_counter() - started
        code = process.wait(timeout=300)
    if code != 0:
        raise SystemExit(f"smoke test of the bundle failed (exit {code})")
    return window_at, time.perf_counter() - started


def installer() -> Path:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    if sys.platform == "win32":
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        subprocess.run([iscc, f"/DAppVersion={version}", f"/DSourceDir={DIST / NAME}",
                        f"/O{DIST}", str(ROOT / "packaging" / "windows" / "dentasync.iss")],
                       check=True)
        return DIST / f"DentasyncDesktop-{version}-setup.exe"
    if sys.platform == "darwin":
        subprocess.run(["bash", str(ROOT / "packaging" / "macos" / "make_dmg.sh"),
                        str(bundle_dir()), version, str(DIST)], check=True)
        return DIST / f"DentasyncDesktop-{version}.dmg"
    raise SystemExit("installers are made on Windows (Inno Setup) and macOS (.dmg) only")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="run the bundle's --smoke test")
    parser.add_argument("--installer", action="store_true", help="wrap the bundle in an installer")
    args = parser.parse_args()
    seconds = build()
    size_mb = folder_size(bundle_dir()) / 1e6
    print(f"built {bundle_dir()} in {seconds:.1f} s, {size_mb:.1f} MB")
    if args.smoke:
        window, total = smoke()
        print(f"bundle smoke test passed in {total:.1f} s; main window shown {window:.2f} s "
              "after launch")
    if args.installer:
        print(f"installer: {installer()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
