"""folium layers of the control map, one small builder per layer, and the control map's
page.

Every layer is an :class:`~geo.maps.base.AttributedGroup` (a feature group carrying the
source and date of what it draws, shown in the map's corner), so streamlit-folium can swap
it in place while the base map (:mod:`geo.maps.base`) stays put; the three are put in a page
of their own by :func:`control_document`. Colours are :mod:`geo.maps.palette`'s.
"""

from __future__ import annotations

import datetime as dt

import folium
import geopandas as gpd
import pandas as pd
from shapely.geometry.base import BaseGeometry

from geo.data.control import ControlSnapshot
from geo.data.snapshots import ATTRIBUTION
from geo.maps.base import (BOUNDARIES_ATTRIBUTION, UNIT_TIP_CLASS, AttributedGroup, Legend,
                           base_map, occupied_area, remembered_view, tooltip_lines, tooltip_table)
from geo.maps.geojson_layer import GeoJsonLayer, collection_json, feature_json, geometry_json
from geo.maps.offline import localize_assets
from geo.maps.palette import LINE_COLOR, OCCUPIED_HATCH, SHARE_CLASSES, share_color

#: Legend of the control map (see :func:`geo.maps.base.legend`).
CONTROL_LEGEND: Legend = ("Share held by Russia",
                          tuple(("box", color, label) for _, color, label in SHARE_CLASSES)
                          + (("hatch", OCCUPIED_HATCH, "occupied area"),
                             ("line", LINE_COLOR, "line of contact")))


def _fmt_km2(value: float) -> str:
    return f"{value:,.0f} km²"


def _fmt_pct(value: float) -> str:
    return f"{value:.1f} %" if value >= 0.05 or value == 0 else f"{value:.2f} %"


def control_layer(
    units: gpd.GeoDataFrame, shares: pd.DataFrame, published: pd.DataFrame, date: dt.date,
    basis: str | None = None,
) -> folium.FeatureGroup:
    """The 27 units coloured by Russian-held share, with a tooltip of figures and sources.

    ``units``: EPSG:4326, columns iso_3166_2, name, name_uk. ``shares``: as from
    :func:`geo.data.shares.control_shares`. ``published``: as from
    :func:`geo.data.published.load_published`. ``basis`` says what the shares were computed from
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
        tooltip = tooltip_table((
            ("Unit", tooltip_lines(unit.name)),
            ("Українською", tooltip_lines(unit.name_uk)),
            ("Area", tooltip_lines(_fmt_km2(row["area_km2"]))),
            ("Held by Russia", tooltip_lines(f"{_fmt_pct(row['occupied_pct'])} "
                                             f"({_fmt_km2(row['occupied_km2'])})",
                                             basis)),
            ("Published", tooltip_lines(*(f"{r.percent:g} % ({r.source}, {r.as_of})"
                                          for r in cited)) or "none collected"),
        ))
        features.append(feature_json(unit.geometry, {
            "iso_3166_2": unit.iso_3166_2, "tooltip": tooltip,
            "fill": share_color(row["occupied_pct"])}))
    group = AttributedGroup(name="Share held by Russia", attribution=BOUNDARIES_ATTRIBUTION)
    GeoJsonLayer(collection_json(features), name="units",
                 style={"fillOpacity": 0.85, "color": "#555555", "weight": 0.8},
                 highlight={"weight": 3, "color": "#000000"},
                 feature_tooltip="tooltip",
                 feature_tooltip_options={"sticky": True, "className": UNIT_TIP_CLASS},
                 ).add_to(group)
    return group


def occupied_layer(occupied: BaseGeometry, date: dt.date,
                   credit: str | None = None) -> folium.FeatureGroup:
    """The occupied area (EPSG:4326), hatched so it reads without colour; ``credit`` names
    its source (default: the bundled DeepStateMap snapshot of ``date``)."""
    credit = credit or f"{ATTRIBUTION}, snapshot {date.isoformat()}"
    group = AttributedGroup(name="Occupied area", attribution=credit)
    occupied_area(group, occupied, f"Occupied area on {date.isoformat()} ({credit})")
    return group


def front_line_layer(line: BaseGeometry, line_km: float, date: dt.date) -> folium.FeatureGroup:
    """The line of contact (EPSG:4326) with its length in km."""
    group = AttributedGroup(name="Line of contact")
    GeoJsonLayer(geometry_json(line), name="line",
                 style={"color": LINE_COLOR, "weight": 3, "opacity": 0.9},
                 tooltip=f"Line of contact on {date.isoformat()}: {line_km:,.0f} km "
                         "(computed from DeepStateMap)").add_to(group)
    return group


def control_document(units: gpd.GeoDataFrame, snapshot: ControlSnapshot,
                     published: pd.DataFrame, *, basis: str | None = None,
                     credit: str | None = None, tiles: bool = False,
                     presenter: bool = False) -> str:
    """The control map of ``snapshot`` as a complete HTML page for an iframe: the units by
    share, the occupied area and the line of contact (see the layers above for ``basis`` and
    ``credit``), with Leaflet loaded from the app's static files. The reader's pan and zoom
    are kept when the page is replaced (another date, a toggle)."""
    m = base_map(legend_spec=CONTROL_LEGEND, tiles=tiles, presenter=presenter)
    for layer in (control_layer(units, snapshot.shares, published, snapshot.date, basis),
                  occupied_layer(snapshot.occupied, snapshot.date, credit),
                  front_line_layer(snapshot.line, snapshot.line_km, snapshot.date)):
        layer.add_to(m)
    remembered_view("control-map").add_to(m)
    return localize_assets(m).get_root().render()
