"""Ground gained by Russia and regained by Ukraine in each month, per unit, from the shipped
geometry of the first held day of each month (data/monthly_change.csv).

A month runs from its first held day to the next month's first held day (both always
shipped: :mod:`geo.data.cadence`); the newest month runs to the newest day held and is marked
partial. The net of a month equals the change of the daily series between the same days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry.base import BaseGeometry

from geo.atomic import write_text
from geo.data.shares import control_shares
from geo.pace.history import change_between
from geo.paths import DATA_DIR

#: The table's file in the data folder.
MONTHLY_FILE = "monthly_change.csv"
#: Its columns: the month (YYYY-MM), the held days it is measured between, whether it is
#: the newest month still running, the unit ("UA" for Ukraine) and km2 (EPSG:3035).
MONTHLY_COLUMNS = ["month", "start", "end", "partial", "iso_3166_2", "gained_km2",
                   "regained_km2", "net_km2"]


def month_starts(held: Sequence[dt.date]) -> list[dt.date]:
    """The first held day of each month, oldest first (``held`` sorted)."""
    firsts: dict[tuple[int, int], dt.date] = {}
    for day in held:
        firsts.setdefault((day.year, day.month), day)
    return list(firsts.values())


def month_spans(held: Sequence[dt.date]) -> list[tuple[dt.date, dt.date, bool]]:
    """(start, end, partial) of every month from the first month start to the newest held
    day: consecutive month starts, then the newest month to the newest day (partial)."""
    starts = month_starts(held)
    spans = [(a, b, False) for a, b in zip(starts, starts[1:])]
    if held and starts and held[-1] > starts[-1]:
        spans.append((starts[-1], held[-1], True))
    return spans


def monthly_change(units: gpd.GeoDataFrame, spans: Sequence[tuple[dt.date, dt.date, bool]],
                   load: Callable[[dt.date], BaseGeometry]) -> pd.DataFrame:
    """Gained, regained and net km2 (EPSG:3035) within each unit and Ukraine, per span.

    Parameters
    ----------
    units
        The shipped units.
    spans
        As from :func:`month_spans`.
    load
        The occupied area of a shipped day, EPSG:4326 (:func:`geo.data.snapshots.load_occupied`).

    Returns
    -------
    Long table with columns :data:`MONTHLY_COLUMNS`, one row per span and unit, "UA" last.
    """
    tables = []
    cache: dict[dt.date, BaseGeometry] = {}
    for start, end, partial in spans:
        earlier = cache.pop(start, None) or load(start)
        later = load(end)
        cache[end] = later
        gained, regained = change_between(earlier, later)
        gained_by = control_shares(units, gained)
        regained_by = control_shares(units, regained)
        table = pd.DataFrame({
            "month": f"{start:%Y-%m}", "start": start, "end": end, "partial": partial,
            "iso_3166_2": gained_by["iso_3166_2"], "gained_km2": gained_by["occupied_km2"],
            "regained_km2": regained_by["occupied_km2"].values})
        table["net_km2"] = table["gained_km2"] - table["regained_km2"]
        tables.append(table)
    if not tables:
        return pd.DataFrame(columns=MONTHLY_COLUMNS)
    return pd.concat(tables, ignore_index=True)[MONTHLY_COLUMNS]


def monthly_path(data_dir: Path = DATA_DIR) -> Path:
    """The table's file in ``data_dir``."""
    return data_dir / MONTHLY_FILE


def load_monthly(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The shipped table (:data:`MONTHLY_COLUMNS`; ``start``/``end`` as dates)."""
    table = pd.read_csv(monthly_path(data_dir), dtype={"month": str, "iso_3166_2": str})
    for column in ("start", "end"):
        table[column] = [dt.date.fromisoformat(text) for text in table[column]]
    return table[MONTHLY_COLUMNS]


def write_monthly(table: pd.DataFrame, path: Path) -> None:
    """Write the table to ``path`` (km2 to 0.01), whole or not at all."""
    rounded = table.assign(**{c: table[c].round(2) for c in
                              ("gained_km2", "regained_km2", "net_km2")})
    write_text(path, rounded[MONTHLY_COLUMNS].to_csv(index=False, lineterminator="\n"))
