"""Column chooser and remembered column layout (order, widths, hidden, sort) for table views."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QWidget

ELIDED_WIDTH = 110  # a name column cut shorter than this no longer tells rows apart
# Raised when the default columns change: a layout saved for the old ones (wider, or without
# the columns hidden first) would bring the horizontal scroll bar back.
LAYOUT_VERSION = 2
_REFIT = "_dentasync_refit"  # the header's own fit, run again by Reset columns


def install_column_layout(view: QTableView, key: str,
                          fit: Callable[[], None] | None = None) -> bool:
    """Restore the saved layout of ``view`` under ``key`` and keep saving it as it changes.

    Call after the model is set. The header's context menu becomes the column chooser; its
    Reset goes back to the first layout and runs ``fit`` (the widths it gives to the rows).
    Returns whether a saved layout was found.
    """
    header = view.horizontalHeader()
    header.setProperty("defaultLayout", header.saveState())
    setattr(header, _REFIT, fit)
    header.setProperty("layoutKey", key)
    saved = QSettings().value(_settings_key(key))
    restored = isinstance(saved, QByteArray | bytes) and bool(saved) and \
        header.restoreState(QByteArray(saved))
    keeper = _LayoutKeeper(view)
    header.sectionMoved.connect(keeper.changed)
    header.sectionResized.connect(keeper.changed)
    header.sortIndicatorChanged.connect(keeper.changed)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda pos: _popup(view, pos))
    return restored


def fit_columns(view: QTableView, widest: int = 220, elide: Sequence[int] = (),
                hide_first: Sequence[int] = ()) -> None:
    """Size every column to its header and the rows loaded so far, none wider than ``widest``,
    then within the view's width, so no horizontal scroll bar hides the last columns: the
    ``elide`` columns (names, cut with "…", whole in their tooltip) give up width down to
    ``ELIDED_WIDTH``, then the ``hide_first`` columns are hidden in that order (the header's
    menu shows them again)."""
    header = view.horizontalHeader()
    wanted = {column: min(widest, max(view.sizeHintForColumn(column),
                                      header.sectionSizeHint(column)))
              for column in range(header.count()) if not header.isSectionHidden(column)}
    # The vertical bar comes with the next page of rows: its room is kept from the start.
    room = view.width() - 2 * view.frameWidth() - view.verticalScrollBar().sizeHint().width()
    excess = sum(wanted.values()) - room
    spare = {c: max(0, wanted[c] - max(ELIDED_WIDTH, header.sectionSizeHint(c)))
             for c in elide if c in wanted}
    can_give = sum(spare.values())
    if excess > 0 and can_give > 0:
        share = min(1.0, excess / can_give)
        for column, width in spare.items():
            wanted[column] -= int(width * share + 0.999)
    for column in hide_first:
        if sum(wanted.values()) <= room or len(wanted) == 1:
            break
        if column in wanted:
            header.hideSection(column)
            del wanted[column]
    for column, width in wanted.items():
        header.resizeSection(column, width)


def _popup(view: QTableView, pos: QPoint) -> None:
    header = view.horizontalHeader()
    menu = column_menu(view, header)
    menu.exec(header.mapToGlobal(pos))
    menu.deleteLater()


class _LayoutKeeper(QObject):
    """Writes the layout once the view is put away (its page left, its window closed, the
    application quitting), not as it changes: a drag resizes a column many times, each page
    of rows refits them, and each write rewrites the whole settings file (~1-3 ms)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view.horizontalHeader())
        self._view = view
        self._changed = False
        view.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save)

    def changed(self) -> None:
        self._changed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:
            self.save()
        return False

    def save(self) -> None:
        if self._changed:
            self._changed = False
            save_column_layout(self._view)


def save_column_layout(view: QTableView) -> None:
    header = view.horizontalHeader()
    key = header.property("layoutKey")
    if key:
        QSettings().setValue(_settings_key(key), header.saveState())


def column_menu(view: QTableView, parent: QWidget | None = None) -> QMenu:
    """A menu with one tick per column; the last visible column cannot be hidden."""
    menu = QMenu(menu_title(), parent)
    fill_column_menu(menu, view)
    return menu


def fill_column_menu(menu: QMenu, view: QTableView) -> None:
    header = view.horizontalHeader()
    model = view.model()
    visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    for column in range(header.count()):
        title = model.headerData(column, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.DisplayRole)
        action = QAction(str(title), menu)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.setEnabled(not (len(visible) == 1 and column in visible))
        action.toggled.connect(lambda shown, c=column: _show_column(view, c, shown))
        menu.addAction(action)
    menu.addSeparator()
    reset = menu.addAction(QCoreApplication.translate("columns", "Reset columns"))
    reset.triggered.connect(lambda: _reset(view))


def menu_title() -> str:
    return QCoreApplication.translate("columns", "Columns")


def _show_column(view: QTableView, column: int, shown: bool) -> None:
    header: QHeaderView = view.horizontalHeader()
    header.setSectionHidden(column, not shown)
    if shown and header.sectionSize(column) < header.minimumSectionSize() * 2:
        view.resizeColumnToContents(column)
    save_column_layout(view)


def _reset(view: QTableView) -> None:
    header = view.horizontalHeader()
    default = header.property("defaultLayout")
    if default is not None:
        header.restoreState(default)
    fit = getattr(header, _REFIT, None)
    if fit is not None:
        fit()
    save_column_layout(view)


def _settings_key(key: str) -> str:
    return f"columns/v{LAYOUT_VERSION}/{key}"
