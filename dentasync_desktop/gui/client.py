"""What every screen holds: the signed-in actor and a way to run services.

Screens run services off the GUI thread with ``client.submit(service, *args).then(...)``
(gui.worker explains callbacks, busy indicator and errors); the client passes a fresh unit of
work, created in the worker thread, and the actor, so a screen never builds either itself.
``client.call`` runs a service synchronously; it is left for code that already runs off the
GUI thread and for the sign-in dialogs, which have no window to keep responsive yet.

``client.bus`` is the change bus the units of work publish to; pages listen to it through
gui.changes.ChangeRelay, never directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from ..domain import permissions
from ..domain.actions import Action
from ..domain.dto import Actor
from ..domain.errors import SessionEnded
from ..paths import AppPaths
from ..services.changes import ChangeBus
from ..services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from .session import session_events
from .worker import Job, JobControl

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True)
class ServiceClient:
    uow_factory: UnitOfWorkFactory
    actor: Actor
    paths: AppPaths
    log_file: Path
    demo: bool = False

    def submit(self, service: Callable[Concatenate[UnitOfWork, Actor, P], T],
               *args: P.args, **kwargs: P.kwargs) -> Job[T]:
        """A job running ``service(uow, actor, *args, **kwargs)`` on a worker thread.

        Start it with ``.then(on_result, on_error=..., busy=page)``.
        """
        return Job(lambda _control: service(self.uow_factory(), self.actor, *args, **kwargs))

    def submit_plain(self, service: Callable[Concatenate[UnitOfWork, P], T],
                     *args: P.args, **kwargs: P.kwargs) -> Job[T]:
        """Like ``submit`` for the few services that take only a unit of work (settings)."""
        return Job(lambda _control: service(self.uow_factory(), *args, **kwargs))

    def background(self, work: Callable[[JobControl], T]) -> Job[T]:
        """A job for long work that reports progress and can be cancelled (batch print,
        export, backup); ``work`` must not touch widgets."""
        return Job(work)

    def call(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service that takes (uow, actor, ...) right here, on the calling thread."""
        try:
            return service(self.uow_factory(), self.actor, *args, **kwargs)
        except SessionEnded as error:
            session_events().ended.emit(error.message)
            raise

    def uow(self) -> UnitOfWork:
        """For the few services that take only a unit of work (settings, sign-in)."""
        return self.uow_factory()

    @property
    def bus(self) -> ChangeBus | None:
        """The bus this client's units of work publish to (None: nobody is told)."""
        return self.uow_factory().bus

    def allows(self, action: Action) -> bool:
        return permissions.allows(self.actor.role, action)

    def signed_in_as(self, actor: Actor) -> ServiceClient:
        return replace(self, actor=actor)
