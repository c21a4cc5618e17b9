"""The base every Leaflet map here is drawn on: Ukraine's extent, a km scale bar, a legend,
label and presenter styles, optional tiles, the reader's view kept, and the feature group
whose source reaches the map's corner.

Each page's layers (:mod:`geo.maps.control_layers`, :mod:`geo.maps.history_layers`,
:mod:`geo.maps.scenario_layers`, :mod:`geo.maps.timelapse`) are added to a map made here, in
EPSG:4326; their colours are :mod:`geo.maps.palette`'s. Nothing is fetched from the internet unless
tiles are asked for.
"""

from __future__ import annotations

import html

import folium
from branca.element import MacroElement
from folium.plugins import Draw, DualMap, StripePattern
from folium.template import Template
from shapely.geometry.base import BaseGeometry

from geo.language import N_, gettext, pgettext
from geo.maps.geojson_layer import GeoJsonLayer, geometry_json, script_json
from geo.maps.offline import localize_assets
from geo.maps.palette import LINE_COLOR, OCCUPIED_HATCH

#: Ukraine's extent, (south, west), (north, east) in degrees.
UKRAINE_BOUNDS = ((44.3, 22.1), (52.4, 40.2))
#: The boundaries' credit, in English; a map in another language shows
#: ``gettext(BOUNDARIES_ATTRIBUTION, lang)``.
BOUNDARIES_ATTRIBUTION = N_("Boundaries: Natural Earth")

#: A legend: its title, and (kind, colour, label) entries, kind "box", "hatch", "line",
#: "dash" or "dot". Its texts are English source text (marked with ``N_``), translated where
#: the legend is drawn (:func:`legend`), or already in the map's language.
Legend = tuple[str, tuple[tuple[str, str, str], ...]]


class AttributedGroup(folium.FeatureGroup):
    """A FeatureGroup whose options reach Leaflet, so that an ``attribution`` (the source and
    date of what it draws) shows in the map's corner while the group is on the map.

    folium 0.20 passes a FeatureGroup's options as the layers argument of
    ``L.featureGroup``, where an attribution is lost.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup(null, {{ this.options|tojavascript }});
        {% endmacro %}
    """)


def _element(template: Template, **attributes) -> MacroElement:
    element = MacroElement()
    element._template = template
    for name, value in attributes.items():
        setattr(element, name, value)
    return element


_METRIC_SCALE = Template("""
    {% macro script(this, kwargs) %}
        {%- if this.words %}
        (function(map, words) {
          // Leaflet writes its zoom buttons' titles, its link's title and the scale's units
          // in English: the zoom control is made again with the map's words (before the
          // scale, so that the two keep their places), the link's title is the map's, and
          // the scale's text is rewritten as it changes.
          if (map.attributionControl && map.attributionControl.options.prefix) {
            var title = document.createElement("span");
            title.setAttribute("title", words.leaflet);
            map.attributionControl.setPrefix(map.attributionControl.options.prefix.replace(
                /title="[^"]*"/, title.outerHTML.slice(6, -8)));
          }
          if (map.zoomControl) {
            map.removeControl(map.zoomControl);
            map.zoomControl = L.control.zoom({zoomInTitle: words.zoom_in,
                                              zoomOutTitle: words.zoom_out}).addTo(map);
          }
          var scale = L.control.scale({metric: true, imperial: false, maxWidth: 160,
                                       position: "topleft"});
          var update = scale._updateScale;
          scale._updateScale = function(element, text, ratio) {
            update.call(this, element, text.replace(/ km$/, "\u00a0" + words.km)
                                            .replace(/ m$/, "\u00a0" + words.m), ratio);
          };
          scale.addTo(map);
        })({{ this._parent.get_name() }}, {{ this.words }});
        {%- else %}
        L.control.scale({metric: true, imperial: false, maxWidth: 160, position: "topleft"})
            .addTo({{ this._parent.get_name() }});
        {%- endif %}
    {% endmacro %}
""")


def metric_scale_bar(*, lang: str = "en") -> MacroElement:
    """A scale bar in km only (Leaflet's default adds miles); in a language other than
    English, its units, the zoom buttons' titles and Leaflet's link's title in that
    language."""
    words = "" if lang == "en" else script_json({
        "km": gettext("km", lang), "m": pgettext("metres, a unit", "m", lang),
        "zoom_in": gettext("Zoom in", lang), "zoom_out": gettext("Zoom out", lang),
        "leaflet": gettext("A JavaScript library for interactive maps", lang)})
    return _element(_METRIC_SCALE, words=words)


