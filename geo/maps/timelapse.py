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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shapely
from branca.element import Figure, MacroElement
from folium.template import Template
from shapely.geometry.base import BaseGeometry

from geo.data.frontline import line_of_contact
from geo.data.names import UKRAINE
from geo.data.snapshots import ATTRIBUTION, available_dates, load_occupied
from geo.maps.base import BOUNDARIES_ATTRIBUTION, Legend, base_map, remembered_view
from geo.maps.geojson_layer import Verbatim, script_json
from geo.maps.offline import localize_assets
from geo.maps.palette import (LINE_COLOR, NORMAL, RUSSIAN_FILL, START_LINE_COLOR, START_LINE_DASH,
                              STRONG, UKRAINE_EDGE, UKRAINIAN_FILL, UNIT_EDGE, Emphasis)
from geo.paths import DATA_DIR

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

#: Simplification of each frame's area and line (degrees of EPSG:4326, about 0.35-0.55 km
#: here): below a pixel at the zoom that shows the whole country, for drawing only.
FRAME_TOLERANCE_DEG = 0.005
#: Simplification of the oblast borders drawn under the frames (degrees, as one coverage).
BORDER_TOLERANCE_DEG = 0.01
#: Decimal places of the encoded coordinates: 1e-4 degrees is about 10 m.
POLYLINE_PRECISION = 4
#: The speeds offered, in frames a second, and the one a page starts at.
SPEEDS_FPS = (2, 4, 8)
DEFAULT_FPS = 4
#: Frames further apart than this (days) are a jump the page points out.
WEEK_DAYS = 7


class TimelapseError(ValueError):
    """A period with no frame: its start after its end, or no shipped map within it."""


@dataclass(frozen=True)
class Frame:
    """One shipped day of a timelapse.

    Attributes
    ----------
    date
        The shipped day.
    occupied
        Its occupied area within Ukraine, EPSG:4326, simplified for drawing
        (:data:`FRAME_TOLERANCE_DEG`).
    line
        Its line of contact, EPSG:4326, simplified alike.
    occupied_km2
        Ukraine's area held by Russia on that day, km2 (the daily series, EPSG:3035).
    occupied_pct
        The same as a share of Ukraine, percent 0-100.
    """

    date: dt.date
    occupied: BaseGeometry
    line: BaseGeometry
    occupied_km2: float
    occupied_pct: float


def frame_days(start: dt.date, end: dt.date, shipped: Sequence[dt.date]) -> list[dt.date]:
    """The frames of the period ``start`` to ``end`` (both included): its shipped days,
    oldest first.

    Raises
    ------
    TimelapseError
        If ``start`` is after ``end``, or no day of ``shipped`` falls within the period.
    """
    if start > end:
        message = (f"the period starts on {start.isoformat()}, after its end "
                   f"{end.isoformat()}: give the earlier day first")
        raise TimelapseError(message)
    days = sorted(day for day in set(shipped) if start <= day <= end)
    if not days:
        known = sorted(shipped)
        where = (f"the maps run from {known[0].isoformat()} to {known[-1].isoformat()}"
                 if known else "no map ships at all")
        message = f"no map ships from {start.isoformat()} to {end.isoformat()}: {where}"
        raise TimelapseError(message)
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
        raise TimelapseError(f"the daily series lacks the shipped day(s) {', '.join(missing)}: "
                             "rebuild the data (scripts/build_data.py)")
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


def encode_polyline(coords: np.ndarray, precision: int = POLYLINE_PRECISION) -> str:
    """Longitude/latitude pairs (EPSG:4326, an (n, 2) array) as an encoded polyline: Google's
    polyline algorithm, latitude first, at ``precision`` decimal places.

    See https://developers.google.com/maps/documentation/utilities/polylinealgorithm.
    """
    scaled = np.round(np.asarray(coords, dtype=float)[:, 1::-1] * 10 ** precision)
    deltas = np.diff(scaled.astype(np.int64), axis=0, prepend=0).ravel()
    chars = []
    for value in deltas.tolist():
        value = ~(value << 1) if value < 0 else value << 1
        while value >= 0x20:
            chars.append(chr((0x20 | (value & 0x1F)) + 63))
            value >>= 5
        chars.append(chr(value + 63))
    return "".join(chars)


def _polygons(geometry: BaseGeometry) -> list[list[str]]:
    """Each polygon of ``geometry`` as its encoded rings, the exterior first."""
    polygons = []
    for part in shapely.get_parts(geometry):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        rings = [part.exterior, *part.interiors]
        polygons.append([encode_polyline(np.asarray(ring.coords)) for ring in rings])
    return polygons


