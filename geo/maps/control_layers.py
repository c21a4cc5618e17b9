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
from geo.data.published import published_for
from geo.data.snapshots import ATTRIBUTION
from geo.language import N_, gettext, km, km2, long_date, percent, pgettext
from geo.maps.base import (BOUNDARIES_ATTRIBUTION, UNIT_TIP_CLASS, AttributedGroup, Legend,
                           base_map, occupied_area, remembered_view, tooltip_lines, tooltip_table)
from geo.maps.geojson_layer import GeoJsonLayer, collection_json, feature_json, geometry_json
from geo.maps.offline import localize_assets
from geo.maps.palette import LINE_COLOR, OCCUPIED_HATCH, SHARE_CLASSES, share_color

#: Legend of the control map (see :func:`geo.maps.base.legend`), in English.
CONTROL_LEGEND: Legend = (N_("Share held by Russia"),
                          tuple(("box", color, label) for _, color, label in SHARE_CLASSES)
                          + (("hatch", OCCUPIED_HATCH, N_("occupied area")),
                             ("line", LINE_COLOR, N_("line of contact"))))


def _fmt_pct(value: float, lang: str) -> str:
    return percent(value, lang, decimals=1 if value >= 0.05 or value == 0 else 2)


def _names(unit, lang: str) -> tuple[str, str]:
    """The unit's name in ``lang`` and in the other language (Ukrainian or English)."""
    return (unit.name_uk, unit.name) if lang == "uk" else (unit.name, unit.name_uk)


def control_layer(
    units: gpd.GeoDataFrame, shares: pd.DataFrame, published: pd.DataFrame, date: dt.date,
    basis: str | None = None, *, lang: str = "en",
) -> folium.FeatureGroup:
    """The 27 units coloured by Russian-held share, with a tooltip of figures and sources.

    ``units``: EPSG:4326, columns iso_3166_2, name, name_uk. ``shares``: as from
    :func:`geo.data.shares.control_shares`. ``published``: as from
    :func:`geo.data.published.load_published`. ``basis`` says what the shares were computed from
    (default: the bundled DeepStateMap snapshot of ``date``), in ``lang``, the tooltips'
    language. Coordinates are drawn to about a metre.
    """
    basis = basis or gettext("Computed from DeepStateMap, {day}", lang).format(
        day=long_date(date, lang))
    by_code = shares.set_index("iso_3166_2").to_dict("index")
    labels = (pgettext("unit tooltip: its name", "Unit", lang),
              # Translators: the label of the unit's name in the other language (the
              # English page shows the Ukrainian name under it; translate it "in English").
              pgettext("unit tooltip: its name in the other language", "Українською", lang),
              gettext("Area", lang), gettext("Held by Russia", lang), gettext("Published", lang))
    features = []
    for unit in units.itertuples():
        row = by_code[unit.iso_3166_2]
        held = gettext("{share} ({area})", lang).format(
            share=_fmt_pct(row["occupied_pct"], lang), area=km2(row["occupied_km2"], lang))
        tooltip = tooltip_table(tuple(zip(labels, (
            *(tooltip_lines(name) for name in _names(unit, lang)),
            tooltip_lines(km2(row["area_km2"], lang)),
            tooltip_lines(held, basis),
            tooltip_lines(*published_for(published, unit.iso_3166_2, lang=lang))
            or gettext("none collected", lang),
        ), strict=True)))
        features.append(feature_json(unit.geometry, {
            "iso_3166_2": unit.iso_3166_2, "tooltip": tooltip,
            "fill": share_color(row["occupied_pct"])}))
    group = AttributedGroup(name=gettext("Share held by Russia", lang),
                            attribution=gettext(BOUNDARIES_ATTRIBUTION, lang))
    GeoJsonLayer(collection_json(features), name="units",
                 style={"fillOpacity": 0.85, "color": "#555555", "weight": 0.8},
                 highlight={"weight": 3, "color": "#000000"},
                 feature_tooltip="tooltip",
                 feature_tooltip_options={"sticky": True, "className": UNIT_TIP_CLASS},
                 ).add_to(group)
    return group


def occupied_layer(occupied: BaseGeometry, date: dt.date, credit: str | None = None, *,
                   lang: str = "en") -> folium.FeatureGroup:
    """The occupied area (EPSG:4326), hatched so it reads without colour; ``credit`` names
    its source in ``lang`` (default: the bundled DeepStateMap snapshot of ``date``)."""
    day = long_date(date, lang)
    credit = credit or gettext("{source}, snapshot {day}", lang).format(
        source=gettext(ATTRIBUTION, lang), day=day)
    group = AttributedGroup(name=gettext("Occupied area", lang), attribution=credit)
    occupied_area(group, occupied, gettext("Occupied area on {day} ({credit})", lang).format(
        day=day, credit=credit))
    return group


def front_line_layer(line: BaseGeometry, line_km: float, date: dt.date, *,
                     lang: str = "en") -> folium.FeatureGroup:
    """The line of contact (EPSG:4326) with its length in km."""
    group = AttributedGroup(name=gettext("Line of contact", lang))
    tooltip = gettext("Line of contact on {day}: {length} (computed from DeepStateMap)",
                      lang).format(day=long_date(date, lang), length=km(line_km, lang))
    GeoJsonLayer(geometry_json(line), name="line",
                 style={"color": LINE_COLOR, "weight": 3, "opacity": 0.9},
                 tooltip=tooltip).add_to(group)
    return group


def control_document(units: gpd.GeoDataFrame, snapshot: ControlSnapshot,
                     published: pd.DataFrame, *, basis: str | None = None,
                     credit: str | None = None, tiles: bool = False,
                     presenter: bool = False, lang: str = "en") -> str:
    """The control map of ``snapshot`` as a complete HTML page for an iframe: the units by
    share, the occupied area and the line of contact (see the layers above for ``basis`` and
    ``credit``), with Leaflet loaded from the app's static files, its text in ``lang``. The
    reader's pan and zoom are kept when the page is replaced (another date, a toggle)."""
    m = base_map(legend_spec=CONTROL_LEGEND, tiles=tiles, presenter=presenter, lang=lang)
    for layer in (control_layer(units, snapshot.shares, published, snapshot.date, basis,
                                lang=lang),
                  occupied_layer(snapshot.occupied, snapshot.date, credit, lang=lang),
                  front_line_layer(snapshot.line, snapshot.line_km, snapshot.date, lang=lang)):
        layer.add_to(m)
    remembered_view("control-map").add_to(m)
    return localize_assets(m).get_root().render()
