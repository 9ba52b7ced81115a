"""Choosing a database server: the URL is remembered per data folder, its password never is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dentasync_desktop import app
from dentasync_desktop.db import server
from dentasync_desktop.domain.errors import DatabaseProblem, StorageProblem
from dentasync_desktop.paths import DATABASE_CONFIG, DATABASE_URL_ENV, resolve_paths

from ..keyrings import MemoryKeyring

URL = "postgresql+psycopg://anna:s3cret@db.clinic.lan:5433/dentasync?sslmode=require"
BARE = "postgresql+psycopg://anna@db.clinic.lan:5433/dentasync?sslmode=require"


def test_the_url_is_remembered_without_its_password_which_goes_to_the_keyring(
    tmp_path: Path, keyring_in_memory: MemoryKeyring
) -> None:
    paths = resolve_paths(tmp_path / "data").create()
    server.remember(paths.config_dir, URL)

    stored = (paths.config_dir / DATABASE_CONFIG).read_text(encoding="utf-8")
    assert "s3cret" not in stored and json.loads(stored) == {"url": BARE}
    assert keyring_in_memory.entries == {
        ("Dentasync Desktop", "anna@db.clinic.lan:5433/dentasync"): "s3cret"}
    again = resolve_paths(tmp_path / "data")
    assert again.database_url == BARE and again.on_server
    assert server.engine_url(BARE).password == "s3cret"


def test_the_environment_overrides_the_folder_and_local_forgets_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keyring_in_memory: MemoryKeyring
) -> None:
    paths = resolve_paths(tmp_path / "data").create()
    server.remember(paths.config_dir, BARE)
    other = "postgresql+psycopg://lab@10.0.0.9/other"
    monkeypatch.setenv(DATABASE_URL_ENV, other)
    assert resolve_paths(tmp_path / "data").database_url == other
    monkeypatch.delenv(DATABASE_URL_ENV)
    monkeypatch.setenv(server.PASSWORD_ENV, "from-env")
    assert server.engine_url(BARE).password == "from-env"

    server.remember(paths.config_dir, None)
    assert resolve_paths(tmp_path / "data").database_url is None


@pytest.mark.parametrize("folder", ["x" * 300, "a\x00b", "\ud800\ud800"])
@pytest.mark.parametrize("url", [BARE, None])
def test_a_folder_no_file_system_takes_is_a_storage_refusal(
    tmp_path: Path, keyring_in_memory: MemoryKeyring, folder: str, url: str | None
) -> None:
    """A clear "cannot be opened" naming the file, not an OSError or a UnicodeEncodeError."""
    with pytest.raises(StorageProblem) as refused:
        server.remember(tmp_path / folder / "config", url)
    assert refused.value.kind == "cannot-open"
    shown = refused.value.params["path"]
    assert shown.endswith(DATABASE_CONFIG) and shown.encode("utf-8")  # showable text


def test_a_read_only_config_folder_says_read_only_or_permission(
    tmp_path: Path, keyring_in_memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Path, "write_text", refuse)
    with pytest.raises(StorageProblem) as refused:
        server.remember(tmp_path / "config", BARE)
    assert refused.value.kind == "read-only"


def test_a_url_without_a_keyring_still_works_from_the_url_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        assert server.engine_url(BARE).password is None  # the server will ask for it
        assert server.engine_url(URL).password == "s3cret"
        server.remember(tmp_path / "config", URL)  # logged, not fatal
        assert "s3cret" not in (tmp_path / "config" / DATABASE_CONFIG).read_text()
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize(("url", "says"), [
    ("mysql://anna@db/dentasync", r"must start with postgresql\+psycopg://"),
    ("postgresql+psycopg:///dentasync", "names no host or no database"),
    ("not a url", "not valid"),
])
def test_a_url_that_names_no_server_is_refused(url: str, says: str) -> None:
    with pytest.raises(DatabaseProblem, match=says):
        server.parse(url)


def test_the_redacted_url_never_shows_the_password() -> None:
    assert "s3cret" not in server.redacted(URL)


def test_an_unreachable_server_is_one_clear_line(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    def command(context: app.AppContext) -> int:
        context.database()
        return app.EXIT_OK

    code = app.run(command, data_dir=tmp_path / "data",
                   database_url="postgresql+psycopg://anna@127.0.0.1:1/dentasync")
    assert code == app.EXIT_PROBLEM
    told = capsys.readouterr().err
    assert told.startswith("Cannot connect to the database server "
                           "postgresql+psycopg://anna@127.0.0.1:1/dentasync")
    assert "Traceback" not in told
    # Remembered all the same: the next start tries the server again.
    assert resolve_paths(tmp_path / "data").database_url is not None
