"""File content kept in the database itself, for a server every PC reads (attachments, logo).

A blob is named by the SHA-256 of its content, so the same content is stored once however many
attachments refer to it; its bytes are split into numbered chunks of at most 1 MiB, so neither
writing nor reading ever holds a whole file (up to 200 MB) in memory. On a local SQLite file
these tables stay empty: the content lives in the data folder instead.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Blob(Base):
    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int]


class BlobChunk(Base):
    __tablename__ = "blob_chunks"

    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="CASCADE"),
                                        primary_key=True)
    index: Mapped[int] = mapped_column(primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
