"""Every user-visible string literal in gui/ goes through tr()/translate(), so lupdate finds
it and the user reads it in their language.

The check walks the GUI's syntax trees: a string literal with letters (or an f-string with
literal letters) given straight to a call that puts text on screen is a finding. Text that is
not words in any language (a unit symbol, a code, a file filter's pattern) is allowed by name.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import dentasync_desktop

GUI = Path(dentasync_desktop.__file__).parent / "gui"
SOURCES = sorted(GUI.rglob("*.py"))

# Calls whose every string argument is shown to the user.
SHOWN_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "setTitle", "setLabelText", "setInformativeText", "setSuffix", "setPrefix",
    "setSpecialValueText", "showMessage", "setTabText", "setAccessibleName", "addAction",
    "addMenu", "addTab", "insertTab", "addItem", "insertItem", "addRow", "setHeaderLabels",
    "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setItemText", "setButtonText",
    "setCancelButtonText", "setWindowIconText", "show_text", "getText", "getOpenFileName",
    "getSaveFileName", "getExistingDirectory",
}
# QMessageBox's static boxes (not a logger's warning()).
BOXES = {"information", "warning", "critical", "question", "about"}
# Where a combo box item's text is: its first argument, or its second after an icon.
ITEM_TEXT = {"addItem": 0, "insertItem": 1}
SHOWN_CLASSES = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
    "QMenu", "QCommandLinkButton", "QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem",
    "QStandardItem", "QProgressDialog",
}
# Literals that are not words: symbols, codes and patterns every language shows as they are.
NOT_TEXT = {
    "IBAN", "BIC", "EUR", "PDF", "CSV", "XLSX", "ID", "WO-000123", "mm", "px",
}
LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
HELPER = re.compile(r"_+|_+tr_*|tr_+|_+translate_*")
MARKUP = re.compile(r"<[^>]*>|&\w+;")


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _texts(node: ast.expr) -> list[tuple[int, str]]:
    """The string literals ``node`` puts on screen as they are (not through a call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node.lineno, node.value)]
    if isinstance(node, ast.JoinedStr):
        literal = "".join(v.value for v in node.values
                          if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return [(node.lineno, literal)]
    if isinstance(node, ast.List | ast.Tuple):
        return [text for element in node.elts for text in _texts(element)]
    if isinstance(node, ast.IfExp):
        return _texts(node.body) + _texts(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _texts(node.left) + _texts(node.right)
    return []


def _shown_arguments(call: ast.Call) -> list[ast.expr]:
    name = _name(call)
    if name in ITEM_TEXT:
        first = ITEM_TEXT[name]
        lead = call.args[first:first + 1]
        after_icon = bool(lead) and "icon" in ast.unparse(lead[0]).lower()
        return call.args[first + 1:first + 2] if after_icon else lead
    if name in BOXES:
        func = call.func
        boxed = (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                 and func.value.id == "QMessageBox")
        return call.args if boxed else []
    if name in SHOWN_METHODS or name in SHOWN_CLASSES:
        return [*call.args, *(k.value for k in call.keywords
                              if k.arg in {"text", "title", "toolTip"})]
    return []


def findings(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and HELPER.fullmatch(node.func.id) and any(
                _texts(argument) for argument in node.args):
            # lupdate reads tr()/translate() by name and context: a helper hides the text.
            found.append(f"line {node.lineno}: {node.func.id}() is not read by lupdate")
        for argument in _shown_arguments(node):
            for line, text in _texts(argument):
                words = MARKUP.sub("", text)
                if LETTERS.search(words) and words.strip() not in NOT_TEXT:
                    found.append(f"line {line}: {_name(node)}({text!r})")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(GUI)))
def test_shown_text_goes_through_tr(path: Path) -> None:
    assert findings(ast.parse(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(("code", "found"), [
    ('label.setText("Saved")', True),
    ('label.setText(self.tr("Saved"))', False),
    ('label.setText(translate("ctx", "Saved"))', False),
    ('QLabel(f"Total: {total}")', True),
    ('QLabel(f"{a} · {b}")', False),
    ('box.setWindowTitle("Dentasync" if x else self.tr("Other"))', True),
    ('QPushButton("…")', False),
    ('form.addRow("IBAN", edit)', False),
    ('combo.addItem(name, code)', False),
    ('combo.addItem("Light", "light")', True),
    ('combo.addItem(self.tr("Light"), "light")', False),
    ('combo.addItem(icon, self.tr("Light"), "light")', False),
    ('log.warning("reminder check failed: %s", error)', False),
    ('PageSpec("today", _tr("Today"))', True),
    ('QLabel(f"<b>{self.tr(\'Name\')}</b>")', False),
    ('QMessageBox.warning(self, self.tr("Title"), "Something failed")', True),
])
def test_the_check_finds_bare_text(code: str, found: bool) -> None:
    assert bool(findings(ast.parse(code))) is found
