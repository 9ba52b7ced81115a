"""SQLite engine with the PRAGMAs the app relies on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import DatabaseBusy
from .storage import translate_storage_errors

BUSY_TIMEOUT_MS = 5000
CACHE_BUDGET_BYTES = 40 * 2**20
# How often a write transaction asks for the write lock, each time waiting up to the busy
# timeout, before the user is told the database is busy.
BEGIN_ATTEMPTS = 3
# Execution option a connection carries when its transaction is going to write (see begin_write).
_BEGIN_MODE = "dentasync_begin"
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def make_engine(database: Path) -> Engine:
    engine = create_engine(f"sqlite:///{database}", future=True)
    _configure(engine)
    translate_storage_errors(engine, database)
    return engine


def begin_write(session: Session) -> None:
    """Start ``session``'s transaction with BEGIN IMMEDIATE: it holds the write lock from the start.

    A deferred transaction that reads and then writes cannot wait for the lock: if another
    writer committed since its read, SQLite refuses at once ("database is locked") and the
    busy timeout never applies. Taking the lock first makes the wait and the retries work.
    """
    session.connection(execution_options={_BEGIN_MODE: "IMMEDIATE"})


def is_busy(error: BaseException) -> bool:
    """True when ``error`` is SQLite saying another connection holds the lock."""
    original = getattr(error, "orig", error)
    if not isinstance(original, sqlite3.OperationalError):
        return False
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    text = str(original).lower()
    return "database is locked" in text or "database is busy" in text


def _configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so
        # PRAGMAs and SAVEPOINTs behave (SQLAlchemy's pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.execute("PRAGMA cache_size=-65536")
        # One budget for the page caches of every connection in the process (each worker
        # thread has its own): without it the app held up to 64 MB per connection.
        cursor.execute(f"PRAGMA soft_heap_limit={CACHE_BUDGET_BYTES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_MODE)
        if mode is None:
            # Readers never take the write lock; WAL gives them a consistent snapshot.
            connection.exec_driver_sql("BEGIN")
            return
        for attempt in range(1, BEGIN_ATTEMPTS + 1):
            try:
                connection.exec_driver_sql(f"BEGIN {mode}")
                return
            except OperationalError as error:
                if not is_busy(error):
                    raise
                if attempt == BEGIN_ATTEMPTS:
                    raise DatabaseBusy() from error


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)
