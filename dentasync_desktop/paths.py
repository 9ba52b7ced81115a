"""Where things live: user folders (platformdirs) and the bundled migrations/resources/ui."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "DentasyncDesktop"
APP_AUTHOR = "Dentasync"
DATA_DIR_ENV = "DENTASYNC_DATA_DIR"
DATABASE_URL_ENV = "DENTASYNC_DATABASE_URL"
# In the config folder: which database server this data folder uses (never its password).
DATABASE_CONFIG = "database.json"
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
    # A PostgreSQL server's URL (postgresql+psycopg://...) instead of the ``database`` file; the
    # local folders still hold logs, settings and exports.
    database_url: str | None = None

    @property
    def on_server(self) -> bool:
        return self.database_url is not None

    def create(self) -> AppPaths:
        for folder in (self.data_dir, self.log_dir, self.config_dir, self.backups_dir,
                       self.attachments_dir, self.exports_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def log_file(self) -> Path:
        return self.log_dir / "dentasync.log"


def stored_database_url(config_dir: Path) -> str | None:
    """The server this data folder was pointed at (db/server.py remembers it), if any."""
    try:
        stored = json.loads((config_dir / DATABASE_CONFIG).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = stored.get("url") if isinstance(stored, dict) else None
    return url if isinstance(url, str) and url else None


def resolve_paths(data_dir: str | os.PathLike[str] | None = None, demo: bool = False,
                  database_url: str | None = None) -> AppPaths:
    """User folders, or everything under one folder when ``--data-dir``/DENTASYNC_DATA_DIR is set.

    The demo database lives in a ``demo`` sub-folder so it never mixes with real data. The
    database is a server when ``--database-url``/DENTASYNC_DATABASE_URL names one or the data
    folder remembers one; otherwise the SQLite file.
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
    config_dir = config_dir / "demo" if demo else config_dir
    url = (database_url or os.environ.get(DATABASE_URL_ENV)
           or stored_database_url(config_dir) or None)
    return AppPaths(
        data_dir=root,
        log_dir=log_dir,
        config_dir=config_dir,
        database=root / (DEMO_DATABASE_NAME if demo else DATABASE_NAME),
        backups_dir=root / "backups",
        attachments_dir=root / "attachments",
        exports_dir=root / "exports",
        database_url=url,
    )
