"""Typed errors a service raises; the GUI and the CLI show their message as it is."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every refusal the user should read. ``message`` is ready to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input; ``field`` names the offending field so a form can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class PermissionDenied(DomainError):
    pass


class LifecycleError(DomainError):
    """The action is not allowed in the order's current status."""


class ConcurrencyError(DomainError):
    """Someone else changed the record since it was read (optimistic lock)."""


class NotFound(DomainError):
    pass


class AuthenticationError(DomainError):
    pass


class CurrencyMismatch(DomainError):
    pass


class DatabaseProblem(DomainError):
    """The database file cannot be used as it is (newer schema, corruption, bad backup)."""


class DatabaseInUse(DatabaseProblem):
    """Another window or command holds the database (a restore must wait, a second window
    must not open)."""


class StorageProblem(DomainError):
    """The disk or the file system refused: full, read-only, no permission. Not damage, so
    the message says what to fix and never suggests restoring a backup."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind  # see db/storage.py: "full", "read-only", "permission", ...


class SessionEnded(AuthenticationError):
    """The signed-in user was deactivated, removed or given another role since signing in.

    The GUI signs such a user out; the message says why.
    """

class DatabaseBusy(DomainError):
    """Another program (or another copy of the app) kept the database locked for too long."""

    def __init__(self) -> None:
        super().__init__("The database is busy, please try again.")
