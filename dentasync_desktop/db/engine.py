"""The engine: an SQLite file with the PRAGMAs the app relies on, or a PostgreSQL server.

Writers queue on both. SQLite's BEGIN IMMEDIATE takes the file's write lock; on PostgreSQL a
writing transaction first takes one transaction-scoped advisory lock, so writers run one
after another there too (a clinic's handful of PCs writes far below what that allows), and
the services' read-then-write steps (the order-number counter, the next order id, money
totals) stay correct under concurrency without each guarding itself. Readers take no lock.

On a server every round trip to it costs more than most of the app's queries take to run there,
so a unit of work spends as few as it can: a reading unit runs its statements in autocommit
(no BEGIN, no ROLLBACK: one round trip per query, and psycopg's prepared statements survive,
which a ROLLBACK would discard), a writing unit sets its lock timeout and takes the write lock
in one message, and a pooled connection is pinged only when it may have gone stale.
"""

from __future__ import annotations

import select
import sqlite3
import time
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DisconnectionError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import DatabaseBusy, DatabaseProblem
from . import server
from .storage import translate_storage_errors

BUSY_TIMEOUT_MS = 5000
CACHE_BUDGET_BYTES = 32 * 2**20
# How often a write transaction asks for the write lock, each time waiting up to the busy
# timeout, before the user is told the database is busy.
BEGIN_ATTEMPTS = 3
# Execution option a connection carries when its transaction is going to write (see begin_write).
_BEGIN_MODE = "dentasync_begin"
_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
# PostgreSQL: lock_not_available (lock_timeout ran out), serialization_failure, deadlock_detected.
_SERVER_BUSY_STATES = ("55P03", "40001", "40P01")
# pg_advisory_xact_lock keys: every writing transaction; a migration (held for its session).
WRITE_LOCK_KEY = 0x44_53_57_52  # "DSWR"
MIGRATION_LOCK_KEY = 0x44_53_4D_47  # "DSMG"
CONNECT_TIMEOUT_S = 10
NEVER_BY_COUNT = 2**62
# A pooled connection idle longer than this is pinged before use: a server restarted or a
# network dropped meanwhile is then noticed before the user's query, not by it.
PING_AFTER_IDLE_S = 30.0
_LAST_USED = "dentasync_last_used"


def make_engine(database: Path, url: str | None = None) -> Engine:
    """The engine on the server at ``url`` when given, else on the SQLite file ``database``."""
    if url is not None:
        return _server_engine(url)
    engine = create_engine(f"sqlite:///{database}", future=True)
    _configure(engine)
    translate_storage_errors(engine, database)
    return engine


