"""The file a print or an export is written to, checked before any work is done."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import ValidationError


def checked_target(target: Path | str, field: str, kind: str) -> Path:
    """``target`` as a path to write a ``kind`` file ("PDF", "report") to, or a refusal.

    Refused: a name with a NUL character (no file system can hold one), an existing folder,
    and a folder that does not exist.
    """
    if "\x00" in str(target):
        raise ValidationError(field, "the file name contains a NUL character")
    path = Path(target).expanduser()
    if path.is_dir():
        raise ValidationError(field, f"{path} is a folder; give the name of a {kind} file")
    if not path.parent.is_dir():
        raise ValidationError(field, f"the folder {path.parent} does not exist")
    return path
