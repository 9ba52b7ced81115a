"""`dentasync-desktop print order|label|instructions`, run in-process through cli.main."""

from __future__ import annotations

from pathlib import Path

import pytest

from dentasync_desktop import cli
from dentasync_desktop.paths import DATA_DIR_ENV

from ..documents_samples import needs_pdftotext, pdf_pages, pdf_text
from ..factories import PASSWORD, World
from .helpers import new_order


@pytest.fixture(autouse=True)
def _no_env_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(tmp_path / "data"), "--user", "admin", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@needs_pdftotext
def test_print_order_with_sections_and_paper(world: World, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    new_order(world)
    target = tmp_path / "form.pdf"
    code, out, err = run(capsys, tmp_path, "print", "order", "WO-000001", "-o", str(target),
                         "--sections", "items,prices", "--paper", "letter")
    assert (code, err) == (0, "")
    assert out.strip() == f"Wrote {target}"
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "Zirconia crown" in text and "€250.00" in text and "Work plan" not in text


@needs_pdftotext
def test_print_label_and_instructions(world: World, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    new_order(world)
    code, _out, _err = run(capsys, tmp_path, "print", "label", "1", "-o",
                           str(tmp_path / "label.pdf"), "--size", "4x6")
    assert code == 0
    (page,) = pdf_pages((tmp_path / "label.pdf").read_bytes())
    assert "WO-000001" in page and "Anna Schäfer" in page
    code, out, _err = run(capsys, tmp_path, "print", "instructions", "wo 1", "-o",
                          str(tmp_path / "pay.pdf"))
    assert code == 0 and "Wrote" in out
    assert "DE89 3704 0044 0532 0130 00" in pdf_text((tmp_path / "pay.pdf").read_bytes())


def test_notes_are_printed(world: World, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    new_order(world, lab_id=world.lab2_id)
    code, out, _err = run(capsys, tmp_path, "print", "instructions", "1", "-o",
                          str(tmp_path / "pay.pdf"))
    assert code == 0
    assert "Note: Łukasz Dental Lab has no IBAN on file" in out


@pytest.mark.parametrize(("argv", "message"), [
    (("print", "order", "42", "-o", "{dir}/x.pdf"), "There is no work order WO-000042."),
    (("print", "order", "abc", "-o", "{dir}/x.pdf"), "Number: 'abc' is not an order number"),
    (("print", "order", "1", "-o", "{dir}/x.pdf", "--sections", "items,photos"),
     "Sections: Unknown section 'photos'"),
    (("print", "label", "1", "-o", "{dir}/missing/x.pdf"), "Output file: The folder"),
])
def test_problems_are_one_clear_line(world: World, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str], argv: tuple[str, ...],
                                     message: str) -> None:
    new_order(world)
    code, out, err = run(capsys, tmp_path, *(a.format(dir=tmp_path) for a in argv))
    assert code == 1 and out == ""
    assert err.startswith(message) and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, tmp_path, "print", "label", "1", "-o", "x.pdf",
                          "--size", "3x3")
    assert code == 2 and "invalid choice: '3x3'" in err
    code, _out, err = run(capsys, tmp_path, "print", "order", "1")
    assert code == 2 and "-o/--output" in err
    code, _out, err = run(capsys, tmp_path, "print")
    assert code == 2 and "DOCUMENT" in err


def test_printing_needs_a_user_of_this_database(world: World, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    new_order(world)
    target = tmp_path / "form.pdf"
    code = cli.main(["--data-dir", str(tmp_path / "data"), "print", "order", "1", "-o",
                     str(target)])
    assert code == cli.EXIT_USAGE
    assert "sign in with --user NAME" in capsys.readouterr().err
    code, _out, err = run(capsys, tmp_path, "--user", "nobody", "print", "order", "1", "-o",
                          str(target))
    assert code == 1
    assert err.strip() == "Unknown user or wrong password."
    assert not target.exists()
