"""File names from outside (an attachment's original name) made safe to show and to save."""

from __future__ import annotations

import pytest

from dentasync_desktop.domain.text import safe_file_name


@pytest.mark.parametrize(("raw", "expected"), [
    ("C:\\Users\\anna\\scan.stl", "scan.stl"),
    ("/home/anna/form.pdf", "form.pdf"),
    ("  photo\tfront.jpg  ", "photofront.jpg"),
    ("Cafe\u0301.png", "Café.png"),
    ("..", ""),
    ("dir/", ""),
    ("\x00\x1f", ""),
    ("a" * 300 + ".pdf", "a" * 251 + ".pdf"),
    ("b" * 300, "b" * 255),
    ("c" * 250 + "." + "d" * 40, ("c" * 250 + "." + "d" * 40)[:255]),
    # Windows: device names with or without an extension, in any case.
    ("CON", "_CON"), ("con", "_con"), ("NUL.txt", "_NUL.txt"), ("nul.tar.gz", "_nul.tar.gz"),
    ("com1", "_com1"), ("LPT9.pdf", "_LPT9.pdf"), ("COM¹.txt", "_COM¹.txt"),
    ("AUX .txt", "_AUX .txt"),
    ("CONTRACT.pdf", "CONTRACT.pdf"), ("console.log", "console.log"), ("com10", "com10"),
    # Windows: reserved characters (":" would write an NTFS stream), trailing dots and spaces.
    ("name:stream", "name_stream"), ("scan:Zone.Identifier:$DATA", "scan_Zone.Identifier_$DATA"),
    ('a<b>c"d|e?f*g.pdf', "a_b_c_d_e_f_g.pdf"), ("report.", "report"), ("report . . ", "report"),
    ("...", ""), ("x" * 254 + ". .pdf", "x" * 251 + ".pdf"),
    # A byte that is not UTF-8 in a POSIX name arrives as a lone surrogate (found by fuzzing).
    ("scan\udcff.pdf", "scan\ufffd.pdf"), ("\ud800", "\ufffd"),
])
def test_safe_file_name(raw: str, expected: str) -> None:
    assert safe_file_name(raw) == expected
