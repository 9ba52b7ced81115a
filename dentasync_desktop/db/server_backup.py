"""Backups of a PostgreSQL server's database with pg_dump, restores with pg_restore.

The file's counterpart is db/backup.py; the backups share its folder, naming and rotation. The
tools come with PostgreSQL (or its client tools alone) and are looked for in
$DENTASYNC_PG_BIN, on PATH and where PostgreSQL's installers and packages put them; the newest
one at least as new as the server is used (an older pg_dump refuses a newer server). The
password reaches them in PGPASSWORD, never on the command line, where any user of the PC
could read it.

A restore never leaves a half-restored database. The archive goes into a new database next
to the old one (``<name>_restoring``), is brought to the newest schema and checked, and only
then takes the old one's name: both renames in one transaction, the old database dropped
afterwards. That needs the CREATEDB right and ownership of the database, and a connection to
the ``postgres`` database for the renames; without them pg_restore replaces the tables in
place in one transaction instead, and the safety backup is put back when the result fails
the check.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import psycopg
from psycopg import errors as pg_errors
from psycopg import sql
from psycopg.conninfo import make_conninfo
from sqlalchemy import Connection, Engine, create_engine, inspect
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from ..domain.error_text import Problem
from ..domain.errors import DatabaseInUse, DatabaseProblem
from . import server
from .backup import SERVER_SUFFIX, backup_name, rotate
from .engine import CONNECT_TIMEOUT_S
from .revisions import current_revision, known_revisions
from .storage import storage_refusals

log = logging.getLogger(__name__)

TOOLS_ENV = "DENTASYNC_PG_BIN"
# Where PostgreSQL's packages and installers put the tools when PATH does not name them:
# Debian/Ubuntu, Red Hat, the Windows and macOS installers, Postgres.app, Homebrew's libpq.
TOOL_FOLDERS = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin",
                "C:/Program Files/PostgreSQL/*/bin", "/Library/PostgreSQL/*/bin",
                "/Applications/Postgres.app/Contents/Versions/*/bin",
                "/opt/homebrew/opt/libpq/bin", "/usr/local/opt/libpq/bin")
# A session advisory lock: the PC making the daily backup holds it, the others skip theirs.
BACKUP_LOCK_KEY = 0x44_53_42_4B  # "DSBK"
# The settings row every PC reads to know when (and where) the server was last backed up.
NEWEST_KEY = "backup.newest"
DAILY = timedelta(hours=24)
RESTORING_SUFFIX = "_restoring"
REPLACED_SUFFIX = "_replaced"
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)")
_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console flashing up on Windows


@dataclass(frozen=True)
class Tool:
    name: str
    path: Path
    major: int


@dataclass(frozen=True)
class Recorded:
    """The newest backup of the server, as the PC that made it recorded it."""

    path: str
    made_at: datetime
    host: str


@dataclass(frozen=True)
class Restored:
    safety: Path | None
    in_place: bool


# --- the tools ------------------------------------------------------------------------------


def _candidates(name: str) -> list[Path]:
    program = name + (".exe" if os.name == "nt" else "")
    found: list[Path] = []
    chosen = os.environ.get(TOOLS_ENV)
    if chosen:
        found.append(Path(chosen) / program)
    on_path = shutil.which(name)
    if on_path:
        found.append(Path(on_path))
    for pattern in TOOL_FOLDERS:
        found += sorted((Path(folder) / program for folder in glob.glob(pattern)), reverse=True)
    unique = dict.fromkeys(path for path in found if path.is_file())
    return list(unique)


@lru_cache(maxsize=32)
def _major(path: Path, _stamp: int) -> int | None:
    try:
        run = subprocess.run([str(path), "--version"], capture_output=True, text=True,
                             timeout=20, check=False, creationflags=_NO_WINDOW)
    except (OSError, subprocess.SubprocessError):
        return None
    match = _VERSION.search(run.stdout)
    return int(match.group(1)) if match else None


def find_tool(name: str, server_major: int) -> Tool:
    """The newest ``name`` (pg_dump, pg_restore) at least as new as the server; refused with
    what to install when there is none."""
    tools = [Tool(name, path, major) for path in _candidates(name)
             if (major := _major(path, path.stat().st_mtime_ns)) is not None]
    if not tools:
        raise DatabaseProblem(code="pg_tool_missing",
                              params={"tool": name, "version": server_major})
    newest = max(tools, key=lambda tool: tool.major)
    if newest.major < server_major:
        raise DatabaseProblem(code="pg_tool_too_old", params={
            "tool": name, "found": newest.major, "path": str(newest.path),
            "version": server_major})
    return newest


@dataclass(frozen=True)
class _Server:
    """Where the tools connect: libpq parameters without the password, and the password."""

    url: URL

    @property
    def database(self) -> str:
        return str(self.url.database)

    def conninfo(self, database: str | None = None) -> str:
        args = self.url.translate_connect_args(username="user", database="dbname")
        args.pop("password", None)
        params: dict[str, Any] = {**args, **{key: value if isinstance(value, str) else value[-1]
                                             for key, value in self.url.query.items()}}
        params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        params["application_name"] = "Dentasync Desktop backup"
        if database is not None:
            params["dbname"] = database
        return make_conninfo(**params)

    def environment(self) -> dict[str, str]:
        environment = dict(os.environ)
        if self.url.password is not None:
            environment["PGPASSWORD"] = str(self.url.password)
        return environment

    def connect(self, database: str) -> psycopg.Connection[tuple[Any, ...]]:
        return psycopg.connect(self.conninfo(database), autocommit=True,
                               password=self.url.password)

    def engine(self, database: str | None = None) -> Engine:
        url = self.url if database is None else self.url.set(database=database)
        return create_engine(url, poolclass=NullPool,
                             connect_args={"connect_timeout": CONNECT_TIMEOUT_S})


def _run(tool: Tool, arguments: list[str], where: _Server | None,
         stdout: IO[bytes] | None = None) -> str:
    """Run ``tool``; its output (unless sent to ``stdout``), or refused with its own words."""
    try:
        run = subprocess.run(
            [str(tool.path), *arguments], stdout=stdout or subprocess.PIPE,
            stderr=subprocess.PIPE, env=where.environment() if where else None, check=False,
            creationflags=_NO_WINDOW)
    except OSError as error:
        raise DatabaseProblem(code="pg_tool_failed",
                              params={"tool": tool.name, "reason": str(error)}) from error
    if run.returncode != 0:
        raise DatabaseProblem(code="pg_tool_failed", params={
            "tool": tool.name, "reason": _first_error(run.stderr.decode(errors="replace"))})
    return "" if stdout else run.stdout.decode(errors="replace")


def _first_error(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() or "fatal" in line.lower()]
    return (errors or lines or ["exit status not 0"])[0][:400]


def server_major(connection: Connection) -> int:
    return int(connection.exec_driver_sql("SHOW server_version_num").scalar_one()) // 10000


# --- backing up -----------------------------------------------------------------------------


def back_up(url: str, target: Path) -> Path:
    """Dump the database at ``url`` into ``target`` (custom format), consistently while it is
    in use, and record it as the server's newest backup."""
    where = _Server(server.engine_url(url))
    engine = where.engine()
    try:
        with engine.connect() as connection:
            tool = find_tool("pg_dump", server_major(connection))
        _dump(tool, where, target)
        with engine.begin() as connection:
            if inspect(connection).has_table("settings"):  # else a database not yet migrated
                _record(connection, target)
    finally:
        engine.dispose()
    log.info("backed up %s to %s", server.redacted(url), target)
    return target


