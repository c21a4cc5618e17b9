"""Tiny synthetic geometries with exact answers, built in the metric CRS (km)."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from geo.occupied import to_display

KM = 1000.0
#: Near Donetsk in UTM 36N, so that the squares lie where the real data does.
X0, Y0 = 900_000.0, 5_300_000.0


def square_km(x0: float, y0: float, x1: float, y1: float) -> BaseGeometry:
    """A box given in km from the origin (X0, Y0), in metres of UTM 36N."""
    return box(X0 + x0 * KM, Y0 + y0 * KM, X0 + x1 * KM, Y0 + y1 * KM)


def lonlat(geometry: BaseGeometry) -> BaseGeometry:
    """The same geometry in EPSG:4326, densified so its edges stay straight in metres."""
    return to_display(geometry.segmentize(1 * KM))


def units_gdf(rows: list[tuple[str, BaseGeometry]], crs: str) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"iso_3166_2": [c for c, _ in rows], "name": [c for c, _ in rows]},
                            geometry=[g for _, g in rows], crs=crs)
