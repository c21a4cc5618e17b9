"""The one GeoJSON writer of every map: a lean folium layer, serialised once by GEOS, one
fixed style, no templates compiled per element.

folium's ``GeoJson`` serialises its data through Python's json module on every render,
evaluates a style function per feature, and compiles a Jinja template per element and per
rendered script: 60-80 ms for the Ceasefire lines map, on every slider value. Every map's
layers (control, history, scenario) draw a few geometries with one style each, which this
element does in a few ms and with the same Leaflet result (``L.geoJson`` paths, sticky
tooltips); the units of the control and history maps are one collection each, coloured or
labelled by a property of each feature (:func:`feature_json`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import Any

import numpy as np
import shapely
from branca.element import Element, Figure, MacroElement
from folium.template import Template
from shapely.geometry.base import BaseGeometry

#: Decimal places kept in EPSG:4326 coordinates: 5 is about 1 m, finer than any zoom shows.
COORDINATE_DECIMALS = 5


def script_json(value: Any) -> str:
    """``value`` as JSON safe inside an HTML ``<script>`` (no ``<``, ``>`` or ``&``)."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


def geometry_json(geometry: BaseGeometry) -> str:
    """An EPSG:4326 geometry as GeoJSON text, coordinates rounded to
    :data:`COORDINATE_DECIMALS` (for drawing only: rounding can make polygons invalid)."""
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, COORDINATE_DECIMALS))
    return shapely.to_geojson(rounded)


def feature_json(geometry: BaseGeometry, properties: dict[str, Any]) -> str:
    """A GeoJSON Feature as text: an EPSG:4326 geometry (as :func:`geometry_json`) with
    ``properties`` (as :func:`script_json`)."""
    return (f'{{"type":"Feature","properties":{script_json(properties)},'
            f'"geometry":{geometry_json(geometry)}}}')


def collection_json(features: Iterable[str]) -> str:
    """GeoJSON Feature texts (:func:`feature_json`) as one FeatureCollection's text."""
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


class Verbatim(Element):
    """Finished text (JavaScript, HTML or CSS) for a section of a figure, placed as it is:
    not compiled as a template, whose syntax it may hold."""

    _template = Template("{{ this.text }}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class GeoJsonLayer(MacroElement):
    """GeoJSON drawn by Leaflet with one style, optionally with a tooltip.

    Parameters
    ----------
    data
        GeoJSON text (EPSG:4326): a geometry, a Feature or a FeatureCollection (see
        :func:`geometry_json`). Trusted: it is placed in the page as is.
    style
        Leaflet path options for every feature (colour, weight, fillOpacity, ...); a
        feature's own ``fill`` property, if present, sets its fill colour.
    tooltip
        Plain text shown on hover (escaped here), or None.
    tooltip_options
        Leaflet tooltip options; default ``{"sticky": True}``.
    pattern
        A folium fill pattern (e.g. ``StripePattern``) used as ``fillPattern``.
    points
        For Point features: circle-marker options; each feature's ``radius`` and ``fill``
        properties, if present, set its radius and fill colour.
    feature_tooltip
        Name of the property holding each feature's own tooltip, which must already be
        escaped HTML.
    feature_tooltip_options
        Leaflet options of those tooltips; default ``{"sticky": True}``.
    highlight
        Path options applied while the pointer is over a feature.
    name
        What the layer draws, e.g. "gained": the start of its JavaScript name.

    Attributes
    ----------
    layer_name, style
        ``name`` and ``style`` as given (``style`` None for no style).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data }}, {
          {%- if this.style_json %}
          style: function(feature) {
            var own = (feature && feature.properties) || {};
            return Object.assign({}, {{ this.style_json }}
              {%- if this.pattern %}, {fillPattern: {{ this.pattern.get_name() }}}{% endif %},
              own.fill !== undefined ? {fillColor: own.fill} : {});
          },
          {%- endif %}
          {%- if this.points_json %}
          pointToLayer: function(feature, latlng) {
            var own = feature.properties || {};
            var options = Object.assign({}, {{ this.points_json }});
            if (own.radius !== undefined) { options.radius = own.radius; }
            if (own.fill !== undefined) { options.fillColor = own.fill; }
            return L.circleMarker(latlng, options);
          },
          {%- endif %}
          {%- if this.feature_tooltip_json or this.highlight_json %}
          onEachFeature: function(feature, layer) {
            {%- if this.feature_tooltip_json %}
            layer.bindTooltip(feature.properties[{{ this.feature_tooltip_json }}],
                              {{ this.feature_tooltip_options_json }});
            {%- endif %}
            {%- if this.highlight_json %}
            layer.on("mouseover", function() { layer.setStyle({{ this.highlight_json }}); });
            layer.on("mouseout", function() { {{ this.get_name() }}.resetStyle(layer); });
            {%- endif %}
          },
          {%- endif %}
        });
        {%- if this.tooltip_json %}
        {{ this.get_name() }}.bindTooltip({{ this.tooltip_json }}, {{ this.tooltip_options_json }});
        {%- endif %}
        {%- if this.permanent %}
        {{ this.get_name() }}.on("add", function() {
          // A permanent tooltip is placed by its width when it opens; if the stylesheets
          // arrive later, that width was wrong and the label sat off the map: place the
          // labels again whenever their size or the map's changes.
          var layer = this;
          function place() {
            layer.eachLayer(function(l) {
              var tip = l.getTooltip();
              if (tip && tip._map) { tip.update(); }
            });
          }
          this._map.on("resize", place);
          if (window.ResizeObserver) {
            var watcher = new ResizeObserver(place);
            layer.eachLayer(function(l) {
              var tip = l.getTooltip();
              if (tip && tip.getElement()) { watcher.observe(tip.getElement()); }
            });
          }
        });
        {%- endif %}
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, data: str, *, style: dict | None = None, tooltip: str | None = None,
                 tooltip_options: dict | None = None, pattern: MacroElement | None = None,
                 points: dict | None = None, feature_tooltip: str | None = None,
                 feature_tooltip_options: dict | None = None, highlight: dict | None = None,
                 name: str = "geo_json") -> None:
        super().__init__()
        self._name = name
        self.layer_name = name
        self.data = data
        self.style = style
        self.style_json = script_json(style) if style or pattern else ""
        self.pattern = pattern
        self.points_json = script_json(points) if points else ""
        self.feature_tooltip_json = script_json(feature_tooltip) if feature_tooltip else ""
        self.feature_tooltip_options_json = script_json(feature_tooltip_options
                                                        or {"sticky": True})
        self.highlight_json = script_json(highlight) if highlight else ""
        self.permanent = bool((feature_tooltip_options or {}).get("permanent"))
        self.tooltip_json = script_json(html.escape(tooltip, quote=False)) if tooltip else ""
        self.tooltip_options_json = script_json(tooltip_options or {"sticky": True})

    def render(self, **kwargs) -> None:
        """Add the script to the figure, as folium elements do, without compiling it."""
        figure = self.get_root()
        if isinstance(figure, Figure):
            figure.script.add_child(Verbatim(self._template.module.script(self, kwargs)),
                                    name=self.get_name())