def back_up_into(url: str, backups_dir: Path, reason: str) -> Path:
    made = back_up(url, backup_name(backups_dir, reason, SERVER_SUFFIX))
    rotate(backups_dir, suffix=SERVER_SUFFIX)
    return made


def back_up_if_due(url: str, backups_dir: Path) -> Path | None:
    """The daily backup, made by whichever PC starts first that day: the others find the
    server backed up less than a day ago (or another PC backing it up now) and make none."""
    engine = _Server(server.engine_url(url)).engine()
    try:
        with engine.connect() as connection:
            if not connection.exec_driver_sql(
                    f"SELECT pg_try_advisory_lock({BACKUP_LOCK_KEY})").scalar_one():
                return None
            try:
                newest = recorded(connection)
                connection.rollback()
                if newest is not None and datetime.now(UTC) - newest.made_at < DAILY:
                    return None
                return back_up_into(url, backups_dir, "auto")
            finally:
                connection.exec_driver_sql(f"SELECT pg_advisory_unlock({BACKUP_LOCK_KEY})")
                connection.commit()
    finally:
        engine.dispose()


def _dump(tool: Tool, where: _Server, target: Path) -> None:
    partial = target.with_name(target.name + ".part")
    with storage_refusals(target, partial):
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with partial.open("wb") as out:
                _run(tool, ["--format=custom", "--no-password",
                            f"--dbname={where.conninfo()}"], where, stdout=out)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(target)


