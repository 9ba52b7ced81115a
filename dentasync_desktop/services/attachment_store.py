"""Content-addressed file storage for attachments: files are named by their SHA-256."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

CHUNK = 1024 * 1024


class AttachmentStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256

    def put(self, source: Path) -> tuple[str, int]:
        """Copy ``source`` in (once per content); returns (sha256, size)."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        with tempfile.NamedTemporaryFile(dir=self.root, delete=False, suffix=".part") as tmp:
            temp_path = Path(tmp.name)
            try:
                with source.open("rb") as handle:
                    while chunk := handle.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        tmp.write(chunk)
            except BaseException:
                tmp.close()
                temp_path.unlink(missing_ok=True)
                raise
        sha = digest.hexdigest()
        target = self.path_for(sha)
        if target.exists():
            temp_path.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(temp_path), target)
        return sha, size