def _lines(geometry: BaseGeometry) -> list[str]:
    """Each line part of ``geometry`` (lines, or polygon outlines) encoded."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        geometry = geometry.boundary
    return [encode_polyline(np.asarray(part.coords)) for part in shapely.get_parts(geometry)
            if not part.is_empty]


def long_steps(days: Sequence[dt.date], *,
               max_days: int = WEEK_DAYS) -> list[tuple[dt.date, dt.date]]:
    """The consecutive frames (of ``days``, sorted) more than ``max_days`` apart: where the
    archive lacks whole weeks, the timelapse jumps, and says so."""
    return [(a, b) for a, b in zip(days, days[1:]) if (b - a).days > max_days]


def steps_note(days: Sequence[dt.date]) -> str:
    """In words, where the frames of ``days`` are more than a week apart ("" if nowhere)."""
    jumps = long_steps(days)
    if not jumps:
        return ""
    a, b = max(jumps, key=lambda pair: pair[1] - pair[0])
    many = f"{len(jumps)} steps are" if len(jumps) > 1 else "one step is"
    return (f"the archive lacks some weeks, so {many} longer than a week (the longest: "
            f"{a.isoformat()} to {b.isoformat()}, {(b - a).days} days)")


def _km2(value: float) -> str:
    return f"{value:,.0f} km²"


def frame_payload(frames: Sequence[Frame]) -> list[dict]:
    """What the page holds of each frame: the day, its figures as shown, and its area and
    line as encoded polylines (see :func:`encode_polyline`)."""
    first = frames[0].occupied_km2
    gaps = [0, *((b.date - a.date).days for a, b in zip(frames, frames[1:]))]
    return [{"date": f.date.isoformat(), "km2": _km2(f.occupied_km2),
             "pct": f"{f.occupied_pct:.2f} % of Ukraine",
             "change": (f"{f.occupied_km2 - first:+,.0f} km² since {frames[0].date.isoformat()}"
                        if i else "the period's first frame"),
             "step": f"{gap} days after the previous frame" if gap > WEEK_DAYS else "",
             "area": _polygons(f.occupied), "line": _lines(f.line)}
            for i, (f, gap) in enumerate(zip(frames, gaps))]


def _base_payload(units: gpd.GeoDataFrame) -> dict:
    """Ukraine's outline (filled) and the oblast borders (each shared border once)."""
    simplified = shapely.coverage_simplify(units.geometry.values, BORDER_TOLERANCE_DEG)
    ukraine = shapely.union_all(simplified)
    borders = shapely.line_merge(shapely.union_all(shapely.boundary(simplified)))
    inner = shapely.difference(borders, ukraine.boundary.buffer(1e-6))
    return {"ukraine": _polygons(ukraine), "borders": _lines(inner)}


