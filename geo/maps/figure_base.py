"""What the static figures draw with: the slide (:mod:`geo.maps.figure`) and the timelapse GIF
(:mod:`geo.maps.timelapse_gif`) share their size, type sizes, footer, scale bar and the way
shapes become matplotlib paths and lines.

Both are drawn in EPSG:32636 (metres), so the scale bar is true (UTM's scale error is
under 0.2 % across Ukraine); their colours are :mod:`geo.maps.palette`'s.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.patches import Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.text import Text
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from geo.crs import M_PER_KM
from geo.language import DEFAULT, checked, gettext, long_date as running_date, number

#: 16 x 9 inches: a full-HD slide at 120 dpi (1920 x 1080 px).
FIGSIZE_IN = (16.0, 9.0)

# Sizes in points, chosen to be read from the back of a lecture hall.
TITLE_PT, SUBTITLE_PT, LEGEND_PT, LABEL_PT, NUMBER_PT, FOOTER_PT = 26, 15, 14, 13, 24, 12

#: Baselines of the footer's three lines, in figure fractions (0-1, from the bottom).
FOOTER_Y = (0.069, 0.042, 0.015)

#: Candidate scale-bar lengths (km); the longest not over a fifth of the map's width is used.
#: Each halves to a round number too (no 250: its middle tick would read 125).
SCALE_STEPS_KM = (20, 50, 100, 200, 500, 1000)


def long_date(date: dt.date, *, lang: str = DEFAULT) -> str:
    """``date`` as a slide writes it: "6 January 2026" in English, and as
    :func:`geo.language.long_date` writes it in another language ("6 січня 2026 р.")."""
    if checked(lang) == DEFAULT:
        return f"{date.day} {date:%B %Y}"
    return running_date(date, lang)


def polygon_path(geometry: BaseGeometry) -> MplPath:
    """A (multi)polygon as one matplotlib path, holes included (coordinates as given).

    Exteriors are made counter-clockwise and holes clockwise, so holes stay open under both
    the non-zero and the even-odd fill rule (backends differ).
    """
    rings = []
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        polygon = orient(polygon, sign=1.0)
        rings.append(polygon.exterior)
        rings.extend(polygon.interiors)
    # closed=True turns each ring's repeated last vertex into the CLOSEPOLY marker.
    return MplPath.make_compound_path(
        *(MplPath(np.asarray(ring.coords)[:, :2], closed=True) for ring in rings))


def segments(geometry: BaseGeometry) -> list[np.ndarray]:
    """The vertex arrays of every line part of ``geometry`` (lines, or polygon outlines)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        geometry = geometry.boundary
    return [np.asarray(part.coords)[:, :2] for part in shapely.get_parts(geometry)
            if not part.is_empty]


def dashes(pattern: str, linewidth: float) -> tuple[float, tuple[float, ...]]:
    """A Leaflet dash array ("10 6", pixels) as a matplotlib line style of the same lengths
    in points: matplotlib multiplies dash lengths by the line width, so divide by it."""
    return 0.0, tuple(float(length) / linewidth for length in pattern.split())


def scale_km(map_width_km: float) -> float:
    """A round bar length (km) of at most a fifth of the map's width."""
    fitting = [km for km in SCALE_STEPS_KM if km <= map_width_km / 5]
    return float(fitting[-1] if fitting else SCALE_STEPS_KM[0])