def is_server(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


def _server_engine(url: str) -> Engine:
    # psycopg only here: a computer using its own file never loads it.
    from .numeric import WholeOrFloat

    engine = create_engine(
        server.engine_url(url), future=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S,
                      "application_name": "Dentasync Desktop"})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.adapters.register_loader("numeric", WholeOrFloat)
        # psycopg would prepare any statement run five times, and after five more runs the
        # server may plan it once for any parameters: a search's plan for any text cannot use
        # the trigram index (150 ms instead of 5). Only the statements db/prepared.py is told
        # may be planned once are prepared; every other one is planned for its values. (None
        # would also refuse those: psycopg then prepares nothing.)
        dbapi_connection.prepare_threshold = NEVER_BY_COUNT
        record.info[_LAST_USED] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection, record, _proxy) -> None:  # type: ignore[no-untyped-def]
        # In place of pool_pre_ping, which spends a round trip on every checkout: a busy
        # screen checks out a connection for each page it reads.
        if not _may_be_stale(dbapi_connection, record.info[_LAST_USED]):
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            raise DisconnectionError(_first_line(error)) from error  # the pool reconnects

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        record.info[_LAST_USED] = time.monotonic()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(_BEGIN_MODE) is None:
            return
        raw = connection.connection.dbapi_connection
        assert raw is not None, "a connection in use is never detached"
        for attempt in range(1, BEGIN_ATTEMPTS + 1):
            try:
                # One message (no parameters: the simple protocol takes both statements).
                connection.exec_driver_sql(
                    f"SET LOCAL lock_timeout = {int(BUSY_TIMEOUT_MS)}; "
                    f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
                return
            except OperationalError as error:
                if not is_busy(error):
                    raise
                # The timed-out wait aborted the driver's transaction: start it afresh.
                raw.rollback()
                if attempt == BEGIN_ATTEMPTS:
                    raise DatabaseBusy() from error

    @event.listens_for(engine, "handle_error")
    def _unreachable(context: ExceptionContext) -> None:
        if context.connection is None and not is_busy(context.original_exception):
            # No connection yet: the server is down, unreachable or refused the user.
            error = context.original_exception
            raise DatabaseProblem(code="server.cannot_connect", params={
                "url": server.redacted(url), "reason": _first_line(error)}) from error

    return engine


def _may_be_stale(dbapi_connection, last_used: float) -> bool:  # type: ignore[no-untyped-def]
    """Worth a ping: idle a while, or the server has sent something since it was last used
    (an idle connection hears nothing unless the server is closing it: a restart, a
    terminated backend), which costs one look at its socket and no round trip."""
    if time.monotonic() - last_used > PING_AFTER_IDLE_S:
        return True
    try:
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except (OSError, ValueError):  # already closed
        return True
    return bool(readable)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def begin_write(session: Session) -> None:
    """Start ``session``'s transaction with BEGIN IMMEDIATE: it holds the write lock from the start.

    A deferred transaction that reads and then writes cannot wait for the lock: if another
    writer committed since its read, SQLite refuses at once ("database is locked") and the
    busy timeout never applies. Taking the lock first makes the wait and the retries work.
    """
    session.connection(execution_options={_BEGIN_MODE: "IMMEDIATE"})


def writing(connection: Connection) -> Connection:
    """``connection`` whose next transaction holds the write lock from its start, as
    ``begin_write`` gives a session: for Core work outside the services' units of work."""
    return connection.execution_options(**{_BEGIN_MODE: "IMMEDIATE"})


def begin_read(session: Session, streaming: bool = False) -> None:
    """Start ``session`` as a reading unit. On a server its statements run in autocommit:
    each sees the data committed when it starts, as the GUI's separate calls do anyway, and
    the unit costs one round trip per query. SQLite's reading transaction costs nothing.
    A ``streaming`` unit reads through a server-side cursor, which lives in a transaction."""
    if is_server(session.get_bind()) and not streaming:
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


def reading_connection(engine: Engine) -> Connection:
    """A Core connection in a reading transaction, as ``begin_read`` starts a session: in
    autocommit on a server, in a (lock-free) SQLite transaction, so the unit's statements see
    one snapshot of the file."""
    connection = engine.connect()
    try:
        if is_server(engine):
            connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.begin()
    except BaseException:
        connection.close()
        raise
    return connection


def is_busy(error: BaseException) -> bool:
    """True when ``error`` is SQLite saying another connection holds the lock, or PostgreSQL
    giving up on a lock wait, a serialization conflict or a deadlock."""
    original = getattr(error, "orig", error)
    if getattr(original, "sqlstate", None) in _SERVER_BUSY_STATES:
        return True
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
        # thread has its own): without it the app held up to 64 MB per connection. 32 MB:
        # with 40 the window held 204 MB after scrolling to the end of a million orders.
        cursor.execute(f"PRAGMA soft_heap_limit={CACHE_BUDGET_BYTES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_MODE)
        if mode is None:
            # Readers never take the write lock; WAL gives them a consistent snapshot. Sent
            # straight to the driver: through the engine it cost a tenth of a list page.
            raw = connection.connection.dbapi_connection
            assert raw is not None, "a connection in use is never detached"
            raw.execute("BEGIN")
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
