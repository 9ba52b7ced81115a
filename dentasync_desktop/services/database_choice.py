"""Settings > Database: which database this data folder uses, tried before it is chosen.

The choice is this computer's SQLite file or a PostgreSQL server. It is kept per data folder
(db/server.py: the URL without its password in ``config/database.json``, the password in the
OS keyring) and applies from the next start: the open window keeps its database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from ..db import server
from ..db.revisions import head_revision, known_revisions
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor
from ..domain.errors import ValidationError
from ..paths import DATABASE_URL_ENV, AppPaths, bundled
from .guards import authorize
from .unit_of_work import UnitOfWork

# psycopg's (libpq's) sslmode values, weakest first.
TLS_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
# libpq's own default: TLS when the server offers it, so a URL without sslmode means this.
DEFAULT_TLS = "prefer"
# A test that waits longer than this for an answer reports the server as not answering.
TEST_TIMEOUT_S = 5
# PostgreSQL cuts names longer than NAMEDATALEN - 1 bytes; a host name has at most 253.
NAME_LIMIT = 63
HOST_LIMIT = 253
PASSWORD_LIMIT = 1000
PASSWORD_ENV = server.PASSWORD_ENV


@dataclass(frozen=True)
class ServerSettings:
    host: str = ""
    port: int = server.DEFAULT_PORT
    database: str = "dentasync"
    user: str = "dentasync"
    password: str = ""  # "": keep (or use) the one the keyring or the environment has
    tls: str = DEFAULT_TLS


class SchemaState(StrEnum):
    EMPTY = "empty"  # no tables yet: set up at the first start
    CURRENT = "current"
    OLDER = "older"  # an earlier version's schema: upgraded at the next start
    NEWER = "newer"  # written by a newer version of the app, which this one refuses
    FOREIGN = "foreign"  # tables, but no Dentasync schema version: not ours


@dataclass(frozen=True)
class DatabaseChoice:
    """What the data folder uses now (never with a password)."""

    file: Path  # this computer's database file, used when ``server`` is None
    server: ServerSettings | None
    overridden: bool  # $DENTASYNC_DATABASE_URL is set and decides instead of the stored choice
    password_in_environment: bool  # $DENTASYNC_DATABASE_PASSWORD is set


@dataclass(frozen=True)
class ConnectionReport:
    version: str  # the server's, e.g. "15.8"
    schema: SchemaState
    revision: str | None


@dataclass(frozen=True)
class SavedChoice:
    server: ServerSettings | None
    password_kept: bool  # False: a password was given and no OS keyring could keep it
    restart_needed: bool  # the window uses another database until the next start


def url_of(settings: ServerSettings, with_password: bool = False) -> str:
    """The server's URL (postgresql+psycopg://...), every part quoted as URLs need."""
    query = {} if settings.tls == DEFAULT_TLS else {"sslmode": settings.tls}
    return server.build(settings.host, settings.port, settings.database, settings.user,
                        settings.password if with_password else None, query)


def settings_of(url: str) -> ServerSettings:
    """The parts of a server's URL; refused (DatabaseProblem) when it names no server."""
    parsed = server.parse(url)
    tls = parsed.query.get("sslmode", DEFAULT_TLS)
    return ServerSettings(
        host=parsed.host or "", port=parsed.port or server.DEFAULT_PORT,
        database=parsed.database or "", user=parsed.username or "",
        password=str(parsed.password or ""), tls=tls if isinstance(tls, str) else tls[-1])


def validated(settings: ServerSettings) -> ServerSettings:
    """The settings trimmed, or a refusal naming every field that cannot be."""
    check = validation.Checks()
    host = check(_host, settings.host)
    port = check(validation.whole_number, settings.port, "port", 1, 65535)
    database = check(validation.required, settings.database, "database", NAME_LIMIT)
    user = check(validation.required, settings.user, "user", NAME_LIMIT)
    check(validation.limited, settings.password, "password", PASSWORD_LIMIT)  # kept as typed
    tls = check(_tls_mode, settings.tls)
    check.done()
    return ServerSettings(host, port, database, user, settings.password, tls)


def _host(value: str) -> str:
    host = validation.required(value, "host", HOST_LIMIT)
    if any(c.isspace() or c in "/?#@" for c in host):
        raise ValidationError("host", code="not_host", params={"value": host})
    return host


def _tls_mode(value: str) -> str:
    if value not in TLS_MODES:
        raise ValidationError("TLS mode", code="not_one_of",
                              params={"value": value, "choices": list(TLS_MODES)})
    return value


def current_choice(paths: AppPaths) -> DatabaseChoice:
    """The database this data folder uses, to pre-fill the form."""
    chosen = None
    if paths.database_url is not None:
        chosen = replace(settings_of(paths.database_url), password="")
    return DatabaseChoice(
        file=paths.database, server=chosen,
        overridden=bool(os.environ.get(DATABASE_URL_ENV)),
        password_in_environment=bool(os.environ.get(PASSWORD_ENV)))


def try_connection(settings: ServerSettings,
                    migrations_dir: Path | None = None) -> ConnectionReport:
    """Connect once and say whether the server holds this version's schema, an older one (to
    upgrade), none (to set up) or something else; a DatabaseProblem says what to change.

    An empty password uses the one the environment or the keyring has, as start-up would.
    """
    settings = validated(settings)
    found = server.probe(url_of(settings, with_password=True), TEST_TIMEOUT_S)
    migrations = migrations_dir or bundled("migrations")
    if found.revision is None:
        schema = SchemaState.FOREIGN if found.has_tables else SchemaState.EMPTY
    elif found.revision == head_revision(migrations):
        schema = SchemaState.CURRENT
    elif found.revision in known_revisions(migrations):
        schema = SchemaState.OLDER
    else:
        schema = SchemaState.NEWER
    return ConnectionReport(found.version, schema, found.revision)


def choose_server(uow: UnitOfWork, actor: Actor, paths: AppPaths,
                  settings: ServerSettings) -> SavedChoice:
    """Point the data folder at the server from the next start: its URL without the password
    into the folder's configuration, the password (when one is given) into the OS keyring."""
    settings = validated(settings)
    with uow:
        authorize(uow, actor, Action.CHOOSE_DATABASE)
    url = url_of(settings)
    server.remember(paths.config_dir, url)
    kept = True
    if settings.password:
        kept = server.store_password(server.parse(url), settings.password)
    return SavedChoice(replace(settings, password=""), kept,
                       restart_needed=_differs(paths.database_url, url))


def choose_this_computer(uow: UnitOfWork, actor: Actor, paths: AppPaths) -> SavedChoice:
    """Back to the data folder's own file from the next start; the server's URL is forgotten
    (its password stays in the keyring, where another data folder may still need it)."""
    with uow:
        authorize(uow, actor, Action.CHOOSE_DATABASE)
    server.remember(paths.config_dir, None)
    return SavedChoice(None, True, restart_needed=paths.database_url is not None)


def _differs(running: str | None, chosen: str) -> bool:
    if running is None:
        return True
    return server.redacted(running) != server.redacted(chosen)
