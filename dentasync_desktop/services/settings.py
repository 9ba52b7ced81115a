"""Organisation settings and small remembered choices, as rows of the key/value table.

Organisation settings live under "org.<field>", preferences under "pref.<key>", so a
preference can never overwrite a setting. The schedule settings (ScheduleSettings: reminders
for orders due tomorrow and installments due today, the seat-readiness warning days, the start
page) live under "org.schedule.<field>"; the GUI reads them with get_schedule_settings(uow) (the
start page at sign-in: "today" or "orders") and the Settings page saves them with
save_schedule_settings(uow, actor, data), which needs Manage settings.

On a server the logo's content is stored in the database too (its SHA-256 under
"org.logo_content"), so documents printed on any PC show it: ``document_settings`` hands the
documents a local copy of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import asdict, fields, replace
from pathlib import Path

from sqlalchemy import select

from ..db.models import Setting
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import START_PAGES, Actor, OrganisationSettings, ScheduleSettings
from ..domain.enums import PaperSize
from ..domain.errors import ValidationError
from ..domain.money import check_currency
from ..domain.readiness import MAX_WARNING_DAYS
from . import activity
from .attachment_store import LOGO_CONTENT_KEY
from .changes import ChangeKind
from .guards import authorize, signed_in
from .unit_of_work import UnitOfWork

ORG_PREFIX = "org."
PREF_PREFIX = "pref."
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
# What the file starts with, since a name says nothing about the content: PNG, JPEG.
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_PREF_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,94}$")  # fits settings.key (100)

_ORG_FIELDS = tuple(f.name for f in fields(OrganisationSettings))
IDLE_LOCK_MAX_MINUTES = 24 * 60
SCHEDULE_PREFIX = "org.schedule."
_SCHEDULE_FIELDS = {f.name: f.type for f in fields(ScheduleSettings)}


def _stored_settings(uow: UnitOfWork) -> OrganisationSettings:
    keys = [ORG_PREFIX + name for name in _ORG_FIELDS]
    stored = {key.removeprefix(ORG_PREFIX): value for key, value in uow.session.execute(
        select(Setting.key, Setting.value).where(Setting.key.in_(keys)))}
    values: dict[str, str | int] = dict(stored)
    if "idle_lock_minutes" in stored:
        try:
            values["idle_lock_minutes"] = _idle_lock(int(stored["idle_lock_minutes"]))
        except (ValueError, ValidationError):
            del values["idle_lock_minutes"]  # a damaged value falls back to the default
    return OrganisationSettings(**values)  # type: ignore[arg-type]


def _idle_lock(minutes: int) -> int:
    return validation.whole_number(minutes, "idle lock", 0, IDLE_LOCK_MAX_MINUTES)


def get_settings(uow: UnitOfWork) -> OrganisationSettings:
    """The saved settings; a key never saved has its default."""
    with uow.reading():
        return _stored_settings(uow)


def document_settings(uow: UnitOfWork) -> OrganisationSettings:
    """The settings as printed documents use them: on a server the logo is the content the
    database holds, fetched to this PC, so every PC prints the same logo."""
    with uow.reading():
        org = _stored_settings(uow)
        content = _logo_content(uow)
        if content:
            # Without it the document prints no logo and says why (documents/pdf_layout.py).
            with suppress(FileNotFoundError):
                org = replace(org, logo_path=str(uow.files.local_path(content)))
        return org


def _logo_content(uow: UnitOfWork) -> str:
    row = uow.session.get(Setting, LOGO_CONTENT_KEY)
    return "" if row is None else row.value


def _exists(path: Path, kind: Callable[[Path], bool], field: str) -> bool:
    """``kind(path)``; a path the file system refuses outright (a name too long) is an answer
    about the path, not a crash."""
    try:
        return kind(path)
    except OSError as exc:
        raise ValidationError(field, code="cannot_use", params={
            "path": str(path), "reason": exc.strerror}) from exc


def _logo(value: str) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    path = Path(text).expanduser()
    if path.suffix.lower() not in LOGO_SUFFIXES:
        raise ValidationError("logo", code="logo_suffix")
    if not _exists(path, Path.is_file, "logo"):
        raise ValidationError("logo", code="no_file", params={"path": str(path)})
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ValidationError("logo", code="cannot_read", params={
            "path": str(path), "reason": exc.strerror}) from exc
    if not head.startswith(_IMAGE_SIGNATURES):
        raise ValidationError("logo", code="not_image", params={"name": path.name})
    return str(path.resolve())


def _checked_logo(uow: UnitOfWork, value: str, stored: OrganisationSettings) -> str:
    text = (value or "").strip()
    if (uow.files.shared and text and text == stored.logo_path and _logo_content(uow)
            and not _exists(Path(text), Path.is_file, "logo")):
        return text  # another PC's file: the database already holds its content
    return _logo(text)


def _store_logo(uow: UnitOfWork, path: str) -> bool:
    """On a server, put the logo's content into the database: again whenever the file can be
    read here (it may have been edited), kept when it cannot. True when the content changed."""
    if not uow.files.shared:
        return False
    old = _logo_content(uow)
    new = old
    if not path:
        new = ""
    elif Path(path).is_file():
        new, _size = uow.files.put(Path(path))
    if new == old:
        return False
    uow.session.merge(Setting(key=LOGO_CONTENT_KEY, value=new))
    if old:
        uow.files.release(old)  # unless an attachment has the same content
    return True


def _folder(value: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    path = Path(text).expanduser()
    if not _exists(path, Path.is_dir, field):
        raise ValidationError(field, code="no_folder", params={"path": str(path)})
    return str(path.resolve())


def _paper_size(value: str) -> str:
    size = (value or "").strip().lower()
    if size not in {p.value for p in PaperSize}:
        raise ValidationError("paper size", code="not_one_of", params={
            "value": value, "choices": [p.value for p in PaperSize]})
    return size


def save_settings(
    uow: UnitOfWork, actor: Actor, data: OrganisationSettings
) -> OrganisationSettings:
    """Validate and store; only changed keys are written, and saving no change logs nothing."""
    check = validation.Checks()
    clean = OrganisationSettings(
        name=check(validation.required, data.name, "name"),
        address=check(validation.optional, data.address, "address", 2000),
        phone=check(validation.optional, data.phone, "phone", 50),
        email=check(validation.email, data.email),
        logo_path=data.logo_path,  # checked with what the server holds, below
        default_currency=check(check_currency, data.default_currency, "default currency"),
        paper_size=check(_paper_size, data.paper_size),
        backup_dir=check(_folder, data.backup_dir, "backup folder"),
        idle_lock_minutes=check(_idle_lock, data.idle_lock_minutes),
    )
    check.done()
    with uow:
        authorize(uow, actor, Action.MANAGE_SETTINGS)
        stored = _stored_settings(uow)
        clean = replace(clean, logo_path=_checked_logo(uow, data.logo_path, stored))
        logo_changed = _store_logo(uow, clean.logo_path)
        old, new = activity.changes(asdict(stored), asdict(clean))
        if logo_changed and "logo_path" not in new:
            # The same file, edited: the printed logo changes all the same.
            old["logo_path"] = new["logo_path"] = clean.logo_path
        if not new:
            return clean
        for name, value in new.items():
            uow.session.merge(Setting(key=ORG_PREFIX + name, value=str(value)))
        activity.record(uow, actor, "edit",
                        "settings.organisation_changed", {"fields": list(new)},
                        entity="settings", before=old, after=new)
        uow.commit()
        return clean


def _schedule_value(name: str, text: str) -> object:
    kind = _SCHEDULE_FIELDS[name]
    if kind == "bool":
        return text == "1"
    if kind == "int":
        return int(text)
    return text


def _schedule_text(value: object) -> str:
    return ("1" if value else "0") if isinstance(value, bool) else str(value)


def read_schedule(uow: UnitOfWork) -> ScheduleSettings:
    """The schedule settings, inside a unit of work the caller has open."""
    keys = [SCHEDULE_PREFIX + name for name in _SCHEDULE_FIELDS]
    stored = {key: value for key, value in uow.session.execute(
        select(Setting.key, Setting.value).where(Setting.key.in_(keys)))}
    values = {}
    for name in _SCHEDULE_FIELDS:
        text = stored.get(SCHEDULE_PREFIX + name)
        if text is not None:
            try:
                values[name] = _schedule_value(name, text)
            except ValueError:
                continue  # a hand-edited value that is not a number: the default stands
    return ScheduleSettings(**values)  # type: ignore[arg-type]


def get_schedule_settings(uow: UnitOfWork) -> ScheduleSettings:
    """Reminders, seat-readiness and start page; every signed-in user's pages read them."""
    with uow.reading():
        return read_schedule(uow)


