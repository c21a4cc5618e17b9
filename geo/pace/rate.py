"""The pace of the advance: net change of the occupied area within a unit between two held
days of the daily series, in km2 per month (30.44 days), and how long taking a given area
would take at that pace (a straight-line extrapolation of the past, not a forecast).

Days the archive lacks are gaps: a window whose end falls on one is measured from or to the
held day nearest to it (inside the window on a tie), and says so; nothing is interpolated.
All areas are km2 computed in EPSG:3035 (the series' own).
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from geo.language import gettext, long_date
from geo.pace.held import HeldSeries

#: Days in a mean month (365.25 / 12): pace is per this many days.
MONTH_DAYS = 30.44
#: The standard windows, in months, that a time to take is given for.
STANDARD_WINDOWS = (3, 6, 12)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` calendar months earlier (clipped to the end of a
    shorter month: 2026-03-31 minus one month is 2026-02-28)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def nearest_held(day: dt.date, held: Sequence[dt.date], *, prefer_later: bool) -> dt.date:
    """The held day nearest ``day`` (``day`` itself when held); on a tie the later one when
    ``prefer_later`` (a window's start), else the earlier (its end). ``held`` sorted."""
    if not held:
        raise ValueError("no days are held")
    at = bisect_left(held, day)
    if at < len(held) and held[at] == day:
        return day
    before = held[at - 1] if at > 0 else None
    after = held[at] if at < len(held) else None
    if before is None or after is None:
        return before or after  # type: ignore[return-value]
    gap_before, gap_after = (day - before).days, (after - day).days
    if gap_before == gap_after:
        return after if prefer_later else before
    return before if gap_before < gap_after else after


@dataclass(frozen=True)
class Pace:
    """The net change of a unit's occupied area over a window of held days.

    Attributes
    ----------
    unit
        The unit's code ("UA" for Ukraine).
    start, end
        The held days measured between (``start <= end``).
    held_km2_start, held_km2_end
        Occupied area of the unit on them (km2, EPSG:3035).
    asked_start, asked_end
        The days the window was asked for (None: ``start`` and ``end`` themselves); where
        they differ, :meth:`notes_in` says so.
    """

    unit: str
    start: dt.date
    end: dt.date
    held_km2_start: float
    held_km2_end: float
    asked_start: dt.date | None = None
    asked_end: dt.date | None = None

    def notes_in(self, lang: str = "en") -> tuple[str, ...]:
        """One sentence in ``lang`` for each end of the window that is not the day asked for,
        e.g. "2025-01-01 is not held: measured from 2025-01-03"."""
        notes = []
        if self.asked_start not in (None, self.start):
            notes.append(gettext("{asked} is not held: measured from {used}", lang).format(
                asked=long_date(self.asked_start, lang), used=long_date(self.start, lang)))
        if self.asked_end not in (None, self.end):
            notes.append(gettext("{asked} is not held: measured to {used}", lang).format(
                asked=long_date(self.asked_end, lang), used=long_date(self.end, lang)))
        return tuple(notes)

    @property
    def notes(self) -> tuple[str, ...]:
        """:meth:`notes_in` English."""
        return self.notes_in()

    @property
    def days(self) -> int:
        """Length of the window in days."""
        return (self.end - self.start).days

    @property
    def net_km2(self) -> float:
        """Ground Russia holds more at the end than at the start (negative: less), km2."""
        return self.held_km2_end - self.held_km2_start

    @property
    def km2_per_month(self) -> float | None:
        """Net km2 per 30.44 days; None for a window of no days."""
        return self.net_km2 / self.days * MONTH_DAYS if self.days else None


def pace(series: pd.DataFrame | HeldSeries, unit: str, start: dt.date, end: dt.date) -> Pace:
    """The pace of ``unit`` between ``start`` and ``end``, measured between the held days
    nearest them.

    Parameters
    ----------
    series
        :func:`geo.data.series.load_series` (or any table with its columns), or a
        :class:`geo.pace.held.HeldSeries` of it (quicker for many windows).
    unit
        A unit code, "UA" for Ukraine.
    start, end
        The window asked for, ``start <= end``.

    Raises
    ------
    ValueError
        If ``start`` is after ``end``, or the unit has no rows.
    """
    if start > end:
        raise ValueError(f"the window starts on {start.isoformat()}, after its end "
                         f"{end.isoformat()}")
    if not isinstance(series, HeldSeries):
        series = HeldSeries.of(series, units=(unit,))
    rows = series.unit(unit)
    first = nearest_held(start, rows.days, prefer_later=True)
    last = nearest_held(end, rows.days, prefer_later=False)
    if first > last:  # a window inside a gap: nothing held within it
        first = last = nearest_held(end, rows.days, prefer_later=False)
    return Pace(unit, first, last, rows.on(first), rows.on(last),
                asked_start=start, asked_end=end)


def months_to_take(area_km2: float, km2_per_month: float | None) -> float | None:
    """Months to take ``area_km2`` at ``km2_per_month``; None when the pace is zero,
    negative or unknown ("not at this pace"), 0 when there is nothing to take."""
    if area_km2 <= 0:
        return 0.0
    if km2_per_month is None or not math.isfinite(km2_per_month) or km2_per_month <= 0:
        return None
    return area_km2 / km2_per_month


#: Times longer than this (months: a century) get no date: none is worth naming.
MAX_DATED_MONTHS = 1_200


def date_after(day: dt.date, months: float) -> dt.date | None:
    """The day ``months`` months of 30.44 days after ``day``; None beyond
    :data:`MAX_DATED_MONTHS`."""
    if not months <= MAX_DATED_MONTHS:
        return None
    return day + dt.timedelta(days=round(months * MONTH_DAYS))