def draw_scale_bar(ax: Axes, *, lang: str = DEFAULT) -> None:
    """A two-part black and white bar of a round length in the lower left corner, drawn in
    map units (m of EPSG:32636) so that it measures what the map shows; its figures in
    ``lang``."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    length_km = scale_km((x1 - x0) / M_PER_KM)
    left, bottom, height = x0 + 0.03 * (x1 - x0), y0 + 0.05 * (y1 - y0), 0.012 * (y1 - y0)
    half = length_km * M_PER_KM / 2
    for i, fill in enumerate(("black", "white")):
        ax.add_patch(Rectangle((left + i * half, bottom), half, height, facecolor=fill,
                               edgecolor="black", linewidth=1.0, zorder=7))
    whole = gettext("{length} km", lang).format(length=_round(length_km, lang))
    for i, text in enumerate(("0", _round(length_km / 2, lang), whole)):
        ax.text(left + i * half, bottom + 2.2 * height, text, ha="center", va="bottom",
                fontsize=LABEL_PT, zorder=7)


def _round(value: float, lang: str) -> str:
    """A round figure as the scale bar writes it: "25", "12.5" ("12,5" in Ukrainian)."""
    text = f"{value:g}"
    return text if checked(lang) == DEFAULT else number(value, lang,
                                                         decimals=len(text.partition(".")[2]))


def frame_map(ax: Axes, ukraine: BaseGeometry, *, lang: str = DEFAULT) -> None:
    """Fit ``ax`` to Ukraine (EPSG:32636) with a small margin, equal metres on both axes
    (filling the box's height and sitting at its left), no axes, and a scale bar (its
    figures in ``lang``)."""
    minx, miny, maxx, maxy = ukraine.bounds
    pad = 0.02 * (maxx - minx)
    ax.set_xlim(minx - pad, maxx + pad)
    ax.set_ylim(miny - pad, maxy + pad)
    ax.set_aspect("equal", adjustable="box", anchor="W")
    ax.set_axis_off()
    draw_scale_bar(ax, lang=lang)


#: The right edge a line of text must end before (figure fraction).
RIGHT_EDGE = 0.99
#: The smallest type :func:`fit_width` and :func:`wrap_to_fit` shrink to (pt).
MIN_PT = 6.0
#: What a word ends a clause with: :func:`wrap_to_fit` breaks a line after it if it can.
CLAUSE_ENDS = (",", ";", ":", ".", "—", "–")


def fit_width(text: Text, right: float = RIGHT_EDGE) -> None:
    """Shrink ``text`` (one line, on a figure) in half points until it ends before ``right``
    (a fraction of the figure's width): a sentence runs longer in one language than another
    (Ukrainian's about a tenth longer), and a line cut at the slide's edge loses its end."""
    renderer, limit = _measure(text, right)
    while text.get_window_extent(renderer).x1 > limit and text.get_fontsize() > MIN_PT:
        text.set_fontsize(text.get_fontsize() - 0.5)


def wrap_to_fit(text: Text, right: float = RIGHT_EDGE) -> None:
    """Fit ``text`` (one line, left-aligned, on a figure) before ``right`` (a fraction of
    the figure's width) on at most two lines: as it is if it fits; else broken at a space
    into two lines that fit, at its size, after a clause's punctuation (", ", "; ", " — ")
    where one does, and with the shorter longest line among those; shrunk in half points
    (broken again at each size) only if no two lines fit. For a line whose layout leaves
    room for a second one below it (``va="top"``); :func:`fit_width` for one that must stay
    one line."""
    renderer, limit = _measure(text, right)
    whole = text.get_text()
    words = whole.split(" ")  # no-break spaces keep "2026 р." and "1 234 км" together

    def end(line: str) -> float:
        text.set_text(line)
        return text.get_window_extent(renderer).x1

    splits: list[tuple[bool, float, int]] = []
    fitting: list[tuple[bool, float, int]] = []
    while True:
        if end(whole) <= limit:
            return
        # (not after a clause, longest line's end, where): the best break sorts first.
        splits = [(not words[i - 1].endswith(CLAUSE_ENDS),
                   max(end(" ".join(words[:i])), end(" ".join(words[i:]))), i)
                  for i in range(1, len(words))]
        fitting = [split for split in splits if split[1] <= limit]
        if fitting or text.get_fontsize() <= MIN_PT:
            break
        text.set_fontsize(text.get_fontsize() - 0.5)
    if not splits:  # one word: shrunk as far as it goes
        text.set_text(whole)
        return
    *_, i = min(fitting or splits)
    text.set_text(" ".join(words[:i]) + "\n" + " ".join(words[i:]))


def _measure(text: Text, right: float) -> tuple[RendererAgg, float]:
    """The renderer to measure ``text`` with, as the PNG draws it (the vector formats lay
    text out alike), and where ``right`` lies on it (px)."""
    fig = text.get_figure()
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    return canvas.get_renderer(), right * fig.bbox.width