_LEGEND = Template("""
{% macro html(this, kwargs) %}
<div class="atlas-legend" role="note" aria-label="{{ this.aria_label }}" style="position:absolute;
 top:10px; right:10px; z-index:1000; background:rgba(255,255,255,0.92); padding:6px 9px;
 border-radius:4px; font:13px/1.35 sans-serif; color:#111; box-shadow:0 1px 4px rgba(0,0,0,.3)">
 <div style="font-weight:bold">{{ this.title }}</div>
 {% for kind, color, label in this.entries %}
 <div>{% if kind == "box" %}<span style="display:inline-block;width:14px;height:12px;
  background:{{ color }};border:1px solid #777;margin-right:5px;vertical-align:middle"></span>
 {%- elif kind == "hatch" %}<span style="display:inline-block;width:14px;height:12px;
  margin-right:5px;vertical-align:middle;border:1px solid {{ color }};
  background:repeating-linear-gradient(-45deg,{{ color }} 0 2px,transparent 2px 6px)"></span>
 {%- elif kind == "dot" %}<span style="display:inline-block;width:10px;height:10px;
  border-radius:50%;background:{{ color }};border:1px solid #000;margin:0 7px 0 3px;
  vertical-align:middle"></span>
 {%- else %}<span style="display:inline-block;width:16px;height:0;border-top:3px
  {{ 'dashed' if kind == 'dash' else 'solid' }} {{ color }};margin-right:5px;
  vertical-align:middle"></span>{% endif %}{{ label }}</div>
 {% endfor %}
</div>
{% endmacro %}
""")


def legend(title: str, entries: tuple[tuple[str, str, str], ...], *,
           lang: str = "en") -> MacroElement:
    """A static legend drawn inside the map's frame; entries are (kind, colour, label) with
    kind "box", "hatch", "line", "dash" or "dot". The title and labels are English source
    text translated here into ``lang`` (a text already in ``lang`` is kept as it is)."""
    return _element(_LEGEND, title=_translated(title, lang),
                    aria_label=gettext("Map legend", lang),
                    entries=tuple((kind, color, _translated(label, lang))
                                  for kind, color, label in entries))


def _translated(text: str, lang: str) -> str:
    # gettext("") is the catalogue's header, not an empty text.
    return gettext(text, lang) if text else text


_LABEL_CSS = Template("""
{% macro header(this, kwargs) %}
<style>.atlas-line-label{font:bold 13px/1.2 sans-serif;white-space:nowrap;color:#111;
 background:rgba(255,255,255,0.85);border:1px solid #111;border-radius:3px;padding:1px 4px;
 box-shadow:none}
.atlas-unit-tip{white-space:normal;width:max-content;max-width:420px;font-size:13px}
.atlas-unit-tip th{text-align:left;padding-right:6px;vertical-align:top}</style>
{% endmacro %}
""")

#: The class of a unit's tooltip (:func:`tooltip_table`), styled by :func:`label_style`.
UNIT_TIP_CLASS = "atlas-unit-tip"


def label_style() -> MacroElement:
    """CSS for the labels drawn along lines and the units' tooltips (added to every map)."""
    return _element(_LABEL_CSS)


_PRESENTER_CSS = Template("""
{% macro header(this, kwargs) %}
<style>#map_div{height:100vh !important}
.atlas-legend{font-size:20px !important;line-height:1.3 !important}
.atlas-line-label{font-size:20px !important}
.leaflet-control-attribution,.leaflet-control-scale-line,.leaflet-tooltip{font-size:20px !important}
</style>
{% endmacro %}
""")


def presenter_style() -> MacroElement:
    """CSS for presenter mode inside the map's frame: the map fills the frame, text 20 px."""
    return _element(_PRESENTER_CSS)


def tooltip_table(rows: tuple[tuple[str, str], ...]) -> str:
    """A unit's tooltip as an HTML table of (label, value): labels are escaped here, values
    must be escaped already (see :func:`tooltip_lines`)."""
    cells = "".join(f"<tr><th>{html.escape(label)}</th><td>{value}</td></tr>"
                    for label, value in rows)
    return f"<table>{cells}</table>"


def tooltip_lines(*parts: str) -> str:
    """Plain-text ``parts`` as one escaped tooltip value, a line each."""
    return "<br>".join(html.escape(part) for part in parts)


