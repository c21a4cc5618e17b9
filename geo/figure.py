"""A slide-ready static map of a scenario (matplotlib, no basemap), and saving it to a file.

Built on :class:`matplotlib.figure.Figure` without pyplot: pyplot keeps global state
(current figure, backend), which is not safe in Streamlit's threads; a bare Figure picks
the right canvas (Agg for PNG) when saved. The map is drawn in EPSG:32636 (metres), so
the scale bar is true (UTM's scale error is under 0.2 % across Ukraine).
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from pathlib import Path

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from geo.crs import M_PER_KM
from geo.evaluate import Evaluation
from geo.export import SOURCES
from geo.proposal_time import PACE_SOURCE, ProposalTime, compact, evaluation_time, pace_windows
from geo.scenario_layers import LINE_STYLES, RUSSIAN_FILL, UKRAINIAN_FILL, ZONE_COLOR
from geo.scenarios import LINE_LABELS, PRESET_TITLES, PRESETS, Scenario

#: 16 x 9 inches at 120 dpi: 1920 x 1080 px, a full-HD slide.
FIGSIZE_IN = (16.0, 9.0)
PNG_DPI = 120
#: File suffix -> matplotlib format.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

# Sizes in points, chosen to be read from the back of a lecture hall.
TITLE_PT, SUBTITLE_PT, LEGEND_PT, LABEL_PT, NUMBER_PT, FOOTER_PT = 26, 15, 14, 13, 24, 12

UKRAINIAN_PALE = "#dbe6f1"
ZONE_BACKGROUND = "#fee391"
RUSSIAN_ALPHA = 0.65
# Today's line darker and thicker than the oblast borders, so the two greys are told apart.
TODAY_COLOR, TODAY_PT = "#3a3a3a", 1.8
OUTLINE_COLOR, OUTLINE_PT = "#8c8c8c", 0.6
SCENARIO_LINE_PT = 3.0
#: Candidate scale-bar lengths (km); the longest not over a fifth of the map's width is used.
#: Each halves to a round number too (no 250: its middle tick would read 125).
SCALE_STEPS_KM = (20, 50, 100, 200, 500, 1000)

#: Where the parts sit, in figure fractions (0-1, origin bottom left).
MAP_RECT = (0.015, 0.155, 0.655, 0.675)
PANEL_X = 0.69
#: The panel's figures: where the first label sits and how far apart they are.
PANEL_TOP, PANEL_STEP = 0.46, 0.085
#: Baselines of the lines under the map: the time to take (up to two lines of TIME_CHARS
#: characters), then the footer's three.
TIME_Y, FOOTER_Y = 0.097, (0.069, 0.042, 0.015)
TIME_CHARS = 125

def _polygon_path(geometry: BaseGeometry) -> MplPath:
    """A (multi)polygon as one matplotlib path, holes included.

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


