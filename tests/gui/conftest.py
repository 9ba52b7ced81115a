"""GUI test fixtures: offscreen Qt, isolated QSettings, clients per role, message boxes."""

from __future__ import annotations

import os
import struct
import time
import zlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings, QThreadPool, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dentasync_desktop.domain.enums import Role
from dentasync_desktop.gui import worker
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.keyset_model import KeysetTableModel
from dentasync_desktop.gui.language import install_translations
from dentasync_desktop.gui.theme import apply_theme
from dentasync_desktop.gui.worker import running_jobs
from dentasync_desktop.services.maintenance import Database

from ..factories import World

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(scope="session", autouse=True)
def english_translations(qapp: QApplication) -> None:
    """The app always installs its English .qm (its plural forms: "1 page", "3 pages")."""
    install_translations("en")


@pytest.fixture(autouse=True)
def no_job_left_behind(qapp: QApplication) -> Iterator[None]:
    """A test must wait for the jobs it starts (qtbot.waitSignal / waitUntil), as napari asks
    of its workers: a job still running would call into the next test's widgets."""
    yield
    left = running_jobs()
    if left:
        QThreadPool.globalInstance().waitForDone(10_000)
        deadline = time.monotonic() + 10
        while running_jobs() and time.monotonic() < deadline:
            QCoreApplication.processEvents()  # deliver them, so the next test starts clean
        pytest.fail(f"{left} worker job(s) still running or undelivered at the end of the test")


def drop_closed_widgets() -> None:
    """Delete now the widgets pytest-qt closed with deleteLater(), which waits for an event
    loop the tests never return to: a window left alive is re-polished, with its ~1,000
    widgets, by every later change of theme or style (seconds a themed test)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def closed_widgets_dropped(qapp: QApplication) -> Iterator[None]:
    """Also the windows a test made and left behind: a MainWindow whose children's signals
    hold lambdas that name it is a cycle through C++ that Python's collector cannot see, so
    the windows run_gui opens (and dialogs nobody registered) lived on to the end of the run,
    ~600 widgets re-polished by each later theme change (0.1-0.3 s of CPU each time)."""
    before = set(qapp.topLevelWidgets())
    yield
    for widget in qapp.topLevelWidgets():
        if widget.parentWidget() is None and widget not in before:
            widget.deleteLater()
    drop_closed_widgets()


def settle(qtbot: Any, timeout: int = 30_000) -> None:
    """Wait until the GUI is quiet: every job started so far (and any job its delivery or a
    change it announced started in turn) has delivered its outcome. Between two looks the
    event loop runs for 1 ms: qtbot.waitUntil ran it 10 ms between any two, and the GUI tests
    settle about a thousand times."""
    deadline = time.monotonic() + timeout / 1000
    quiet = 0
    while True:
        QCoreApplication.processEvents()  # deliver queued results and changes
        quiet = quiet + 1 if running_jobs() == 0 else 0
        if quiet == 2:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"{running_jobs()} job(s) still running after {timeout} ms")
        qtbot.wait(1)


def fire(timer: QTimer) -> None:
    """Let a running debounce timer go off now, not once its interval runs out (0.15-0.25 s a
    search box, the test's core idle all that time): what it starts is what tests look at."""
    assert timer.isActive(), "nothing is waiting to go off"
    timer.stop()
    timer.timeout.emit()


def wait_until(qtbot: Any, done: Callable[[], bool], timeout: int = 10_000) -> None:
    """qtbot.waitUntil, looking every 1 ms rather than every 10: what a test waits for in a
    loop (a page of rows from a job) comes in a few ms, and the core sat idle the rest."""
    deadline = time.monotonic() + timeout / 1000
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not done after {timeout} ms")
        qtbot.wait(1)


def show_row(qtbot: Any, model: KeysetTableModel[Any, Any], row: int) -> None:
    """Ask for ``row`` of a windowed list as a painting view would, until the window holds
    it."""
    def there() -> bool:
        model.data(model.index(row, 0))
        return model.loaded(row) is not None
    wait_until(qtbot, there)
    settle(qtbot)


def deliver_jobs() -> None:
    """For code that cannot wait with qtbot (a patched dialog ``exec``): let the pool threads
    end, then deliver their results, and so on for the jobs those deliveries start, until a
    round changes nothing (a job whose callback is running this code stays undelivered)."""
    before: frozenset[int] | None = None
    while True:
        QThreadPool.globalInstance().waitForDone(30_000)
        QCoreApplication.processEvents()
        now = frozenset(id(job) for job in worker._RUNNING)
        if now == before or not now:
            return
        before = now


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> None:
    """Window state goes to a throw-away INI file, never to the developer's own settings: the
    test's own, as the next test's is in its own tmp_path (emptying it at the end rewrote the
    file, ~1.5 ms a test)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))
    QCoreApplication.setOrganizationName("DentasyncTests")
    QCoreApplication.setApplicationName("DentasyncDesktopTests")


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The application's real look, for screenshots; the previous look comes back after."""
    style, sheet, locale = qapp.style().name(), qapp.styleSheet(), QLocale()
    colours = qapp.palette()
    apply_theme(qapp, "light")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield qapp
    drop_closed_widgets()  # before the look changes back, as autouse teardown comes last
    QLocale.setDefault(locale)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(colours)


@pytest.fixture
def client_for(database: Database, uow_factory: Any, world: World,
               tmp_path: Path) -> Callable[[Role], ServiceClient]:
    def make(role: Role) -> ServiceClient:
        return ServiceClient(uow_factory, world.actors[role], database.paths,
                             tmp_path / "test.log")

    return make


@pytest.fixture
def client(client_for: Callable[[Role], ServiceClient]) -> ServiceClient:
    return client_for(Role.ADMIN)


class MessageBoxes:
    """QMessageBox's static functions answered without a screen; what they said is kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.answer = QMessageBox.StandardButton.Yes
        for kind in ("warning", "information", "critical", "question", "about"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))

    def _recorder(self, kind: str) -> Callable[..., Any]:
        def record(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            self.shown.append((kind, title, text))
            return self.answer if kind in ("question", "warning") else \
                QMessageBox.StandardButton.Ok
        return record

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.shown if kind is None or k == kind]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    return MessageBoxes(monkeypatch)


def screenshot(widget: QWidget, name: str) -> Path:
    """Save what ``widget`` shows to screenshots/<name>.png (git-ignored) for a human to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    QApplication.processEvents()
    return save_png(widget, path)


def save_png(widget: QWidget, path: Path) -> Path:
    """What ``widget`` shows, as a PNG whose rows are stored unfiltered and deflated at zlib's
    level 1. A run writes ~250 screenshots, and Qt's writer spent 16 ms on one of 1366x768,
    most of it choosing a filter for each row (whatever its compression level); this takes
    7 ms (12 ms with the rows joined as new bytes objects and zlib's level 3, for a file 5%
    smaller)."""
    image = widget.grab().toImage()
    assert not image.isNull(), f"nothing to save as {path}"
    alpha = image.hasAlphaChannel()
    image = image.convertToFormat(
        QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels, row = memoryview(image.constBits()), width * (4 if alpha else 3)
    # Each row copied into place after its filter byte (0: none), once.
    rows = bytearray((row + 1) * height)
    for y in range(height):
        start = y * (row + 1) + 1
        rows[start:start + row] = pixels[y * stride:y * stride + row]
    header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
                     + _png_chunk(b"IDAT", zlib.compress(rows, 1)) + _png_chunk(b"IEND", b""))
    return path


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
