"""The FDI teeth chart: upper and lower arch as seen facing the patient, ordered teeth filled.

The patient's right (quadrants 1 and 4) is on the reader's left, as on every dental chart.
Milk-teeth arches (quadrants 5-8) are drawn inside the permanent ones only when an ordered
tooth is a milk tooth, so the usual chart stays uncluttered.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import pairwise

from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors

from ..domain.teeth import DECIDUOUS
from .fonts import BOLD, REGULAR

UPPER = (18, 17, 16, 15, 14, 13, 12, 11, 21, 22, 23, 24, 25, 26, 27, 28)
LOWER = (48, 47, 46, 45, 44, 43, 42, 41, 31, 32, 33, 34, 35, 36, 37, 38)
UPPER_MILK = (55, 54, 53, 52, 51, 61, 62, 63, 64, 65)
LOWER_MILK = (85, 84, 83, 82, 81, 71, 72, 73, 74, 75)

FILL = colors.HexColor("#1d4ed8")
OUTLINE = colors.HexColor("#6b7280")
TEXT = colors.HexColor("#111827")
GUIDE = colors.HexColor("#d1d5db")
SHAPE = 2.6  # above 2 the front is rounder and the sides steeper than a parabola: a dental arch


def _arch_points(count: int, half_width: float, depth: float) -> list[tuple[float, float]]:
    """``count`` points spaced evenly along y = depth * (1 - |x / half_width| ^ SHAPE).

    Offsets from the apex's foot: the incisors sit at the apex, the molars at the open ends.
    """
    steps = 400
    xs = [half_width * (2 * i / steps - 1) for i in range(steps + 1)]
    curve = [(x, depth * (1 - abs(x / half_width) ** SHAPE)) for x in xs]
    lengths = [0.0]
    for (x0, y0), (x1, y1) in pairwise(curve):
        lengths.append(lengths[-1] + math.hypot(x1 - x0, y1 - y0))
    points = []
    cursor = 0
    for index in range(count):
        wanted = lengths[-1] * (index + 0.5) / count
        while lengths[cursor + 1] < wanted:
            cursor += 1
        points.append(curve[cursor])
    return points


def _arch(drawing: Drawing, teeth: tuple[int, ...], chosen: frozenset[int], cx: float,
          base: float, half_width: float, depth: float, radius: float) -> None:
    """One arch opening towards ``base``; a negative ``depth`` draws it upside down."""
    font_size = radius * 1.15
    for tooth, (dx, dy) in zip(teeth, _arch_points(len(teeth), half_width, depth),
                               strict=True):
        x, y = cx + dx, base + dy
        ordered = tooth in chosen
        drawing.add(Circle(x, y, radius, fillColor=FILL if ordered else colors.white,
                           strokeColor=FILL if ordered else OUTLINE,
                           strokeWidth=0.9 if ordered else 0.5))
        drawing.add(String(x, y - font_size * 0.36, str(tooth), textAnchor="middle",
                           fontName=BOLD if ordered else REGULAR, fontSize=font_size,
                           fillColor=colors.white if ordered else TEXT))


def teeth_drawing(chosen: Iterable[int], width: float) -> Drawing:
    """The chart, ``width`` points wide and 0.8 of that tall."""
    picked = frozenset(chosen)
    milk = bool(picked & frozenset(DECIDUOUS))
    height = width * 0.8
    drawing = Drawing(width, height)
    radius = width * 0.03
    cx, cy = width / 2, height / 2
    half_width = width * 0.41
    gap = 1.6 * radius  # between the arches: the occlusal plane, with R and L at its ends
    depth = height / 2 - gap - radius * 1.1
    drawing.add(Line(cx, radius, cx, height - radius, strokeColor=GUIDE, strokeWidth=0.5,
                     strokeDashArray=[2, 2]))
    drawing.add(Line(2 * radius, cy, width - 2 * radius, cy, strokeColor=GUIDE,
                     strokeWidth=0.5, strokeDashArray=[2, 2]))
    _arch(drawing, UPPER, picked, cx, cy + gap, half_width, depth, radius)
    _arch(drawing, LOWER, picked, cx, cy - gap, half_width, -depth, radius)
    if milk:
        small = radius * 0.9
        inner_width, inner_depth = half_width * 0.62, depth * 0.6
        _arch(drawing, UPPER_MILK, picked, cx, cy + gap, inner_width, inner_depth, small)
        _arch(drawing, LOWER_MILK, picked, cx, cy - gap, inner_width, -inner_depth, small)
    side_size = radius * 1.3
    for text, x in (("R", side_size * 0.5), ("L", width - side_size * 0.5)):
        drawing.add(String(x, cy - side_size * 0.36, text, textAnchor="middle", fontName=BOLD,
                           fontSize=side_size, fillColor=OUTLINE))
    return drawing
