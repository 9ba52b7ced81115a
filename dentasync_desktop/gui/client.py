"""What every screen holds: the signed-in actor and a way to open a unit of work.

Screens call ``client.call(service_function, *args)``; the client passes the unit of work and
the actor, so a screen never builds either itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from ..domain import permissions
from ..domain.actions import Action
from ..domain.dto import Actor
from ..domain.errors import SessionEnded
from ..paths import AppPaths
from ..services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from .session import session_events

T = TypeVar("T")


@dataclass(frozen=True)
class ServiceClient:
    uow_factory: UnitOfWorkFactory
    actor: Actor
    paths: AppPaths
    log_file: Path
    demo: bool = False

    def call(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service that takes (uow, actor, ...)."""
        try:
            return service(self.uow_factory(), self.actor, *args, **kwargs)
        except SessionEnded as error:
            session_events().ended.emit(error.message)
            raise

    def uow(self) -> UnitOfWork:
        """For the few services that take only a unit of work (settings, sign-in)."""
        return self.uow_factory()

    def allows(self, action: Action) -> bool:
        return permissions.allows(self.actor.role, action)

    def signed_in_as(self, actor: Actor) -> ServiceClient:
        return replace(self, actor=actor)
