"""The daily series as each unit's held days and occupied km2, read once and looked up by day:
a proposal's time to take measures about fifty windows (every oblast it touches, three window
lengths, both sides), and filtering the long table for each of them cost about 3 ms a window.

Areas are km2 in EPSG:3035, as in the series; days the archive lacks are simply not held
(nothing is interpolated).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class UnitDays:
    """One unit's held days, sorted, and its occupied area on each (km2, EPSG:3035)."""

    days: tuple[dt.date, ...]
    km2: Mapping[dt.date, float]

    def on(self, day: dt.date) -> float:
        """The occupied km2 on ``day``, a held day (KeyError otherwise)."""
        return self.km2[day]


class HeldSeries:
    """:func:`geo.data.series.load_series` by unit code ("UA" for Ukraine)."""

    def __init__(self, units: Mapping[str, UnitDays]):
        self._units = dict(units)
        self._negated: HeldSeries | None = None

    @classmethod
    def of(cls, series: pd.DataFrame, units: Iterable[str] | None = None) -> HeldSeries:
        """The held days of ``units`` (every unit when None) in ``series`` (columns ``date``,
        ``iso_3166_2``, ``occupied_km2``)."""
        if units is not None:
            series = series[series["iso_3166_2"].isin(list(units))]
        held: dict[str, UnitDays] = {}
        codes = series["iso_3166_2"].to_numpy()
        days = series["date"].to_numpy()
        areas = series["occupied_km2"].to_numpy(dtype=float)
        rows: dict[str, dict[dt.date, float]] = {}
        for code, day, area in zip(codes, days, areas):
            rows.setdefault(code, {})[day] = float(area)
        for code, by_day in rows.items():
            held[code] = UnitDays(tuple(sorted(by_day)), by_day)
        return cls(held)

    def unit(self, code: str) -> UnitDays:
        """``code``'s held days.

        Raises
        ------
        ValueError
            If the series has no rows of ``code``.
        """
        try:
            return self._units[code]
        except KeyError:
            raise ValueError(f"no such unit in the series: {code}") from None

    def negated(self) -> HeldSeries:
        """The same days with the occupied area's sign turned: its pace is Ukraine's (made once)."""
        if self._negated is None:
            self._negated = HeldSeries({
                code: UnitDays(unit.days, {day: -km2 for day, km2 in unit.km2.items()})
                for code, unit in self._units.items()})
            self._negated._negated = self
        return self._negated


def held_series(series: pd.DataFrame | HeldSeries) -> HeldSeries:
    """``series`` as a :class:`HeldSeries` (itself when it is one)."""
    return series if isinstance(series, HeldSeries) else HeldSeries.of(series)
