"""folium layers for a scenario: its zones, the ground changing hands, its lines, its towns.

Zones use a red/blue pair that reads for colour-blind viewers, and the demilitarised zone
is hatched, so nothing depends on colour alone (colours and weights: :mod:`geo.maps.palette`).
The inputs are metric (EPSG:32636); they are drawn in EPSG:4326.
"""

from __future__ import annotations

import html

import folium
import pandas as pd
import shapely
from folium.plugins import StripePattern
from shapely.geometry.base import BaseGeometry

from geo.crs import METRIC_CRS
from geo.data.towns import RUSSIAN, UKRAINIAN, ZONE, side_name, town_name
from geo.language import N_, gettext, km, number
from geo.maps.base import AttributedGroup, Legend
from geo.maps.geojson_layer import GeoJsonLayer, geometry_json, script_json
from geo.maps.palette import (LINE_STYLES, NORMAL, RUSSIAN_FILL, TODAY_LINE_COLOR, UKRAINIAN_FILL,
                              UKRAINIAN_PALE, ZONE_BACKGROUND, ZONE_COLOR, Emphasis)
from geo.measure import length_km
from geo.projection import to_display
from geo.scenario.partition import LINE_LABELS, Zones

SIDE_COLORS = {RUSSIAN: RUSSIAN_FILL, UKRAINIAN: UKRAINIAN_FILL, ZONE: ZONE_COLOR}


def zones_layer(zones: Zones, caption: str, emphasis: Emphasis = NORMAL, *,
                lang: str = "en") -> folium.FeatureGroup:
    """Russian-held, Ukrainian-held and demilitarised zones; ``caption`` names source and date
    (in ``lang``, the tooltips' language)."""
    group = AttributedGroup(name=gettext("Zones", lang), attribution=caption)
    GeoJsonLayer(geometry_json(to_display(zones.ukrainian)), name="ukrainian",
                 style={"fillColor": UKRAINIAN_FILL, "fillOpacity": emphasis.ukrainian_opacity,
                        "color": UKRAINIAN_FILL, "weight": emphasis.edge_weight},
                 tooltip=gettext("Ukrainian-held under this scenario", lang)).add_to(group)
    GeoJsonLayer(geometry_json(to_display(zones.russian)), name="russian",
                 style={"fillColor": RUSSIAN_FILL, "fillOpacity": emphasis.russian_opacity,
                        "color": RUSSIAN_FILL, "weight": emphasis.edge_weight},
                 tooltip=gettext("Russian-held under this scenario", lang)).add_to(group)
    if not zones.dmz.is_empty:
        hatch = StripePattern(angle=45, weight=3, space_weight=3, color=ZONE_COLOR, opacity=0.8,
                              space_color=ZONE_BACKGROUND, space_opacity=0.6)
        hatch.add_to(group)
        GeoJsonLayer(geometry_json(to_display(zones.dmz)), name="dmz", pattern=hatch,
                     style={"fillOpacity": 1.0, "color": ZONE_COLOR, "weight": 1.5},
                     tooltip=gettext("Demilitarised zone", lang)).add_to(group)
    return group


def changes_layer(to_russia: BaseGeometry, to_ukraine: BaseGeometry, *,
                  lang: str = "en") -> folium.FeatureGroup:
    """Ground that changes hands, outlined thickly (EPSG:32636 inputs)."""
    group = AttributedGroup(name=gettext("Ground changing hands", lang))
    for geometry, color, label in ((to_russia, RUSSIAN_FILL, gettext("Goes to Russia", lang)),
                                   (to_ukraine, UKRAINIAN_FILL,
                                    gettext("Returns to Ukraine", lang))):
        if geometry.is_empty:
            continue
        GeoJsonLayer(geometry_json(to_display(geometry)), name="changed",
                     style={"fillColor": color, "fillOpacity": 0.35, "color": color,
                            "weight": 2.5},
                     tooltip=label).add_to(group)
    return group


#: Where each line's label sits from its anchor (Leaflet tooltip directions): a zone's two
#: edges run a few pixels apart, so their labels go one above and one below, never on top of
#: each other (the Ukrainian side is the north-western one along the whole front).
LABEL_DIRECTIONS = {"ceasefire": "auto", "zone-ukrainian": "top", "zone-russian": "bottom"}