_PLAYER = Template("""
{% macro header(this, kwargs) %}
<title>Timelapse of territorial control in Ukraine,
 {{ this.first_date }} to {{ this.last_date }}</title>
<style>
html, body {overflow: hidden}
.folium-map {height: calc(100% - var(--tl-bar)) !important}
body {--tl-bar: 50px; --tl-font: 14px; --tl-date: 28px}
body.tl-presenter {--tl-bar: 76px; --tl-font: 22px; --tl-date: 48px}
.tl-counter {position: absolute; left: 10px; bottom: calc(var(--tl-bar) + 22px); z-index: 1000;
  background: rgba(255,255,255,0.93); color: #111; padding: 6px 12px; border-radius: 4px;
  font: var(--tl-font)/1.3 sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.35)}
.tl-counter .tl-date {font-size: var(--tl-date); font-weight: bold; line-height: 1.15;
  font-variant-numeric: tabular-nums}
.tl-counter .tl-km2 {font-weight: bold; font-variant-numeric: tabular-nums}
.tl-counter .tl-note {color: #333}
.tl-counter .tl-jump {color: #8c2d04; font-weight: bold}
.tl-bar {position: absolute; left: 0; right: 0; bottom: 0; height: var(--tl-bar);
  box-sizing: border-box; display: flex; align-items: center; gap: 8px; padding: 0 10px;
  background: #fff; border-top: 1px solid #bbb; font: var(--tl-font) sans-serif; color: #111}
.tl-bar button, .tl-bar select {font: inherit; color: #111; background: #f3f3f3;
  border: 1px solid #777; border-radius: 4px; padding: 2px 10px; cursor: pointer;
  height: calc(var(--tl-bar) - 16px)}
.tl-bar button.tl-play {min-width: 6.2em; font-weight: bold}
.tl-bar input[type=range] {flex: 1; min-width: 80px; height: calc(var(--tl-bar) - 20px);
  accent-color: #b2182b}
.tl-bar .tl-end {white-space: nowrap; font-variant-numeric: tabular-nums}
.tl-bar label {white-space: nowrap}
.tl-bar .tl-keys {white-space: nowrap; color: #333}
@media (max-width: 760px) {.tl-bar .tl-keys, .tl-bar .tl-end {display: none}}
</style>
{% endmacro %}

{% macro html(this, kwargs) %}
<div class="tl-counter" role="status" aria-live="off" aria-label="Frame shown">
 <div class="tl-date">{{ this.first_date }}</div>
 <div class="tl-km2">Held by Russia: <span class="tl-km2-value"></span></div>
 <div class="tl-note"><span class="tl-pct"></span> · <span class="tl-change"></span></div>
 <div class="tl-note tl-frame"></div>
</div>
<div class="tl-bar" role="group" aria-label="Timelapse controls">
 <button type="button" class="tl-back" aria-label="Back one frame"
         title="Back one frame (←)">◀ Back</button>
 <button type="button" class="tl-play" aria-label="Play"
         title="Play or pause (Space)">▶ Play</button>
 <button type="button" class="tl-forward" aria-label="Next frame"
         title="Next frame (→)">Next ▶</button>
 <span class="tl-end">{{ this.first_date }}</span>
 <input type="range" class="tl-slider" min="0" max="{{ this.last_index }}" step="1" value="0"
        aria-label="Frame">
 <span class="tl-end">{{ this.last_date }}</span>
 <label>Speed <select class="tl-speed" aria-label="Speed in frames a second">
 {%- for fps in this.speeds %}
  <option value="{{ fps }}"{% if fps == this.fps %} selected{% endif %}>{{ fps }}/s</option>
 {%- endfor %}
 </select></label>
 <span class="tl-keys">Space · ← →</span>
</div>
{% endmacro %}

{% macro script(this, kwargs) %}
(function(map, frames, base, options) {
  var factor = Math.pow(10, options.precision);
  function decode(text) {
    // Google's polyline algorithm (geo.maps.timelapse.encode_polyline): latitude first.
    var points = [], index = 0, lat = 0, lng = 0;
    while (index < text.length) {
      for (var k = 0; k < 2; k++) {
        var shift = 0, result = 0, byte;
        do {
          byte = text.charCodeAt(index++) - 63;
          result |= (byte & 0x1f) << shift;
          shift += 5;
        } while (byte >= 0x20);
        var delta = (result & 1) ? ~(result >> 1) : (result >> 1);
        if (k === 0) { lat += delta; } else { lng += delta; }
      }
      points.push([lat / factor, lng / factor]);
    }
    return points;
  }
  function polygons(list) { return list.map(function(rings) { return rings.map(decode); }); }
  var decoded = [];
  function shapes(i) {
    if (!decoded[i]) {
      decoded[i] = {area: polygons(frames[i].area), line: frames[i].line.map(decode)};
    }
    return decoded[i];
  }

  // The map is the player's: the arrow keys step through the frames instead of panning.
  map.keyboard.disable();
  var renderer = L.svg({padding: 0.5});
  L.polygon(polygons(base.ukraine), {renderer: renderer, interactive: false, stroke: true,
    color: options.ukraine_edge, weight: 1.2, fillColor: options.ukraine_fill,
    fillOpacity: options.ukraine_opacity}).addTo(map);
  var area = L.polygon([], {renderer: renderer, interactive: false, stroke: false,
    fillColor: options.area_fill, fillOpacity: options.area_opacity}).addTo(map);
  L.polyline(base.borders.map(decode), {renderer: renderer, interactive: false,
    color: options.border_color, weight: 0.8}).addTo(map);
  L.polyline(shapes(0).line, {renderer: renderer, interactive: false,
    color: options.start_color, weight: 2, dashArray: options.start_dash}).addTo(map);
  var line = L.polyline([], {renderer: renderer, interactive: false,
    color: options.line_color, weight: options.line_weight}).addTo(map);

  var doc = document;
  if (options.presenter) { doc.body.classList.add("tl-presenter"); }
  var counter = {
    date: doc.querySelector(".tl-date"), km2: doc.querySelector(".tl-km2-value"),
    pct: doc.querySelector(".tl-pct"), change: doc.querySelector(".tl-change"),
    frame: doc.querySelector(".tl-frame")};
  var controls = {
    back: doc.querySelector(".tl-back"), play: doc.querySelector(".tl-play"),
    forward: doc.querySelector(".tl-forward"), slider: doc.querySelector(".tl-slider"),
    speed: doc.querySelector(".tl-speed")};
  var attribution = null, index = -1, timer = null;

  function show(i) {
    i = Math.max(0, Math.min(frames.length - 1, i));
    var frame = frames[i], drawn = shapes(i);
    area.setLatLngs(drawn.area);
    line.setLatLngs(drawn.line);
    index = i;
    counter.date.textContent = frame.date;
    counter.km2.textContent = frame.km2;
    counter.pct.textContent = frame.pct;
    counter.change.textContent = frame.change;
    counter.frame.textContent = "Frame " + (i + 1) + " of " + frames.length + " · " +
      (frame.step || "weekly maps");
    counter.frame.classList.toggle("tl-jump", Boolean(frame.step));
    controls.slider.value = i;
    controls.slider.setAttribute("aria-valuetext", frame.date + ", frame " + (i + 1) +
                                 " of " + frames.length);
    var credit = options.credit.replace("DATE", frame.date);
    if (credit !== attribution) {
      if (attribution) { map.attributionControl.removeAttribution(attribution); }
      map.attributionControl.addAttribution(credit);
      attribution = credit;
    }
  }
  function label(playing) {
    controls.play.textContent = playing ? "❚❚ Pause" : "▶ Play";
    controls.play.setAttribute("aria-label", playing ? "Pause" : "Play");
    controls.play.setAttribute("aria-pressed", playing ? "true" : "false");
  }
  function pause() {
    if (timer !== null) { clearInterval(timer); timer = null; }
    label(false);
  }
  function tick() {
    // The last frame stays: a timelapse ends on the newest map, it does not loop.
    if (index >= frames.length - 1) { pause(); return; }
    show(index + 1);
  }
  function play() {
    if (timer !== null) { return; }
    if (index >= frames.length - 1) { show(0); }
    timer = setInterval(tick, 1000 / Number(controls.speed.value));
    label(true);
  }
  function toggle() { if (timer === null) { play(); } else { pause(); } }
  function step(by) { pause(); show(index + by); }

  controls.play.addEventListener("click", toggle);
  controls.back.addEventListener("click", function() { step(-1); });
  controls.forward.addEventListener("click", function() { step(1); });
  controls.slider.addEventListener("input", function() {
    pause(); show(Number(controls.slider.value));
  });
  controls.speed.addEventListener("change", function() {
    if (timer !== null) { pause(); play(); }
  });

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var typing = target && target.closest && target.closest(
      "input:not([type=range]), textarea, select, [contenteditable=true]");
    if (typing) { return; }
    if (event.key === " " || event.key === "Spacebar") {
      event.preventDefault();
      toggle();
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      // The slider would move by itself as well: one step, not two.
      event.preventDefault();
      step(event.key === "ArrowLeft" ? -1 : 1);
    }
  }
  // A focused button would also "click" on the Space key's release: that is the key's job.
  function onKeyUp(event) {
    if (event.key === " " && event.target && event.target.closest &&
        event.target.closest("button")) { event.preventDefault(); }
  }
  doc.addEventListener("keydown", onKey);
  doc.addEventListener("keyup", onKeyUp);
  if (options.presenter) {
    // On a slide the keys work wherever the focus is, not only in the map's frame.
    try {
      var outer = window.parent.document;
      if (outer !== doc) {
        if (outer.atlasTimelapseKeys) {
          outer.removeEventListener("keydown", outer.atlasTimelapseKeys);
        }
        outer.atlasTimelapseKeys = function(event) {
          if (!window.frameElement || !window.frameElement.isConnected) { return; }
          onKey(event);
        };
        outer.addEventListener("keydown", outer.atlasTimelapseKeys);
      }
    } catch (error) {}
  }

  show(0);
  label(false);
  window.atlasTimelapse = {
    map: map, show: show, play: play, pause: pause, step: step,
    get index() { return index; }, get playing() { return timer !== null; },
    frames: frames.length};
})({{ this._parent.get_name() }}, {{ this.frames_json }}, {{ this.base_json }},
   {{ this.options_json }});
{% endmacro %}
""")


