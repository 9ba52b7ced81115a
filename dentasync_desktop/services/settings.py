"""Organisation settings and small remembered choices, as rows of the key/value table.

Organisation settings live under "org.<field>", preferences under "pref.<key>", so a
preference can never overwrite a setting.
"""

from __future__ import annotations

import re
from dataclasses import asdict, fields
from pathlib import Path

from sqlalchemy import select

from ..db.models import Setting
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, OrganisationSettings
from ..domain.enums import PaperSize
from ..domain.errors import ValidationError
from ..domain.money import check_currency
from . import activity
from .changes import ChangeKind
from .guards import authorize
from .unit_of_work import UnitOfWork

ORG_PREFIX = "org."
PREF_PREFIX = "pref."
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
# What the file starts with, since a name says nothing about the content: PNG, JPEG.
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_PREF_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,94}$")  # fits settings.key (100)

_ORG_FIELDS = tuple(f.name for f in fields(OrganisationSettings))


def _stored_settings(uow: UnitOfWork) -> OrganisationSettings:
    keys = [ORG_PREFIX + name for name in _ORG_FIELDS]
    stored = {key: value for key, value in uow.session.execute(
        select(Setting.key, Setting.value).where(Setting.key.in_(keys)))}
    return OrganisationSettings(**{
        name: stored[ORG_PREFIX + name] for name in _ORG_FIELDS if ORG_PREFIX + name in stored
    })


def get_settings(uow: UnitOfWork) -> OrganisationSettings:
    """The saved settings; a key never saved has its default."""
    with uow:
        return _stored_settings(uow)


def _logo(value: str) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    path = Path(text).expanduser()
    if path.suffix.lower() not in LOGO_SUFFIXES:
        raise ValidationError("logo", "must be a PNG or JPEG image (.png, .jpg or .jpeg)")
    if not path.is_file():
        raise ValidationError("logo", f"the file {path} does not exist")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ValidationError("logo", f"cannot read {path}: {exc.strerror}") from exc
    if not head.startswith(_IMAGE_SIGNATURES):
        raise ValidationError("logo", f"{path.name} is not a PNG or JPEG image")
    return str(path.resolve())


def _folder(value: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    path = Path(text).expanduser()
    if not path.is_dir():
        raise ValidationError(field, f"the folder {path} does not exist")
    return str(path.resolve())


def _paper_size(value: str) -> str:
    size = (value or "").strip().lower()
    if size not in {p.value for p in PaperSize}:
        raise ValidationError(
            "paper size", f"'{value}' is not one of {', '.join(p.value for p in PaperSize)}")
    return size


def save_settings(
    uow: UnitOfWork, actor: Actor, data: OrganisationSettings
) -> OrganisationSettings:
    """Validate and store; only changed keys are written, and saving no change logs nothing."""
    authorize(actor, Action.MANAGE_SETTINGS)
    clean = OrganisationSettings(
        name=validation.required(data.name, "name"),
        address=validation.optional(data.address, "address", 2000),
        phone=validation.optional(data.phone, "phone", 50),
        email=validation.email(data.email),
        logo_path=_logo(data.logo_path),
        default_currency=check_currency(data.default_currency, "default currency"),
        paper_size=_paper_size(data.paper_size),
        backup_dir=_folder(data.backup_dir, "backup folder"),
    )
    with uow:
        old, new = activity.changes(asdict(_stored_settings(uow)), asdict(clean))
        if not new:
            return clean
        for name, value in new.items():
            uow.session.merge(Setting(key=ORG_PREFIX + name, value=value))
        activity.record(uow, actor, "edit",
                        f"Changed the organisation settings: {', '.join(new)}",
                        entity="settings", before=old, after=new)
        uow.commit()
        return clean


def _preference_key(key: str) -> str:
    if not _PREF_KEY.match(key or ""):
        raise ValidationError(
            "key", f"'{key}' is not a preference key (letters, digits, dots, hyphens, "
                   "underscores; at most 95 characters)")
    return PREF_PREFIX + key


def get_preference(uow: UnitOfWork, key: str, default: str = "") -> str:
    """A remembered choice such as the order form's sections; ``default`` if never set."""
    stored_key = _preference_key(key)
    with uow:
        row = uow.session.get(Setting, stored_key)
        return default if row is None else row.value


def set_preference(uow: UnitOfWork, actor: Actor, key: str, value: str) -> None:
    """Any signed-in user may remember a choice; too small a matter for the activity log."""
    stored_key = _preference_key(key)
    text = validation.limited(value or "", "value", validation.LONG_TEXT)
    with uow:
        uow.session.merge(Setting(key=stored_key, value=text))
        uow.announce(ChangeKind.SETTINGS, actor_id=actor.user_id)
        uow.commit()
