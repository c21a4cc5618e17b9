"""folium layers for a scenario: its zones, the ground changing hands, its lines, its towns.

Zones use a red/blue pair that reads for colour-blind viewers, and the demilitarised zone
is hatched, so nothing depends on colour alone.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import folium
import pandas as pd
import shapely
from folium.plugins import StripePattern
from shapely.geometry.base import BaseGeometry

from geo.crs import M_PER_KM
from geo.geojson_layer import GeoJsonLayer, geometry_json, script_json
from geo.layers import _Group
from geo.projection import to_display
from geo.scenarios import LINE_LABELS, Zones
from geo.towns import RUSSIAN, UKRAINIAN, ZONE

RUSSIAN_FILL, UKRAINIAN_FILL, ZONE_COLOR = "#b2182b", "#2166ac", "#8c510a"


@dataclass(frozen=True)
class Emphasis:
    """How strongly layers are drawn: fill opacities and line weights (px)."""

    russian_opacity: float = 0.45
    ukrainian_opacity: float = 0.12
    line_weight: float = 3.5
    edge_weight: float = 0.5
    town_scale: float = 1.0


#: For a screen at arm's length.
NORMAL = Emphasis()
#: For a washed-out projector: stronger fills, thicker lines, bigger towns.
STRONG = Emphasis(russian_opacity=0.75, ukrainian_opacity=0.3, line_weight=6.0, edge_weight=1.5,
                  town_scale=1.5)
LINE_STYLES = {"ceasefire": ("#111111", "10 6"),
               "zone-russian": ("#67001f", "6 6"),
               "zone-ukrainian": ("#053061", "6 6")}
SIDE_COLORS = {RUSSIAN: RUSSIAN_FILL, UKRAINIAN: UKRAINIAN_FILL, ZONE: ZONE_COLOR}


def _geojson(geometry: BaseGeometry) -> str:
    """A metric (EPSG:32636) geometry as GeoJSON text in EPSG:4326, coordinates to ~1 m."""
    return geometry_json(to_display(geometry))


def zones_layer(zones: Zones, caption: str, emphasis: Emphasis = NORMAL) -> folium.FeatureGroup:
    """Russian-held, Ukrainian-held and demilitarised zones; ``caption`` names source and date."""
    group = _Group(name="Zones", attribution=caption)
    GeoJsonLayer(_geojson(zones.ukrainian), name="ukrainian",
                 style={"fillColor": UKRAINIAN_FILL, "fillOpacity": emphasis.ukrainian_opacity,
                        "color": UKRAINIAN_FILL, "weight": emphasis.edge_weight},
                 tooltip="Ukrainian-held under this scenario").add_to(group)
    GeoJsonLayer(_geojson(zones.russian), name="russian",
                 style={"fillColor": RUSSIAN_FILL, "fillOpacity": emphasis.russian_opacity,
                        "color": RUSSIAN_FILL, "weight": emphasis.edge_weight},
                 tooltip="Russian-held under this scenario").add_to(group)
    if not zones.dmz.is_empty:
        hatch = StripePattern(angle=45, weight=3, space_weight=3, color=ZONE_COLOR, opacity=0.8,
                              space_color="#fee391", space_opacity=0.6)
        hatch.add_to(group)
        GeoJsonLayer(_geojson(zones.dmz), name="dmz", pattern=hatch,
                     style={"fillOpacity": 1.0, "color": ZONE_COLOR, "weight": 1.5},
                     tooltip="Demilitarised zone").add_to(group)
    return group


def changes_layer(to_russia: BaseGeometry, to_ukraine: BaseGeometry) -> folium.FeatureGroup:
    """Ground that changes hands, outlined thickly (EPSG:32636 inputs)."""
    group = _Group(name="Ground changing hands")
    for geometry, color, label in ((to_russia, RUSSIAN_FILL, "Goes to Russia"),
                                   (to_ukraine, UKRAINIAN_FILL, "Returns to Ukraine")):
        if geometry.is_empty:
            continue
        GeoJsonLayer(_geojson(geometry), name="changed",
                     style={"fillColor": color, "fillOpacity": 0.35, "color": color,
                            "weight": 2.5},
                     tooltip=label).add_to(group)
    return group


def lines_layer(zones: Zones, today_line: BaseGeometry,
                emphasis: Emphasis = NORMAL) -> folium.FeatureGroup:
    """The scenario's lines, dashed and labelled with their length; today's line faint."""
    group = _Group(name="Lines")
    GeoJsonLayer(_geojson(today_line), name="today",
                 style={"color": "#555555", "weight": 1.5, "opacity": 0.6},
                 tooltip=f"Today's line of contact: {today_line.length / M_PER_KM:,.0f} km"
                 ).add_to(group)
    labels = []
    for line in zones.lines:
        color, dash = LINE_STYLES[line.kind]
        label = f"{LINE_LABELS[line.kind]}: {line.geometry.length / M_PER_KM:,.0f} km"
        GeoJsonLayer(_geojson(line.geometry), name=line.kind.replace("-", "_"),
                     style={"color": color, "weight": emphasis.line_weight, "dashArray": dash},
                     tooltip=label).add_to(group)
        longest = max(shapely.get_parts(line.geometry), key=lambda p: p.length)
        anchor = to_display(longest.interpolate(0.5, normalized=True))
        labels.append({"type": "Feature",
                       "geometry": {"type": "Point",
                                    "coordinates": [round(anchor.x, 5), round(anchor.y, 5)]},
                       "properties": {"label": html.escape(label)}})
    if labels:
        # Invisible points carrying permanent tooltips: labels that need no icon image.
        GeoJsonLayer(script_json({"type": "FeatureCollection", "features": labels}),
                     name="labels", points={"radius": 1, "opacity": 0, "fillOpacity": 0},
                     feature_tooltip="label",
                     feature_tooltip_options={"permanent": True, "direction": "auto",
                                              "className": "atlas-line-label"}).add_to(group)
    return group


def towns_layer(towns: pd.DataFrame, emphasis: Emphasis = NORMAL) -> folium.FeatureGroup:
    """Towns that change side or fall in the zone (columns as from :func:`geo.impact.assess`),
    as one GeoJSON layer of circles: one folium element per town took 0.4 s to render."""
    group = _Group(name="Towns changing side")
    if towns.empty:
        return group
    features = []
    for town in towns.itertuples():
        year = f", {town.population_year}" if pd.notna(town.population_year) else ""
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(town.lon, 5), round(town.lat, 5)]},
            "properties": {
                "label": html.escape(f"{town.name}: {town.side_before} -> {town.side_after}; "
                                     f"population {town.population:,}{year}"),
                "fill": SIDE_COLORS[town.side_after],
                "radius": round(emphasis.town_scale
                                * (2 + min(town.population, 500_000) ** 0.5 / 80), 1),
            },
        })
    GeoJsonLayer(script_json({"type": "FeatureCollection", "features": features}),
                 name="towns", feature_tooltip="label",
                 points={"radius": 4, "color": "#000000", "weight": 1, "fill": True,
                         "fillOpacity": 0.9}).add_to(group)
    return group


#: Legend of the scenario map (see :func:`geo.layers.legend`).
SCENARIO_LEGEND = ("Under this scenario", (
    ("box", RUSSIAN_FILL, "Russian-held"),
    ("box", "#dbe6f1", "Ukrainian-held"),
    ("hatch", ZONE_COLOR, "demilitarised zone"),
    ("dash", LINE_STYLES["ceasefire"][0], "ceasefire line"),
    ("dash", LINE_STYLES["zone-russian"][0], "zone edge, Russian side"),
    ("dash", LINE_STYLES["zone-ukrainian"][0], "zone edge, Ukrainian side"),
    ("line", "#555555", "today's line of contact"),
    ("dot", "#777777", "town changing side"),
))
