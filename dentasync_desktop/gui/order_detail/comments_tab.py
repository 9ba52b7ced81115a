"""The Comments tab: internal notes; everyone adds, each author edits their own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from ...domain.actions import Action
from ...domain.dto import CommentInfo, OrderDetail
from ...services import comments
from .context import OrderContext, OrderTab
from .dialogs import TextDialog
from .models import CommentsFeedModel, CommentsModel
from .widgets import RecordTable, apply_gate, button, button_row


class CommentsTab(OrderTab):
    """``compact``: one narrow column, for the side panel next to the other tabs."""

    def __init__(self, context: OrderContext, parent: QWidget | None = None, *,
                 compact: bool = False) -> None:
        super().__init__(context, parent)
        self.model = CommentsFeedModel(self) if compact else CommentsModel(self)
        self.table = RecordTable(self.model, stretch_column=0 if compact else 2)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selection_changed.connect(self.update_actions)
        self.edit_button = button(self.tr("Edit selected…"), self.edit)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Write a comment… (Ctrl+Enter adds it)"))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(70)
        self.add_button = button(self.tr("Add comment"), self.add)
        self.editor.installEventFilter(self)
        layout = QVBoxLayout(self)
        if compact:
            layout.setContentsMargins(0, 0, 0, 0)
            self.table.horizontalHeader().hide()  # the panel titles the section
            self.editor.setFixedHeight(52)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.editor)
        layout.addLayout(button_row(self.edit_button, self.add_button, stretch_at=1))
        context.changed.connect(self.show_detail)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the editor adds the comment, ahead of the view's own Ctrl+Enter."""
        if (watched is self.editor and isinstance(event, QKeyEvent)
                and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.add()
            return True
        return super().eventFilter(watched, event)

    def show_detail(self, order: OrderDetail) -> None:
        self.table.show_rows(order.comments)
        self.update_actions()

    def update_actions(self) -> None:
        gate = self._context.gate(Action.COMMENT)
        apply_gate(self.add_button, gate, self.tr("Add the comment (Ctrl+Enter)"))
        self.editor.setEnabled(gate.allowed)
        comment: CommentInfo | None = self.table.selected()
        missing = ""
        if comment is None:
            missing = self.tr("Select one of your comments first")
        elif not self._own(comment):
            missing = self.tr("Only its author can edit a comment")
        apply_gate(self.edit_button, gate, missing=missing)

    def _own(self, comment: CommentInfo) -> bool:
        user_id = self._context.client.actor.user_id
        return user_id is not None and comment.author_id == user_id

    def add(self) -> None:
        if not self.add_button.isEnabled():
            return
        self._context.run(comments.add_comment, self._context.order_id,
                          self.editor.toPlainText(), then=lambda _detail: self._added())

    def _added(self) -> None:
        self.editor.clear()
        self.table.scrollToBottom()

    def edit(self) -> None:
        comment: CommentInfo | None = self.table.selected()
        if comment is None or not self.edit_button.isEnabled():
            return
        self._context.run_dialog(TextDialog(
            self, self.tr("Edit comment"), self.tr("Comment"), "body",
            self._context.submitter(comments.edit_comment, comment.id),
            text=comment.body, multiline=True))