def _record(connection: Connection, made: Path) -> None:
    value = json.dumps({"path": str(made), "made_at": datetime.now(UTC).isoformat(),
                        "host": socket.gethostname()})
    connection.exec_driver_sql(
        "INSERT INTO settings (key, value) VALUES (%(key)s, %(value)s) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        {"key": NEWEST_KEY, "value": value})


def recorded(connection: Connection) -> Recorded | None:
    """The newest backup any PC made of this server, when one was recorded."""
    stored = connection.exec_driver_sql(
        "SELECT value FROM settings WHERE key = %(key)s", {"key": NEWEST_KEY}).scalar()
    try:
        values = json.loads(stored or "")
        return Recorded(str(values["path"]), datetime.fromisoformat(values["made_at"]),
                        str(values["host"]))
    except (ValueError, KeyError, TypeError):
        return None


def newest_recorded(url: str) -> Recorded | None:
    engine = _Server(server.engine_url(url)).engine()
    try:
        with engine.connect() as connection:
            return recorded(connection)
    finally:
        engine.dispose()


# --- restoring ------------------------------------------------------------------------------


def _table_entries(listing: str, kind: str) -> set[str]:
    """Table names of the archive's ``kind`` entries ("TABLE", "TABLE DATA")."""
    return {match.group(1) for match in re.finditer(
        rf"^\d+; \d+ \d+ {kind} \S+ (\S+) ", listing, re.MULTILINE)}


def archive_revision(tool: Tool, candidate: Path) -> tuple[str | None, str]:
    """The schema revision stored in the pg_dump archive ``candidate`` (None when it holds no
    Dentasync schema) and its table of contents; refuses what is not such an archive."""
    if not candidate.is_file():
        raise DatabaseProblem(code="backup_missing", params={"path": str(candidate)})
    try:
        listing = _run(tool, ["--list", str(candidate)], None)
    except DatabaseProblem as problem:
        raise DatabaseProblem(code="not_server_backup",
                              params={"path": str(candidate)}) from problem
    if "alembic_version" not in _table_entries(listing, "TABLE DATA"):
        return None, listing
    data = _run(tool, ["--data-only", "--table=alembic_version", "--file=-", str(candidate)],
                None)
    rows = iter(data.splitlines())
    for line in rows:
        if line.startswith("COPY ") and "alembic_version" in line:
            first = next(rows, "\\.")
            return (None if first == "\\." else first.split("\t")[0]), listing
    return None, listing


def other_connections(connection: Connection) -> int:
    """Sessions of other programs (other PCs' Dentasync, a psql) on this database."""
    return int(connection.exec_driver_sql(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_type = 'client backend'").scalar_one())


def _refuse_if_in_use(count: int, database: str) -> None:
    if count:
        raise DatabaseInUse(code="server_in_use", params={"count": count, "database": database})


Check = Callable[[Engine], list[Problem]]


def restore(url: str, candidate: Path, backups_dir: Path, migrations_dir: Path,
            problems_of: Check) -> Restored:
    """Replace the database at ``url`` with the archive ``candidate``, keeping a backup of it
    first. ``problems_of`` (given the restored database, after it was brought to the newest
    schema) says what makes it unusable; a restored database with problems is not kept."""
    where = _Server(server.engine_url(url))
    engine = where.engine()
    try:
        with engine.connect() as connection:
            major = server_major(connection)
            loader, dumper = find_tool("pg_restore", major), find_tool("pg_dump", major)
            revision, listing = archive_revision(loader, candidate)
            if revision is None:
                raise DatabaseProblem(code="not_our_database", params={"path": str(candidate)})
            if revision not in known_revisions(migrations_dir):
                raise DatabaseProblem(code="backup_from_newer", params={"path": str(candidate)})
            _refuse_if_in_use(other_connections(connection), where.database)
            owner, may_swap = _ownership(connection)
        safety = None
        if current_revision(engine) is not None:
            safety = backup_name(backups_dir, "before-restore", SERVER_SUFFIX)
            _dump(dumper, where, safety)
    finally:
        engine.dispose()
    if may_swap and _swap(where, loader, candidate, owner, migrations_dir, problems_of):
        in_place = False
    else:
        _in_place(where, loader, candidate, listing, safety, migrations_dir, problems_of)
        in_place = True
    # Rotated only now: ``candidate`` may be the oldest backup the rotation would remove.
    rotate(backups_dir, suffix=SERVER_SUFFIX)
    if safety is not None:
        after = where.engine()
        try:
            with after.begin() as connection:
                _record(connection, safety)
        finally:
            after.dispose()
    log.info("restored %s into %s (%s; previous database kept as %s)", candidate,
             server.redacted(url), "in place" if in_place else "swapped", safety)
    return Restored(safety, in_place)


def _ownership(connection: Connection) -> tuple[str, bool]:
    """The database's owner, and whether this user may create databases and rename this one."""
    owner, allowed = connection.exec_driver_sql(
        "SELECT pg_get_userbyid(d.datdba), r.rolsuper OR (r.rolcreatedb AND d.datdba = r.oid) "
        "FROM pg_database d, pg_roles r "
        "WHERE d.datname = current_database() AND r.rolname = current_user").one()
    return str(owner), bool(allowed)


def _loader_options(role: str | None = None) -> list[str]:
    # Objects belong to whoever restores (or ``role``), as the app made them; grants and
    # comments of the old server may name roles this one lacks, and the extensions' comments
    # belong to whoever created them.
    options = ["--no-owner", "--no-privileges", "--no-comments", "--exit-on-error",
               "--single-transaction", "--no-password"]
    return options + ([f"--role={role}"] if role else [])


def _not_restorable(candidate: Path, problems: list[Problem]) -> DatabaseProblem:
    return DatabaseProblem(code="not_restorable",
                           params={"path": str(candidate), "problems": problems})


def _checked(where: _Server, database: str, migrations_dir: Path, problems_of: Check
             ) -> list[Problem]:
    """The restored ``database`` brought to the newest schema, then ``problems_of`` it."""
    from .migrate import upgrade  # Alembic, only when restoring

    engine = where.engine(database)
    try:
        upgrade(engine, migrations_dir)
        return problems_of(engine)
    finally:
        engine.dispose()


@contextmanager
def _admin(where: _Server) -> Iterator[psycopg.Connection[tuple[Any, ...]] | None]:
    """A connection to the ``postgres`` database (renames need one outside the database), or
    None when the server lets this user in only to the app's own database."""
    try:
        connection = where.connect("postgres")
    except psycopg.OperationalError as error:
        log.info("no connection to the postgres database (%s): restoring in place", error)
        yield None
        return
    with connection:
        yield connection


def _swap(where: _Server, loader: Tool, candidate: Path, owner: str, migrations_dir: Path,
          problems_of: Check) -> bool:
    """Restore into ``<name>_restoring``, check it, then give it the database's name. False
    (nothing changed) when the server does not let this user do that."""
    name = where.database
    restoring, replaced = name[:50] + RESTORING_SUFFIX, name[:50] + REPLACED_SUFFIX
    with _admin(where) as admin:
        if admin is None:
            return False
        source = admin.execute(
            "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database "
            "WHERE datname = %s", (name,)).fetchone()
        assert source is not None, "the database we are connected to exists"
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(restoring)))
        admin.execute(sql.SQL(
            "CREATE DATABASE {} OWNER {} TEMPLATE template0 ENCODING {} LC_COLLATE {} "
            "LC_CTYPE {}").format(sql.Identifier(restoring), sql.Identifier(owner),
                                  *map(sql.Literal, source)))
        try:
            try:
                where.connect(restoring).close()
            except psycopg.OperationalError as error:
                log.info("no connection to %s (%s): restoring in place", restoring, error)
                return False
            try:
                # An administrator restoring makes the tables the database owner's, as the
                # app's user made them.
                role = owner if owner != where.url.username else None
                _run(loader, [*_loader_options(role),
                              f"--dbname={where.conninfo(restoring)}", str(candidate)], where)
            except DatabaseProblem as problem:
                raise _not_restorable(candidate, [problem.as_problem()]) from problem
            problems = _checked(where, restoring, migrations_dir, problems_of)
            if problems:
                raise _not_restorable(candidate, problems)
            _rename(admin, name, restoring, replaced)
        except BaseException:
            with suppress(psycopg.Error):
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(
                    sql.Identifier(restoring)))
            raise
        try:
            admin.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(replaced)))
        except psycopg.Error as error:
            log.warning("the replaced database %s could not be dropped: %s", replaced, error)
    return True


