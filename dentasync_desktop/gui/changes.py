"""The GUI's one listener on the change bus: each committed batch as a Qt signal.

A page subscribes like this::

    relay = ChangeRelay.of(shell.client)            # one relay per client, shared by pages
    relay.changed.connect(self._on_changes)         # gets tuple[Change, ...] on the GUI thread

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        if any(c.kind in MASTER_DATA for c in changes): ...

The bus calls the relay on whatever thread committed (usually a worker); the relay re-emits
through a queued connection, so slots always run on the GUI thread. A unit of work publishes
as it commits, before its service returns, so a page hears of its own action before that
action's ``then`` callback runs; a page that gets the fresh data from its own action can ignore
changes while that action is in flight (OrderContext does).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from ..services.changes import Change, ChangeBus
from .client import ServiceClient

_RELAYS: WeakKeyDictionary[ChangeBus, ChangeRelay] = WeakKeyDictionary()


class ChangeRelay(QObject):
    changed = Signal(object)  # tuple[Change, ...], on the GUI thread
    _arrived = Signal(object)  # emitted on the publishing thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._arrived.connect(self.changed, Qt.ConnectionType.QueuedConnection)

    def publish(self, changes: tuple[Change, ...]) -> None:
        """The bus subscriber; any thread."""
        self._arrived.emit(changes)

    @classmethod
    def of(cls, client: ServiceClient) -> ChangeRelay:
        """The relay of ``client``'s bus, made on first use and kept while the bus lives.

        A client without a bus gets a relay that never fires.
        """
        bus = client.bus
        if bus is None:
            return cls(QCoreApplication.instance())
        relay = _RELAYS.get(bus)
        if relay is None:
            relay = cls(QCoreApplication.instance())
            bus.subscribe(relay.publish)
            _RELAYS[bus] = relay
        return relay
