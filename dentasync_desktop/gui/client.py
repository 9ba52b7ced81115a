"""What every screen holds: the signed-in actor and a way to run services.

Screens run every service off the GUI thread with ``client.submit(service, *args).then(...)``
(gui.worker explains callbacks, busy indicator and errors); the client passes a fresh unit of
work, created in the worker thread, and the actor, so a screen never builds either itself.
There is no synchronous way on purpose: a service call on the GUI thread freezes the window
while the database is busy.

``client.bus`` is the change bus the units of work publish to; pages listen to it through
gui.changes.ChangeRelay, never directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from ..domain import permissions
from ..domain.actions import Action
from ..domain.dto import Actor
from ..paths import AppPaths
from ..services.changes import ChangeBus
from ..services.unit_of_work import UnitOfWork, UnitOfWorkFactory
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

    def uow(self) -> UnitOfWork:
        """A fresh unit of work, for work already on a worker thread and for tests."""
        return self.uow_factory()

    @property
    def bus(self) -> ChangeBus | None:
        """The bus this client's units of work publish to (None: nobody is told)."""
        return self.uow_factory().bus

    def allows(self, action: Action) -> bool:
        return permissions.allows(self.actor.role, action)

    def signed_in_as(self, actor: Actor) -> ServiceClient:
        return replace(self, actor=actor)
