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


def smoke() -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.perf_counter()
    result = subprocess.run([str(executable()), "--smoke"], env=env, capture_output=True,
                            text=True, timeout=300)
    elapsed = time.perf_counter() - started
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        raise SystemExit(f"smoke test of the bundle failed (exit {result.returncode})")
    return elapsed


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
        print(f"bundle smoke test passed in {smoke():.1f} s")
    if args.installer:
        print(f"installer: {installer()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
