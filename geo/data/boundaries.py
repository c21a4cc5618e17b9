"""Ukraine's 27 first-level units (24 oblasts, Crimea, Kyiv city, Sevastopol)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from geo.crs import DISPLAY_CRS
from geo.data.names import UNIT_NAMES
from geo.measure import areas_km2, crs_name
from geo.paths import DATA_DIR

#: The shipped, simplified boundaries (EPSG:4326).
UNITS_FILE = "oblasts.geojson"
#: The unsimplified Natural Earth extract they come from (EPSG:4326), kept for checks.
UNITS_SOURCE_FILE = "sources/ne_10m_admin1_ukraine.geojson"
#: Sets of units whose areas are kept, by a digest of their geometry: the same 27 are
#: measured for every day a page shows and every snapshot's shares.
AREAS_KEPT = 8

_areas_lock = threading.Lock()
_areas: OrderedDict[bytes, tuple[float, ...]] = OrderedDict()


def units_from_natural_earth(features: Iterable[Mapping[str, Any]]) -> gpd.GeoDataFrame:
    """Select Ukraine's 27 units from Natural Earth admin-1 features and name them.

    Selection is by ``iso_3166_2`` prefix "UA-": Natural Earth gives Crimea and
    Sevastopol ``adm0_a3`` RUS, so filtering on the country code would drop them.

    Returns
    -------
    GeoDataFrame in EPSG:4326 with columns iso_3166_2, name, name_uk, geometry,
    sorted by code.
    """
    rows = []
    for feature in features:
        code = str(feature["properties"].get("iso_3166_2") or "")
        if code.startswith("UA-"):
            name, name_uk = UNIT_NAMES[code]
            geometry = shapely.geometry.shape(feature["geometry"])
            rows.append({"iso_3166_2": code, "name": name, "name_uk": name_uk, "geometry": geometry})
    units = gpd.GeoDataFrame(rows, geometry="geometry", crs=DISPLAY_CRS)
    missing = set(UNIT_NAMES) - set(units["iso_3166_2"])
    if missing:
        raise ValueError(f"Natural Earth data lacks units {sorted(missing)}")
    return units.sort_values("iso_3166_2").reset_index(drop=True)


def simplify_units(units: gpd.GeoDataFrame, tolerance_deg: float) -> gpd.GeoDataFrame:
    """Simplify the units as one coverage, so shared borders stay shared (no gaps or overlaps).

    ``tolerance_deg`` is in degrees of EPSG:4326 (about 0.005 = 400-550 m here); it only
    controls the drawing's detail, no measurement is made in degrees.
    """
    simplified = shapely.coverage_simplify(units.geometry.values, tolerance_deg)
    return units.set_geometry(gpd.GeoSeries(simplified, index=units.index, crs=units.crs))


def unit_areas_km2(units: gpd.GeoDataFrame) -> list[float]:
    """Area of each unit in km2, measured in the equal-area CRS (EPSG:3035) by
    :func:`geo.measure.areas_km2` (``units`` in any CRS); the area_km2 column of
    :func:`geo.data.shares.control_shares`. Kept per set of units (:data:`AREAS_KEPT`): hashing
    the geometry costs a tenth of densifying and projecting it."""
    geometries = np.asarray(units.geometry.values, dtype=object)
    crs = crs_name(units.crs)
    digest = hashlib.blake2b(crs.encode(), digest_size=16)
    for wkb in shapely.to_wkb(geometries):
        digest.update(wkb)
    key = digest.digest()
    with _areas_lock:
        kept = _areas.get(key)
        if kept is not None:
            _areas.move_to_end(key)
            return list(kept)
    measured = tuple(float(km2) for km2 in areas_km2(geometries, crs))
    with _areas_lock:
        _areas[key] = measured
        while len(_areas) > AREAS_KEPT:
            _areas.popitem(last=False)
    return list(measured)


def load_units(data_dir: Path = DATA_DIR, *, source: bool = False) -> gpd.GeoDataFrame:
    """The 27 units in EPSG:4326: shipped simplified ones, or (``source``) the unsimplified."""
    path = data_dir / (UNITS_SOURCE_FILE if source else UNITS_FILE)
    units = gpd.read_file(path)
    return units[["iso_3166_2", "name", "name_uk", "geometry"]].sort_values(
        "iso_3166_2", ignore_index=True
    )


def ukraine_outline(units: gpd.GeoDataFrame) -> shapely.Geometry:
    """The union of all units (EPSG:4326 if ``units`` is)."""
    return shapely.union_all(units.geometry.values)
