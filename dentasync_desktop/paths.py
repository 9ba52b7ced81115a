"""Where things live: user folders (platformdirs) and the bundled migrations/resources/ui."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "DentasyncDesktop"
APP_AUTHOR = "Dentasync"
DATA_DIR_ENV = "DENTASYNC_DATA_DIR"
DATABASE_NAME = "dentasync.sqlite3"
DEMO_DATABASE_NAME = "dentasync-demo.sqlite3"
BUNDLED = ("migrations", "resources", "ui")


def bundle_root() -> Path:
    """The folder holding migrations/, resources/ and ui/.

    PyInstaller unpacks them under sys._MEIPASS; a wheel carries them in the package's
    _bundled/ folder; a source checkout has them at the repository top.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package_dir = Path(__file__).resolve().parent
    candidates = (package_dir / "_bundled", package_dir.parent)
    for candidate in candidates:
        if all((candidate / name).is_dir() for name in BUNDLED):
            return candidate
    raise FileNotFoundError(
        "cannot find the migrations/, resources/ and ui/ folders next to "
        f"{package_dir}; the installation is incomplete"
    )


def bundled(name: str) -> Path:
    """Path of one bundled folder: ``bundled("migrations")``."""
    if name not in BUNDLED:
        raise ValueError(f"not a bundled folder: {name}")
    return bundle_root() / name


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path
    log_dir: Path
    config_dir: Path
    database: Path
    backups_dir: Path
    attachments_dir: Path
    exports_dir: Path

    def create(self) -> AppPaths:
        for folder in (self.data_dir, self.log_dir, self.config_dir, self.backups_dir,
                       self.attachments_dir, self.exports_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def log_file(self) -> Path:
        return self.log_dir / "dentasync.log"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None, demo: bool = False) -> AppPaths:
    """User folders, or everything under one folder when ``--data-dir``/DENTASYNC_DATA_DIR is set.

    The demo database lives in a ``demo`` sub-folder so it never mixes with real data.
    """
    override = data_dir or os.environ.get(DATA_DIR_ENV)
    if override:
        base = Path(override).expanduser().resolve()
        log_dir, config_dir = base / "logs", base / "config"
    else:
        base = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
        log_dir = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
        config_dir = Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    root = base / "demo" if demo else base
    return AppPaths(
        data_dir=root,
        log_dir=log_dir,
        config_dir=config_dir / "demo" if demo else config_dir,
        database=root / (DEMO_DATABASE_NAME if demo else DATABASE_NAME),
        backups_dir=root / "backups",
        attachments_dir=root / "attachments",
        exports_dir=root / "exports",
    )
