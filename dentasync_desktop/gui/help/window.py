"""The user guide's window: the topics on the left, the chosen one on the right.

One window per main window, opened (or raised) by F1 at the topic of the page on show. It is
not modal, so the user can read it while working. The keyboard topic is written from the main
window's own actions, so it always tells the keys the menus really have.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..widgets.screen_fit import fit_to_screen
from .topics import KEYBOARD, TOPICS, HelpTopic, topic


def _help(text: str) -> str:
    return QCoreApplication.translate("help", text)


def shortcut_table(actions: Iterable[QAction]) -> str:
    """An HTML table of the actions that have keys: what the menu says, and the keys."""
    rows = []
    for action in actions:
        keys = action.shortcuts()
        if not keys or action.menu() is not None:
            continue
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows.append(f"<tr><td>{escape(text.rstrip('…'))}</td><td><b>{escape(shown)}</b></td></tr>")
    return "<table cellpadding='3'>" + "".join(rows) + "</table>"


class HelpWindow(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dentasync Desktop — user guide"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self._actions = list(actions)
        self.topics = QListWidget()
        for item in TOPICS:
            entry = QListWidgetItem(_help(item.title))
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            self.topics.addItem(entry)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        splitter = QSplitter()
        splitter.addWidget(self.topics)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 540])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.topics.currentItemChanged.connect(self._show_item)
        fit_to_screen(self, 760, 520)

    @property
    def shown_key(self) -> str:
        item = self.topics.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def show_topic(self, key: str) -> None:
        wanted = topic(key).key
        for row in range(self.topics.count()):
            if self.topics.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                self.topics.setCurrentRow(row)
                return

    def _show_item(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        chosen = topic(str(item.data(Qt.ItemDataRole.UserRole)))
        self.text.setHtml(self._html(chosen))

    def _html(self, chosen: HelpTopic) -> str:
        body = _help(chosen.body)
        if chosen.key == KEYBOARD:
            body += shortcut_table(self._actions)
        return f"<h2>{escape(_help(chosen.title))}</h2>{body}"
