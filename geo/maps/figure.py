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

from geo.data.names import UNIT_NAMES
from geo.language import DEFAULT, N_, gettext, km, km2, number, percent
from geo.maps.figure_base import (FIGSIZE_IN, FOOTER_PT, FOOTER_Y, LABEL_PT, LEGEND_PT, NUMBER_PT,
                                  SUBTITLE_PT, TITLE_PT, dashes, fit_width, frame_map, long_date,
                                  polygon_path, segments)
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
#: The characters of the subtitle's lines.
ABOUT_CHARS = 150
#: Cyrillic letters run about an eighth wider than Latin ones in the slide's font (DejaVu
#: Sans): a line in another language than English holds that many fewer.
NARROWER = 0.87


def _chars(width: int, lang: str) -> int:
    """How many characters of ``lang`` fill a line of ``width`` English ones."""
    return width if lang == DEFAULT else round(width * NARROWER)


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


def _draw_map(fig: Figure, evaluation: Evaluation, lang: str) -> Axes:
    ax = fig.add_axes(MAP_RECT)
    _draw_zones(ax, evaluation)
    _draw_outlines(ax, evaluation)
    _draw_lines(ax, evaluation)
    frame_map(ax, evaluation.ground.ukraine, lang=lang)
    return ax


def _legend_handles(evaluation: Evaluation, lang: str) -> list[Patch | Line2D]:
    zones = evaluation.zones
    handles: list[Patch | Line2D] = [
        Patch(facecolor=RUSSIAN_FILL, alpha=RUSSIAN_ALPHA, label=gettext("Russian-held", lang)),
        Patch(facecolor=UKRAINIAN_PALE, edgecolor=UKRAINIAN_FILL, linewidth=0.8,
              label=gettext("Ukrainian-held", lang))]
    if not zones.dmz.is_empty:
        handles.append(Patch(facecolor=ZONE_BACKGROUND, edgecolor=ZONE_COLOR, hatch="///",
                             label=gettext("Demilitarised zone", lang)))
    for line in zones.lines:
        color, pattern = LINE_STYLES[line.kind]
        handles.append(Line2D([], [], color=color, linewidth=SCENARIO_LINE_PT,
                              linestyle=dashes(pattern, SCENARIO_LINE_PT),
                              label=gettext(LINE_LABELS[line.kind], lang)))
    handles.append(Line2D([], [], color=TODAY_COLOR, linewidth=TODAY_PT,
                          label=gettext("Today's line of contact", lang)))
    handles.append(Line2D([], [], color=OUTLINE_COLOR, linewidth=OUTLINE_PT,
                          label=gettext("Oblast border", lang)))
    return handles


def default_title(evaluation: Evaluation, *, lang: str = DEFAULT) -> str:
    """The scenario's short name and its snapshot's date in ``lang``, e.g. "Land swap
    (August 2025), 6 January 2026"."""
    return gettext("{proposal}, {day}", lang).format(
        proposal=gettext(PROPOSALS[evaluation.scenario.preset].title, lang),
        day=long_date(evaluation.ground.date, lang=lang))


def _figure(value: float, lang: str) -> str:
    """A parameter as it was given ("15", "2.5"; "2,5" in Ukrainian)."""
    text = f"{value:g}"
    return text if lang == DEFAULT else number(value, lang,
                                               decimals=len(text.partition(".")[2]))


def _unit_name(code: str, names: dict[str, str], lang: str) -> str:
    if lang == "uk" and code in UNIT_NAMES:
        return UNIT_NAMES[code][1]
    return names.get(code, code)


def _parameters_text(scenario: Scenario, names: dict[str, str], lang: str = DEFAULT) -> str:
    """The scenario's parameters in words in ``lang`` (empty for presets without
    parameters); ``names``: the units' English names by code."""
    if scenario.preset == "mutual":
        return gettext("Ukraine pulls back {ua_km} km and Russia {ru_km} km from the line of "
                       "contact.", lang).format(ua_km=_figure(scenario.ua_km, lang),
                                                ru_km=_figure(scenario.ru_km, lang))
    if scenario.preset == "shift":
        distance = _figure(abs(scenario.shift_km), lang)
        into_ukrainian = scenario.shift_km >= 0
        if not scenario.oblasts:
            sentence = (N_("The line moves {distance} km into Ukrainian-held ground in every "
                           "oblast.") if into_ukrainian else
                        N_("The line moves {distance} km into Russian-held ground in every "
                           "oblast."))
            return gettext(sentence, lang).format(distance=distance)
        sentence = (N_("The line moves {distance} km into Ukrainian-held ground in {where}.")
                    if into_ukrainian else
                    N_("The line moves {distance} km into Russian-held ground in {where}."))
        where = ", ".join(_unit_name(code, names, lang) for code in scenario.oblasts)
        return gettext(sentence, lang).format(distance=distance, where=where)
    if scenario.preset == "target" and scenario.target is not None:
        code, pct = scenario.target
        share = f"{pct:g} %" if lang == DEFAULT else f"{_figure(pct, lang)}\u00a0%"
        return gettext("The line moves until Russia holds {share} of {name}.", lang).format(
            share=share, name=_unit_name(code, names, lang))
    return ""


def _draw_heading(fig: Figure, evaluation: Evaluation, title: str, lang: str) -> None:
    fig.text(0.015, 0.965, title, fontsize=TITLE_PT, fontweight="bold", va="top")
    about = f"{gettext(PROPOSALS[evaluation.scenario.preset].description, lang)}. " \
            f"{_parameters_text(evaluation.scenario, evaluation.ground.names, lang)}"
    fig.text(0.015, 0.895, textwrap.fill(about.strip(), width=_chars(ABOUT_CHARS, lang)), fontsize=SUBTITLE_PT,
             va="top", color="#333333")


