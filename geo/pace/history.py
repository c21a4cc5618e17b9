"""How control changed over time: shares on every held day (from the daily series or
computed from snapshots), the runs of consecutive held days a chart may join, and the
ground that changed hands between two shipped maps."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import DISPLAY_CRS
from geo.data.boundaries import unit_areas_km2
from geo.data.names import UKRAINE, UKRAINE_NAMES
from geo.data.occupied import polygonal
from geo.data.shares import SHARE_COLUMNS, control_shares
from geo.language import gettext, long_date
from geo.measure import area_km2

#: Columns of :func:`share_history`.
HISTORY_COLUMNS = ["date", *SHARE_COLUMNS]

#: Columns of :attr:`Change.by_unit`.
CHANGE_COLUMNS = ["iso_3166_2", "name", "pct_earlier", "pct_later", "change_pp",
                  "gained_km2", "regained_km2", "net_km2"]


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
        :func:`geo.data.snapshots.load_occupied`.

    Returns
    -------
    Long table with columns date (:class:`datetime.date`), iso_3166_2, name, area_km2,
    occupied_km2 (km2, computed in EPSG:3035) and occupied_pct (percent 0-100): for each
    date the units as from :func:`geo.data.shares.control_shares`, then a row "UA" for Ukraine.
    """
    tables = [control_shares(units, load(date)).assign(date=date) for date in dates]
    if not tables:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    return pd.concat(tables, ignore_index=True)[HISTORY_COLUMNS]


def series_history(series: pd.DataFrame, units: gpd.GeoDataFrame) -> pd.DataFrame:
    """The daily series in the shape of :func:`share_history`, without computing a share.

    Parameters
    ----------
    series
        :func:`geo.data.series.load_series` (date, iso_3166_2, occupied_km2, occupied_pct).
    units
        The units its figures were computed on, with columns iso_3166_2 and name, any CRS:
        they give each row its name and area_km2 (EPSG:3035; Ukraine's is their sum).

    Returns
    -------
    Long table with columns :data:`HISTORY_COLUMNS`, one row per held day and unit, by date
    and then in the order of ``units`` with Ukraine ("UA") last; a day the series lacks has
    no rows (a gap stays a gap).
    """
    codes = [*units["iso_3166_2"], UKRAINE]
    areas = unit_areas_km2(units)
    names = dict(zip(codes, [*units["name"], UKRAINE_NAMES[0]]))
    area_of = dict(zip(codes, [*areas, sum(areas)]))
    rows = series[series["iso_3166_2"].isin(codes)]
    order = rows["iso_3166_2"].map({code: at for at, code in enumerate(codes)})
    rows = rows.assign(_order=order).sort_values(["date", "_order"], kind="stable")
    table = rows.assign(name=rows["iso_3166_2"].map(names),
                        area_km2=rows["iso_3166_2"].map(area_of))
    return table[HISTORY_COLUMNS].reset_index(drop=True)


