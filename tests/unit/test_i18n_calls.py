"""Every translate() below the GUI is spelled so that pyside6-lupdate extracts it.

lupdate's Python parser reads ``translate("ctx", "text", None, language, n)`` by its tokens: a
context or text that is not a string literal is skipped, a fourth argument that is not a plain
name (``self.language``, ``"de"``, ``None``) drops or mis-marks the message, and only a fifth
argument makes it a numerus message. A message spelled otherwise would silently stay English.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import dentasync_desktop

PACKAGE = Path(dentasync_desktop.__file__).parent
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts)


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _simple_count(node: ast.expr) -> bool:
    """What lupdate takes for a count: a name, a number, or a call of a name on names."""
    if isinstance(node, ast.Name | ast.Constant):
        return True
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and all(isinstance(a, ast.Name | ast.Constant) for a in node.args)
            and not node.keywords)


def problems(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node) != "translate":
            continue
        args = node.args
        if node.keywords:
            found.append(f"line {node.lineno}: keyword arguments hide the message from lupdate")
        if len(args) < 2:
            continue
        if not (_literal(args[0]) and _literal(args[1])):
            # A source chosen at run time: it must be marked where it is defined.
            if _literal(args[1]) or (isinstance(args[1], ast.JoinedStr)):
                found.append(f"line {node.lineno}: the context must be a string literal")
            continue
        if "%n" in args[1].value and len(args) != 5:  # type: ignore[attr-defined]
            found.append(f"line {node.lineno}: a %n message needs the count as 5th argument")
        if len(args) >= 3 and not (_literal(args[2]) or (
                isinstance(args[2], ast.Constant) and args[2].value is None)):
            found.append(f"line {node.lineno}: the disambiguation must be a literal or None")
        if len(args) >= 4 and not isinstance(args[3], ast.Name):
            found.append(f"line {node.lineno}: the language must be a plain name")
        if len(args) == 5 and not _simple_count(args[4]):
            found.append(f"line {node.lineno}: the count must be a name, a number or f(name)")
        if len(args) > 5:
            found.append(f"line {node.lineno}: too many arguments")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_translate_calls_are_extractable(path: Path) -> None:
    assert problems(ast.parse(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(("code", "ok"), [
    ('translate("c", "Text")', True),
    ('translate("c", "Text", None, language)', True),
    ('translate("c", "%n page(s)", None, language, pages)', True),
    ('translate("c", "%n page(s)", None, language, len(pages))', True),
    ('translate("c", "%n page(s)", None, pages)', False),
    ('translate("c", "Text", None, self.language)', False),
    ('translate("c", "Text", None, "de")', False),
    ('translate("c", "%n x", None, language, int(p["n"]))', False),
    ('translate("c", "Text", language=language)', False),
    ('translate("c", SOURCE, None, language)', True),
])
def test_the_check_knows_lupdates_spellings(code: str, ok: bool) -> None:
    assert (problems(ast.parse(code)) == []) is ok


def test_no_marked_text_starts_with_a_line_continuation() -> None:
    """lupdate keeps the newline of a backslash continuation that Python drops: the .ts would
    hold a source text the code never asks for."""
    spelled = re.compile(r"(?:QT_TRANSLATE_NOOP|translate|tr)\([^()]*?(?:\"\"\"|''')\\\n")
    found = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
             if spelled.search(path.read_text(encoding="utf-8"))]
    assert found == []