def _headline_numbers(evaluation: Evaluation, lang: str = DEFAULT) -> list[tuple[str, str]]:
    """(label, value) pairs in ``lang``: the figures a slide's audience asks for first."""
    impact = evaluation.impact

    def label(text: str, km2_of_ukraine: float) -> str:
        return gettext(text, lang).format(share=percent(impact.pct_of_ukraine(km2_of_ukraine),
                                                        lang))

    return [
        (label(N_("Goes to Russia ({share} of Ukraine)"), impact.to_russia_km2),
         km2(impact.to_russia_km2, lang)),
        (label(N_("Returns to Ukraine ({share} of Ukraine)"), impact.to_ukraine_km2),
         km2(impact.to_ukraine_km2, lang)),
        (label(N_("Demilitarised zone ({share} of Ukraine)"), impact.dmz_km2),
         km2(impact.dmz_km2, lang)),
        (gettext("Length of the lines (today's: {length})", lang).format(
            length=km(impact.line_km_before, lang)), km(impact.line_km, lang)),
    ]


def time_line(time: ProposalTime, *, lang: str = DEFAULT) -> str:
    """The slide's one line on the time to take: the 6-month figure and the range across
    the 3-12 month windows (:func:`geo.scenario.proposal_time.compact`), in ``lang``."""
    return compact(time, lang=lang) + "."


def _draw_panel(fig: Figure, evaluation: Evaluation, lang: str) -> None:
    fig.legend(handles=_legend_handles(evaluation, lang), loc="upper left",
               bbox_to_anchor=(PANEL_X - 0.008, 0.84), fontsize=LEGEND_PT, frameon=False,
               title=gettext("Under this scenario", lang), title_fontsize=LEGEND_PT + 1,
               alignment="left", handlelength=3.0)
    y = PANEL_TOP
    for label, value in _headline_numbers(evaluation, lang):
        fig.text(PANEL_X, y, label, fontsize=LABEL_PT, color="#444444", va="bottom")
        fig.text(PANEL_X, y - 0.005, value, fontsize=NUMBER_PT, fontweight="bold", va="top")
        y -= PANEL_STEP


def _draw_footer(fig: Figure, evaluation: Evaluation, time: ProposalTime, lang: str) -> None:
    fig.text(0.015, TIME_Y, textwrap.fill(time_line(time, lang=lang),
                                           width=_chars(TIME_CHARS, lang)),
             fontsize=SUBTITLE_PT, fontweight="bold", va="bottom")
    pace = fig.text(0.015, FOOTER_Y[0],
             gettext("Time to take: each oblast's net pace over {windows}, {source} "
                     "(EPSG:3035); a straight-line extrapolation, not a forecast.", lang).format(
                 windows=pace_windows(time, lang=lang), source=gettext(PACE_SOURCE, lang)),
             fontsize=FOOTER_PT, color="#333333", va="bottom")
    day = evaluation.ground.date
    control = fig.text(0.015, FOOTER_Y[1],
             gettext("Control as of {day} (snapshot {snapshot}). Areas in km² (EPSG:3035), "
                     "lengths in km (UTM 36N). Zones and lines drawn by Ceasefire Atlas.",
                     lang).format(day=long_date(day, lang=lang), snapshot=day.isoformat()),
             fontsize=FOOTER_PT, color="#333333", va="bottom")
    sources = fig.text(0.015, FOOTER_Y[2],
             gettext("Sources: {sources}.", lang).format(
                 sources="; ".join(gettext(source, lang) for source in SOURCES)),
             fontsize=FOOTER_PT, color="#333333", va="bottom")
    # One line each, shrunk if need be (not wrapped): the three baselines are fixed under the
    # time to take, whose two lines reach up to the map.
    for line in (pace, control, sources):
        fit_width(line)


def scenario_figure(evaluation: Evaluation, *, title: str | None = None,
                    time: ProposalTime | None = None, lang: str = DEFAULT) -> Figure:
    """A static map of a scenario for slides: zones, lines, legend, scale, figures, the time
    to take what it hands over, sources, its text in ``lang``.

    Parameters
    ----------
    evaluation
        From :func:`geo.scenario.evaluate.evaluate`; drawn in its CRS, EPSG:32636 (metres).
    title
        The heading (in ``lang``); default: the preset's short name and the snapshot's date
        (:func:`default_title`).
    time
        Its time to take (:func:`geo.scenario.proposal_time.proposal_time`), shown in one line
        under the map (:func:`time_line`) with its source and caveat in the footer;
        default: computed on the shipped daily series.
    lang
        The language of every text of the slide (default English).

    Returns
    -------
    matplotlib.figure.Figure
        16 x 9 inches, not attached to pyplot; save it with :func:`save_figure`. Areas shown
        are km2 (EPSG:3035), lengths km (EPSG:32636); the scale bar is in km.
    """
    fig = Figure(figsize=FIGSIZE_IN, dpi=PNG_DPI, facecolor="white")
    _draw_heading(fig, evaluation,
                  default_title(evaluation, lang=lang) if title is None else title, lang)
    _draw_map(fig, evaluation, lang)
    time = evaluation_time(evaluation) if time is None else time
    _draw_panel(fig, evaluation, lang)
    _draw_footer(fig, evaluation, time, lang)
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
