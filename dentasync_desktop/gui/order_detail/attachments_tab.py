"""The Attachments tab: lab forms, scans and photos, added by file dialog or drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from ...domain.actions import Action
from ...domain.dto import AttachmentInfo, OrderDetail
from ...services import attachments
from .context import OrderContext, OrderTab
from .models import THUMBNAIL, AttachmentsModel
from .widgets import RecordTable, apply_gate, button, button_row, confirm


def local_files(mime: QMimeData) -> list[Path]:
    """The local files among dragged URLs; folders and remote URLs are not attachments."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]


class AttachmentsTab(OrderTab):
    def __init__(self, context: OrderContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAcceptDrops(True)
        self.model = AttachmentsModel(self)
        self.table = RecordTable(self.model, stretch_column=0)
        self.table.setWordWrap(False)
        self.table.setIconSize(THUMBNAIL)
        self.table.verticalHeader().setDefaultSectionSize(THUMBNAIL.height() + 8)
        self.table.doubleClicked.connect(lambda _index: self.open())
        self.table.selection_changed.connect(self.update_actions)
        self.add_button = button(self.tr("Add files…"), self.add)
        self.open_button = button(self.tr("Open"), self.open)
        self.remove_button = button(self.tr("Remove…"), self.remove)
        self.hint = QLabel(self.tr("Tip: drop files here to attach them."))
        self.hint.setObjectName("hintLabel")
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.add_button, self.open_button, self.remove_button,
                                    self.hint, stretch_at=3))
        layout.addWidget(self.table)
        context.changed.connect(self.show_detail)

    def show_detail(self, order: OrderDetail) -> None:
        self.table.show_rows(order.attachments)
        self.update_actions()

    def update_actions(self) -> None:
        gate = self._context.gate(Action.ATTACHMENTS)
        attachment: AttachmentInfo | None = self.table.selected()
        none = self.tr("Select an attachment first") if attachment is None else ""
        apply_gate(self.add_button, gate, self.tr("Copy files into the order"))
        self.open_button.setEnabled(attachment is not None)
        self.open_button.setToolTip(none or self.tr("Open with the system viewer"))
        apply_gate(self.remove_button, gate, missing=none)
        self.hint.setVisible(gate.allowed)

    def add(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """One after the other; the first refusal stops the rest."""
        if paths:
            self._context.run(attachments.add_attachment, self._context.order_id, paths[0],
                              then=lambda _detail: self.add_files(paths[1:]))

    def open(self) -> None:
        attachment: AttachmentInfo | None = self.table.selected()
        if attachment is not None:
            # Off the GUI thread: on a server the content may first come from the database.
            self._context.read(self._context.client.submit(attachments.local_file, attachment.id),
                               lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def remove(self) -> None:
        attachment: AttachmentInfo | None = self.table.selected()
        if attachment is not None and confirm(
                self, self.tr("Remove attachment"),
                self.tr("Remove “{name}” from the order?").format(
                    name=attachment.original_name)):
            self._context.run(attachments.remove_attachment, attachment.id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._context.gate(Action.ATTACHMENTS).allowed and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())
        if not paths or not self._context.gate(Action.ATTACHMENTS).allowed:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)
