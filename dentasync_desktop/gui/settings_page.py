"""Settings: the organisation's details, printing defaults, backup / restore, the database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.actions import Action
from ..domain.dto import BackupNote, OrganisationSettings, ScheduleSettings
from ..domain.enums import PaperSize
from ..domain.errors import DomainError
from ..domain.readiness import MAX_WARNING_DAYS
from ..i18n import LANGUAGES, default_language
from ..services import maintenance, settings, users
from ..services.changes import Change, ChangeKind
from .access import gate
from .changes import ChangeRelay
from .database_settings import DatabaseSection
from .formatting import datetime_text
from .forms import holding
from .language import SYSTEM, store_choice, stored_choice, system_language
from .masterdata.labs import multi_line
from .masterdata.page import page_heading
from .theme import apply_theme, save_theme, saved_theme
from .translation import QT_TRANSLATE_NOOP
from .widgets.busy import show_busy
from .widgets.currency import CurrencyCombo
from .widgets.field_errors import FieldMarks
from .widgets.inline_error import error_label
from .widgets.screen_fit import scrolling

if TYPE_CHECKING:
    from .shell import Shell

PAPER_LABELS = {
    PaperSize.A4: QT_TRANSLATE_NOOP("SettingsPage", "A4 (210 × 297 mm)"),
    PaperSize.LETTER: QT_TRANSLATE_NOOP("SettingsPage", "US Letter (8.5 × 11 in)"),
}
LOGO_HEIGHT = 56


class SettingsPage(QWidget):
    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self._shell = shell
        self._client = shell.client
        self.fields: dict[str, QWidget] = {}
        self._saving = False  # its own save brings the saved values back

        self.name = QLineEdit()
        self.address = multi_line(lines=3)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(self.tr("No logo"))
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedHeight(LOGO_HEIGHT)
        self.logo_preview.setMinimumWidth(LOGO_HEIGHT)
        self.logo.textChanged.connect(self._show_logo)
        logo_button = QPushButton(self.tr("Choose…"))
        logo_button.clicked.connect(self._choose_logo)
        self.currency = CurrencyCombo()
        self.paper = QComboBox()
        for size in PaperSize:
            self.paper.addItem(self.tr(PAPER_LABELS[size]), size.value)
        self.backup_dir = QLineEdit()
        self.backup_dir.setPlaceholderText(str(self._client.paths.backups_dir))
        folder_button = QPushButton(self.tr("Choose…"))
        folder_button.clicked.connect(self._choose_folder)
        self.idle_lock = QSpinBox()
        self.idle_lock.setObjectName("idleLock")
        self.idle_lock.setRange(0, settings.IDLE_LOCK_MAX_MINUTES)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setSpecialValueText(self.tr("Never"))
        self.idle_lock.setMinimumWidth(120)
        self.idle_lock.setToolTip(self.tr(
            "After this many minutes without keyboard or mouse input, the window is locked "
            "until the signed-in user enters their password again. 0: never."))

        appearance = self._build_appearance()
        organisation = QGroupBox(self.tr("Organisation"))
        org_form = QFormLayout(organisation)
        self._row(org_form, "name", self.tr("&Name:"), self.name)
        self._row(org_form, "address", self.tr("&Address:"), self.address)
        self._row(org_form, "phone", self.tr("&Phone:"), self.phone)
        self._row(org_form, "e-mail", self.tr("&E-mail:"), self.email)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(logo_button)
        self._row(org_form, "logo", self.tr("&Logo:"), holding(logo_row), self.logo)
        org_form.addRow("", self.logo_preview)
        self._org_form = org_form

        defaults = QGroupBox(self.tr("Defaults"))
        defaults_form = QFormLayout(defaults)
        self._row(defaults_form, "default currency", self.tr("Default &currency:"),
                  self.currency)
        self._row(defaults_form, "paper size", self.tr("&Paper size:"), self.paper)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_dir, 1)
        folder_row.addWidget(folder_button)
        self._row(defaults_form, "backup folder", self.tr("&Backup folder:"),
                  holding(folder_row), self.backup_dir)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_lock)
        idle_row.addStretch(1)
        self._row(defaults_form, "idle lock", self.tr("&Lock when idle after:"),
                  holding(idle_row), self.idle_lock)

        schedule = self._build_schedule()

        self.error = error_label()
        self.marks = FieldMarks(self, self.fields.get, self.error)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.refresh)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)

        data = QGroupBox(self.tr("Backup and restore"))
        self.backup_info = QLabel()
        self.backup_info.setObjectName("backupInfo")
        self.backup_info.setWordWrap(True)
        self.backup_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore)
        gate(self.backup_button, self._client, Action.BACKUP)
        gate(self.restore_button, self._client, Action.RESTORE)
        data_buttons = QHBoxLayout()
        data_buttons.addWidget(self.backup_button)
        data_buttons.addWidget(self.restore_button)
        data_buttons.addStretch(1)
        data_layout = QVBoxLayout(data)
        data_layout.addWidget(self.backup_info)
        data_layout.addLayout(data_buttons)

        content = QWidget()
        content.setObjectName("settingsContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        column.addLayout(page_heading(self.tr("Settings"), self.tr(
            "These details appear on printed order forms and reports.")))
        column.addWidget(appearance)
        column.addWidget(organisation)
        column.addWidget(defaults)
        column.addWidget(schedule)
        column.addWidget(self.error)
        column.addLayout(save_row)
        column.addSpacing(8)
        column.addWidget(data)
        self.database_section = DatabaseSection(shell)
        column.addWidget(self.database_section)
        column.addStretch(1)
        content.setMaximumWidth(820)
        scroll = scrolling(content)
        scroll.setObjectName("settingsScroll")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        allowed = gate(self.save_button, self._client, Action.MANAGE_SETTINGS)
        for widget in (organisation, defaults, schedule, self.revert_button):
            widget.setEnabled(allowed)
        ChangeRelay.of(self._client).changed.connect(self._on_changes)
        self.refresh()

    def _row(self, form: QFormLayout, key: str, text: str, widget: QWidget,
             focus: QWidget | None = None) -> None:
        form.addRow(text, widget)
        self.fields[key] = focus or widget

    def _build_appearance(self) -> QGroupBox:
        """The look on this computer: applied at once, kept with the window state."""
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        self.theme.addItem(self.tr("Same as the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(saved_theme())))
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        group = QGroupBox(self.tr("Appearance"))
        form = QFormLayout(group)
        row = QHBoxLayout()
        row.addWidget(self.theme)
        row.addStretch(1)
        caption = QLabel(self.tr("&Theme:"))
        caption.setBuddy(self.theme)
        form.addRow(caption, holding(row))
        self._build_language(form)
        return group

    def _build_language(self, form: QFormLayout) -> None:
        """The language of this computer's window, documents and reports: read at start."""
        self.language = QComboBox()
        self.language.setObjectName("language")
        system = LANGUAGES[system_language()]
        self.language.addItem(self.tr("Same as the system ({language})").format(
            language=system), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(stored_choice())))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.restart_note = QLabel(self.tr(
            "Restart Dentasync Desktop to see it in the new language."))
        self.restart_note.setObjectName("restartNote")
        self.restart_note.setWordWrap(True)
        self.restart_button = QPushButton(self.tr("&Restart now"))
        self.restart_button.setObjectName("restartNow")
        self.restart_button.clicked.connect(self._shell.restart)
        row = QHBoxLayout()
        row.addWidget(self.language)
        row.addStretch(1)
        caption = QLabel(self.tr("&Language:"))
        caption.setBuddy(self.language)
        form.addRow(caption, holding(row))
        note = QHBoxLayout()
        note.addWidget(self.restart_note, 1)
        note.addWidget(self.restart_button)
        form.addRow("", holding(note))
        self._show_restart(False)

    def _language_chosen(self) -> None:
        choice = str(self.language.currentData())
        store_choice(choice)
        self._show_restart((choice or system_language()) != default_language())

    def _show_restart(self, needed: bool) -> None:
        self.restart_note.setVisible(needed)
        self.restart_button.setVisible(needed)

    def _theme_chosen(self) -> None:
        name = str(self.theme.currentData())
        save_theme(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, name)

    def _build_schedule(self) -> QGroupBox:
        self.remind_due_tomorrow = QCheckBox(self.tr(
            "Remind of orders due &tomorrow that are not back from the lab"))
        self.remind_installments = QCheckBox(self.tr("Remind of &installments due today"))
        self.seat_days = QSpinBox()
        self.seat_days.setObjectName("seatWarningDays")
        self.seat_days.setRange(0, MAX_WARNING_DAYS)
        self.seat_days.setMinimumWidth(120)
        self.seat_days.setSpecialValueText(self.tr("Only on the day"))
        self.seat_days.setSuffix(self.tr(" days before"))
        self.seat_days.setToolTip(self.tr(
            "Warn this many days before a try-in or delivery whose case is not back from "
            "the lab yet."))
        self.start_page = QComboBox()
        self.start_page.setObjectName("startPage")
        self.start_page.addItem(self.tr("Today"), "today")
        self.start_page.addItem(self.tr("Work orders"), "orders")
        group = QGroupBox(self.tr("Calendar and reminders"))
        form = QFormLayout(group)
        form.addRow(self.remind_due_tomorrow)
        form.addRow(self.remind_installments)
        days_row = QHBoxLayout()
        days_row.addWidget(self.seat_days)
        days_row.addStretch(1)
        self._row(form, "seat-readiness days", self.tr("Case-not-back &warning:"),
                  holding(days_row), self.seat_days)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_page)
        start_row.addStretch(1)
        self._row(form, "start page", self.tr("&Start on:"), holding(start_row),
                  self.start_page)
        return group

    # --- organisation settings -------------------------------------------------------------

    def refresh(self) -> None:
        """Read the settings off the GUI thread (also when the change bus reports new ones)."""
        self._client.submit_plain(settings.get_settings).then(self._fill, busy=self)
        self._client.submit_plain(settings.get_schedule_settings).then(
            self._fill_schedule, busy=self)
        self._show_backups()
        self.marks.clear()

    def _on_changes(self, changes: tuple[Change, ...]) -> None:
        # Only the organisation settings show here; preferences are announced too.
        if any(c.kind is ChangeKind.SETTINGS for c in changes) and not self._saving:
            self.refresh()

    def _fill(self, values: OrganisationSettings) -> None:
        self.name.setText(values.name)
        self.address.setPlainText(values.address)
        self.phone.setText(values.phone)
        self.email.setText(values.email)
        self.logo.setText(values.logo_path)
        self.currency.set_currency(values.default_currency)
        self.paper.setCurrentIndex(max(0, self.paper.findData(values.paper_size)))
        self.backup_dir.setText(values.backup_dir)
        self.idle_lock.setValue(values.idle_lock_minutes)
        self._show_logo(values.logo_path)

    def _fill_schedule(self, values: ScheduleSettings) -> None:
        self.remind_due_tomorrow.setChecked(values.remind_orders_due_tomorrow)
        self.remind_installments.setChecked(values.remind_installments_due_today)
        self.seat_days.setValue(values.seat_warning_days)
        self.start_page.setCurrentIndex(max(0, self.start_page.findData(values.start_page)))

    def schedule_values(self) -> ScheduleSettings:
        return ScheduleSettings(
            remind_orders_due_tomorrow=self.remind_due_tomorrow.isChecked(),
            remind_installments_due_today=self.remind_installments.isChecked(),
            seat_warning_days=self.seat_days.value(),
            start_page=str(self.start_page.currentData()))

    def current_values(self) -> OrganisationSettings:
        return OrganisationSettings(
            name=self.name.text(), address=self.address.toPlainText(), phone=self.phone.text(),
            email=self.email.text(), logo_path=self.logo.text(),
            default_currency=self.currency.currency(), paper_size=self.paper.currentData(),
            backup_dir=self.backup_dir.text(), idle_lock_minutes=self.idle_lock.value())

    def save(self) -> None:
        """Save off the GUI thread; a refusal is shown on the page at the field it names."""
        self._saving = True
        self.save_button.setEnabled(False)
        self._client.submit(settings.save_settings, self.current_values()).then(
            self._saved, self._not_saved, busy=self)

    def _saved(self, saved: OrganisationSettings) -> None:
        self._fill(saved)
        self._client.submit(settings.save_schedule_settings, self.schedule_values()).then(
            self._schedule_saved, self._not_saved, busy=self)

    def _schedule_saved(self, saved: ScheduleSettings) -> None:
        self._save_ended()
        self._fill_schedule(saved)
        self.marks.clear()
        self._shell.show_message(self.tr("Settings saved."))

    def _not_saved(self, error: BaseException) -> None:
        self._save_ended()
        if not isinstance(error, DomainError):
            raise error
        self.marks.show(error)

    def _save_ended(self) -> None:
        self._saving = False
        self.save_button.setEnabled(self._client.allows(Action.MANAGE_SETTINGS))

    def _show_logo(self, path: str) -> None:
        pixmap = QPixmap(path) if path else QPixmap()
        self._org_form.setRowVisible(self.logo_preview, not pixmap.isNull())
        if pixmap.isNull():
            self.logo_preview.clear()
            return
        self.logo_preview.setPixmap(pixmap.scaledToHeight(
            LOGO_HEIGHT, Qt.TransformationMode.SmoothTransformation))

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), self.logo.text(),
            self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup folder"),
            self.backup_dir.text() or str(self._client.paths.backups_dir))
        if path:
            self.backup_dir.setText(path)

    # --- backup and restore ----------------------------------------------------------------

    def _backup_target(self) -> Path | None:
        """A new file in the chosen backup folder; None means the standard backups folder."""
        folder = self.backup_dir.text().strip()
        if not folder:
            return None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        suffix = ".dump" if self._client.paths.on_server else ".sqlite3"
        return Path(folder).expanduser() / f"dentasync-manual-{stamp}{suffix}"

    def _show_backups(self) -> None:
        # On a server the newest backup is recorded in the database: read off the GUI thread.
        self._client.submit_plain(maintenance.newest_backup, self._client.paths).then(
            self._show_newest, busy=self)

    def _show_newest(self, newest: BackupNote | None) -> None:
        paths = self._client.paths
        if newest is None:
            text = self.tr("No backup has been made yet.")
        elif paths.on_server:
            text = self.tr("Newest backup: {name}, {when}, on the PC {host}.").format(
                name=Path(newest.path).name, when=datetime_text(newest.made_at),
                host=newest.host)
        else:
            text = self.tr("Newest backup: {name}, {when}.").format(
                name=Path(newest.path).name, when=datetime_text(newest.made_at))
        if paths.on_server:
            how = self.tr("The database server is backed up automatically once a day, by the "
                          "first PC that starts Dentasync Desktop, and before every upgrade, "
                          "into that PC's backups folder ({folder} on this PC). Backing up "
                          "and restoring need PostgreSQL's pg_dump and pg_restore on the PC.")
        else:
            how = self.tr("The database is backed up automatically once a day and before "
                          "every upgrade, into {folder}.")
        self.backup_info.setText(text + "<br>" + how.format(folder=paths.backups_dir))

    def back_up(self) -> None:
        if not self._client.allows(Action.BACKUP):
            return
        target = self._backup_target()
        # The session is checked first (a deactivated user is signed out, not backed up).
        self._client.submit(users.confirm_session).then(
            lambda _signed_in: self._back_up(target), busy=self)

    def _back_up(self, target: Path | None) -> None:
        actor, paths = self._client.actor, self._client.paths
        job = self._client.background(lambda _control: maintenance.back_up_now(
            actor, paths, target))
        show_busy(self, self.tr("Backing up"), self.tr("Backing up the database…"), job)
        job.then(self._backed_up, busy=self)

    def _backed_up(self, made: Path) -> None:
        self._show_backups()
        QMessageBox.information(self, self.tr("Backed up"), self.tr(
            "The database was backed up to:\n{path}").format(path=made))

    def restore(self) -> None:
        if not self._client.allows(Action.RESTORE):
            return
        start = self.backup_dir.text().strip() or str(self._client.paths.backups_dir)
        kinds = (self.tr("Database server backups (*.dump);;All files (*)")
                 if self._client.paths.on_server
                 else self.tr("Dentasync backups (*.sqlite3 *.sqlite *.db);;All files (*)"))
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), start, kinds)
        if path:
            self._client.submit(users.confirm_session).then(
                lambda _signed_in: self._restore(path), busy=self)

    def _restore(self, path: str) -> None:
        question = self.tr(
            "Replace all current data with the backup\n{path}?\n\nEverything entered since "
            "that backup was made is replaced. The current database is kept as a safety "
            "copy in the backups folder. Dentasync Desktop closes afterwards and must be "
            "started again.").format(path=path)
        if self._client.paths.on_server:
            question += "\n\n" + self.tr("Every PC uses this database: close Dentasync "
                                         "Desktop on the other PCs first.")
        answer = QMessageBox.warning(
            self, self.tr("Restore from a backup"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor, paths = self._client.actor, self._client.paths
        self._shell.close_database()
        # A refusal leaves the old database untouched; it opens again on use.
        job = self._client.background(lambda _control: maintenance.restore_from(
            actor, paths, Path(path)))
        show_busy(self, self.tr("Restoring"), self.tr("Restoring the backup…"), job)
        job.then(self._restored, busy=self)

    def _restored(self, safety: Path | None) -> None:
        kept = self.tr("\n\nThe previous data was kept as:\n{path}").format(
            path=safety) if safety else ""
        QMessageBox.information(self, self.tr("Restored"), self.tr(
            "The backup was restored. Dentasync Desktop will now close; start it again to "
            "work with the restored data.") + kept)
        self.window().close()

