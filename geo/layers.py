"""folium layers for the control map, one small builder per layer, and the base map the
other pages draw on.

Every layer is a :class:`folium.FeatureGroup`, so streamlit-folium can swap it in place
(``feature_group_to_add``) while the base map stays put; the control map's three are put in
a page of their own by :func:`control_document`. Each group carries the source and date of
what it draws as a Leaflet attribution, shown in the map's corner.
"""

from __future__ import annotations

import datetime as dt
import html

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from folium.template import Template
from folium.plugins import Draw, DualMap, StripePattern
from shapely.geometry.base import BaseGeometry

from geo.control import ControlSnapshot
from geo.geojson_layer import GeoJsonLayer, geometry_json, script_json
from geo.offline import localize_assets
from geo.snapshots import ATTRIBUTION

#: Ukraine's extent, (south, west), (north, east) in degrees.
UKRAINE_BOUNDS = ((44.3, 22.1), (52.4, 40.2))
BOUNDARIES_ATTRIBUTION = "Boundaries: Natural Earth"

#: Upper bound (percent) and fill colour of each class of the choropleth: ColorBrewer
#: OrRd, a single-hue ramp that reads for colour-blind viewers and in greyscale.
SHARE_CLASSES: tuple[tuple[float, str, str], ...] = (
    (0.0, "#f7f7f7", "none"),
    (5.0, "#fdd49e", "up to 5 %"),
    (25.0, "#fdbb84", "5-25 %"),
    (50.0, "#fc8d59", "25-50 %"),
    (75.0, "#ef6548", "50-75 %"),
    (95.0, "#d7301f", "75-95 %"),
    (100.0, "#990000", "over 95 %"),
)
OCCUPIED_HATCH = "#4a1486"
LINE_COLOR = "#111111"


class _Group(folium.FeatureGroup):
    """A FeatureGroup whose options reach Leaflet (folium 0.20 passes them as the layers
    argument of ``L.featureGroup``, so an ``attribution`` would be lost)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup(null, {{ this.options|tojavascript }});
        {% endmacro %}
    """)


_METRIC_SCALE = Template("""
    {% macro script(this, kwargs) %}
        L.control.scale({metric: true, imperial: false, maxWidth: 160, position: "topleft"})
            .addTo({{ this._parent.get_name() }});
    {% endmacro %}
""")


def metric_scale_bar() -> MacroElement:
    """A scale bar in km only (Leaflet's default adds miles)."""
    element = MacroElement()
    element._template = _METRIC_SCALE
    return element


def share_color(pct: float) -> str:
    """Fill colour of a unit whose Russian-held share is ``pct`` percent (0-100)."""
    for upper, color, _ in SHARE_CLASSES:
        if pct <= upper:
            return color
    return SHARE_CLASSES[-1][1]


def _fmt_km2(value: float) -> str:
    return f"{value:,.0f} km²"


def _fmt_pct(value: float) -> str:
    return f"{value:.1f} %" if value >= 0.05 or value == 0 else f"{value:.2f} %"