def occupied_area(group: folium.FeatureGroup, occupied: BaseGeometry, tooltip: str) -> None:
    """Draw the occupied area (EPSG:4326) into ``group``, hatched so it reads without colour,
    with ``tooltip`` (plain text) on hover: the same on every map that shows it."""
    hatch = StripePattern(angle=-45, weight=2, space_weight=4, color=OCCUPIED_HATCH,
                          opacity=0.55, space_opacity=0.0)
    hatch.add_to(group)
    GeoJsonLayer(geometry_json(occupied), name="occupied", pattern=hatch,
                 style={"fillOpacity": 1.0, "color": OCCUPIED_HATCH, "weight": 0.6},
                 tooltip=tooltip).add_to(group)


# folium's page header sets "maximum-scale=1.0, user-scalable=no", which stops a reader
# zooming the page (an accessibility failure); this wraps its template without it.
_ZOOMABLE_MAP = Template("""
{% macro header(this, kwargs) %}{{ folium_map.header(this, kwargs)
    | replace("maximum-scale=1.0, user-scalable=no", "") }}{% endmacro %}
{% macro html(this, kwargs) %}{{ folium_map.html(this, kwargs) }}{% endmacro %}
{% macro script(this, kwargs) %}{{ folium_map.script(this, kwargs) }}{% endmacro %}
""")
_ZOOMABLE_MAP.globals["folium_map"] = folium.Map._template.module


def _zoomable(m: folium.Map) -> folium.Map:
    m._template = _ZOOMABLE_MAP
    return _lean(m)


def _lean(m: folium.Map) -> folium.Map:
    """Only Leaflet itself: folium also loads jQuery, Bootstrap, Font Awesome and
    awesome-markers for its marker icons, which these maps never use; streamlit-folium loads
    scripts one after another, so they delayed the first map by 0.2-0.5 s."""
    m.default_js = [(name, url) for name, url in m.default_js if name == "leaflet"]
    m.default_css = [(name, url) for name, url in m.default_css if name == "leaflet_css"]
    return m


_DRAW_WORDS = Template("""
{% macro script(this, kwargs) %}
(function(local, words) {
  // Leaflet.draw reads its texts from L.drawLocal as its toolbar is made: set before it.
  var bar = local.draw.toolbar, edit = local.edit.toolbar;
  bar.actions = {title: words.cancel_title, text: words.cancel};
  bar.finish = {title: words.finish_title, text: words.finish};
  bar.undo = {title: words.undo_title, text: words.undo};
  bar.buttons.polyline = words.polyline;
  local.draw.handlers.polyline = {error: words.crossing,
                                  tooltip: {start: words.start, cont: words.cont, end: words.end}};
  edit.actions.save = {title: words.save_title, text: words.save};
  edit.actions.cancel = {title: words.discard_title, text: words.cancel};
  edit.actions.clearAll = {title: words.clear_title, text: words.clear};
  edit.buttons.remove = words.remove;
  edit.buttons.removeDisabled = words.nothing_to_remove;
  local.edit.handlers.remove.tooltip.text = words.remove_tip;
})(L.drawLocal, {{ this.words }});
{% endmacro %}
""")


def draw_words(*, lang: str) -> MacroElement:
    """The line-drawing toolbar's texts (Leaflet.draw's, English) in ``lang``; add it to the
    map before the toolbar."""
    words = {
        "cancel_title": gettext("Cancel drawing", lang), "cancel": gettext("Cancel", lang),
        "finish_title": gettext("Finish drawing", lang), "finish": gettext("Finish", lang),
        "undo_title": gettext("Delete the last point drawn", lang),
        "undo": gettext("Delete last point", lang), "polyline": gettext("Draw a line", lang),
        "crossing": html.escape(gettext("The line cannot cross itself.", lang)),
        "start": gettext("Click to start drawing the line.", lang),
        "cont": gettext("Click to continue the line.", lang),
        "end": gettext("Click the last point to finish the line.", lang),
        "save_title": gettext("Save changes", lang), "save": gettext("Save", lang),
        "discard_title": gettext("Cancel editing and discard the changes", lang),
        "clear_title": gettext("Delete every line", lang), "clear": gettext("Delete all", lang),
        "remove": gettext("Delete lines", lang),
        "nothing_to_remove": gettext("No lines to delete", lang),
        "remove_tip": gettext("Click a line to delete it.", lang)}
    return _element(_DRAW_WORDS, words=script_json(words))


