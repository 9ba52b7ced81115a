"""The order detail's fuller header and its side panel: activity and comments beside every
tab, following changes made elsewhere, folding away and remembered."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from dentasync_desktop.domain.dto import CustomerInput, OrderDetail, PatientInput
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.order_detail.models import ActivityFeedModel, CommentsFeedModel
from dentasync_desktop.gui.order_detail.side_panel import OPEN_KEY
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.services import comments, masterdata, orders

from ..factories import World
from .conftest import settle
from .test_order_detail import english_locale  # noqa: F401  (autouse fixture)


@pytest.fixture
def first(world: World) -> OrderDetail:
    return orders.create_order(world.uow(), world.admin, world.order_input())


@pytest.fixture
def view_of(qtbot, client: ServiceClient, first: OrderDetail):  # type: ignore[no-untyped-def]
    def make(order_id: int | None = None) -> OrderDetailView:
        view = OrderDetailView(client, order_id or first.id)
        qtbot.addWidget(view)
        view.resize(1280, 800)
        view.show()
        settle(qtbot)
        return view

    return make


def test_the_header_holds_the_dates_and_the_description(view_of, world: World) -> None:  # type: ignore[no-untyped-def]
    order = orders.create_order(world.uow(), world.admin, world.order_input(
        documented_at=date(2026, 11, 2), description="Crown 11,\nzirconia, A2"))
    view = view_of(order.id)
    header = view.header
    assert header.value("documented") == "11/2/2026"  # the year in full, as on paper
    assert header.value("due") == "11/9/2026"
    assert header.value("created")  # the time it was taken, as the lab's manual shows it
    assert header.value("description") == "Crown 11, zirconia, A2"  # on one line
    assert (header.value("patient"), header.value("lab")) == (
        "Anna Schäfer", order.lab.name)


def test_the_long_description_ends_in_an_ellipsis_with_the_whole_in_the_tooltip(
        view_of, world: World) -> None:  # type: ignore[no-untyped-def]
    text = "Two zirconia crowns after trauma; " * 12
    order = orders.create_order(world.uow(), world.admin, world.order_input(description=text))
    view = view_of(order.id)
    shown = view.header._values["description"]
    assert shown.text().endswith("…") and len(shown.text()) < len(text)
    assert shown.toolTip() == text.strip()  # the service trims it


def test_the_info_tab_shows_whom_to_call(view_of, world: World) -> None:  # type: ignore[no-untyped-def]
    patient = masterdata.save_patient(world.uow(), world.admin, PatientInput(
        last_name="Yılmaz", first_name="Ğül", phone="+49 30 1234",
        contact_person="Ayşe Yılmaz (mother)", address="Kastanienallee 12\n10435 Berlin"))
    order = orders.create_order(world.uow(), world.admin,
                                world.order_input(patient_id=patient.id))
    info = view_of(order.id).info_tab
    assert info.value("patient phone") == "+49 30 1234"
    assert info.value("patient contact") == "Ayşe Yılmaz (mother)"
    assert info.value("patient address") == "Kastanienallee 12\n10435 Berlin"
    assert info.value("lab contact") == (order.lab.contact_person or "—")


def test_the_panel_shows_activity_and_comments_beside_every_tab(
        qtbot, view_of, world: World, first) -> None:  # type: ignore[no-untyped-def]
    view = view_of()
    panel = view.side_panel
    for tab in ("payments", "events", "info"):
        view.show_tab(tab)
        assert panel.isVisible() and view.tabs.isVisible()
    assert panel.activity.model.rowCount() == 1
    assert "created" in panel.activity.model.index(0, 0).data().casefold()
    panel.comments.editor.setPlainText("Patient called: mornings only")
    panel.comments.add()
    settle(qtbot)
    assert [c.body for c in view.detail.comments] == ["Patient called: mornings only"]
    assert view.tabs.currentWidget() is view.info_tab  # the tab stayed
    assert panel.comments.model.rowCount() == 1
    assert panel.activity.model.rowCount() == 2  # the comment is logged, and shown


def test_the_panel_follows_changes_made_elsewhere(qtbot, view_of, world: World, first) -> None:  # type: ignore[no-untyped-def]
    view = view_of()
    comments.add_comment(world.uow(), world.admin, first.id, "From the lab: framework ready")
    settle(qtbot)  # the change bus reloads the order, and the panel with it
    assert view.side_panel.comments.model.rowCount() == 1
    assert view.side_panel.activity.model.rowCount() == 2


def test_the_panel_folds_away_and_stays_so(qtbot, view_of) -> None:  # type: ignore[no-untyped-def]
    view = view_of()
    assert view.split.panel_open and view.side_panel.isVisible()
    view.split.toggle.click()
    assert not view.side_panel.isVisible()
    assert QSettings().value(OPEN_KEY, type=bool) is False
    again = view_of()
    assert not again.split.panel_open and not again.side_panel.isVisible()
    again.split.toggle.click()
    settle(qtbot)  # opened now, it reads the log
    assert again.side_panel.isVisible() and again.side_panel.activity.model.rowCount() == 1


def test_the_feed_models_pass_the_model_tester(qtmodeltester, view_of, world: World,  # type: ignore[no-untyped-def]
                                               first) -> None:
    comments.add_comment(world.uow(), world.admin, first.id, "Two lines\nof text")
    view = view_of()
    activity = view.side_panel.activity.model
    notes = view.side_panel.comments.model
    assert isinstance(activity, ActivityFeedModel) and isinstance(notes, CommentsFeedModel)
    qtmodeltester.check(activity)
    qtmodeltester.check(notes)
    assert notes.index(0, 0).data().endswith("Two lines\nof text")
    assert "Admin" in notes.index(0, 0).data()


def test_names_in_a_narrow_header_end_in_an_ellipsis(qtbot, view_of, world: World) -> None:  # type: ignore[no-untyped-def]
    clinic = masterdata.save_customer(world.uow(), world.admin, CustomerInput(
        name="Dr. Jiří Papadopoulos", clinic="Papadopoulos Dental Clinic and Implant Centre"))
    order = orders.create_order(world.uow(), world.admin,
                                world.order_input(customer_id=clinic.id))
    view = view_of(order.id)
    customer = view.header._values["customer"]
    whole = view.header.value("customer")
    view.resize(760, 600)
    qtbot.waitUntil(lambda: customer.text().endswith("…"))
    assert customer.toolTip() == whole
    view.resize(2600, 800)
    qtbot.waitUntil(lambda: customer.text() == whole)  # room again: all of it
