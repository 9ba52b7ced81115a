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
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, create_engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import NullPool

from ..domain.errors import DatabaseProblem, StorageProblem
from ..paths import DATABASE_CONFIG
from .storage import CANNOT_OPEN, kind_of

log = logging.getLogger(__name__)

PASSWORD_ENV = "DENTASYNC_DATABASE_PASSWORD"
KEYRING_SERVICE = "Dentasync Desktop"
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432


def parse(url: str) -> URL:
    """The URL, refused with a message naming the expected form when it is not a server's."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseProblem(code="server.bad_url", params={
            "reason": str(error), "expected": f"{DRIVER}://user@host:5432/database"}) from error
    if parsed.get_backend_name() != "postgresql":
        raise DatabaseProblem(code="server.not_postgresql",
                              params={"driver": DRIVER, "given": parsed.drivername})
    if not parsed.host or not parsed.database:
        raise DatabaseProblem(code="server.incomplete_url", params={"url": redacted(url)})
    return parsed.set(drivername=DRIVER)


def build(host: str, port: int | None, database: str, user: str, password: str | None = None,
          query: Mapping[str, str | Sequence[str]] | None = None) -> str:
    """The URL of a server from its parts, each quoted as the URL needs it (an ``@`` or ``:``
    in a user name or password, a ``/`` or ``?`` in a database name)."""
    return URL.create(DRIVER, user or None, password or None, host, port, database,
                      dict(query or {})).render_as_string(hide_password=False)


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
        with _refused_as_storage(config):
            config.unlink(missing_ok=True)
        return
    parsed = parse(url)
    if parsed.password is not None:
        store_password(parsed, str(parsed.password))
    # URL.set(password=None) would keep the password: None there means "unchanged".
    bare = build(parsed.host or "", parsed.port, parsed.database or "", parsed.username or "",
                 None, parsed.query)
    with _refused_as_storage(config):
        config_dir.mkdir(parents=True, exist_ok=True)
        config.write_text(json.dumps({"url": bare}, indent=2) + "\n", encoding="utf-8")


@contextmanager
def _refused_as_storage(config: Path) -> Iterator[None]:
    """A disk that refuses the choice's file says what to fix, as for the database's own file.
    A name no file system takes (too long, a NUL, a lone surrogate) cannot be opened either."""
    try:
        yield
    except (OSError, ValueError) as error:  # UnicodeEncodeError is a ValueError
        # A lone surrogate cannot be shown either: it becomes the replacement mark.
        shown = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in str(config))
        raise StorageProblem(kind_of(error) or CANNOT_OPEN, shown) from error


def _shown(path: Path) -> str:
    """``path`` as text a message can carry: a lone surrogate becomes the replacement mark."""
    return str(path).encode("utf-8", "replace").decode("utf-8").replace("?", "\ufffd") \
        if any(0xD800 <= ord(c) <= 0xDFFF for c in str(path)) else str(path)


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


@dataclass(frozen=True)
class ServerProbe:
    """What one connection found: the server's version and the Dentasync schema's state."""

    version: str
    revision: str | None  # the schema version (alembic_version), None when there is none
    has_tables: bool  # any table at all in the schema: None revision + tables = not ours


def probe(url: str, timeout_s: int) -> ServerProbe:
    """Connect once to ``url`` (its password filled in as for opening it) and look around.

    A server that cannot be reached or refuses is a DatabaseProblem saying what to change.
    """
    target = engine_url(url)
    engine = create_engine(target, poolclass=NullPool,
                           connect_args={"connect_timeout": timeout_s,
                                         "application_name": "Dentasync Desktop"})
    try:
        with engine.connect() as connection:
            version = str(connection.exec_driver_sql("SHOW server_version").scalar())
            tables = inspect(connection).get_table_names()
            revision = (connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar()
                if "alembic_version" in tables else None)
    except OperationalError as error:
        raise connection_problem(error.orig or error, target, timeout_s) from error
    finally:
        engine.dispose()
    return ServerProbe(version.split(" ")[0], None if revision is None else str(revision),
                       bool(tables))


# libpq's and the server's words (English unless the server's lc_messages says otherwise,
# when the first line is shown as it is) -> the code of what the user has to change.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("password authentication failed", "server.wrong_password"),
    ("no password supplied", "server.no_password"),
    (r"database \".*\" does not exist", "server.no_database"),
    (r"role \".*\" does not exist", "server.no_user"),
    (r"no pg_hba\.conf entry.*no encryption", "server.tls_required"),
    (r"no pg_hba\.conf entry", "server.not_allowed"),
    ("server does not support SSL", "server.tls_unavailable"),
    (r"certificate|SSL error", "server.certificate"),
    (r"failed to resolve host|could not translate host name|Name or service not known|"
     r"nodename nor servname", "server.unknown_host"),
    (r"timeout expired|timed out", "server.timeout"),
    (r"Connection refused|No route to host|Network is unreachable|could not connect",
     "server.unreachable"),
)
_PREFIX = re.compile(r"^(connection failed: )?(connection to server at .*? failed: )?"
                     r"(FATAL: +)?")


def connection_problem(error: BaseException, url: URL, timeout_s: int) -> DatabaseProblem:
    """The driver's refusal to connect to ``url`` as one line saying what to change."""
    text = " ".join(str(error).split())
    reason = _PREFIX.sub("", (str(error).strip().splitlines() or [type(error).__name__])[0])
    params: dict[str, object] = {
        "host": url.host or "", "port": url.port or DEFAULT_PORT,
        "database": url.database or "", "user": url.username or "",
        "timeout": timeout_s, "reason": reason}
    for pattern, code in _PROBLEMS:
        if re.search(pattern, text, re.IGNORECASE):
            return DatabaseProblem(code=code, params=params)
    return DatabaseProblem(code="server.refused", params=params)
