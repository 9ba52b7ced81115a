"""Mirroring the permission table in the GUI: a forbidden action is disabled and says why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..domain.actions import Action
from .client import ServiceClient
from .formatting import label


def refusal_text(client: ServiceClient, action: Action) -> str:
    """Why the signed-in user may not run ``action``; empty when they may."""
    if client.allows(action):
        return ""
    return QCoreApplication.translate(
        "access", "Your role ({role}) does not allow this: {action}."
    ).format(role=label(client.actor.role), action=label(action))


def gate(
    target: QWidget | QAction, client: ServiceClient, action: Action, available: bool = True
) -> bool:
    """Enable ``target`` when the role allows ``action`` and ``available`` holds.

    A permission refusal replaces the tooltip with the reason; the normal tooltip is kept in a
    property so that it comes back when the widget is re-gated for another user.
    """
    reason = refusal_text(client, action)
    normal = target.property("normalToolTip")
    if normal is None:
        normal = target.toolTip()
        target.setProperty("normalToolTip", normal)
    target.setEnabled(not reason and available)
    target.setToolTip(reason or normal)
    return not reason
