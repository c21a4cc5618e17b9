"""The timelapse's player: the element of its Leaflet page
(:func:`geo.maps.timelapse.timelapse_document`) that holds every frame and plays them in place,
with its script, style and controls, and the page's legend.

The frames are sent once (:mod:`geo.maps.timelapse_payload`: longitude/latitude, EPSG:4326, as
encoded polylines; km2 of the daily series, EPSG:3035) and the layers' data swapped for each
frame: the map is never reloaded.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from branca.element import Figure, MacroElement
from folium.template import Template

from geo.data.snapshots import ATTRIBUTION
from geo.language import N_, gettext, long_date
from geo.maps.base import BOUNDARIES_ATTRIBUTION, Legend
from geo.maps.geojson_layer import Verbatim, script_json
from geo.maps.palette import (LINE_COLOR, NORMAL, RUSSIAN_FILL, START_LINE_COLOR, START_LINE_DASH,
                              STRONG, UKRAINE_EDGE, UKRAINIAN_FILL, UNIT_EDGE, Emphasis)
from geo.maps.timelapse_payload import POLYLINE_PRECISION, Frame, base_payload, frame_payload

if TYPE_CHECKING:
    import geopandas as gpd

#: The speeds offered, in frames a second, and the one a page starts at.
SPEEDS_FPS = (2, 4, 8)
DEFAULT_FPS = 4


_PLAYER = Template("""
{% macro header(this, kwargs) %}
<title>{{ this.labels.title }}</title>
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
<div class="tl-counter" role="status" aria-live="off" aria-label="{{ this.labels.counter }}">
 <div class="tl-date">{{ this.first_day }}</div>
 <div class="tl-km2">{{ this.labels.held }} <span class="tl-km2-value"></span></div>
 <div class="tl-note"><span class="tl-pct"></span> · <span class="tl-change"></span></div>
 <div class="tl-note tl-frame"></div>
</div>
<div class="tl-bar" role="group" aria-label="{{ this.labels.controls }}">
 <button type="button" class="tl-back" aria-label="{{ this.labels.back_label }}"
         title="{{ this.labels.back_title }}">{{ this.labels.back }}</button>
 <button type="button" class="tl-play" aria-label="{{ this.labels.play_label }}"
         title="{{ this.labels.play_title }}">{{ this.labels.play }}</button>
 <button type="button" class="tl-forward" aria-label="{{ this.labels.forward_label }}"
         title="{{ this.labels.forward_title }}">{{ this.labels.forward }}</button>
 <span class="tl-end">{{ this.first_day }}</span>
 <input type="range" class="tl-slider" min="0" max="{{ this.last_index }}" step="1" value="0"
        aria-label="{{ this.labels.slider }}">
 <span class="tl-end">{{ this.last_day }}</span>
 <label>{{ this.labels.speed }} <select class="tl-speed" aria-label="{{ this.labels.speed_label }}">
 {%- for fps, label in this.speeds %}
  <option value="{{ fps }}"{% if fps == this.fps %} selected{% endif %}>{{ label }}</option>
 {%- endfor %}
 </select></label>
 <span class="tl-keys">{{ this.labels.keys }}</span>
</div>
{% endmacro %}