def _rename(admin: psycopg.Connection[tuple[Any, ...]], name: str, restoring: str,
            replaced: str) -> None:
    """Both renames in one transaction: the name never points at nothing for long, and a PC
    that connected meanwhile makes the first refuse, leaving everything as it was."""
    admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(replaced)))
    try:
        with admin.transaction():
            admin.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(name), sql.Identifier(replaced)))
            admin.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(restoring), sql.Identifier(name)))
    except pg_errors.ObjectInUse as error:
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
            "AND backend_type = 'client backend'", (name,)).fetchone()
        raise DatabaseInUse(code="server_in_use", params={
            "count": max(1, int(row[0]) if row else 1), "database": name}) from error


def _in_place(where: _Server, loader: Tool, candidate: Path, listing: str,
              safety: Path | None, migrations_dir: Path, problems_of: Check) -> None:
    """pg_restore --clean into the database itself, in one transaction; the safety backup
    goes back in the same way when the result is not usable."""
    try:
        _load_in_place(where, loader, candidate, listing)
        problems = _checked(where, where.database, migrations_dir, problems_of)
    except DatabaseProblem as problem:
        problems = [problem.as_problem()]
    if not problems:
        return
    if safety is not None:
        _, kept = archive_revision(loader, safety)
        _load_in_place(where, loader, safety, kept)
    raise _not_restorable(candidate, problems)