_LEGEND = Template("""
{% macro html(this, kwargs) %}
<div class="atlas-legend" role="note" aria-label="Map legend" style="position:absolute;
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

#: Legend of the control map.
CONTROL_LEGEND = ("Share held by Russia",
                  tuple(("box", color, label) for _, color, label in SHARE_CLASSES)
                  + (("hatch", OCCUPIED_HATCH, "occupied area"),
                     ("line", LINE_COLOR, "line of contact")))


def legend(title: str, entries: tuple[tuple[str, str, str], ...]) -> MacroElement:
    """A static legend drawn inside the map's frame; entries are (kind, colour, label) with
    kind "box", "hatch", "line", "dash" or "dot"."""
    element = MacroElement()
    element._template = _LEGEND
    element.title = title
    element.entries = entries
    return element


_LABEL_CSS = Template("""
{% macro header(this, kwargs) %}
<style>.atlas-line-label{font:bold 13px/1.2 sans-serif;white-space:nowrap;color:#111;
 background:rgba(255,255,255,0.85);border:1px solid #111;border-radius:3px;padding:1px 4px;
 box-shadow:none}
.atlas-unit-tip{white-space:normal;width:max-content;max-width:420px;font-size:13px}
.atlas-unit-tip th{text-align:left;padding-right:6px;vertical-align:top}</style>
{% endmacro %}
""")


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
    element = MacroElement()
    element._template = _PRESENTER_CSS
    return element


def label_style() -> MacroElement:
    """CSS for the labels drawn along lines (added to the base map)."""
    element = MacroElement()
    element._template = _LABEL_CSS
    return element


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


def base_map(*, tiles: bool = False, legend_spec: tuple = CONTROL_LEGEND,
             draw: bool = False, presenter: bool = False) -> folium.Map:
    """The map everything else is drawn on: Ukraine's extent, a scale bar, a legend.

    With ``tiles`` False (the default) nothing is fetched from the internet; with it True an
    OpenStreetMap basemap is added (the map is complete without it). ``draw`` adds a toolbar
    to draw one line (a custom ceasefire line); ``presenter`` makes the map fill its frame
    and its text 20 px.
    """
    m = _zoomable(folium.Map(tiles=None, zoom_snap=0.25, min_zoom=4, max_zoom=13))
    _furnish(m, tiles=tiles, legend_spec=legend_spec)
    if presenter:
        presenter_style().add_to(m)
    if draw:
        Draw(export=False, position="topleft",
             draw_options={"polyline": {"shapeOptions": {"color": "#111111", "weight": 3}},
                           "polygon": False, "rectangle": False, "circle": False,
                           "marker": False, "circlemarker": False},
             edit_options={"edit": False}).add_to(m)
    m.fit_bounds(UKRAINE_BOUNDS)
    return localize_assets(m)


def _furnish(m: folium.Map, *, tiles: bool, legend_spec: tuple | None) -> None:
    """What every map here has: a km scale bar, label style, legend, optional tiles."""
    metric_scale_bar().add_to(m)
    label_style().add_to(m)
    if legend_spec is not None:
        legend(*legend_spec).add_to(m)
    if tiles:
        folium.TileLayer("OpenStreetMap", name="Basemap (OpenStreetMap)", opacity=0.6).add_to(m)


def dual_map(*, tiles: bool = False) -> DualMap:
    """Two maps side by side whose pan and zoom stay in step (Leaflet.Sync), each with a
    scale bar but no legend (it would cover half of a half-width map: give it in the page);
    add layers to ``.m1`` and ``.m2``, localising their assets."""
    m = DualMap(tiles=None, zoom_snap=0.25, min_zoom=4, max_zoom=13)
    for side in (m.m1, m.m2):
        _zoomable(side)
        _furnish(side, tiles=tiles, legend_spec=None)
        side.fit_bounds(UKRAINE_BOUNDS)
        localize_assets(side)
    return localize_assets(m)


def _unit_tooltip(rows: tuple[tuple[str, str], ...]) -> str:
    """A unit's tooltip as an HTML table of (label, value); values are escaped, except the
    line breaks they are joined with."""
    cells = "".join(f"<tr><th>{html.escape(label)}</th><td>{value}</td></tr>"
                    for label, value in rows)
    return f"<table>{cells}</table>"


def _lines(*parts: str) -> str:
    return "<br>".join(html.escape(part) for part in parts)


def control_layer(
    units: gpd.GeoDataFrame, shares: pd.DataFrame, published: pd.DataFrame, date: dt.date,
    basis: str | None = None,
) -> folium.FeatureGroup:
    """The 27 units coloured by Russian-held share, with a tooltip of figures and sources.

    ``units``: EPSG:4326, columns iso_3166_2, name, name_uk. ``shares``: as from
    :func:`geo.shares.control_shares`. ``published``: as from
    :func:`geo.published.load_published`. ``basis`` says what the shares were computed from
    (default: the bundled DeepStateMap snapshot of ``date``). Coordinates are drawn to about
    a metre.
    """
    basis = basis or f"Computed from DeepStateMap, {date.isoformat()}"
    by_code = shares.set_index("iso_3166_2").to_dict("index")
    cited_in = {code: list(rows.itertuples()) for code, rows in published.groupby("area")}
    features = []
    for unit in units.itertuples():
        row = by_code[unit.iso_3166_2]
        cited = cited_in.get(unit.iso_3166_2, [])
        tooltip = _unit_tooltip((
            ("Unit", _lines(unit.name)),
            ("Українською", _lines(unit.name_uk)),
            ("Area", _lines(_fmt_km2(row["area_km2"]))),
            ("Held by Russia", _lines(f"{_fmt_pct(row['occupied_pct'])} "
                                      f"({_fmt_km2(row['occupied_km2'])})",
                                      basis)),
            ("Published", _lines(*(f"{r.percent:g} % ({r.source}, {r.as_of})"
                                   for r in cited)) or "none collected"),
        ))
        properties = script_json({"iso_3166_2": unit.iso_3166_2, "tooltip": tooltip,
                                  "fill": share_color(row["occupied_pct"])})
        features.append(f'{{"type":"Feature","properties":{properties},'
                        f'"geometry":{geometry_json(unit.geometry)}}}')
    group = _Group(name="Share held by Russia", attribution=BOUNDARIES_ATTRIBUTION)
    GeoJsonLayer('{"type":"FeatureCollection","features":[' + ",".join(features) + "]}",
                 name="units",
                 style={"fillOpacity": 0.85, "color": "#555555", "weight": 0.8},
                 highlight={"weight": 3, "color": "#000000"},
                 feature_tooltip="tooltip",
                 feature_tooltip_options={"sticky": True, "className": "atlas-unit-tip"},
                 ).add_to(group)
    return group


def occupied_layer(occupied: BaseGeometry, date: dt.date,
                   credit: str | None = None) -> folium.FeatureGroup:
    """The occupied area (EPSG:4326), hatched so it reads without colour; ``credit`` names
    its source (default: the bundled DeepStateMap snapshot of ``date``)."""
    credit = credit or f"{ATTRIBUTION}, snapshot {date.isoformat()}"
    group = _Group(name="Occupied area", attribution=credit)
    hatch = StripePattern(angle=-45, weight=2, space_weight=4, color=OCCUPIED_HATCH,
                          opacity=0.55, space_opacity=0.0)
    hatch.add_to(group)
    GeoJsonLayer(geometry_json(occupied), name="occupied", pattern=hatch,
                 style={"fillOpacity": 1.0, "color": OCCUPIED_HATCH, "weight": 0.6},
                 tooltip=f"Occupied area on {date.isoformat()} ({credit})").add_to(group)
    return group


def front_line_layer(line: BaseGeometry, line_km: float, date: dt.date) -> folium.FeatureGroup:
    """The line of contact (EPSG:4326) with its length in km."""
    group = _Group(name="Line of contact")
    GeoJsonLayer(geometry_json(line), name="line",
                 style={"color": LINE_COLOR, "weight": 3, "opacity": 0.9},
                 tooltip=f"Line of contact on {date.isoformat()}: {line_km:,.0f} km "
                         "(computed from DeepStateMap)").add_to(group)
    return group


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
    element = MacroElement()
    element._template = _REMEMBERED_VIEW
    element.key_json = script_json(f"atlas-view-{name}")
    element.bounds_json = script_json([list(corner) for corner in bounds])
    return element


def control_document(units: gpd.GeoDataFrame, snapshot: ControlSnapshot,
                     published: pd.DataFrame, *, basis: str | None = None,
                     credit: str | None = None, tiles: bool = False,
                     presenter: bool = False) -> str:
    """The control map of ``snapshot`` as a complete HTML page for an iframe: the units by
    share, the occupied area and the line of contact (see the layers above for ``basis`` and
    ``credit``), with Leaflet loaded from the app's static files. The reader's pan and zoom
    are kept when the page is replaced (another date, a toggle)."""
    m = base_map(tiles=tiles, presenter=presenter)
    for layer in (control_layer(units, snapshot.shares, published, snapshot.date, basis),
                  occupied_layer(snapshot.occupied, snapshot.date, credit),
                  front_line_layer(snapshot.line, snapshot.line_km, snapshot.date)):
        layer.add_to(m)
    remembered_view("control-map").add_to(m)
    return localize_assets(m).get_root().render()