def save_schedule_settings(
    uow: UnitOfWork, actor: Actor, data: ScheduleSettings
) -> ScheduleSettings:
    """Validate and store, like save_settings: only changed keys, one activity entry."""
    if data.start_page not in START_PAGES:
        raise ValidationError("start page", code="one_of", params={"choices": list(START_PAGES)})
    clean = ScheduleSettings(
        remind_orders_due_tomorrow=bool(data.remind_orders_due_tomorrow),
        remind_installments_due_today=bool(data.remind_installments_due_today),
        seat_warning_days=validation.whole_number(
            data.seat_warning_days, "seat-readiness days", 0, MAX_WARNING_DAYS),
        start_page=data.start_page,
    )
    with uow:
        authorize(uow, actor, Action.MANAGE_SETTINGS)
        old, new = activity.changes(asdict(read_schedule(uow)), asdict(clean))
        if not new:
            return clean
        for name, value in new.items():
            uow.session.merge(Setting(key=SCHEDULE_PREFIX + name, value=_schedule_text(value)))
        activity.record(uow, actor, "edit",
                        "settings.calendar_changed", {"fields": list(new)},
                        entity="settings", before=old, after=new)
        uow.commit()
        return clean


def _preference_key(key: str) -> str:
    if not _PREF_KEY.match(key or ""):
        raise ValidationError("key", code="not_preference_key", params={"value": key})
    return PREF_PREFIX + key


def get_preference(uow: UnitOfWork, key: str, default: str = "") -> str:
    """A remembered choice such as the order form's sections; ``default`` if never set."""
    stored_key = _preference_key(key)
    with uow.reading():
        row = uow.session.get(Setting, stored_key)
        return default if row is None else row.value


def set_preference(uow: UnitOfWork, actor: Actor, key: str, value: str) -> None:
    """Any signed-in user may remember a choice; too small a matter for the activity log."""
    stored_key = _preference_key(key)
    text = validation.limited(value or "", "value", validation.LONG_TEXT)
    with uow:
        signed_in(uow, actor)
        uow.session.merge(Setting(key=stored_key, value=text))
        uow.announce(ChangeKind.SETTINGS, actor_id=actor.user_id)
        uow.commit()
