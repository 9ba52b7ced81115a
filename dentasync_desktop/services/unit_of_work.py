"""Unit of work: one transaction per user action, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from types import TracebackType

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..db.engine import begin_read, begin_write, is_busy, reading_connection
from ..db.notify import MAX_PAYLOAD, notify
from ..domain import error_text
from ..domain.errors import ConcurrencyError, DatabaseBusy
from .attachment_store import AttachmentStore, ContentStore, store_for
from .changes import Change, ChangeBus, ChangeKind, encode

STALE_MESSAGE = error_text.render("stale_order", {})  # what a stale write is told


class UnitOfWork:
    """Context manager around one SQLAlchemy session.

    Also the services' way to the clock and the attachment content (``files``: the folder
    ``files`` names on a local file, the database on a server), so tests can pin both, and
    to the change bus: ``announce``/``changed`` collect what the transaction changes, and a
    successful ``commit`` publishes it (services.changes describes the flow).
    A unit takes the database's write lock when it starts (so concurrent writers queue instead
    of failing); a service that only reads opens it with ``with uow.reading():`` instead.

    A reading unit makes its session only when a service asks for it: the order list reads
    its pages on the unit's plain ``connection()`` (creating, beginning and closing a Session
    cost about as much as reading a page).
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        files: AttachmentStore,
        clock: Callable[[], datetime] | None = None,
        bus: ChangeBus | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._folder = files
        self._files: ContentStore | None = None
        self._clock = clock or (lambda: datetime.now(UTC))
        self.bus = bus
        self._committed = False
        self._reading = False
        self._streaming = False
        self._pending: list[Change] = []
        self._session: Session | None = None
        self._connection: Connection | None = None

    def reading(self, streaming: bool = False) -> UnitOfWork:
        """This unit only reads: it takes no write lock and never blocks a writer.
        ``streaming``: it reads a result batch by batch (an export), in one transaction."""
        self._reading = True
        self._streaming = streaming
        return self

    def __enter__(self) -> UnitOfWork:
        self._committed = False
        self._pending = []
        reading, self._reading = self._reading, False
        streaming, self._streaming = self._streaming, False
        if reading and not streaming:
            return self  # the connection, and the session, when first used
        session = self._session = self._session_factory()
        try:
            if reading:
                begin_read(session, streaming)
            else:
                begin_write(session)
        except BaseException:
            self._close()
            raise
        return self

    @property
    def session(self) -> Session:
        """The unit's ORM session (a reading unit's runs on its ``connection()``)."""
        if self._session is None:
            self._session = self._session_factory(bind=self.connection())
        return self._session

    def connection(self) -> Connection:
        """The unit's connection, in its transaction: for Core statements, which skip the
        session's work."""
        if self._session is not None:
            return self._session.connection()
        if self._connection is None:
            self._connection = reading_connection(self._session_factory.kw["bind"])
        return self._connection

    def _close(self) -> None:
        session, self._session = self._session, None
        connection, self._connection = self._connection, None
        try:
            if session is not None:
                session.close()
        finally:
            if connection is not None:
                connection.close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed and self._session is not None:
                self._session.rollback()
        finally:
            self._pending = []
            self._close()
        if isinstance(exc, OperationalError) and is_busy(exc):
            raise DatabaseBusy() from exc

    def commit(self) -> None:
        if self.bus is not None and self._pending and self._on_server():
            # In the transaction itself: the other PCs hear of it only if it commits.
            connection = self.session.connection()
            for payload in encode(self.bus.origin, self._pending, MAX_PAYLOAD):
                notify(connection, payload)
        try:
            self.session.commit()
        except StaleDataError as error:
            self.session.rollback()
            raise ConcurrencyError(code="stale_order") from error
        self._committed = True
        published, self._pending = self._pending, []
        if self.bus is not None and published:
            self.bus.publish(published)

    def _on_server(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def rollback(self) -> None:
        self._pending = []
        self.session.rollback()

    def changed(self, change: Change) -> None:
        """Note ``change``; it is published when (and only if) this transaction commits."""
        self._pending.append(change)

    def announce(self, kind: ChangeKind, ids: tuple[int, ...] = (), order_id: int | None = None,
                 actor_id: int | None = None) -> None:
        self.changed(Change(kind, ids, order_id, actor_id))

    @property
    def files(self) -> ContentStore:
        """Where attachment content lives; made on first use (few services touch files)."""
        if self._files is None:
            self._files = store_for(self.dialect, self._folder, lambda: self.session)
        return self._files

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql", for the few queries spelled differently on each."""
        return self._session_factory.kw["bind"].dialect.name  # type: ignore[no-any-return]

    def now(self) -> datetime:
        """Aware UTC now."""
        return self._clock()

    def today(self) -> date:
        """The user's local calendar date, which is what due dates are compared with."""
        return self._clock().astimezone().date()


UnitOfWorkFactory = Callable[[], UnitOfWork]