def _segments(geometry: BaseGeometry) -> list[np.ndarray]:
    """The vertex arrays of every line part of ``geometry`` (lines, or polygon outlines)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        geometry = geometry.boundary
    return [np.asarray(part.coords)[:, :2] for part in shapely.get_parts(geometry)
            if not part.is_empty]


def _dashes(pattern: str, linewidth: float) -> tuple[float, tuple[float, ...]]:
    """A Leaflet dash array ("10 6", pixels) as a matplotlib line style of the same lengths
    in points: matplotlib multiplies dash lengths by the line width, so divide by it."""
    return 0.0, tuple(float(length) / linewidth for length in pattern.split())


def _draw_zones(ax: Axes, evaluation: Evaluation) -> None:
    zones = evaluation.zones
    ax.add_patch(PathPatch(_polygon_path(zones.ukrainian), facecolor=UKRAINIAN_PALE,
                           edgecolor="none", zorder=1))
    ax.add_patch(PathPatch(_polygon_path(zones.russian), facecolor=RUSSIAN_FILL,
                           alpha=RUSSIAN_ALPHA, edgecolor="none", zorder=2))
    if not zones.dmz.is_empty:
        # The hatch takes the edge colour: the zone reads in greyscale and for colour-blind eyes.
        ax.add_patch(PathPatch(_polygon_path(zones.dmz), facecolor=ZONE_BACKGROUND,
                               edgecolor=ZONE_COLOR, hatch="///", linewidth=1.0, zorder=3))


def _draw_outlines(ax: Axes, evaluation: Evaluation) -> None:
    borders = [s for unit in evaluation.ground.units.values() for s in _segments(unit)]
    ax.add_collection(LineCollection(borders, colors=OUTLINE_COLOR, linewidths=OUTLINE_PT,
                                     zorder=4))
    ax.add_collection(LineCollection(_segments(evaluation.ground.ukraine), colors="#333333",
                                     linewidths=1.2, zorder=4))


def _draw_lines(ax: Axes, evaluation: Evaluation) -> None:
    ax.add_collection(LineCollection(_segments(evaluation.ground.line), colors=TODAY_COLOR,
                                     linewidths=TODAY_PT, zorder=5))
    for line in evaluation.zones.lines:
        color, pattern = LINE_STYLES[line.kind]
        ax.add_collection(LineCollection(
            _segments(line.geometry), colors=color, linewidths=SCENARIO_LINE_PT,
            linestyles=[_dashes(pattern, SCENARIO_LINE_PT)], zorder=6))


def _scale_km(map_width_km: float) -> float:
    """A round bar length (km) of at most a fifth of the map's width."""
    fitting = [km for km in SCALE_STEPS_KM if km <= map_width_km / 5]
    return float(fitting[-1] if fitting else SCALE_STEPS_KM[0])


def _draw_scale_bar(ax: Axes) -> None:
    """A two-part black and white bar of a round length in the lower left corner, drawn in
    map units (m of EPSG:32636) so that it measures what the map shows."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    length_km = _scale_km((x1 - x0) / M_PER_KM)
    left, bottom, height = x0 + 0.03 * (x1 - x0), y0 + 0.05 * (y1 - y0), 0.012 * (y1 - y0)
    half = length_km * M_PER_KM / 2
    for i, fill in enumerate(("black", "white")):
        ax.add_patch(Rectangle((left + i * half, bottom), half, height, facecolor=fill,
                               edgecolor="black", linewidth=1.0, zorder=7))
    for i, text in enumerate(("0", f"{length_km / 2:g}", f"{length_km:g} km")):
        ax.text(left + i * half, bottom + 2.2 * height, text, ha="center", va="bottom",
                fontsize=LABEL_PT, zorder=7)


def _draw_map(fig: Figure, evaluation: Evaluation) -> Axes:
    ax = fig.add_axes(MAP_RECT)
    _draw_zones(ax, evaluation)
    _draw_outlines(ax, evaluation)
    _draw_lines(ax, evaluation)
    minx, miny, maxx, maxy = evaluation.ground.ukraine.bounds
    pad = 0.02 * (maxx - minx)
    ax.set_xlim(minx - pad, maxx + pad)
    ax.set_ylim(miny - pad, maxy + pad)
    # Equal metres on both axes, filling the box's height and sitting at its left.
    ax.set_aspect("equal", adjustable="box", anchor="W")
    ax.set_axis_off()
    _draw_scale_bar(ax)
    return ax


def _legend_handles(evaluation: Evaluation) -> list[Patch | Line2D]:
    zones = evaluation.zones
    handles: list[Patch | Line2D] = [
        Patch(facecolor=RUSSIAN_FILL, alpha=RUSSIAN_ALPHA, label="Russian-held"),
        Patch(facecolor=UKRAINIAN_PALE, edgecolor=UKRAINIAN_FILL, linewidth=0.8,
              label="Ukrainian-held")]
    if not zones.dmz.is_empty:
        handles.append(Patch(facecolor=ZONE_BACKGROUND, edgecolor=ZONE_COLOR, hatch="///",
                             label="Demilitarised zone"))
    for line in zones.lines:
        color, pattern = LINE_STYLES[line.kind]
        handles.append(Line2D([], [], color=color, linewidth=SCENARIO_LINE_PT,
                              linestyle=_dashes(pattern, SCENARIO_LINE_PT),
                              label=LINE_LABELS[line.kind]))
    handles.append(Line2D([], [], color=TODAY_COLOR, linewidth=TODAY_PT,
                          label="Today's line of contact"))
    handles.append(Line2D([], [], color=OUTLINE_COLOR, linewidth=OUTLINE_PT,
                          label="Oblast border"))
    return handles


def _long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def default_title(evaluation: Evaluation) -> str:
    """The scenario's short name and its snapshot's date, e.g. "Land swap (August 2025),
    6 January 2026"."""
    return f"{PRESET_TITLES[evaluation.scenario.preset]}, {_long_date(evaluation.ground.date)}"


