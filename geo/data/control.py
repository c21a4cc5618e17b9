"""Everything computed from one dated snapshot: occupied area, shares, line of contact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import MultiLineString
from shapely.geometry.base import BaseGeometry

from geo.data.boundaries import load_units, ukraine_outline
from geo.data.frontline import length_km, line_of_contact
from geo.data.shares import control_shares
from geo.data.snapshots import load_occupied
from geo.paths import DATA_DIR


@dataclass(frozen=True)
class ControlSnapshot:
    """The state of control on one date.

    Attributes
    ----------
    date
        The snapshot's date.
    occupied
        Occupied area within Ukraine, EPSG:4326.
    line
        Line of contact, EPSG:4326.
    line_km
        Its length in km (metric CRS).
    shares
        :func:`geo.data.shares.control_shares` table (27 units plus "UA"); treat as read-only.
    """

    date: dt.date
    occupied: BaseGeometry
    line: MultiLineString
    line_km: float
    shares: pd.DataFrame


def compute_snapshot(
    date: dt.date, units: gpd.GeoDataFrame | None = None, data_dir: Path = DATA_DIR
) -> ControlSnapshot:
    """Load the snapshot of ``date`` (an exact snapshot date) and compute its figures."""
    units = load_units(data_dir) if units is None else units
    return snapshot_from(load_occupied(date, data_dir), date, units)


def snapshot_from(occupied: BaseGeometry, date: dt.date,
                  units: gpd.GeoDataFrame) -> ControlSnapshot:
    """The figures of an occupied area (EPSG:4326, already clipped to Ukraine) of ``date``:
    a bundled snapshot, a visitor's file or the live data."""
    line = line_of_contact(occupied, ukraine_outline(units))
    return ControlSnapshot(date=date, occupied=occupied, line=line, line_km=length_km(line),
                           shares=control_shares(units, occupied))
