"""Organisation settings and preferences on a real, migrated SQLite file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dentasync_desktop.db.models import ActivityEntry, Setting
from dentasync_desktop.domain.dto import OrganisationSettings
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import PermissionDenied, ValidationError
from dentasync_desktop.services import settings

from ..factories import World

PNG_HEADER = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def activity_entries(world: World) -> list[tuple[str, str, int | None, str, str]]:
    with world.uow() as uow:
        return [(e.action, e.entity, e.entity_id, e.before, e.after)
                for e in uow.session.scalars(select(ActivityEntry).order_by(ActivityEntry.id))]


def setting_rows(world: World) -> int:
    with world.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(Setting)) or 0


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    path = tmp_path / "Logo.PNG"
    path.write_bytes(PNG_HEADER)
    return path


def test_defaults_when_nothing_is_saved(world: World) -> None:
    assert settings.get_settings(world.uow()) == OrganisationSettings()


def test_save_settings_stores_changes_and_logs_them(
    world: World, logo: Path, tmp_path: Path
) -> None:
    wanted = OrganisationSettings(
        name="  Zahnlabor Süd  ", address="Hauptstraße 1\n80331 München", phone="+49 89 1234",
        email="info@zahnlabor-sued.de", logo_path=str(logo), default_currency="chf",
        paper_size="LETTER", backup_dir=str(tmp_path))
    saved = settings.save_settings(world.uow(), world.admin, wanted)
    assert saved == replace(wanted, name="Zahnlabor Süd", default_currency="CHF",
                            paper_size="letter", logo_path=str(logo.resolve()),
                            backup_dir=str(tmp_path.resolve()))
    assert settings.get_settings(world.uow()) == saved
    [(action, entity, entity_id, before, after)] = activity_entries(world)
    assert (action, entity, entity_id) == ("edit", "settings", None)
    assert json.loads(before)["name"] == "My dental lab"
    assert json.loads(after)["paper_size"] == "letter"

    settings.save_settings(world.uow(), world.admin, replace(saved, phone=""))
    assert json.loads(activity_entries(world)[-1][3]) == {"phone": "+49 89 1234"}
    assert settings.get_settings(world.uow()).phone == ""


def test_saving_unchanged_settings_writes_nothing(world: World) -> None:
    settings.save_settings(world.uow(), world.admin, OrganisationSettings())
    assert activity_entries(world) == []
    assert setting_rows(world) == 0


def test_a_manager_may_change_settings_front_desk_may_not(world: World) -> None:
    changed = OrganisationSettings(name="Lab")
    with pytest.raises(PermissionDenied):
        settings.save_settings(world.uow(), world.actors[Role.FRONT_DESK], changed)
    assert settings.get_settings(world.uow()) == OrganisationSettings()
    settings.save_settings(world.uow(), world.actors[Role.MANAGER], changed)
    assert settings.get_settings(world.uow()).name == "Lab"


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": " "}, "name"),
    ({"email": "lab at example"}, "e-mail"),
    ({"default_currency": "XXX"}, "default currency"),
    ({"default_currency": ""}, "default currency"),
    ({"paper_size": "a5"}, "paper size"),
    ({"logo_path": "missing.png"}, "logo"),
    ({"logo_path": "logo.gif"}, "logo"),
    ({"logo_path": "fake.png"}, "logo"),
    ({"backup_dir": "no/such/folder"}, "backup folder"),
])
def test_bad_settings_are_refused_by_field(
    world: World, tmp_path: Path, changes: dict[str, str], field: str
) -> None:
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    (tmp_path / "fake.png").write_text("not an image")
    if "logo_path" in changes:
        changes = {"logo_path": str(tmp_path / changes["logo_path"])}
    if "backup_dir" in changes:
        changes = {"backup_dir": str(tmp_path / changes["backup_dir"])}
    with pytest.raises(ValidationError) as caught:
        settings.save_settings(world.uow(), world.admin,
                               replace(OrganisationSettings(name="Lab"), **changes))
    assert caught.value.field == field
    assert settings.get_settings(world.uow()) == OrganisationSettings()
    assert activity_entries(world) == []


def test_preferences_round_trip_without_activity(world: World) -> None:
    technician = world.actors[Role.TECHNICIAN]
    assert settings.get_preference(world.uow(), "order_form.sections") == ""
    assert settings.get_preference(world.uow(), "order_form.sections", "items,plan") == (
        "items,plan")
    settings.set_preference(world.uow(), technician, "order_form.sections", "items")
    settings.set_preference(world.uow(), technician, "order_form.sections", "items,payments")
    assert settings.get_preference(world.uow(), "order_form.sections") == "items,payments"
    assert activity_entries(world) == []
    with world.uow() as uow:
        assert uow.session.get(Setting, "pref.order_form.sections") is not None


def test_preferences_cannot_touch_settings(world: World) -> None:
    settings.set_preference(world.uow(), world.admin, "name", "Not the organisation")
    assert settings.get_settings(world.uow()).name == "My dental lab"
    for bad in ("", "../x", "with space", "x" * 96):
        with pytest.raises(ValidationError) as caught:
            settings.set_preference(world.uow(), world.admin, bad, "v")
        assert caught.value.field == "key"
    with pytest.raises(ValidationError) as caught:
        settings.set_preference(world.uow(), world.admin, "big", "x" * 10_001)
    assert caught.value.field == "value"


def test_the_idle_lock_minutes_are_stored_and_checked(world: World) -> None:
    assert settings.get_settings(world.uow()).idle_lock_minutes == 15
    saved = settings.save_settings(world.uow(), world.admin,
                                   OrganisationSettings(idle_lock_minutes=0))
    assert saved.idle_lock_minutes == 0
    assert settings.get_settings(world.uow()).idle_lock_minutes == 0
    for minutes in (-1, settings.IDLE_LOCK_MAX_MINUTES + 1):
        with pytest.raises(ValidationError) as caught:
            settings.save_settings(world.uow(), world.admin,
                                   OrganisationSettings(idle_lock_minutes=minutes))
        assert caught.value.field == "idle lock"
    # A value damaged outside the app falls back to the default instead of failing every read.
    with world.uow() as uow:
        uow.session.merge(Setting(key="org.idle_lock_minutes", value="soon"))
        uow.commit()
    assert settings.get_settings(world.uow()).idle_lock_minutes == 15
