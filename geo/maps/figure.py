"""A slide-ready static map of a scenario (matplotlib, no basemap), and saving it to a file.

Built on :class:`matplotlib.figure.Figure` without pyplot: pyplot keeps global state
(current figure, backend), which is not safe in Streamlit's threads; a bare Figure picks
the right canvas (Agg for PNG) when saved. The map is drawn in EPSG:32636 (metres), so
the scale bar is true (UTM's scale error is under 0.2 % across Ukraine); sizes, paths and
the scale bar are :mod:`geo.maps.figure_base`'s, colours :mod:`geo.maps.palette`'s.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch

from geo.maps.figure_base import (FIGSIZE_IN, FOOTER_PT, FOOTER_Y, LABEL_PT, LEGEND_PT, NUMBER_PT,
                                  SUBTITLE_PT, TITLE_PT, dashes, frame_map, long_date, polygon_path,
                                  segments)
from geo.maps.palette import (LINE_STYLES, OUTLINE_COLOR, OUTLINE_PT, RUSSIAN_ALPHA, RUSSIAN_FILL,
                              TODAY_COLOR, TODAY_PT, UKRAINE_EDGE, UKRAINIAN_FILL, UKRAINIAN_PALE,
                              ZONE_BACKGROUND, ZONE_COLOR)
from geo.scenario.evaluate import Evaluation
from geo.scenario.export import SOURCES
from geo.scenario.partition import LINE_LABELS
from geo.scenario.presets import Scenario
from geo.scenario.proposal_time import (PACE_SOURCE, ProposalTime, compact, evaluation_time,
                                        pace_windows)
from geo.scenario.proposals import PROPOSALS

#: At 120 dpi the 16 x 9 in figure is 1920 x 1080 px.
PNG_DPI = 120
#: File suffix -> matplotlib format.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
SCENARIO_LINE_PT = 3.0

#: Where the parts sit, in figure fractions (0-1, origin bottom left).
MAP_RECT = (0.015, 0.155, 0.655, 0.675)
PANEL_X = 0.69
#: The panel's figures: where the first label sits and how far apart they are.
PANEL_TOP, PANEL_STEP = 0.46, 0.085
#: Baseline of the time to take under the map (up to two lines of TIME_CHARS characters),
#: above the footer's three (:data:`geo.maps.figure_base.FOOTER_Y`).
TIME_Y = 0.097
TIME_CHARS = 125


def _draw_zones(ax: Axes, evaluation: Evaluation) -> None:
    zones = evaluation.zones
    ax.add_patch(PathPatch(polygon_path(zones.ukrainian), facecolor=UKRAINIAN_PALE,
                           edgecolor="none", zorder=1))
    ax.add_patch(PathPatch(polygon_path(zones.russian), facecolor=RUSSIAN_FILL,
                           alpha=RUSSIAN_ALPHA, edgecolor="none", zorder=2))
    if not zones.dmz.is_empty:
        # The hatch takes the edge colour: the zone reads in greyscale and for colour-blind eyes.
        ax.add_patch(PathPatch(polygon_path(zones.dmz), facecolor=ZONE_BACKGROUND,
                               edgecolor=ZONE_COLOR, hatch="///", linewidth=1.0, zorder=3))


def _draw_outlines(ax: Axes, evaluation: Evaluation) -> None:
    borders = [s for unit in evaluation.ground.units.values() for s in segments(unit)]
    ax.add_collection(LineCollection(borders, colors=OUTLINE_COLOR, linewidths=OUTLINE_PT,
                                     zorder=4))
    ax.add_collection(LineCollection(segments(evaluation.ground.ukraine), colors=UKRAINE_EDGE,
                                     linewidths=1.2, zorder=4))


def _draw_lines(ax: Axes, evaluation: Evaluation) -> None:
    ax.add_collection(LineCollection(segments(evaluation.ground.line), colors=TODAY_COLOR,
                                     linewidths=TODAY_PT, zorder=5))
    for line in evaluation.zones.lines:
        color, pattern = LINE_STYLES[line.kind]
        ax.add_collection(LineCollection(
            segments(line.geometry), colors=color, linewidths=SCENARIO_LINE_PT,
            linestyles=[dashes(pattern, SCENARIO_LINE_PT)], zorder=6))


def _draw_map(fig: Figure, evaluation: Evaluation) -> Axes:
    ax = fig.add_axes(MAP_RECT)
    _draw_zones(ax, evaluation)
    _draw_outlines(ax, evaluation)
    _draw_lines(ax, evaluation)
    frame_map(ax, evaluation.ground.ukraine)
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
                              linestyle=dashes(pattern, SCENARIO_LINE_PT),
                              label=LINE_LABELS[line.kind]))
    handles.append(Line2D([], [], color=TODAY_COLOR, linewidth=TODAY_PT,
                          label="Today's line of contact"))
    handles.append(Line2D([], [], color=OUTLINE_COLOR, linewidth=OUTLINE_PT,
                          label="Oblast border"))
    return handles


def default_title(evaluation: Evaluation) -> str:
    """The scenario's short name and its snapshot's date, e.g. "Land swap (August 2025),
    6 January 2026"."""
    return f"{PROPOSALS[evaluation.scenario.preset].title}, {long_date(evaluation.ground.date)}"


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
    about = f"{PROPOSALS[evaluation.scenario.preset].description}. " \
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
    the 3-12 month windows (:func:`geo.scenario.proposal_time.compact`)."""
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
             f"Control as of {long_date(evaluation.ground.date)} "
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
        From :func:`geo.scenario.evaluate.evaluate`; drawn in its CRS, EPSG:32636 (metres).
    title
        The heading; default: the preset's short name and the snapshot's date
        (:func:`default_title`).
    time
        Its time to take (:func:`geo.scenario.proposal_time.proposal_time`), shown in one line
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