def lines_layer(zones: Zones, today_line: BaseGeometry, emphasis: Emphasis = NORMAL, *,
                lang: str = "en") -> folium.FeatureGroup:
    """The scenario's lines, dashed and labelled (in ``lang``) with their length (km,
    EPSG:32636); today's line (``today_line``, EPSG:32636 like the zones) faint."""
    group = AttributedGroup(name=gettext("Lines", lang))
    labelled = gettext("{line}: {length}", lang)
    GeoJsonLayer(geometry_json(to_display(today_line)), name="today",
                 style={"color": TODAY_LINE_COLOR, "weight": 1.5, "opacity": 0.6},
                 tooltip=labelled.format(line=gettext("Today's line of contact", lang),
                                         length=km(length_km(today_line, METRIC_CRS), lang))
                 ).add_to(group)
    labels: dict[str, list[dict]] = {}
    for line in zones.lines:
        color, dash = LINE_STYLES[line.kind]
        label = labelled.format(line=gettext(LINE_LABELS[line.kind], lang),
                                length=km(length_km(line.geometry, METRIC_CRS), lang))
        GeoJsonLayer(geometry_json(to_display(line.geometry)), name=line.kind.replace("-", "_"),
                     style={"color": color, "weight": emphasis.line_weight, "dashArray": dash},
                     tooltip=label).add_to(group)
        longest = max(shapely.get_parts(line.geometry), key=lambda p: p.length)
        anchor = to_display(longest.interpolate(0.5, normalized=True))
        labels.setdefault(LABEL_DIRECTIONS[line.kind], []).append(
            {"type": "Feature",
             "geometry": {"type": "Point",
                          "coordinates": [round(anchor.x, 5), round(anchor.y, 5)]},
             "properties": {"label": html.escape(label)}})
    for direction, features in labels.items():
        # Invisible points carrying permanent tooltips: labels that need no icon image.
        GeoJsonLayer(script_json({"type": "FeatureCollection", "features": features}),
                     name=f"labels_{direction}",
                     points={"radius": 1, "opacity": 0, "fillOpacity": 0},
                     feature_tooltip="label",
                     feature_tooltip_options={"permanent": True, "direction": direction,
                                              "className": "atlas-line-label"}).add_to(group)
    return group


def _town_label(town, lang: str) -> str:
    """A town's tooltip: its name in ``lang``, its side before and after, its population
    (and year)."""
    values = {"town": town_name(town.name, getattr(town, "name_uk", ""), lang),
              "before": side_name(town.side_before, lang),
              "after": side_name(town.side_after, lang),
              "population": number(town.population, lang)}
    if pd.isna(town.population_year):
        return gettext("{town}: {before} -> {after}; population {population}",
                       lang).format(**values)
    return gettext("{town}: {before} -> {after}; population {population}, {year}",
                   lang).format(**values, year=town.population_year)


def towns_layer(towns: pd.DataFrame, emphasis: Emphasis = NORMAL, *,
                lang: str = "en") -> folium.FeatureGroup:
    """Towns that change side or fall in the zone (columns as from
    :func:`geo.scenario.impact.assess`), as one GeoJSON layer of circles, their tooltips in
    ``lang``: one folium element per town took 0.4 s to render."""
    group = AttributedGroup(name=gettext("Towns changing side", lang))
    if towns.empty:
        return group
    features = []
    for town in towns.itertuples():
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(town.lon, 5), round(town.lat, 5)]},
            "properties": {
                "label": html.escape(_town_label(town, lang)),
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


#: Legend of the scenario map (see :func:`geo.maps.base.legend`), in English.
SCENARIO_LEGEND: Legend = (N_("Under this scenario"), (
    ("box", RUSSIAN_FILL, N_("Russian-held")),
    ("box", UKRAINIAN_PALE, N_("Ukrainian-held")),
    ("hatch", ZONE_COLOR, N_("demilitarised zone")),
    ("dash", LINE_STYLES["ceasefire"][0], N_("ceasefire line")),
    ("dash", LINE_STYLES["zone-russian"][0], N_("zone edge, Russian side")),
    ("dash", LINE_STYLES["zone-ukrainian"][0], N_("zone edge, Ukrainian side")),
    ("line", TODAY_LINE_COLOR, N_("today's line of contact")),
    ("dot", "#777777", N_("town changing side")),
))
