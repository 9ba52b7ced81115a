"""The autosaved draft of a new order that was never saved: what survives a crash.

While the New work order form has something typed, its fields are written (a moment after the
last change) to a JSON file beside the window settings in the data folder's configuration
folder, one per user. Saving or discarding the order removes it; if the application died
instead, the next "New order" offers it back. It is window state, not business data, so it
stays out of the database as QSettings does.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSaveFile, QSettings

log = logging.getLogger(__name__)
VERSION = 1


def draft_path(user_id: int | None) -> Path:
    folder = Path(QSettings().fileName()).parent
    return folder / f"new-order-draft-{user_id or 0}.json"


def write_draft(path: Path, state: dict[str, Any]) -> None:
    """Replace the draft in one step: a crash mid-write leaves the previous one whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"version": VERSION, "saved_at": datetime.now(UTC).isoformat(),
                       "form": state}, ensure_ascii=False, indent=1).encode("utf-8")
    file = QSaveFile(str(path))
    if not (file.open(QSaveFile.OpenModeFlag.WriteOnly) and file.write(data) == len(data)
            and file.commit()):
        log.warning("could not write the new-order draft %s: %s", path, file.errorString())


def read_draft(path: Path) -> tuple[datetime, dict[str, Any]] | None:
    """When the draft was written and its form fields; None if there is none or it is
    unreadable (an unreadable one is set aside, not offered again and again)."""
    if not path.is_file():
        return None
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("version") != VERSION or not isinstance(stored.get("form"), dict):
            raise ValueError("not a draft of this version")
        return datetime.fromisoformat(stored["saved_at"]), stored["form"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        log.warning("new-order draft %s set aside: %s", path, error)
        remove_draft(path)
        return None


def remove_draft(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove the new-order draft %s: %s", path, error)
