"""The timelapse: the occupied area and the line of contact of every shipped day of a period,
played in place in one Leaflet page (the frames sent once, the layers' data swapped).

A frame is a shipped day (:mod:`geo.data.cadence`: the first held day of each ISO week, of each
month, and a few kept days), drawn from that day's own map; nothing is ever drawn between two
frames. Its figure, the occupied km2 of Ukraine, is the daily series' of the same day
(:mod:`geo.data.series`), measured in EPSG:3035.

To keep the page small the frames are simplified (:data:`FRAME_TOLERANCE_DEG`, about half a
kilometre, under a pixel at the zoom that shows all of Ukraine) and their coordinates sent as
encoded polylines (Google's polyline algorithm, :func:`encode_polyline`) at 1e-4 degrees
(about 10 m): the 137 frames of 2024-07-08 to 2026-10-10 take 0.9 MB.

Here are the frames and the page; what the page is sent is made by
:mod:`geo.maps.timelapse_payload`, and it is played by :mod:`geo.maps.timelapse_player`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shapely
from shapely.geometry.base import BaseGeometry

from geo.data.frontline import line_of_contact
from geo.data.names import UKRAINE
from geo.data.snapshots import available_dates, load_occupied
from geo.language import N_, gettext, long_date, ngettext
from geo.maps.base import base_map, remembered_view
from geo.maps.offline import localize_assets
from geo.maps.palette import NORMAL, STRONG
from geo.maps.timelapse_payload import WEEK_DAYS, Frame
from geo.maps.timelapse_player import DEFAULT_FPS, TimelapsePlayer, timelapse_legend
from geo.paths import DATA_DIR

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

#: Simplification of each frame's area and line (degrees of EPSG:4326, about 0.35-0.55 km
#: here): below a pixel at the zoom that shows the whole country, for drawing only.
FRAME_TOLERANCE_DEG = 0.005


class TimelapseError(ValueError):
    """A period with no frame: its start after its end, or no shipped map within it.
    ``str()`` says why in English, :meth:`text` in a visitor's language (``template``: the
    English sentence, marked for the catalogue; ``values``: its placeholders, days written
    as each language writes a day)."""

    def __init__(self, template: str, **values: object) -> None:
        self.template, self.values = template, values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """Why, in ``lang``."""
        return gettext(self.template, lang).format(**{
            name: long_date(value, lang) if isinstance(value, dt.date) else value
            for name, value in self.values.items()})


def frame_days(start: dt.date, end: dt.date, shipped: Sequence[dt.date]) -> list[dt.date]:
    """The frames of the period ``start`` to ``end`` (both included): its shipped days,
    oldest first.

    Raises
    ------
    TimelapseError
        If ``start`` is after ``end``, or no day of ``shipped`` falls within the period.
    """
    if start > end:
        raise TimelapseError(N_("the period starts on {start}, after its end {end}: give the "
                                "earlier day first"), start=start, end=end)
    days = sorted(day for day in set(shipped) if start <= day <= end)
    if not days:
        known = sorted(shipped)
        if not known:
            raise TimelapseError(N_("no map ships from {start} to {end}: no map ships at all"),
                                 start=start, end=end)
        raise TimelapseError(N_("no map ships from {start} to {end}: the maps run from {first} "
                                "to {last}"), start=start, end=end, first=known[0],
                             last=known[-1])
    return days


def ukraine_figures(series: pd.DataFrame,
                    days: Sequence[dt.date]) -> dict[dt.date, tuple[float, float]]:
    """Ukraine's occupied km2 and percent on each of ``days`` from the daily series
    (:func:`geo.data.series.load_series`).

    Raises
    ------
    TimelapseError
        If the series lacks one of the days (a shipped day is always held: the data folder
        is then inconsistent).
    """
    rows = series[(series["iso_3166_2"] == UKRAINE) & series["date"].isin(list(days))]
    figures = {day: (float(km2), float(pct))
               for day, km2, pct in zip(rows["date"], rows["occupied_km2"], rows["occupied_pct"])}
    missing = [day.isoformat() for day in days if day not in figures]
    if missing:
        raise TimelapseError(N_("the daily series lacks the shipped day(s) {days}: rebuild the "
                                "data (scripts/build_data.py)"), days=", ".join(missing))
    return figures


def make_frame(day: dt.date, occupied: BaseGeometry, ukraine: BaseGeometry, km2: float,
               pct: float, *, tolerance_deg: float = FRAME_TOLERANCE_DEG) -> Frame:
    """The frame of ``day`` from its occupied area (EPSG:4326, clipped to ``ukraine``, as
    shipped) and Ukraine's figures of that day (km2, percent 0-100): the line of contact is
    found on the full area, then both are simplified by ``tolerance_deg`` degrees."""
    line = line_of_contact(occupied, ukraine)
    return Frame(day, shapely.simplify(occupied, tolerance_deg, preserve_topology=True),
                 shapely.simplify(line, tolerance_deg), km2, pct)


def load_frames(start: dt.date, end: dt.date, *, units: gpd.GeoDataFrame | None = None,
                series: pd.DataFrame | None = None,
                data_dir: Path = DATA_DIR) -> list[Frame]:
    """Every frame of the period ``start`` to ``end`` from the shipped data, oldest first
    (about 45 ms a frame: the line of contact is found on each day's full map).

    Raises
    ------
    TimelapseError
        As :func:`frame_days` and :func:`ukraine_figures`.
    """
    from geo.data.boundaries import load_units, ukraine_outline
    from geo.data.series import load_series

    days = frame_days(start, end, available_dates(data_dir))
    figures = ukraine_figures(load_series(data_dir) if series is None else series, days)
    ukraine = ukraine_outline(load_units(data_dir) if units is None else units)
    return [make_frame(day, load_occupied(day, data_dir), ukraine, *figures[day])
            for day in days]


def long_steps(days: Sequence[dt.date], *,
               max_days: int = WEEK_DAYS) -> list[tuple[dt.date, dt.date]]:
    """The consecutive frames (of ``days``, sorted) more than ``max_days`` apart: where the
    archive lacks whole weeks, the timelapse jumps, and says so."""
    return [(a, b) for a, b in zip(days, days[1:]) if (b - a).days > max_days]


def steps_note(days: Sequence[dt.date], *, lang: str = "en") -> str:
    """In words in ``lang``, where the frames of ``days`` are more than a week apart ("" if
    nowhere)."""
    jumps = long_steps(days)
    if not jumps:
        return ""
    a, b = max(jumps, key=lambda pair: pair[1] - pair[0])
    length = (b - a).days
    values = {"first": long_date(a, lang), "last": long_date(b, lang),
              "days": ngettext("{count} day", "{count} days", length, lang).format(count=length)}
    if len(jumps) == 1:
        return gettext("the archive lacks some weeks, so one step is longer than a week (the "
                       "longest: {first} to {last}, {days})", lang).format(**values)
    return ngettext("the archive lacks some weeks, so {count} step is longer than a week (the "
                    "longest: {first} to {last}, {days})",
                    "the archive lacks some weeks, so {count} steps are longer than a week (the "
                    "longest: {first} to {last}, {days})", len(jumps), lang).format(
        count=len(jumps), **values)


def timelapse_document(frames: Sequence[Frame], units: gpd.GeoDataFrame, *,
                       presenter: bool = False, fps: int = DEFAULT_FPS,
                       lang: str = "en") -> str:
    """The timelapse of ``frames`` (oldest first) as a complete HTML page for an iframe:
    every frame sent once and played in place (:class:`TimelapsePlayer`), Leaflet loaded
    from the app's static files, nothing from the internet; about 6.5 KB a frame (0.9 MB
    for the 137 frames of 2024-07-08 to 2026-10-10); every text in ``lang``.

    Raises
    ------
    ValueError
        If ``frames`` is empty or ``fps`` is not one of :data:`SPEEDS_FPS`.
    """
    player = TimelapsePlayer(frames, units, presenter=presenter, fps=fps, lang=lang)
    emphasis = STRONG if presenter else NORMAL
    m = base_map(legend_spec=timelapse_legend(frames[0].date, emphasis, lang=lang),
                 presenter=presenter, lang=lang)
    player.add_to(m)
    remembered_view("timelapse").add_to(m)
    page = localize_assets(m).get_root().render()
    # folium's page names no language; a screen reader needs it.
    return page.replace("<html>", f'<html lang="{lang}">', 1)


__all__ = [
    "FRAME_TOLERANCE_DEG", "TimelapseError", "frame_days", "load_frames", "long_steps",
    "make_frame", "steps_note", "timelapse_document", "ukraine_figures",
]
