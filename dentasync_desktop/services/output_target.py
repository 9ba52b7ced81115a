"""The file a print or an export is written to, checked before any work is done."""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.errors import ValidationError

MAX_NAME_BYTES = 200


def checked_target(target: Path | str, field: str, kind: str) -> Path:
    """``target`` as a path to write a ``kind`` file ("PDF", "report") to, or a refusal.

    Refused: a name with a NUL character (no file system can hold one), a lone surrogate or
    too many bytes, an existing folder, and a folder that does not exist.
    """
    if "\x00" in str(target):
        raise ValidationError(field, code="nul_in_file_name")
    path = Path(target).expanduser()
    try:
        name_bytes = len(os.fsencode(path.name))
    except UnicodeEncodeError:  # a lone surrogate, e.g. from a broken paste
        raise ValidationError(field, code="file_name_not_text") from None
    # File systems stop at 255 bytes a name, and the file is first written under a longer,
    # temporary name next to it.
    if name_bytes > MAX_NAME_BYTES:
        raise ValidationError(field, code="file_name_too_long")
    if path.is_dir():
        raise ValidationError(field, code="target_is_folder",
                              params={"path": str(path), "kind": kind})
    if not path.parent.is_dir():
        raise ValidationError(field, code="no_folder", params={"path": str(path.parent)})
    return path
