"""Share of each unit, and of Ukraine, held by Russia."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import DISPLAY_CRS, EQUAL_AREA_CRS, M2_PER_KM2
from geo.names import UKRAINE, UKRAINE_NAMES

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
    DataFrame with columns iso_3166_2, name, area_km2, occupied_km2 (km2, computed in
    EPSG:3035) and occupied_pct (percent 0-100); the last row is iso_3166_2 "UA".
    """
    units_ea = units.to_crs(EQUAL_AREA_CRS)
    occupied_ea = gpd.GeoSeries([occupied], crs=occupied_crs).to_crs(EQUAL_AREA_CRS).iloc[0]
    # Reprojection can leave a visitor's area invalid (a ring touching itself): repair it.
    if not occupied_ea.is_valid:
        occupied_ea = shapely.make_valid(occupied_ea, method="structure")
    shapely.prepare(occupied_ea)
    area = shapely.area(units_ea.geometry.values) / M2_PER_KM2
    occ = shapely.area(shapely.intersection(units_ea.geometry.values, occupied_ea)) / M2_PER_KM2
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
