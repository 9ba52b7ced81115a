"""Icons, the colour theme (System / Light / Dark) and colours that stay readable on both.

The theme is a per-user window preference kept in QSettings next to the window geometry: it
must be known before anyone signs in, because the sign-in dialog is drawn with it already.
"""

from __future__ import annotations

from functools import cache
from string import Template

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from ..paths import bundled

APP_ICON = "dentasync"
THEME_KEY = "appearance/theme"
THEMES = ("system", "light", "dark")
MIN_CONTRAST = 4.5
DARK_TINT_LIGHTNESS = 0.17

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# The few colours a palette has no role for; everything else in the style sheet is a role.
_ACCENTS = {
    "light": {
        "sidebar": "#f3f4f6", "sidebar_line": "#e5e7eb", "hover": "#e5e7eb",
        "chosen": "#dbeafe", "chosen_text": "#1e3a8a", "line": "#e5e7eb", "edge": "#d1d5db",
        "header": "#f3f4f6", "muted": "#4b5563", "error": "#991b1b", "error_bg": "#fef2f2",
        "error_edge": "#fecaca", "info_bg": "#eff6ff", "info_edge": "#bfdbfe",
        "badge_bg": "#fef3c7", "badge_text": "#92400e", "primary": "#2563eb",
        "primary_dark": "#1d4ed8", "primary_off": "#bfdbfe", "primary_off_text": "#eff6ff",
        "pressed": "#1e40af", "tooth_off": "#f8fafc", "tooth_off_text": "#475569",
        "tooth_edge": "#cbd5e1", "note_bg": "#fff7d6", "note_edge": "#e5c55c",
        "note_text": "#4a3b00",
    },
    "dark": {
        "sidebar": "#1b1e23", "sidebar_line": "#2f343b", "hover": "#2f343b",
        "chosen": "#1e3a8a", "chosen_text": "#dbeafe", "line": "#3a3f47", "edge": "#4b515a",
        "header": "#2a2e35", "muted": "#a3aab5", "error": "#fca5a5", "error_bg": "#3b1618",
        "error_edge": "#7f1d1d", "info_bg": "#172339", "info_edge": "#1e3a8a",
        "badge_bg": "#4a3411", "badge_text": "#fde68a", "primary": "#2563eb",
        "primary_dark": "#1d4ed8", "primary_off": "#1e3a5f", "primary_off_text": "#8ea3c0",
        "pressed": "#3b82f6", "tooth_off": "#2a2e35", "tooth_off_text": "#a3aab5",
        "tooth_edge": "#4b515a", "note_bg": "#3d3415", "note_edge": "#8a7325",
        "note_text": "#fdf1c4",
    },
}


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` (or .png); an empty icon if the file is missing."""
    folder = bundled("resources") / "icons"
    for suffix in (".svg", ".png"):
        path = folder / f"{name}{suffix}"
        if path.is_file():
            return QIcon(str(path))
    return QIcon()


def saved_theme() -> str:
    value = QSettings().value(THEME_KEY, "system")
    return value if value in THEMES else "system"


def save_theme(name: str) -> None:
    QSettings().setValue(THEME_KEY, name)


def scheme(name: str) -> str:
    """"light" or "dark": what ``name`` means on this desktop (System follows the OS)."""
    if name in ("light", "dark"):
        return name
    if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def fusion_palette(which: str) -> QPalette:
    """A complete palette, so nothing of the platform's (maybe opposite) palette shows through."""
    if which == "dark":
        window, base, alternate = "#24272d", "#1b1e23", "#22262c"
        text, button, highlight, link, muted = "#e8eaed", "#2f343b", "#3b82f6", "#93c5fd", "#8b929c"
    else:
        window, base, alternate = "#ffffff", "#ffffff", "#f9fafb"
        text, button, highlight, link, muted = "#111827", "#f3f4f6", "#2563eb", "#1d4ed8", "#6b7280"
    palette = QPalette()
    roles = {
        Role.Window: window, Role.WindowText: text, Role.Base: base,
        Role.AlternateBase: alternate, Role.Text: text, Role.Button: button,
        Role.ButtonText: text, Role.ToolTipBase: base, Role.ToolTipText: text,
        Role.PlaceholderText: muted, Role.Highlight: highlight,
        Role.HighlightedText: "#ffffff", Role.Link: link, Role.LinkVisited: link,
        Role.BrightText: "#ffffff",
        Role.Light: QColor(button).lighter(150).name(),
        Role.Midlight: QColor(button).lighter(120).name(),
        Role.Mid: QColor(button).darker(130).name(),
        Role.Dark: QColor(button).darker(160).name(),
        Role.Shadow: "#000000",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(muted))
    return palette


def style_sheet(which: str) -> str:
    template = (bundled("resources") / "themes" / "app.qss").read_text(encoding="utf-8")
    return Template(template).substitute(_ACCENTS[which])


# Counts the themes applied: what a model caching colours per row compares to see they are stale.
generation = 0


def apply_theme(app: QApplication, name: str | None = None) -> str:
    """Style, palette and style sheet for ``name`` (default: the saved choice).

    Returns the scheme used, "light" or "dark".
    """
    which = scheme(name or saved_theme())
    global generation
    generation += 1
    # Fusion draws the same on every platform and honours every palette role.
    app.setStyle("Fusion")
    app.setPalette(fusion_palette(which))
    app.setStyleSheet(style_sheet(which))
    app_icon = icon(APP_ICON)
    if not app_icon.isNull():
        app.setWindowIcon(app_icon)
    return which


def follow_system(app: QApplication) -> None:
    """With "System" chosen, the window turns light or dark as the desktop does."""
    def changed(_scheme: Qt.ColorScheme) -> None:
        if saved_theme() == "system":
            apply_theme(app, "system")
    app.styleHints().colorSchemeChanged.connect(changed)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(Role.Base).lightnessF() < 0.5


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio (1 to 21)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: str | QColor, against: QColor | None = None) -> QColor:
    """``colour`` lightened or darkened just enough to reach 4.5:1 on ``against`` (default: Base).

    The status colours are chosen for a light page; on a dark one they keep their hue but move
    up in lightness, so one table of colours serves both themes.
    """
    background = against if against is not None else QApplication.palette().color(Role.Base)
    result = QColor(colour)
    hue, saturation, lightness = result.hslHueF(), result.hslSaturationF(), result.lightnessF()
    step = 0.02 if luminance(background) < 0.5 else -0.02
    while contrast(result, background) < MIN_CONTRAST and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        result = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    return result


def on_white(colour: str | QColor) -> QColor:
    """A badge background dark enough for white text on it, in either theme."""
    return readable(colour, QColor("#ffffff"))


def tint(colour: str | QColor) -> QColor:
    """A row background given as a pale light-theme tint; on a dark page the same hue, dark,
    so the row's light Text stays readable on it."""
    pale = QColor(colour)
    if not is_dark():
        return pale
    hue, saturation = pale.hslHueF(), pale.hslSaturationF()
    return QColor.fromHslF(max(hue, 0.0), min(saturation, 0.5), DARK_TINT_LIGHTNESS)
