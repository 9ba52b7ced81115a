"""Content-addressed storage for attachments and the logo: content is named by its SHA-256.

One interface, two stores, chosen by the engine (``store_for``):

- ``AttachmentStore``: files in the data folder, for a local SQLite file.
- ``DatabaseStore``: the ``blobs``/``blob_chunks`` tables of a PostgreSQL server, so every PC
  sees the same content. The data folder's attachment folder becomes this PC's cache of it:
  a file added here is copied there first (read once, and the upload then streams from a copy
  nobody else changes), and content added on another PC is fetched into it when first opened.

Both move content in chunks of ``CHUNK`` bytes, never the whole file at once.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from sqlalchemy import delete, exists, insert, select
from sqlalchemy.orm import Session

from ..db.models import Attachment, Blob, BlobChunk, Setting

CHUNK = 1024 * 1024
# The setting naming the logo's content in the store (on a server, where PCs share it).
LOGO_CONTENT_KEY = "org.logo_content"


class ContentStore(Protocol):
    """Where the content of attachments lives; the services use only this."""

    @property
    def shared(self) -> bool:
        """True when every PC reads the same store (the database), not this PC's folder."""

    @property
    def root(self) -> Path:
        """The local folder holding this PC's files of the content."""

    def path_for(self, sha256: str) -> Path:
        """Where the content is (or will be, once ``local_path`` fetched it) on this PC."""

    def put(self, source: Path) -> tuple[str, int]:
        """Store ``source``'s content (once per content); returns (sha256, size)."""

    def local_path(self, sha256: str) -> Path:
        """A local file with the content, for a viewer or a document; FileNotFoundError when
        the store does not have it."""

    def release(self, sha256: str) -> None:
        """Forget the content unless something still refers to it."""


def _checked(sha256: str) -> str:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("not a SHA-256 hex digest")
    return sha256


def _referenced(session: Session, sha256: str) -> bool:
    """Any attachment row (removed ones too: they keep their record) or the logo."""
    return bool(session.scalar(select(
        exists().where(Attachment.sha256 == sha256)
        | exists().where(Setting.key == LOGO_CONTENT_KEY, Setting.value == sha256))))


def _digest(source: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class AttachmentStore:
    def __init__(self, root: Path, session: Callable[[], Session] | None = None) -> None:
        self.root = root
        self._session = session

    shared = False

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / _checked(sha256)

    def put(self, source: Path) -> tuple[str, int]:
        if source.parent == self.root / source.name[:2]:
            # One of this store's own files (migrate-to hands the folder's files to the
            # server's store): read to check it still holds what its name says, not copied
            # onto itself.
            sha, size = _digest(source)
            if sha == source.name:
                return sha, size
        with source.open("rb") as handle:
            return self.write(iter(lambda: handle.read(CHUNK), b""))

    def write(self, chunks: Iterator[bytes]) -> tuple[str, int]:
        """Write ``chunks`` under a temporary name, then name the file by its digest."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        with tempfile.NamedTemporaryFile(dir=self.root, delete=False, suffix=".part") as tmp:
            temp_path = Path(tmp.name)
            try:
                for chunk in chunks:
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

    def local_path(self, sha256: str) -> Path:
        path = self.path_for(sha256)
        if not path.is_file():
            raise FileNotFoundError(str(path))
        return path

    def release(self, sha256: str) -> None:
        if self._session is not None and not _referenced(self._session(), sha256):
            self.path_for(sha256).unlink(missing_ok=True)


class DatabaseStore:
    """Content in the database, with this PC's folder as a cache (see the module's notes)."""

    shared = True

    def __init__(self, session: Callable[[], Session], cache: AttachmentStore) -> None:
        self._session = session
        self._cache = cache

    @property
    def root(self) -> Path:
        return self._cache.root

    def path_for(self, sha256: str) -> Path:
        return self._cache.path_for(sha256)

    def put(self, source: Path) -> tuple[str, int]:
        sha, size = self._cache.put(source)
        session = self._session()
        if session.get(Blob, sha) is None:
            session.add(Blob(sha256=sha, size_bytes=size))
            session.flush()
            with self._cache.path_for(sha).open("rb") as handle:
                # Core inserts, not ORM objects: the session would keep every chunk until commit.
                for index, chunk in enumerate(iter(lambda: handle.read(CHUNK), b"")):
                    session.execute(insert(BlobChunk).values(sha256=sha, index=index, data=chunk))
        return sha, size

    def chunks(self, sha256: str) -> Iterator[bytes]:
        """The content, one chunk per query (so one chunk in memory at a time)."""
        session = self._session()
        index = 0
        while (data := session.scalar(select(BlobChunk.data).where(
                BlobChunk.sha256 == sha256, BlobChunk.index == index))) is not None:
            yield data
            index += 1

    def local_path(self, sha256: str) -> Path:
        size = self._session().scalar(select(Blob.size_bytes).where(
            Blob.sha256 == _checked(sha256)))
        if size is None:
            raise FileNotFoundError(sha256)
        path = self._cache.path_for(sha256)
        if path.is_file() and path.stat().st_size == size:
            return path
        path.unlink(missing_ok=True)  # a partial or damaged copy
        fetched, fetched_size = self._cache.write(self.chunks(sha256))
        if (fetched, fetched_size) != (sha256, size):
            self._cache.path_for(fetched).unlink(missing_ok=True)
            raise FileNotFoundError(sha256)  # the stored chunks do not add up to the content
        return path

    def release(self, sha256: str) -> None:
        session = self._session()
        if _referenced(session, sha256):
            return
        session.execute(delete(BlobChunk).where(BlobChunk.sha256 == sha256))
        session.execute(delete(Blob).where(Blob.sha256 == sha256))
        self._cache.path_for(sha256).unlink(missing_ok=True)


def store_for(dialect: str, folder: AttachmentStore,
              session: Callable[[], Session]) -> ContentStore:
    """The database on a server (every PC reads it), else ``folder`` in the data folder."""
    if dialect == "postgresql":
        return DatabaseStore(session, folder)
    return AttachmentStore(folder.root, session)
