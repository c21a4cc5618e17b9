"""One archived day made into what the product ships: the occupied area simplified and
clipped to the shipped boundaries, and its row of the daily series.

scripts/build_data.py runs it on every day of the archive, ``python -m geo update`` on each
new day (after the validation an uploaded file gets), so both give the same figures.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.atomic import write_text
from geo.data.occupied import occupied_within, polygonal
from geo.data.series import day_rows
from geo.data.shares import control_shares
from geo.data.snapshots import ATTRIBUTION
from geo.ingest.control import read_control_file

#: Simplification of the occupied area before clipping, degrees (about 100 m; drawing detail
#: only: every area is measured in EPSG:3035).
OCCUPIED_TOLERANCE_DEG = 0.001
#: Coordinates are stored on this grid, degrees (about 1 m).
GRID_DEG = 1e-5


def raw_occupied(collection: dict) -> BaseGeometry:
    """The union of a GeoJSON FeatureCollection's geometries (an archive file, EPSG:4326)."""
    return shapely.union_all([shapely.geometry.shape(f["geometry"])
                              for f in collection["features"]])


def shipped_occupied(occupied: BaseGeometry, ukraine: BaseGeometry) -> BaseGeometry:
    """The occupied area as shipped: simplified (:data:`OCCUPIED_TOLERANCE_DEG`), clipped to
    ``ukraine`` with coastal slivers absorbed (:func:`geo.data.occupied.occupied_within`),
    coordinates on the :data:`GRID_DEG` grid; a MultiPolygon, EPSG:4326 in and out."""
    simple = shapely.simplify(occupied, OCCUPIED_TOLERANCE_DEG, preserve_topology=True)
    # Rounded to the grid, then clipped again: rounding alone lets thin spits stick out.
    simple = shapely.set_precision(occupied_within(ukraine, simple), GRID_DEG)
    return polygonal(shapely.intersection(simple, ukraine))


def series_rows(day: dt.date, occupied: BaseGeometry, units: gpd.GeoDataFrame) -> pd.DataFrame:
    """The day's rows of the daily series (27 units, then "UA") for its shipped occupied
    area, by :func:`geo.data.shares.control_shares` (km2 in EPSG:3035)."""
    return day_rows(day, control_shares(units, occupied))


def occupied_collection(day: dt.date, occupied: BaseGeometry, derived_from: str) -> dict:
    """The GeoJSON FeatureCollection of data/control/occupied_YYYY-MM-DD.geojson."""
    feature = {"type": "Feature",
               "properties": {"date": day.isoformat(), "attribution": ATTRIBUTION,
                              "derived_from": derived_from},
               "geometry": shapely.geometry.mapping(occupied)}
    return {"type": "FeatureCollection", "features": [feature]}


def write_json(path: Path, document: dict) -> None:
    """Write ``document`` compactly to ``path``, whole or not at all."""
    write_text(path, json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")


def derive_day(day: dt.date, name: str, data: bytes, units: gpd.GeoDataFrame,
               ukraine: BaseGeometry) -> tuple[BaseGeometry, pd.DataFrame]:
    """An archived day's file made into its shipped occupied area and its series rows.

    The file goes through the validation of an uploaded file
    (:func:`geo.ingest.control.read_control_file`: format, coordinates, size, overlap with
    Ukraine, repairs), then :func:`shipped_occupied` and :func:`series_rows`.

    Parameters
    ----------
    day
        The day the file is of.
    name, data
        The file's name (a label) and bytes.
    units, ukraine
        The shipped units and their union, EPSG:4326.

    Raises
    ------
    geo.ingest.InputError
        If the file cannot be used; the message says why in one sentence.
    """
    control = read_control_file(name, data, ukraine=ukraine)
    occupied = shipped_occupied(control.geometry, ukraine)
    return occupied, series_rows(day, occupied, units)
