"""Unit of work: one transaction per user action, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..domain.errors import ConcurrencyError
from .attachment_store import AttachmentStore

STALE_MESSAGE = (
    "Someone else changed this order in the meantime. It has been reloaded; please try again."
)


class UnitOfWork:
    """Context manager around one SQLAlchemy session.

    Also the services' way to the clock and the attachment files, so tests can pin both.
    """

    session: Session

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        files: AttachmentStore,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._session_factory = session_factory
        self.files = files
        self._clock = clock or (lambda: datetime.now(UTC))
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self._committed = False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        try:
            self.session.commit()
        except StaleDataError as error:
            self.session.rollback()
            raise ConcurrencyError(STALE_MESSAGE) from error
        self._committed = True

    def rollback(self) -> None:
        self.session.rollback()

    def now(self) -> datetime:
        """Aware UTC now."""
        return self._clock()

    def today(self) -> date:
        """The user's local calendar date, which is what due dates are compared with."""
        return self._clock().astimezone().date()


UnitOfWorkFactory = Callable[[], UnitOfWork]
