"""PostgreSQL LISTEN/NOTIFY: how one PC's committed changes reach the others.

A committing transaction queues its notifications with ``notify``; PostgreSQL delivers them to
every listening connection only when (and if) that transaction commits. ``Listener`` is a
thread with a connection of its own that hands each payload it hears to a callback; what the
payload means is the caller's business (services.changes encodes it).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

CHANNEL = "dentasync_changes"
MAX_PAYLOAD = 7000
"""Bytes a payload may take: the server refuses 8000 or more; the rest is headroom."""
POLL_SECONDS = 0.25  # how soon stop() is noticed; notifications themselves arrive at once
RETRY_SECONDS = (1.0, 2.0, 5.0, 10.0)


def notify(connection: Connection, payload: str) -> None:
    """Queue ``payload`` on the changes channel; delivered when this transaction commits."""
    connection.execute(text("SELECT pg_notify(:channel, :payload)"),
                       {"channel": CHANNEL, "payload": payload})


class Listener:
    """Hears the changes channel on its own connection and calls ``receive`` per payload.

    ``receive`` runs on the listener's thread. A lost connection (the server restarted, the
    network dropped) is logged and reopened with growing pauses; what was sent meanwhile is
    missed, as a page that re-reads on its next change or F5 tolerates.
    """

    def __init__(self, url: URL, receive: Callable[[str], None]) -> None:
        # psycopg takes libpq's own URL form: the SQLAlchemy driver name must go.
        self._conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._receive = receive
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="changes-listener", daemon=True)

    def start(self, wait: float = 5.0) -> None:
        """Start listening; returns once the first LISTEN is in place (or after ``wait`` s),
        so a change committed right after start is not missed."""
        self._thread.start()
        self._listening.wait(wait)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5.0)

    def _run(self) -> None:
        # Imported by the thread that needs it: a local file never loads the server's driver
        # (a fifth of the start-up's imports).
        import psycopg

        failures = 0
        while not self._stop.is_set():
            try:
                self._listen()
                failures = 0
            except psycopg.Error as error:
                pause = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                failures += 1
                log.warning("listening for other PCs' changes failed (%s); again in %.0f s",
                            error, pause)
                self._stop.wait(pause)

    def _listen(self) -> None:
        import psycopg

        with psycopg.connect(self._conninfo, autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self._listening.set()
            while not self._stop.is_set():
                for notification in connection.notifies(timeout=POLL_SECONDS):
                    try:
                        self._receive(notification.payload)
                    except Exception:
                        log.exception("a change notification could not be handled")
