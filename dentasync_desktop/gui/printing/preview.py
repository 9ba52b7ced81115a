"""The print preview: the generated PDF in a QPdfView, with Print…, Save as PDF… and choices
(order-form sections, paper, label size) that re-render it at once."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from itertools import count
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dto import PrintResult
from ...domain.errors import DomainError
from ...services import printing
from ..client import ServiceClient
from ..errors import show_refusal
from ..translation import UTF8, translate
from ..widgets.screen_fit import fit_to_screen
from ..worker import Job
from .printer import print_document, printer_for

# The (not started) job that writes the document to the given path and says what it left out.
Render = Callable[[Path], Job[PrintResult]]


_OPEN: set[PreviewDialog] = set()


def open_previews() -> list[PreviewDialog]:
    """The previews opened and not yet closed (shown, or waiting for their first rendering)."""
    return list(_OPEN)


class Options(QWidget):
    """The choices beside the preview; ``changed`` asks for a fresh rendering."""

    changed = Signal()


class PaperChoice(QComboBox):
    def __init__(self, paper: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(translate("printing", "A4"), "a4")
        self.addItem(translate("printing", "US Letter"), "letter")
        self.setCurrentIndex(max(0, self.findData(paper)))

    def paper(self) -> str:
        return str(self.currentData())


class OrderFormOptions(Options):
    """Which sections print (remembered for next time) and on which paper."""

    def __init__(self, client: ServiceClient, sections: frozenset[str], paper: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(translate("printing", "Sections"))
        boxes = QVBoxLayout(box)
        self.boxes: dict[str, QCheckBox] = {}
        for key, label in printing.SECTIONS.items():
            check = QCheckBox(translate("printing", label))
            check.setChecked(key in sections)
            check.toggled.connect(self._sections_changed)
            boxes.addWidget(check)
            self.boxes[key] = check
        layout.addWidget(box)
        form = QFormLayout()
        self.paper_choice = PaperChoice(paper)
        self.paper_choice.currentIndexChanged.connect(lambda _i: self.changed.emit())
        form.addRow(translate("printing", "Paper:"), self.paper_choice)
        layout.addLayout(form)
        layout.addStretch(1)

    def sections(self) -> frozenset[str]:
        return frozenset(key for key, check in self.boxes.items() if check.isChecked())

    def paper(self) -> str:
        return self.paper_choice.paper()

    def _sections_changed(self) -> None:
        self._client.submit(printing.save_sections, self.sections()).then(busy=self)
        self.changed.emit()


class ChoiceOptions(Options):
    """One labelled drop-down: the paper of the payment instructions, the size of a label."""

    def __init__(self, caption: str, choice: QComboBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(caption, choice)
        choice.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def value(self) -> str:
        return str(self.choice.currentData())


def label_size_choice() -> QComboBox:
    choice = QComboBox()
    for key, name in printing.LABELS.items():
        choice.addItem(name, key)
    return choice


class PreviewDialog(QDialog):
    """Shows what ``render`` writes; the preview files live in a private temporary folder.

    Call ``refresh()`` for the first rendering: the dialog shows when that is in, or, if it
    is refused, closes unseen. Later renderings (changed choices) replace the shown one; an
    answer older than the latest request is dropped. Until it closes the dialog is kept in
    ``open_previews()``, so a preview without a parent window lives on.
    """

    def __init__(self, parent: QWidget | None, title: str, file_name: str, save_dir: Path,
                 render: Render, options: Options | None = None,
                 whole_page: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _OPEN.add(self)
        self.finished.connect(lambda _code: _OPEN.discard(self))
        fit_to_screen(self, 1000, 760)
        self._render = render
        self._file_name = file_name
        self._save_dir = save_dir
        self._folder = Path(tempfile.mkdtemp(prefix="dentasync-preview-"))
        self._serial = count(1)
        self._latest = 0  # the serial of the latest rendering asked for
        self.current: PrintResult | None = None
        self.options = options

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        # Sheets are read down the page; a label is looked at whole.
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView if whole_page
                              else QPdfView.ZoomMode.FitToWidth)
        self.notes = QLabel()
        self.notes.setObjectName("printNotes")
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.pages = QLabel()

        self.print_button = QPushButton(translate("printing", "&Print…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_)
        self.save_button = QPushButton(translate("printing", "&Save as PDF…"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save_as)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        if options is not None:
            side = QVBoxLayout()
            side.addWidget(options)
            body.addLayout(side)
            options.changed.connect(self.refresh)
        body.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addLayout(body, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.pages, 1)
        footer.addWidget(buttons)
        layout.addLayout(footer)

    def refresh(self) -> Job[PrintResult]:
        """Render again, off the GUI thread, into a new file (the open one may be locked)
        and show it."""
        serial = self._latest = next(self._serial)
        target = self._folder / f"preview-{serial}.pdf"
        return self._render(target).then(
            lambda result: self._rendered(serial, result), self._refused, busy=self)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, DomainError):
            raise error
        show_refusal(self.parentWidget() if self.current is None else self, error)
        if self.current is None:
            self.done(0)  # nothing to show

    def _rendered(self, serial: int, result: PrintResult) -> None:
        if serial != self._latest:
            result.path.unlink(missing_ok=True)
            return
        previous = self.current
        self.document.close()
        self.document.load(str(result.path))
        if previous is not None:
            previous.path.unlink(missing_ok=True)
        self.current = result
        self._show_notes(result.notes)
        pages = self.document.pageCount()
        self.pages.setText(translate("printing", "%n page(s)", None, UTF8, pages))
        ready = self.document.status() is QPdfDocument.Status.Ready
        self.print_button.setEnabled(ready and pages > 0)
        self.save_button.setEnabled(ready)
        if previous is None:
            self.show()

    def _show_notes(self, notes: tuple[str, ...]) -> None:
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def print_(self) -> None:
        printer = printer_for(self.document, self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        printed = print_document(self.document, printer)  # a printer failure: the hook says it
        self.pages.setText(translate("printing", "Sent %n page(s) to {printer}.", None, UTF8,
                                     printed).format(
            printer=printer.printerName() or printer.outputFileName()))

    def save_as(self) -> None:
        self._save_dir.mkdir(parents=True, exist_ok=True)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, translate("printing", "Save as PDF"), str(self._save_dir / self._file_name),
            translate("printing", "PDF documents (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._render(target).then(self._saved, busy=self)

    def _saved(self, result: PrintResult) -> None:
        self._save_dir = result.path.parent
        self.pages.setText(translate("printing", "Saved {path}").format(path=result.path))

    def done(self, code: int) -> None:
        self.document.close()
        shutil.rmtree(self._folder, ignore_errors=True)
        super().done(code)
