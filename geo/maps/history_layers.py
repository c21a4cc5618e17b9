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

from geo.data.names import UNIT_NAMES
from geo.language import N_, gettext, km2, long_date, percent, pgettext
from geo.maps.base import (BOUNDARIES_ATTRIBUTION, UNIT_TIP_CLASS, AttributedGroup, Legend,
                           base_map, occupied_area, tooltip_lines, tooltip_table)
from geo.maps.geojson_layer import GeoJsonLayer, collection_json, feature_json, geometry_json
from geo.maps.palette import (GAINED_EDGE, GAINED_FILL, OCCUPIED_HATCH, REGAINED_DASH,
                              REGAINED_EDGE, REGAINED_FILL, UNIT_EDGE, UNIT_FILL)
from geo.pace.history import Change
from geo.pace.wording import unit_name

#: Legend of the history map (see :func:`geo.maps.base.legend`, which translates it).
HISTORY_LEGEND: Legend = (N_("Between the two dates"), (
    ("hatch", OCCUPIED_HATCH, N_("occupied on the later date")),
    ("box", GAINED_FILL, N_("gained by Russia (solid edge)")),
    ("box", REGAINED_FILL, N_("regained by Ukraine (dashed edge)")),
))


def change_attribution(earlier: dt.date, later: dt.date, *, lang: str = "en") -> str:
    """Source and both dates of what the history map draws, short enough for one line of
    the map's corner at 1280 px (the page's caption gives the source's address)."""
    return gettext("Occupied areas: DeepStateMap, {earlier} and {later}", lang).format(
        earlier=long_date(earlier, lang), later=long_date(later, lang))


def history_base_map(*, tiles: bool = False, lang: str = "en") -> folium.Map:
    """The base map with the history legend in ``lang``; it never changes with the dates, so
    the map's frame is not redrawn when a slider moves (the layers are swapped in place)."""
    return base_map(tiles=tiles, legend_spec=HISTORY_LEGEND, lang=lang)


def _unit_texts(row, change: Change, maps: str, lang: str) -> dict[str, str]:
    """A unit's shares on both days ("held") and the ground moved ("moved"), in words."""
    held = gettext("{earlier} on {earlier_day}, {later} on {later_day}", lang).format(
        earlier=percent(row["pct_earlier"], lang), earlier_day=long_date(change.shares_earlier,
                                                                          lang),
        later=percent(row["pct_later"], lang), later_day=long_date(change.shares_later, lang))
    values = {"gained": km2(row["gained_km2"], lang), "regained": km2(row["regained_km2"], lang)}
    if maps:
        moved = gettext("+{gained} to Russia, {regained} back to Ukraine (maps of {maps})",
                        lang).format(**values, maps=maps)
    else:
        moved = gettext("+{gained} to Russia, {regained} back to Ukraine", lang).format(**values)
    return {"held": held, "moved": moved}