def _parameters_text(scenario: Scenario, names: dict[str, str]) -> str:
    """The scenario's parameters in words (empty for presets without parameters)."""
    if scenario.preset == "mutual":
        return (f"Ukraine pulls back {scenario.ua_km:g} km and Russia {scenario.ru_km:g} km "
                "from the line of contact.")
    if scenario.preset == "shift":
        side = "Ukrainian" if scenario.shift_km >= 0 else "Russian"
        where = (", ".join(names.get(code, code) for code in scenario.oblasts)
                 if scenario.oblasts else "every oblast")
        return f"The line moves {abs(scenario.shift_km):g} km into {side}-held ground in {where}."
    if scenario.preset == "target" and scenario.target is not None:
        code, pct = scenario.target
        return f"The line moves until Russia holds {pct:g} % of {names.get(code, code)}."
    return ""


def _draw_heading(fig: Figure, evaluation: Evaluation, title: str) -> None:
    fig.text(0.015, 0.965, title, fontsize=TITLE_PT, fontweight="bold", va="top")
    about = f"{PRESETS[evaluation.scenario.preset]}. " \
            f"{_parameters_text(evaluation.scenario, evaluation.ground.names)}"
    fig.text(0.015, 0.895, textwrap.fill(about.strip(), width=150), fontsize=SUBTITLE_PT,
             va="top", color="#333333")


def _headline_numbers(evaluation: Evaluation) -> list[tuple[str, str]]:
    """(label, value) pairs: the figures a slide's audience asks for first."""
    impact = evaluation.impact

    def share(km2: float) -> str:
        return f"{impact.pct_of_ukraine(km2):.1f} % of Ukraine"

    return [
        (f"Goes to Russia ({share(impact.to_russia_km2)})", f"{impact.to_russia_km2:,.0f} km²"),
        (f"Returns to Ukraine ({share(impact.to_ukraine_km2)})",
         f"{impact.to_ukraine_km2:,.0f} km²"),
        (f"Demilitarised zone ({share(impact.dmz_km2)})", f"{impact.dmz_km2:,.0f} km²"),
        (f"Length of the lines (today's: {impact.line_km_before:,.0f} km)",
         f"{impact.line_km:,.0f} km"),
    ]


def time_line(time: ProposalTime) -> str:
    """The slide's one line on the time to take: the 6-month figure and the range across
    the 3-12 month windows (:func:`geo.proposal_time.compact`)."""
    return compact(time) + "."


def _draw_panel(fig: Figure, evaluation: Evaluation) -> None:
    fig.legend(handles=_legend_handles(evaluation), loc="upper left",
               bbox_to_anchor=(PANEL_X - 0.008, 0.84), fontsize=LEGEND_PT, frameon=False,
               title="Under this scenario", title_fontsize=LEGEND_PT + 1,
               alignment="left", handlelength=3.0)
    y = PANEL_TOP
    for label, value in _headline_numbers(evaluation):
        fig.text(PANEL_X, y, label, fontsize=LABEL_PT, color="#444444", va="bottom")
        fig.text(PANEL_X, y - 0.005, value, fontsize=NUMBER_PT, fontweight="bold", va="top")
        y -= PANEL_STEP