def day_shares(history: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """One day of a history table (:func:`share_history`, :func:`series_history`) in the
    shape of :func:`geo.data.shares.control_shares`: columns SHARE_COLUMNS, Ukraine last.

    Raises
    ------
    ValueError
        If ``history`` holds no row of ``day``.
    """
    rows = history[history["date"] == day]
    if rows.empty:
        message = f"no shares for {day.isoformat()} in the history table"
        raise ValueError(message)
    return rows[SHARE_COLUMNS].reset_index(drop=True)


def held_runs(days: Sequence[dt.date]) -> list[int]:
    """For each of ``days`` (sorted, no repeats), the number of its run of consecutive days:
    0 for the first run, and one more after each gap (a day missing in between). A chart
    joins the days of one run only, so a missing day is never drawn as a segment."""
    runs, run = [], 0
    for at, day in enumerate(days):
        if at and (day - days[at - 1]).days > 1:
            run += 1
        runs.append(run)
    return runs


def gaps_text(gaps: Sequence[tuple[dt.date, dt.date]], *, lang: str = "en") -> str:
    """Gaps (first, last missing day) as words in ``lang``, e.g. "2024-08-18 to 2024-08-19,
    2025-01-01"; "none" when there are none (see :func:`geo.data.series.missing_days`).
    A gap stays a gap: each is named, none is filled."""
    if not gaps:
        return gettext("none", lang)
    return ", ".join(long_date(first, lang) if first == last
                     else gettext("{first} to {last}", lang).format(
                         first=long_date(first, lang), last=long_date(last, lang))
                     for first, last in gaps)


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


def change_km2(gained: BaseGeometry, regained: BaseGeometry) -> tuple[float, float]:
    """Areas in km2 (EPSG:3035, :func:`geo.measure.area_km2`) of (gained, regained) as from
    :func:`change_between` (EPSG:4326)."""
    return area_km2(gained, DISPLAY_CRS), area_km2(regained, DISPLAY_CRS)


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
        Columns :data:`CHANGE_COLUMNS`: share held by Russia on each of the days
        ``shares_earlier`` and ``shares_later`` (percent 0-100), its change in percentage
        points, and km2 gained, regained and net (gained minus regained) within each unit
        between ``earlier`` and ``later``; the last row is "UA" for Ukraine. Treat as
        read-only.
    shares_earlier, shares_later
        The days of by_unit's shares: ``earlier`` and ``later`` unless
        :func:`with_shares_of` set other days (the held days a page shows, when the ground
        that changed hands is measured between the nearest shipped maps).
    """

    earlier: dt.date
    later: dt.date
    gained: BaseGeometry
    regained: BaseGeometry
    gained_km2: float
    regained_km2: float
    by_unit: pd.DataFrame
    shares_earlier: dt.date | None = None
    shares_later: dt.date | None = None

    def __post_init__(self) -> None:
        if self.shares_earlier is None:
            object.__setattr__(self, "shares_earlier", self.earlier)
        if self.shares_later is None:
            object.__setattr__(self, "shares_later", self.later)

    @property
    def net_km2(self) -> float:
        """Net change of the Russian-held area in km2 (positive: Russia holds more)."""
        return self.gained_km2 - self.regained_km2


def _check_order(earlier: dt.date, later: dt.date, noun: str) -> None:
    if earlier > later:
        raise ValueError(f"the earlier {noun} {earlier.isoformat()} is after the later {noun} "
                         f"{later.isoformat()}")


def _with_shares(table: pd.DataFrame, history: pd.DataFrame, earlier: dt.date,
                 later: dt.date) -> pd.DataFrame:
    """``table`` (one row per unit, "iso_3166_2" first) with its columns of shares and
    their change set from the days ``earlier`` and ``later`` of ``history``."""
    codes = table["iso_3166_2"]
    for column, day in (("pct_earlier", earlier), ("pct_later", later)):
        shares = day_shares(history, day).set_index("iso_3166_2")["occupied_pct"]
        table[column] = shares.reindex(codes).values
    table["change_pp"] = table["pct_later"] - table["pct_earlier"]
    return table[CHANGE_COLUMNS]


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
    _check_order(earlier, later, "date")
    later_units = day_shares(history, later).set_index("iso_3166_2")
    gained, regained = change_between(load(earlier), load(later))
    gained_km2, regained_km2 = change_km2(gained, regained)
    # control_shares of a piece of ground is that piece's km2 within each unit (EPSG:3035).
    gained_by = control_shares(units, gained).set_index("iso_3166_2")["occupied_km2"]
    regained_by = control_shares(units, regained).set_index("iso_3166_2")["occupied_km2"]
    table = pd.DataFrame({
        "iso_3166_2": later_units.index,
        "name": later_units["name"].values,
        "gained_km2": gained_by.reindex(later_units.index).values,
        "regained_km2": regained_by.reindex(later_units.index).values,
    })
    table["net_km2"] = table["gained_km2"] - table["regained_km2"]
    return Change(earlier=earlier, later=later, gained=gained, regained=regained,
                  gained_km2=gained_km2, regained_km2=regained_km2,
                  by_unit=_with_shares(table, history, earlier, later))


def with_shares_of(change: Change, history: pd.DataFrame, earlier: dt.date,
                   later: dt.date) -> Change:
    """``change`` with the shares of its table taken from the days ``earlier`` and
    ``later`` of ``history``; the ground that changed hands (and its km2) stays that
    between ``change.earlier`` and ``change.later``. Cheap: no geometry is touched.

    Raises
    ------
    ValueError
        If ``earlier`` is after ``later``, or either day is missing from ``history``.
    """
    _check_order(earlier, later, "day")
    table = _with_shares(change.by_unit.copy(), history, earlier, later)
    return dataclasses.replace(change, by_unit=table, shares_earlier=earlier, shares_later=later)


def changed_units(change: Change, *, min_km2: float = 0.5) -> pd.DataFrame:
    """Rows of ``change.by_unit`` where at least ``min_km2`` km2 changed hands, largest net
    gain by Russia first, with Ukraine's row last (kept even when nothing changed)."""
    table = change.by_unit
    units = table[table["iso_3166_2"] != UKRAINE]
    moved = units[(units["gained_km2"] >= min_km2) | (units["regained_km2"] >= min_km2)]
    moved = moved.sort_values("net_km2", ascending=False)
    return pd.concat([moved, table[table["iso_3166_2"] == UKRAINE]], ignore_index=True)