{% macro script(this, kwargs) %}
(function(map, frames, base, options) {
  var factor = Math.pow(10, options.precision);
  function decode(text) {
    // Google's polyline algorithm (geo.maps.timelapse_payload.encode_polyline): latitude first.
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
  var attribution = null, index = -1, timer = null, labels = options.labels;
  // A sentence of the page's language with the frame's number and the count filled in.
  function fill(text, i) {
    return text.replace("{index}", i + 1).replace("{count}", frames.length);
  }

  function show(i) {
    i = Math.max(0, Math.min(frames.length - 1, i));
    var frame = frames[i], drawn = shapes(i);
    area.setLatLngs(drawn.area);
    line.setLatLngs(drawn.line);
    index = i;
    counter.date.textContent = frame.day;
    counter.km2.textContent = frame.km2;
    counter.pct.textContent = frame.pct;
    counter.change.textContent = frame.change;
    counter.frame.textContent = fill(labels.frame_of, i) + " · " +
      (frame.step || labels.weekly);
    counter.frame.classList.toggle("tl-jump", Boolean(frame.step));
    controls.slider.value = i;
    controls.slider.setAttribute("aria-valuetext", fill(labels.slider_value, i)
                                 .replace("{date}", frame.day));
    var credit = options.credit.replace("{date}", frame.day);
    if (credit !== attribution) {
      if (attribution) { map.attributionControl.removeAttribution(attribution); }
      map.attributionControl.addAttribution(credit);
      attribution = credit;
    }
  }
  function label(playing) {
    controls.play.textContent = playing ? labels.pause : labels.play;
    controls.play.setAttribute("aria-label", playing ? labels.pause_label : labels.play_label);
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


def timelapse_legend(first: dt.date, emphasis: Emphasis, *, lang: str = "en") -> Legend:
    """The timelapse map's legend (see :func:`geo.maps.base.legend`, which translates its
    marked texts; the dated one is written here in ``lang``)."""
    return (N_("Each frame: one day's map"), (
        ("box", _rgba(RUSSIAN_FILL, emphasis.russian_opacity), N_("held by Russia")),
        ("line", LINE_COLOR, N_("line of contact")),
        ("dash", START_LINE_COLOR, gettext("line of contact, {day}", lang).format(
            day=long_date(first, lang))),
        ("line", UNIT_EDGE, N_("oblast border")),
    ))


def player_labels(first: dt.date, last: dt.date, *, lang: str = "en") -> dict[str, str]:
    """Every text the player shows or reads out, in ``lang``: its title, the counter's and
    the controls' words and labels; ``frame_of`` and ``slider_value`` are filled by the
    page's script ({index}, {count}, {date})."""
    words = {
        "title": gettext("Timelapse of territorial control in Ukraine, {first} to {last}",
                         lang).format(first=long_date(first, lang), last=long_date(last, lang)),
        "counter": gettext("Frame shown", lang), "held": gettext("Held by Russia:", lang),
        "controls": gettext("Timelapse controls", lang),
        "back": gettext("◀ Back", lang), "back_label": gettext("Back one frame", lang),
        "back_title": gettext("Back one frame (←)", lang),
        "play": gettext("▶ Play", lang), "play_label": gettext("Play", lang),
        "play_title": gettext("Play or pause (Space)", lang),
        "pause": gettext("❚❚ Pause", lang), "pause_label": gettext("Pause", lang),
        "forward": gettext("Next ▶", lang), "forward_label": gettext("Next frame", lang),
        "forward_title": gettext("Next frame (→)", lang),
        "slider": gettext("Frame", lang), "speed": gettext("Speed", lang),
        "speed_label": gettext("Speed in frames a second", lang),
        "keys": gettext("Space · ← →", lang),
        "frame_of": gettext("Frame {index} of {count}", lang),
        "slider_value": gettext("{date}, frame {index} of {count}", lang),
        "weekly": gettext("weekly maps", lang)}
    return words


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
    lang
        The language of every text it shows (:func:`player_labels`), days and figures
        included.
    """

    _template = _PLAYER

    def __init__(self, frames: Sequence[Frame], units: gpd.GeoDataFrame, *,
                 presenter: bool = False, fps: int = DEFAULT_FPS, lang: str = "en") -> None:
        super().__init__()
        if not frames:
            raise ValueError("a timelapse needs at least one frame")
        if fps not in SPEEDS_FPS:
            raise ValueError(f"a speed of {fps} frames a second is not offered: use one of "
                             f"{', '.join(map(str, SPEEDS_FPS))}")
        self._name = "timelapse"
        emphasis = STRONG if presenter else NORMAL
        first, last = frames[0].date, frames[-1].date
        self.first_day, self.last_day = (html.escape(long_date(day, lang)) for day in (first,
                                                                                      last))
        self.last_index = len(frames) - 1
        self.speeds = [(speed, html.escape(gettext("{fps}/s", lang).format(fps=speed)))
                       for speed in SPEEDS_FPS]
        self.fps = fps
        labels = player_labels(first, last, lang=lang)
        # Escaped for the page's elements; the script sets the raw words as text.
        self.labels = {name: html.escape(text) for name, text in labels.items()}
        self.frames_json = script_json(frame_payload(frames, lang=lang))
        self.base_json = script_json(base_payload(units))
        self.options_json = script_json({
            "precision": POLYLINE_PRECISION, "presenter": presenter,
            "ukraine_fill": UKRAINIAN_FILL, "ukraine_edge": UKRAINE_EDGE,
            "ukraine_opacity": emphasis.ukrainian_opacity,
            "area_fill": RUSSIAN_FILL, "area_opacity": emphasis.russian_opacity,
            "border_color": UNIT_EDGE, "line_color": LINE_COLOR,
            "line_weight": emphasis.line_weight * 0.8, "start_color": START_LINE_COLOR,
            "start_dash": START_LINE_DASH,
            "labels": labels,
            "credit": gettext("{source}, map of {date} (weekly maps) · {boundaries}",
                              lang).format(source=gettext(ATTRIBUTION, lang), date="{date}",
                                           boundaries=gettext(BOUNDARIES_ATTRIBUTION, lang))})

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
