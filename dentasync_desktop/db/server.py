"""A PostgreSQL server as the database: its URL, where its password is kept, and remembering it.

The URL (``postgresql+psycopg://user@host:port/database?sslmode=...``) is stored per data
folder in ``config/database.json`` without its password. The password comes from the URL
itself, else $DENTASYNC_DATABASE_PASSWORD, else the OS keyring (the ``keyring`` package:
Windows Credential Manager, macOS Keychain, the Secret Service on Linux).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..domain.errors import DatabaseProblem
from ..paths import DATABASE_CONFIG

log = logging.getLogger(__name__)

PASSWORD_ENV = "DENTASYNC_DATABASE_PASSWORD"
KEYRING_SERVICE = "Dentasync Desktop"
DRIVER = "postgresql+psycopg"


def parse(url: str) -> URL:
    """The URL, refused with a message naming the expected form when it is not a server's."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseProblem(f"The database URL is not valid ({error}). Expected "
                              f"{DRIVER}://user@host:5432/database.") from error
    if parsed.get_backend_name() != "postgresql":
        raise DatabaseProblem(f"The database URL must start with {DRIVER}://, not "
                              f"{parsed.drivername}://.")
    if not parsed.host or not parsed.database:
        raise DatabaseProblem(f"The database URL {redacted(url)} names no host or no database.")
    return parsed.set(drivername=DRIVER)


def redacted(url: str) -> str:
    """The URL as shown to people and written to logs: never the password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(an invalid database URL)"


def keyring_account(url: URL) -> str:
    """Which keyring entry holds the password of ``url``'s user on its server."""
    return f"{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def engine_url(url: str) -> URL:
    """``url`` with its password filled in from the environment or the keyring when missing."""
    parsed = parse(url)
    if parsed.password is not None:
        return parsed
    password = os.environ.get(PASSWORD_ENV) or _keyring_password(parsed)
    return parsed if password is None else parsed.set(password=password)


def _keyring_password(url: URL) -> str | None:
    if url.username is None:
        return None
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except NoKeyringError:
        log.debug("no OS keyring on this machine")
        return None
    except (KeyringError, RuntimeError) as error:
        # No keyring on this machine (a server without a desktop session, say): the password
        # must then come with the URL or from the environment; the server will say so.
        log.warning("the OS keyring could not be read: %s", error)
        return None


def store_password(url: URL, password: str) -> bool:
    """Keep ``password`` for ``url`` in the OS keyring; False (logged) when there is none."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)
    except (KeyringError, RuntimeError) as error:
        log.warning("the password could not be kept in the OS keyring: %s", error)
        return False
    return True


def remember(config_dir: Path, url: str | None) -> None:
    """Point the data folder at ``url`` from now on (None: back to this computer's file).

    The password, when the URL carries one, goes to the keyring, never into the file.
    """
    config = config_dir / DATABASE_CONFIG
    if url is None:
        config.unlink(missing_ok=True)
        return
    parsed = parse(url)
    if parsed.password is not None:
        store_password(parsed, str(parsed.password))
    # URL.set(password=None) would keep the password: None there means "unchanged".
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port,
                      parsed.database, parsed.query).render_as_string(hide_password=False)
    config_dir.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({"url": bare}, indent=2) + "\n", encoding="utf-8")


def advance_sequences(connection: Connection) -> None:
    """Move every table's id sequence past its highest id, after rows were written with ids of
    their own (seeding, copying a database): the next ORM insert would collide otherwise."""
    from .models import Base

    quote = connection.dialect.identifier_preparer.quote
    for name, table in Base.metadata.tables.items():
        if "id" not in table.c or table.c.id.autoincrement is False:
            continue
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"coalesce(max(id), 0) + 1, false) FROM {quote(name)}")