def _draw_footer(fig: Figure, evaluation: Evaluation, time: ProposalTime) -> None:
    fig.text(0.015, TIME_Y, textwrap.fill(time_line(time), width=TIME_CHARS),
             fontsize=SUBTITLE_PT, fontweight="bold", va="bottom")
    fig.text(0.015, FOOTER_Y[0],
             f"Time to take: each oblast's net pace over {pace_windows(time)}, "
             f"{PACE_SOURCE} (EPSG:3035); a straight-line extrapolation, not a forecast.",
             fontsize=FOOTER_PT, color="#333333", va="bottom")
    fig.text(0.015, FOOTER_Y[1],
             f"Control as of {_long_date(evaluation.ground.date)} "
             f"(snapshot {evaluation.ground.date.isoformat()}). Areas in km² (EPSG:3035), "
             "lengths in km (UTM 36N). Zones and lines drawn by Ceasefire Atlas.",
             fontsize=FOOTER_PT, color="#333333", va="bottom")
    fig.text(0.015, FOOTER_Y[2], "Sources: " + "; ".join(SOURCES) + ".", fontsize=FOOTER_PT,
             color="#333333", va="bottom")


def scenario_figure(evaluation: Evaluation, *, title: str | None = None,
                    time: ProposalTime | None = None) -> Figure:
    """A static map of a scenario for slides: zones, lines, legend, scale, figures, the time
    to take what it hands over, sources.

    Parameters
    ----------
    evaluation
        From :func:`geo.evaluate.evaluate`; drawn in its CRS, EPSG:32636 (metres).
    title
        The heading; default: the preset's short name and the snapshot's date
        (:func:`default_title`).
    time
        Its time to take (:func:`geo.proposal_time.proposal_time`), shown in one line
        under the map (:func:`time_line`) with its source and caveat in the footer;
        default: computed on the shipped daily series.

    Returns
    -------
    matplotlib.figure.Figure
        16 x 9 inches, not attached to pyplot; save it with :func:`save_figure`. Areas shown
        are km2 (EPSG:3035), lengths km (EPSG:32636); the scale bar is in km.
    """
    fig = Figure(figsize=FIGSIZE_IN, dpi=PNG_DPI, facecolor="white")
    _draw_heading(fig, evaluation, default_title(evaluation) if title is None else title)
    _draw_map(fig, evaluation)
    time = evaluation_time(evaluation) if time is None else time
    _draw_panel(fig, evaluation)
    _draw_footer(fig, evaluation, time)
    return fig


def figure_format(path: str | Path) -> str:
    """The file format ("png", "svg" or "pdf") for ``path``'s suffix (any case).

    Raises
    ------
    ValueError
        For any other suffix, naming the ones that work.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        given = repr(suffix) if suffix else "a file without a suffix"
        message = f"cannot save a figure as {given}: use {', '.join(FORMATS)} (e.g. map.png)"
        raise ValueError(message)
    return FORMATS[suffix]


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """``fig`` encoded as "png" (1920 x 1080 px), "svg" or "pdf", for a download."""
    if fmt not in FORMATS.values():
        raise ValueError(f"cannot encode a figure as {fmt!r}: use png, svg or pdf")
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=PNG_DPI, facecolor=fig.get_facecolor())
    return buffer.getvalue()


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Write ``fig`` to ``path`` as PNG (1920 x 1080 px for a 16 x 9 in figure), SVG or PDF,
    chosen by the suffix; returns the path written.

    Raises
    ------
    ValueError
        If the suffix is not .png, .svg or .pdf (nothing is written).
    """
    fmt = figure_format(path)
    # No bbox_inches="tight": it would crop the slide below its 1920 px width.
    fig.savefig(path, format=fmt, dpi=PNG_DPI, facecolor=fig.get_facecolor())
    return Path(path)
