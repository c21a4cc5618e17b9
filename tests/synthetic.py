"""Tiny synthetic geometries with exact answers, built in the metric CRS (km)."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from geo.projection import to_display

KM = 1000.0
#: In central Ukraine, near UTM 36N's central meridian (scale 0.9996): areas measured in
#: the equal-area CRS come within 0.1 % of the nominal km2.
X0, Y0 = 450_000.0, 5_300_000.0


def square_km(x0: float, y0: float, x1: float, y1: float) -> BaseGeometry:
    """A box given in km from the origin (X0, Y0), in metres of UTM 36N."""
    return box(X0 + x0 * KM, Y0 + y0 * KM, X0 + x1 * KM, Y0 + y1 * KM)


def lonlat(geometry: BaseGeometry) -> BaseGeometry:
    """The same geometry in EPSG:4326, densified so its edges stay straight in metres."""
    return to_display(geometry.segmentize(1 * KM))


def ground_of(units: dict, russian: BaseGeometry, date: dt.date = dt.date(2026, 1, 6)):
    """A :class:`geo.scenario.ground.Ground` from units and an occupied area given in km boxes
    (metric), through the same code as the real data."""
    from geo.data.control import ControlSnapshot
    from geo.data.frontline import length_km, line_of_contact
    from geo.data.shares import control_shares
    from geo.scenario.ground import prepare_ground

    gdf = units_gdf([(code, lonlat(g)) for code, g in units.items()], "EPSG:4326")
    ukraine = shapely.union_all(gdf.geometry.values)
    occupied = shapely.intersection(lonlat(russian), ukraine) if not russian.is_empty \
        else shapely.MultiPolygon()
    line = line_of_contact(occupied, ukraine)
    snapshot = ControlSnapshot(date, occupied, line, length_km(line),
                               control_shares(gdf, occupied))
    return prepare_ground(gdf, snapshot)


def units_gdf(rows: list[tuple[str, BaseGeometry]], crs: str) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"iso_3166_2": [c for c, _ in rows], "name": [c for c, _ in rows]},
                            geometry=[g for _, g in rows], crs=crs)
