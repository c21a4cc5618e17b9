"""Towns of 1,000 or more (data/towns.csv) and on which side of a line each one lies."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import DISPLAY_CRS, METRIC_CRS
from geo.paths import DATA_DIR
from geo.projection import _transformer

TOWNS_FILE = "towns.csv"
RUSSIAN, UKRAINIAN, ZONE = "Russian-held", "Ukrainian-held", "demilitarised zone"


def load_towns(ukraine: BaseGeometry | None = None, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Towns with name, iso_3166_2, lon, lat (EPSG:4326), population, population_year,
    population_source, plus x_m, y_m: the point in the metric CRS (EPSG:32636).

    With ``ukraine`` (EPSG:32636) given, points that lie outside it (GeoNames puts some
    coastal towns, Kherson among them, just offshore) are moved to its nearest edge, so that
    every town falls on some side of a line.
    """
    towns = pd.read_csv(data_dir / TOWNS_FILE, dtype={"iso_3166_2": str})
    towns["population_year"] = towns["population_year"].astype("Int64")
    x, y = _transformer(DISPLAY_CRS, METRIC_CRS).transform(towns["lon"].values, towns["lat"].values)
    if ukraine is not None:
        points = shapely.points(x, y)
        outside = ~shapely.intersects(ukraine, points)
        nearest = shapely.shortest_line(points[outside], ukraine)
        ends = shapely.get_coordinates(shapely.get_point(nearest, 1))
        x[outside], y[outside] = ends[:, 0], ends[:, 1]
    towns["x_m"], towns["y_m"] = x, y
    return towns


def sides(towns: pd.DataFrame, russian: BaseGeometry, dmz: BaseGeometry | None = None) -> np.ndarray:
    """The side each town lies on (:data:`RUSSIAN`, :data:`UKRAINIAN` or :data:`ZONE`), given
    the Russian-held area and the zone in EPSG:32636 (a point on an edge counts as inside)."""
    x, y = towns["x_m"].values, towns["y_m"].values
    result = np.full(len(towns), UKRAINIAN, dtype=object)
    shapely.prepare(russian)
    result[shapely.intersects_xy(russian, x, y)] = RUSSIAN
    if dmz is not None and not dmz.is_empty:
        shapely.prepare(dmz)
        result[shapely.intersects_xy(dmz, x, y) & (result != RUSSIAN)] = ZONE
    return result