def units_layer(units: gpd.GeoDataFrame, change: Change, *,
                lang: str = "en") -> folium.FeatureGroup:
    """The 27 units in a neutral fill, each with a tooltip of its share on both dates, in
    ``lang``.

    ``units``: EPSG:4326, columns iso_3166_2 and name; ``change`` as from
    :func:`geo.pace.history.compare_dates` (or :func:`geo.pace.history.with_shares_of`: the shares
    are then of its shares days, the ground moved of its map days). Each feature's
    properties hold its name, its shares ("held") and the ground moved ("moved") as text,
    and the tooltip made of them; coordinates are drawn to about a metre. A unit's name is
    the units' own in English, the Ukrainian name of :mod:`geo.data.names` in Ukrainian.
    """
    by_code = change.by_unit.set_index("iso_3166_2")
    # The ground moved is measured between the maps drawn; say so when the shares are of
    # other (held) days.
    maps = ("" if (change.shares_earlier, change.shares_later) == (change.earlier, change.later)
            else gettext("{first} and {second}", lang).format(
                first=long_date(change.earlier, lang), second=long_date(change.later, lang)))
    features = []
    for unit in units.itertuples():
        row = by_code.loc[unit.iso_3166_2]
        name = unit.name if lang == "en" or unit.iso_3166_2 not in UNIT_NAMES else \
            unit_name(unit.iso_3166_2, lang)
        text = {"name": name, **_unit_texts(row, change, maps, lang)}
        tooltip = tooltip_table(((pgettext("a map's tooltip", "Unit", lang),
                                  tooltip_lines(text["name"])),
                                 (gettext("Held by Russia", lang), tooltip_lines(text["held"])),
                                 (gettext("Changed hands", lang),
                                  tooltip_lines(text["moved"]))))
        features.append(feature_json(unit.geometry, {**text, "tooltip": tooltip}))
    group = AttributedGroup(name=gettext("Units", lang),
                            attribution=gettext(BOUNDARIES_ATTRIBUTION, lang))
    GeoJsonLayer(collection_json(features), name="units",
                 style={"fillColor": UNIT_FILL, "fillOpacity": 1.0, "color": UNIT_EDGE,
                        "weight": 0.8},
                 highlight={"weight": 2.5, "color": "#000000"},
                 feature_tooltip="tooltip",
                 feature_tooltip_options={"sticky": True, "className": UNIT_TIP_CLASS},
                 ).add_to(group)
    return group


def later_occupied_layer(occupied: BaseGeometry, later: dt.date, *,
                         lang: str = "en") -> folium.FeatureGroup:
    """The occupied area on the later date (EPSG:4326), hatched like the control map's.

    It carries no attribution of its own: :func:`change_layer`'s names the source and both
    dates, and Leaflet would print the source twice.
    """
    day = long_date(later, lang)
    group = AttributedGroup(name=gettext("Occupied area, {day}", lang).format(day=day))
    occupied_area(group, occupied,
                  gettext("Occupied area on {day} (DeepStateMap)", lang).format(day=day))
    return group


def change_layer(change: Change, *, lang: str = "en") -> folium.FeatureGroup:
    """Ground gained by Russia and regained by Ukraine between ``change.earlier`` and
    ``change.later`` (EPSG:4326), with their areas in km2 in the tooltips, in ``lang``."""
    group = AttributedGroup(name=gettext("Ground that changed hands", lang),
                            attribution=change_attribution(change.earlier, change.later,
                                                           lang=lang))
    days = {"earlier": long_date(change.earlier, lang), "later": long_date(change.later, lang)}
    pieces = (
        (change.gained, "gained", {"fillColor": GAINED_FILL, "fillOpacity": 0.8,
                                   "color": GAINED_EDGE, "weight": 2.5},
         gettext("Gained by Russia, {earlier} to {later}: {km2} (DeepStateMap)", lang).format(
             **days, km2=km2(change.gained_km2, lang))),
        (change.regained, "regained", {"fillColor": REGAINED_FILL, "fillOpacity": 0.6,
                                       "color": REGAINED_EDGE, "weight": 2.5,
                                       "dashArray": REGAINED_DASH},
         gettext("Regained by Ukraine, {earlier} to {later}: {km2} (DeepStateMap)",
                 lang).format(**days, km2=km2(change.regained_km2, lang))),
    )
    for geometry, name, style, tooltip in pieces:
        if geometry.is_empty:
            continue
        GeoJsonLayer(geometry_json(geometry), name=name, style=style,
                     tooltip=tooltip).add_to(group)
    return group


def history_layers(units: gpd.GeoDataFrame, occupied_later: BaseGeometry, change: Change, *,
                   lang: str = "en") -> list[folium.FeatureGroup]:
    """All layers of the history map, bottom to top (units, occupied area, changes), their
    texts in ``lang``."""
    return [units_layer(units, change, lang=lang),
            later_occupied_layer(occupied_later, change.later, lang=lang),
            change_layer(change, lang=lang)]
