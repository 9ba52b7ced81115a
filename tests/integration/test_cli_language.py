"""The command line speaks the language of --lang, else $DENTASYNC_LANG, else the system's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dentasync_desktop import cli
from dentasync_desktop.i18n import translate
from dentasync_desktop.paths import DATA_DIR_ENV, AppPaths, resolve_paths
from dentasync_desktop.services.maintenance import connect_database


@pytest.fixture(autouse=True)
def _sound_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                    migrated_copy: Callable[[AppPaths], AppPaths]) -> None:
    """A migrated database in its own data folder, so that `check` finds nothing wrong."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    connect_database(migrated_copy(resolve_paths(tmp_path / "data"))).close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def words(source: str, language: str) -> str:
    text = translate("cli", source, None, language)
    assert text != source, f"dentasync_{language}.ts does not translate {source!r}"
    return text


@pytest.mark.parametrize("argv", [["--lang", "de", "check"], ["check", "--lang", "de"],
                                  ["--lang=de", "check"]])
def test_lang_before_or_after_the_command(capsys: pytest.CaptureFixture[str],
                                          argv: list[str]) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == cli.EXIT_OK
    assert words("OK: no problems found.", "de") in out


def test_the_environment_chooses_when_no_option_does(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.LANGUAGE_VARIABLE, "fr")
    code, out, _ = run(capsys, "check")
    assert code == cli.EXIT_OK and words("OK: no problems found.", "fr") in out
    code, out, _ = run(capsys, "--lang", "es", "check")
    assert words("OK: no problems found.", "es") in out


def test_what_check_looked_at_is_in_the_language(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--lang", "de", "check")
    data = resolve_paths(tmp_path / "data")
    assert code == cli.EXIT_OK
    assert words("database: {where}", "de").format(where=data.database) in out
    assert words("backups: {where}", "de").format(where=data.backups_dir) in out
    assert words("newest backup: none", "de") in out
    for english in ("database:", "backups:", "schema:", "newest backup"):
        assert english not in out


def test_help_is_in_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "de", "--help")
    assert code == 0
    assert words("check the database and the folders", "de") in out
    assert "check the database and the folders" not in out


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lang", "tlh", "check")
    assert code == cli.EXIT_USAGE and "--lang" in err


def test_english_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check")
    assert code == cli.EXIT_OK and "OK: no problems found." in out
