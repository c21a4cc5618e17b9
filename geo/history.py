"""How control changed across the dated snapshots: shares over time, ground changing hands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import DISPLAY_CRS, EQUAL_AREA_CRS, M2_PER_KM2
from geo.names import UKRAINE
from geo.occupied import polygonal
from geo.projection import project
from geo.shares import SHARE_COLUMNS, control_shares

#: Columns of :func:`share_history`.
HISTORY_COLUMNS = ["date", *SHARE_COLUMNS]

#: Columns of :attr:`Change.by_unit`.
CHANGE_COLUMNS = ["iso_3166_2", "name", "pct_earlier", "pct_later", "change_pp",
                  "gained_km2", "regained_km2", "net_km2"]

#: Edges longer than this (degrees) are split before projecting to measure an area, so a
#: long straight edge of a change polygon stays straight in EPSG:3035 (about 1 km here).
DENSIFY_DEG = 0.01


def share_history(
    units: gpd.GeoDataFrame,
    dates: Iterable[dt.date],
    load: Callable[[dt.date], BaseGeometry],
) -> pd.DataFrame:
    """The share of each unit, and of Ukraine, held by Russia on each date.

    Parameters
    ----------
    units
        The units (a coverage), with columns iso_3166_2 and name, any CRS.
    dates
        Snapshot dates; the table keeps their order.
    load
        Returns the occupied area of a date in EPSG:4326, e.g.
        :func:`geo.snapshots.load_occupied`.

    Returns
    -------
    Long table with columns date (:class:`datetime.date`), iso_3166_2, name, area_km2,
    occupied_km2 (km2, computed in EPSG:3035) and occupied_pct (percent 0-100): for each
    date the units as from :func:`geo.shares.control_shares`, then a row "UA" for Ukraine.
    """
    tables = [control_shares(units, load(date)).assign(date=date) for date in dates]
    if not tables:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    return pd.concat(tables, ignore_index=True)[HISTORY_COLUMNS]


def change_between(earlier: BaseGeometry, later: BaseGeometry) -> tuple[BaseGeometry, BaseGeometry]:
    """Ground that changed hands between two occupied areas.

    Parameters
    ----------
    earlier, later
        The occupied area on the earlier and on the later date, EPSG:4326.

    Returns
    -------
    (gained by Russia, regained by Ukraine), each a MultiPolygon in EPSG:4326 (possibly
    empty). Where the two outlines run together the overlay leaves lines and points
    behind: they have no area, and would draw as stray strokes, so they are dropped.
    """
    return (polygonal(shapely.difference(later, earlier)),
            polygonal(shapely.difference(earlier, later)))


def area_km2(geometry: BaseGeometry) -> float:
    """Area in km2 of a geometry given in EPSG:4326, measured in EPSG:3035 (equal-area)."""
    if geometry.is_empty:
        return 0.0
    dense = shapely.segmentize(geometry, DENSIFY_DEG)
    return project(dense, DISPLAY_CRS, EQUAL_AREA_CRS).area / M2_PER_KM2


def change_km2(gained: BaseGeometry, regained: BaseGeometry) -> tuple[float, float]:
    """Areas in km2 (EPSG:3035) of (gained, regained) as from :func:`change_between`."""
    return area_km2(gained), area_km2(regained)


@dataclass(frozen=True)
class Change:
    """Control on two dates compared.

    Attributes
    ----------
    earlier, later
        The two snapshot dates, ``earlier <= later``.
    gained, regained
        Ground gained by Russia and regained by Ukraine in between, EPSG:4326 MultiPolygons.
    gained_km2, regained_km2
        Their areas in km2 (EPSG:3035).
    by_unit
        Columns :data:`CHANGE_COLUMNS`: share held by Russia on each date (percent 0-100),
        its change in percentage points, and km2 gained, regained and net (gained minus
        regained) within each unit; the last row is "UA" for Ukraine. Treat as read-only.
    """

    earlier: dt.date
    later: dt.date
    gained: BaseGeometry
    regained: BaseGeometry
    gained_km2: float
    regained_km2: float
    by_unit: pd.DataFrame

    @property
    def net_km2(self) -> float:
        """Net change of the Russian-held area in km2 (positive: Russia holds more)."""
        return self.gained_km2 - self.regained_km2


def _shares_on(history: pd.DataFrame, date: dt.date) -> pd.DataFrame:
    rows = history[history["date"] == date]
    if rows.empty:
        message = f"no shares for {date.isoformat()} in the history table"
        raise ValueError(message)
    return rows.set_index("iso_3166_2")


def compare_dates(
    units: gpd.GeoDataFrame,
    history: pd.DataFrame,
    earlier: dt.date,
    later: dt.date,
    load: Callable[[dt.date], BaseGeometry],
) -> Change:
    """Compare control on ``earlier`` with control on ``later``.

    Parameters
    ----------
    units
        The units, as given to :func:`share_history`.
    history
        :func:`share_history` table holding both dates.
    earlier, later
        Snapshot dates, ``earlier <= later`` (equal dates give no change).
    load
        Returns the occupied area of a date in EPSG:4326.

    Raises
    ------
    ValueError
        If ``earlier`` is after ``later``, or either date is missing from ``history``.
    """
    if earlier > later:
        message = (f"the earlier date {earlier.isoformat()} is after the later date "
                   f"{later.isoformat()}")
        raise ValueError(message)
    before, after = _shares_on(history, earlier), _shares_on(history, later)
    gained, regained = change_between(load(earlier), load(later))
    gained_km2, regained_km2 = change_km2(gained, regained)
    # control_shares of a piece of ground is that piece's km2 within each unit (EPSG:3035).
    gained_by = control_shares(units, gained).set_index("iso_3166_2")["occupied_km2"]
    regained_by = control_shares(units, regained).set_index("iso_3166_2")["occupied_km2"]
    table = pd.DataFrame({
        "iso_3166_2": after.index,
        "name": after["name"].values,
        "pct_earlier": before["occupied_pct"].reindex(after.index).values,
        "pct_later": after["occupied_pct"].values,
        "gained_km2": gained_by.reindex(after.index).values,
        "regained_km2": regained_by.reindex(after.index).values,
    })
    table["change_pp"] = table["pct_later"] - table["pct_earlier"]
    table["net_km2"] = table["gained_km2"] - table["regained_km2"]
    return Change(earlier=earlier, later=later, gained=gained, regained=regained,
                  gained_km2=gained_km2, regained_km2=regained_km2,
                  by_unit=table[CHANGE_COLUMNS])


def changed_units(change: Change, *, min_km2: float = 0.5) -> pd.DataFrame:
    """Rows of ``change.by_unit`` where at least ``min_km2`` km2 changed hands, largest net
    gain by Russia first, with Ukraine's row last (kept even when nothing changed)."""
    table = change.by_unit
    units = table[table["iso_3166_2"] != UKRAINE]
    moved = units[(units["gained_km2"] >= min_km2) | (units["regained_km2"] >= min_km2)]
    moved = moved.sort_values("net_km2", ascending=False)
    return pd.concat([moved, table[table["iso_3166_2"] == UKRAINE]], ignore_index=True)
