"""folium layers for the history map: the units, the occupied area on the later date, and
the ground that changed hands between two dates.

Gained ground is filled solid with a thick solid edge, regained ground paler with a thick
dashed edge, and the occupied area hatched, so the map reads without colour; the thick
edges keep changes of a few km2 visible at the scale of the whole country. Colours are
:mod:`geo.maps.palette`'s; everything is written by :class:`geo.maps.geojson_layer.GeoJsonLayer`.
"""

from __future__ import annotations

import datetime as dt

import folium
import geopandas as gpd
from shapely.geometry.base import BaseGeometry

from geo.maps.base import (BOUNDARIES_ATTRIBUTION, UNIT_TIP_CLASS, AttributedGroup, Legend,
                           base_map, occupied_area, tooltip_lines, tooltip_table)
from geo.maps.geojson_layer import GeoJsonLayer, collection_json, feature_json, geometry_json
from geo.maps.palette import (GAINED_EDGE, GAINED_FILL, OCCUPIED_HATCH, REGAINED_DASH,
                              REGAINED_EDGE, REGAINED_FILL, UNIT_EDGE, UNIT_FILL)
from geo.pace.history import Change

#: Legend of the history map (see :func:`geo.maps.base.legend`).
HISTORY_LEGEND: Legend = ("Between the two dates", (
    ("hatch", OCCUPIED_HATCH, "occupied on the later date"),
    ("box", GAINED_FILL, "gained by Russia (solid edge)"),
    ("box", REGAINED_FILL, "regained by Ukraine (dashed edge)"),
))


def change_attribution(earlier: dt.date, later: dt.date) -> str:
    """Source and both dates of what the history map draws, short enough for one line of
    the map's corner at 1280 px (the page's caption gives the source's address)."""
    return f"Occupied areas: DeepStateMap, {earlier.isoformat()} and {later.isoformat()}"


def history_base_map(*, tiles: bool = False) -> folium.Map:
    """The base map with the history legend; it never changes with the dates, so the map's
    frame is not redrawn when a slider moves (the layers are swapped in place)."""
    return base_map(tiles=tiles, legend_spec=HISTORY_LEGEND)


def units_layer(units: gpd.GeoDataFrame, change: Change) -> folium.FeatureGroup:
    """The 27 units in a neutral fill, each with a tooltip of its share on both dates.

    ``units``: EPSG:4326, columns iso_3166_2 and name; ``change`` as from
    :func:`geo.pace.history.compare_dates` (or :func:`geo.pace.history.with_shares_of`: the shares
    are then of its shares days, the ground moved of its map days). Each feature's
    properties hold its name, its shares ("held") and the ground moved ("moved") as text,
    and the tooltip made of them; coordinates are drawn to about a metre.
    """
    by_code = change.by_unit.set_index("iso_3166_2")
    # The ground moved is measured between the maps drawn; say so when the shares are of
    # other (held) days.
    maps = ("" if (change.shares_earlier, change.shares_later) == (change.earlier, change.later)
            else f" (maps of {change.earlier.isoformat()} and {change.later.isoformat()})")
    features = []
    for unit in units.itertuples():
        row = by_code.loc[unit.iso_3166_2]
        text = {"name": unit.name,
                "held": f"{row['pct_earlier']:.1f} % on {change.shares_earlier.isoformat()}, "
                        f"{row['pct_later']:.1f} % on {change.shares_later.isoformat()}",
                "moved": f"+{row['gained_km2']:,.0f} km² to Russia, "
                         f"{row['regained_km2']:,.0f} km² back to Ukraine{maps}"}
        tooltip = tooltip_table((("Unit", tooltip_lines(text["name"])),
                                 ("Held by Russia", tooltip_lines(text["held"])),
                                 ("Changed hands", tooltip_lines(text["moved"]))))
        features.append(feature_json(unit.geometry, {**text, "tooltip": tooltip}))
    group = AttributedGroup(name="Units", attribution=BOUNDARIES_ATTRIBUTION)
    GeoJsonLayer(collection_json(features), name="units",
                 style={"fillColor": UNIT_FILL, "fillOpacity": 1.0, "color": UNIT_EDGE,
                        "weight": 0.8},
                 highlight={"weight": 2.5, "color": "#000000"},
                 feature_tooltip="tooltip",
                 feature_tooltip_options={"sticky": True, "className": UNIT_TIP_CLASS},
                 ).add_to(group)
    return group


def later_occupied_layer(occupied: BaseGeometry, later: dt.date) -> folium.FeatureGroup:
    """The occupied area on the later date (EPSG:4326), hatched like the control map's.

    It carries no attribution of its own: :func:`change_layer`'s names the source and both
    dates, and Leaflet would print the source twice.
    """
    group = AttributedGroup(name=f"Occupied area, {later.isoformat()}")
    occupied_area(group, occupied, f"Occupied area on {later.isoformat()} (DeepStateMap)")
    return group


def change_layer(change: Change) -> folium.FeatureGroup:
    """Ground gained by Russia and regained by Ukraine between ``change.earlier`` and
    ``change.later`` (EPSG:4326), with their areas in km2 in the tooltips."""
    group = AttributedGroup(name="Ground that changed hands",
                            attribution=change_attribution(change.earlier, change.later))
    period = f"{change.earlier.isoformat()} to {change.later.isoformat()}"
    pieces = (
        (change.gained, "gained", {"fillColor": GAINED_FILL, "fillOpacity": 0.8,
                                   "color": GAINED_EDGE, "weight": 2.5},
         f"Gained by Russia, {period}: {change.gained_km2:,.0f} km² (DeepStateMap)"),
        (change.regained, "regained", {"fillColor": REGAINED_FILL, "fillOpacity": 0.6,
                                       "color": REGAINED_EDGE, "weight": 2.5,
                                       "dashArray": REGAINED_DASH},
         f"Regained by Ukraine, {period}: {change.regained_km2:,.0f} km² (DeepStateMap)"),
    )
    for geometry, name, style, tooltip in pieces:
        if geometry.is_empty:
            continue
        GeoJsonLayer(geometry_json(geometry), name=name, style=style,
                     tooltip=tooltip).add_to(group)
    return group


def history_layers(units: gpd.GeoDataFrame, occupied_later: BaseGeometry,
                   change: Change) -> list[folium.FeatureGroup]:
    """All layers of the history map, bottom to top (units, occupied area, changes)."""
    return [units_layer(units, change), later_occupied_layer(occupied_later, change.later),
            change_layer(change)]