def _rgba(color: str, opacity: float) -> str:
    """A hex colour at ``opacity`` (0-1) as CSS, as a translucent fill shows in a legend."""
    red, green, blue = (int(color[at:at + 2], 16) for at in (1, 3, 5))
    return f"rgba({red},{green},{blue},{opacity:g})"


def _legend(first: dt.date, emphasis: Emphasis) -> Legend:
    """The timelapse map's legend (see :func:`geo.maps.base.legend`)."""
    return ("Each frame: one day's map", (
        ("box", _rgba(RUSSIAN_FILL, emphasis.russian_opacity), "held by Russia"),
        ("line", LINE_COLOR, "line of contact"),
        ("dash", START_LINE_COLOR, f"line of contact, {first.isoformat()}"),
        ("line", UNIT_EDGE, "oblast border"),
    ))


class TimelapsePlayer(MacroElement):
    """The element that holds the frames and plays them on its map, in place.

    It draws Ukraine and its oblast borders once, the first frame's line of contact dashed,
    and the frame shown: its area held by Russia and its line of contact, whose data are
    swapped for each frame (the map is never reloaded). A counter on the map gives the
    frame's date, Ukraine's km2 held by Russia (daily series, EPSG:3035), the share and the
    change since the first frame; a bar under the map plays and pauses, steps a frame back
    or forward, has a frame slider and a speed; Space plays or pauses and the arrow keys
    step, within the map's frame, and anywhere on the page on a slide (``presenter``, which
    also sets large type and stronger fills). The map's attribution names the source and
    the frame's date.

    Parameters
    ----------
    frames
        The frames, oldest first (at least one).
    units
        The 27 units, EPSG:4326, drawn under the frames.
    presenter
        Large type, stronger fills, keys anywhere on the page.
    fps
        The speed it starts at, frames a second: one of :data:`SPEEDS_FPS`.
    """

    _template = _PLAYER

    def __init__(self, frames: Sequence[Frame], units: gpd.GeoDataFrame, *,
                 presenter: bool = False, fps: int = DEFAULT_FPS) -> None:
        super().__init__()
        if not frames:
            raise ValueError("a timelapse needs at least one frame")
        if fps not in SPEEDS_FPS:
            raise ValueError(f"a speed of {fps} frames a second is not offered: use one of "
                             f"{', '.join(map(str, SPEEDS_FPS))}")
        self._name = "timelapse"
        emphasis = STRONG if presenter else NORMAL
        self.first_date = frames[0].date.isoformat()
        self.last_date = frames[-1].date.isoformat()
        self.last_index = len(frames) - 1
        self.speeds = SPEEDS_FPS
        self.fps = fps
        self.frames_json = script_json(frame_payload(frames))
        self.base_json = script_json(_base_payload(units))
        self.options_json = script_json({
            "precision": POLYLINE_PRECISION, "presenter": presenter,
            "ukraine_fill": UKRAINIAN_FILL, "ukraine_edge": UKRAINE_EDGE,
            "ukraine_opacity": emphasis.ukrainian_opacity,
            "area_fill": RUSSIAN_FILL, "area_opacity": emphasis.russian_opacity,
            "border_color": UNIT_EDGE, "line_color": LINE_COLOR,
            "line_weight": emphasis.line_weight * 0.8, "start_color": START_LINE_COLOR,
            "start_dash": START_LINE_DASH,
            "credit": f"{ATTRIBUTION}, map of DATE (weekly maps) · {BOUNDARIES_ATTRIBUTION}"})

    def render(self, **kwargs) -> None:
        """As a MacroElement, but the script is added as finished text: the encoded
        polylines hold characters a template would read as its own syntax."""
        figure = self.get_root()
        if not isinstance(figure, Figure):
            return
        module = self._template.module
        figure.header.add_child(Verbatim(module.header(self, kwargs)),
                                name=f"{self.get_name()}_css")
        figure.html.add_child(Verbatim(module.html(self, kwargs)), name=self.get_name())
        figure.script.add_child(Verbatim(module.script(self, kwargs)), name=self.get_name())


def timelapse_document(frames: Sequence[Frame], units: gpd.GeoDataFrame, *,
                       presenter: bool = False, fps: int = DEFAULT_FPS) -> str:
    """The timelapse of ``frames`` (oldest first) as a complete HTML page for an iframe:
    every frame sent once and played in place (:class:`TimelapsePlayer`), Leaflet loaded
    from the app's static files, nothing from the internet; about 6.5 KB a frame (0.9 MB
    for the 137 frames of 2024-07-08 to 2026-10-10).

    Raises
    ------
    ValueError
        If ``frames`` is empty or ``fps`` is not one of :data:`SPEEDS_FPS`.
    """
    player = TimelapsePlayer(frames, units, presenter=presenter, fps=fps)
    emphasis = STRONG if presenter else NORMAL
    m = base_map(legend_spec=_legend(frames[0].date, emphasis), presenter=presenter)
    player.add_to(m)
    remembered_view("timelapse").add_to(m)
    page = localize_assets(m).get_root().render()
    # folium's page names no language; a screen reader needs it.
    return page.replace("<html>", '<html lang="en">', 1)
