"""Share of each unit, and of Ukraine, held by Russia."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import DISPLAY_CRS, EQUAL_AREA_CRS
from geo.data.boundaries import unit_areas_km2
from geo.data.names import UKRAINE, UKRAINE_NAMES
from geo.measure import areas_km2, crs_name, to_equal_area

SHARE_COLUMNS = ["iso_3166_2", "name", "area_km2", "occupied_km2", "occupied_pct"]


def control_shares(
    units: gpd.GeoDataFrame, occupied: BaseGeometry, *, occupied_crs: str = DISPLAY_CRS
) -> pd.DataFrame:
    """Area and occupied area of each unit, plus a last row for Ukraine as a whole.

    Parameters
    ----------
    units
        The units (a coverage: no overlaps), with columns iso_3166_2 and name, any CRS.
    occupied
        The occupied area, in ``occupied_crs`` (default EPSG:4326).

    Returns
    -------
    DataFrame with columns iso_3166_2, name, area_km2, occupied_km2 (km2, measured in
    EPSG:3035 by :mod:`geo.measure`) and occupied_pct (percent 0-100); the last row is
    iso_3166_2 "UA".
    """
    crs = crs_name(units.crs)
    geometries = np.asarray(units.geometry.values, dtype=object)
    if crs_name(occupied_crs) == crs:
        # Overlaid where the edges are straight (as drawn), each part then measured.
        where = crs
    else:
        geometries = to_equal_area(geometries, crs)
        occupied = to_equal_area(occupied, occupied_crs)
        where = EQUAL_AREA_CRS
    # Reprojection (here or by the caller) can leave a visitor's area invalid (a ring
    # touching itself): repair it.
    if not occupied.is_valid:
        occupied = shapely.make_valid(occupied, method="structure")
    shapely.prepare(occupied)
    area = np.array(unit_areas_km2(units))
    occ = areas_km2(shapely.intersection(geometries, occupied), where)
    table = pd.DataFrame(
        {"iso_3166_2": units["iso_3166_2"].values, "name": units["name"].values,
         "area_km2": area, "occupied_km2": occ}
    )
    total = pd.DataFrame(
        {"iso_3166_2": [UKRAINE], "name": [UKRAINE_NAMES[0]],
         "area_km2": [area.sum()], "occupied_km2": [occ.sum()]}
    )
    table = pd.concat([table, total], ignore_index=True)
    table["occupied_pct"] = 100.0 * table["occupied_km2"] / table["area_km2"]
    return table[SHARE_COLUMNS]
