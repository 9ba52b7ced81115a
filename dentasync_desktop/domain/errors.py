"""Typed errors a service raises.

Each carries a ``code`` and its ``params`` (plain values: numbers, ISO dates, names) so a
reader can be told in their own language (``in_words``); ``message`` (and ``str(error)``) is
the wording of domain/error_text.py in the process's language when the error was raised. A
refusal not yet given a code has the code "text" and its words in ``params["text"]``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import error_text


class DomainError(Exception):
    """Base of every refusal the user should read. ``message`` is ready to show."""

    def __init__(self, message: str | None = None, *, code: str = "",
                 params: Mapping[str, object] | None = None, field: str = "") -> None:
        self.code = code or error_text.TEXT
        self.params: dict[str, object] = dict(params or {})
        if message is None:
            message = error_text.render(self.code, self.params)
        elif not code:
            self.params["text"] = message
        super().__init__(message)
        self.message = message
        self.field = field

    def as_problem(self) -> dict[str, object]:
        """The refusal as one of another refusal's "problems", put in words with it."""
        return error_text.problem(self.code, **self.params)

    def in_words(self, language: str | None = None, locale: str | None = None) -> str:
        """The refusal as ``language`` words it, amounts and numbers the ``locale``'s way
        (both default to the process's language); ``message`` where the parameters do not
        fit the code's words."""
        try:
            return error_text.render(self.code, self.params, language, locale)
        except (KeyError, ValueError, TypeError, IndexError):
            return self.message


class ValidationError(DomainError):
    """Bad input; ``field`` names the offending field so a form can point at it.

    ``reason`` is the message without the field, e.g. "Required."; ``message`` puts the
    field's label before it, as the form shows it: "Due date: Required."
    """

    def __init__(self, field: str, message: str | None = None, *, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        code = code or error_text.TEXT
        values = dict(params or {})
        if code == error_text.TEXT:
            values.setdefault("text", message or "")
        reason = error_text.render(code, values)
        super().__init__(f"{error_text.field_label(field)}: {reason}", code=code,
                         params=values, field=field)
        self.reason = reason

    def in_words(self, language: str | None = None, locale: str | None = None) -> str:
        words = super().in_words(language, locale)
        return f"{error_text.field_label(self.field, language)}: {words}"

    def reason_in_words(self, language: str | None = None, locale: str | None = None) -> str:
        """The refusal without the field's name, for a message shown next to the field."""
        return super().in_words(language, locale)

    def renamed(self, field: str) -> ValidationError:
        """The same refusal under the name its form knows the field by ("amount" of a plan
        entered in the new-order form is its "payment plan amount")."""
        return ValidationError(field, code=self.code, params=self.params)


class FieldErrors(ValidationError):
    """Several fields of one form refused at once, so the form can mark them all together
    instead of making the user fix one, save, and meet the next. ``errors`` are in the order
    the form shows its fields; ``field`` and ``reason`` are the first's."""

    def __init__(self, errors: Sequence[ValidationError]) -> None:
        self.errors = tuple(each for error in errors for each in field_errors(error))
        first = self.errors[0]
        DomainError.__init__(self, "\n".join(error.message for error in self.errors),
                             code=first.code, params=first.params, field=first.field)
        self.reason = first.reason

    def in_words(self, language: str | None = None, locale: str | None = None) -> str:
        return "\n".join(error.in_words(language, locale) for error in self.errors)


def field_errors(error: BaseException) -> tuple[ValidationError, ...]:
    """The field refusals ``error`` holds: several, one, or none (not about a field)."""
    if isinstance(error, FieldErrors):
        return error.errors
    return (error,) if isinstance(error, ValidationError) else ()


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

    def __init__(self, kind: str, path: str) -> None:
        super().__init__(code=f"storage.{kind}", params={"path": path})
        self.kind = kind  # see db/storage.py: "full", "read-only", "permission", ...


class SessionEnded(AuthenticationError):
    """The signed-in user was deactivated, removed or given another role since signing in.

    The GUI signs such a user out; the message says why.
    """

class DatabaseBusy(DomainError):
    """Another program (or another copy of the app) kept the database locked for too long."""

    def __init__(self) -> None:
        super().__init__(code="database_busy")