def base_map(*, legend_spec: Legend | None, tiles: bool = False, draw: bool = False,
             presenter: bool = False, lang: str = "en") -> folium.Map:
    """The map everything else is drawn on: Ukraine's extent, a scale bar, ``legend_spec``'s
    legend (none for None; see :func:`legend`).

    With ``tiles`` False (the default) nothing is fetched from the internet; with it True an
    OpenStreetMap basemap is added (the map is complete without it). ``draw`` adds a toolbar
    to draw one line (a custom ceasefire line); ``presenter`` makes the map fill its frame
    and its text 20 px. ``lang``: the language of the legend, the scale, the controls.
    """
    m = _zoomable(folium.Map(tiles=None, zoom_snap=0.25, min_zoom=4, max_zoom=13))
    _furnish(m, tiles=tiles, legend_spec=legend_spec, lang=lang)
    if presenter:
        presenter_style().add_to(m)
    if draw:
        if lang != "en":
            draw_words(lang=lang).add_to(m)
        Draw(export=False, position="topleft",
             draw_options={"polyline": {"shapeOptions": {"color": LINE_COLOR, "weight": 3}},
                           "polygon": False, "rectangle": False, "circle": False,
                           "marker": False, "circlemarker": False},
             edit_options={"edit": False}).add_to(m)
    m.fit_bounds(UKRAINE_BOUNDS)
    return localize_assets(m)


def _furnish(m: folium.Map, *, tiles: bool, legend_spec: Legend | None, lang: str) -> None:
    """What every map here has: a km scale bar, label style, legend, optional tiles."""
    metric_scale_bar(lang=lang).add_to(m)
    label_style().add_to(m)
    if legend_spec is not None:
        legend(*legend_spec, lang=lang).add_to(m)
    if tiles:
        folium.TileLayer("OpenStreetMap", name=gettext("Basemap (OpenStreetMap)", lang),
                         opacity=0.6).add_to(m)


def dual_map(*, tiles: bool = False, lang: str = "en") -> DualMap:
    """Two maps side by side whose pan and zoom stay in step (Leaflet.Sync), each with a
    scale bar but no legend (it would cover half of a half-width map: give it in the page);
    add layers to ``.m1`` and ``.m2``, localising their assets. ``lang``: the language of
    the scale and the controls."""
    m = DualMap(tiles=None, zoom_snap=0.25, min_zoom=4, max_zoom=13)
    for side in (m.m1, m.m2):
        _zoomable(side)
        _furnish(side, tiles=tiles, legend_spec=None, lang=lang)
        side.fit_bounds(UKRAINE_BOUNDS)
        localize_assets(side)
    return localize_assets(m)


_REMEMBERED_VIEW = Template("""
{% macro script(this, kwargs) %}
(function(map, bounds) {
  // The page is made anew when the date or a toggle changes: keep the reader's pan and
  // zoom for this tab (sessionStorage is shared with the app, whose origin the page has).
  // Until the reader moves the map, it shows the whole extent whatever the frame's size
  // (presenter mode enlarges the frame after the map has opened).
  var key = {{ this.key_json }};
  var moved = false;
  try {
    var saved = JSON.parse(window.sessionStorage.getItem(key) || "null");
    if (saved) {
      map.setView(saved.center, saved.zoom, {animate: false});
      moved = true;
    }
  } catch (error) {}
  map.getContainer().addEventListener("pointerdown", function() { moved = true; });
  map.getContainer().addEventListener("wheel", function() { moved = true; });
  map.getContainer().addEventListener("keydown", function() { moved = true; });
  map.on("resize", function() {
    if (!moved) { map.fitBounds(bounds, {animate: false}); }
  });
  map.on("moveend", function() {
    if (!moved) { return; }
    try {
      window.sessionStorage.setItem(key, JSON.stringify({center: map.getCenter(),
                                                         zoom: map.getZoom()}));
    } catch (error) {}
  });
})({{ this._parent.get_name() }}, {{ this.bounds_json }});
{% endmacro %}
""")


def remembered_view(name: str, bounds: tuple = UKRAINE_BOUNDS) -> MacroElement:
    """Keeps a map's pan and zoom (under ``name``) once the reader has moved it, when its
    page is loaded again in the same browser tab; until then the map shows ``bounds``
    ((south, west), (north, east) in degrees) at any frame size. Add it after everything
    that sets the view."""
    return _element(_REMEMBERED_VIEW, key_json=script_json(f"atlas-view-{name}"),
                    bounds_json=script_json([list(corner) for corner in bounds]))