def _load_in_place(where: _Server, loader: Tool, archive: Path, listing: str) -> None:
    # The extensions stay as they are: the app's user may not drop one an administrator made.
    entries = "\n".join(line for line in listing.splitlines()
                        if " EXTENSION " not in line)
    with tempfile.TemporaryDirectory(prefix="dentasync-restore-") as folder:
        chosen = Path(folder) / "entries.list"
        chosen.write_text(entries, encoding="utf-8")
        _run(loader, [*_loader_options(), "--clean", "--if-exists",
                      f"--use-list={chosen}", f"--dbname={where.conninfo()}", str(archive)],
             where)
    _drop_leftovers(where, _table_entries(listing, "TABLE"))


def _drop_leftovers(where: _Server, restored: set[str]) -> None:
    """Tables of a newer schema than the archive's survive --clean (it drops only what the
    archive holds); the migrations would trip over them."""
    from .models import Base

    engine = where.engine()
    try:
        with engine.begin() as connection:
            present = set(connection.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").scalars())
            quote = connection.dialect.identifier_preparer.quote
            for name in sorted((present & set(Base.metadata.tables)) - restored):
                connection.exec_driver_sql(f"DROP TABLE IF EXISTS {quote(name)} CASCADE")
    finally:
        engine.dispose()
