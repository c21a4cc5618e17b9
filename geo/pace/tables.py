"""The pace of the advance as tables for a page: each unit's months (gained, regained, net and
the net's trend), the figures of a window (net per month, week and day; gained and regained in
its whole months), and the published monthly gains beside the computed ones.

Pure functions of the monthly table (:mod:`geo.pace.monthly`), the daily series
(:mod:`geo.data.series`) and the published gains (:mod:`geo.pace.published`). All areas are km2 in
EPSG:3035; a month runs from its first held day to the next month's first held day
(:mod:`geo.pace.monthly`), so a month whose 1st the archive lacks is measured from or to the held
day after it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from geo.data.names import UKRAINE
from geo.language import N_, gettext, km2, long_date, percent
from geo.pace.rate import Pace, pace
from geo.pace.wording import month_text

#: Months in the trend of the net: the mean of a month and the two before it.
TREND_MONTHS = 3
#: A computed monthly gain within this many percent of a published one agrees with it.
TOLERANCE_PCT = 15.0
#: Columns of :func:`unit_months`: :data:`geo.pace.monthly.MONTHLY_COLUMNS` and ``trend_net_km2``
#: (the mean net of the :data:`TREND_MONTHS` whole months to this one; NaN for the first ones
#: and the partial month) and ``off_calendar`` (not measured from the 1st to the next 1st).
UNIT_MONTH_COLUMNS = ["month", "start", "end", "partial", "iso_3166_2", "gained_km2",
                      "regained_km2", "net_km2", "trend_net_km2", "off_calendar"]
#: Columns of :func:`published_beside_computed`.
COMPARISON_COLUMNS = ["period", "start", "end", "computed_gained_km2", "computed_regained_km2",
                      "computed_net_km2", "published_km2", "measure", "source", "as_of",
                      "difference_pct", "agrees", "why"]
#: Why computed and published monthly gains differ, in one sentence (shown with
#: ``gettext(WHY_THEY_DIFFER, lang)``).
WHY_THEY_DIFFER = N_(
    "Ours are gross gains between the first held days of two months, measured from the "
    "differences of DeepStateMap's occupied polygon clipped to Natural Earth boundaries (ground "
    "the map redraws both ways counts once as gained and once as regained); DeepState's are "
    "its own tallies from its map's layers, for the calendar month, published a day or so "
    "later and rounded; ISW/AFP's rest on ISW's own, different assessment of control; and "
    "Russia's figure is a claim, not an assessment.")


def _first_of_next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def unit_months(monthly: pd.DataFrame, unit: str, *,
                trend_months: int = TREND_MONTHS) -> pd.DataFrame:
    """One unit's rows of the monthly table, oldest first, with the trend of the net.

    Parameters
    ----------
    monthly
        :func:`geo.pace.monthly.load_monthly`.
    unit
        A unit code, "UA" for Ukraine.
    trend_months
        Whole months averaged in ``trend_net_km2`` (the month and those before it); the
        partial newest month is left out of the trend (it holds a few days only).

    Returns
    -------
    Columns :data:`UNIT_MONTH_COLUMNS`, km2 (EPSG:3035).

    Raises
    ------
    ValueError
        If the unit has no rows.
    """
    rows = monthly[monthly["iso_3166_2"] == unit].sort_values("month", ignore_index=True)
    if rows.empty:
        raise ValueError(f"no such unit in the monthly table: {unit}")
    whole = ~rows["partial"].astype(bool)
    trend = rows.loc[whole, "net_km2"].rolling(trend_months, min_periods=trend_months).mean()
    off = [start.day != 1 or (not partial and end != _first_of_next_month(start))
           for start, end, partial in zip(rows["start"], rows["end"], rows["partial"])]
    return rows.assign(trend_net_km2=trend.reindex(rows.index), off_calendar=off,
                       partial=rows["partial"].astype(bool))[UNIT_MONTH_COLUMNS]


def off_calendar_text(months: pd.DataFrame, *, lang: str = "en") -> str | None:
    """The months of :func:`unit_months` not measured from a 1st to the next 1st, in words
    in ``lang`` ("2024-12: 2024-12-01 to 2025-01-02; ..."), or None when there are none."""
    rows = months[months["off_calendar"]]
    if rows.empty:
        return None
    return "; ".join(gettext("{month}: {first} to {last}", lang).format(
        month=month_text(row.month, lang), first=long_date(row.start, lang),
        last=long_date(row.end, lang)) for row in rows.itertuples())


def window_months(months: pd.DataFrame, start: dt.date, end: dt.date) -> list[str]:
    """The whole months of a window: those (not partial) with at least half of their days
    between ``start`` and ``end``, oldest first. ``months``: :func:`unit_months`.

    The last 3 months to 2026-10-10 (from 2026-07-10) are 2026-07, 2026-08 and 2026-09."""
    chosen = []
    for row in months[~months["partial"]].itertuples():
        length = (row.end - row.start).days
        inside = (min(row.end, end) - max(row.start, start)).days
        if length > 0 and inside * 2 >= length:
            chosen.append(row.month)
    return chosen


@dataclass(frozen=True)
class WindowFigures:
    """The pace of one unit over a window, and its ground gained and regained in the window's
    whole months.

    Attributes
    ----------
    pace
        Net change between the held days nearest the window's ends (the daily series).
    months
        The window's whole months (YYYY-MM, oldest first; see :func:`window_months`).
    months_start, months_end
        The held days those months are measured between (None: no whole month).
    gained_km2, regained_km2
        Ground gained by Russia and regained by Ukraine in those months (km2, EPSG:3035).
    """

    pace: Pace
    months: tuple[str, ...]
    months_start: dt.date | None
    months_end: dt.date | None
    gained_km2: float
    regained_km2: float

    @property
    def months_net_km2(self) -> float:
        """Gained minus regained in the whole months (km2)."""
        return self.gained_km2 - self.regained_km2

    def per_days(self, days: float) -> float | None:
        """Net km2 per ``days`` days over the window; None for a window of no days."""
        return self.pace.net_km2 / self.pace.days * days if self.pace.days else None

    @property
    def km2_per_month(self) -> float | None:
        """Net km2 per 30.44 days."""
        return self.pace.km2_per_month

    @property
    def km2_per_week(self) -> float | None:
        """Net km2 per 7 days."""
        return self.per_days(7)

    @property
    def km2_per_day(self) -> float | None:
        """Net km2 per day."""
        return self.per_days(1)


def window_figures(series: pd.DataFrame, monthly: pd.DataFrame, unit: str, start: dt.date,
                   end: dt.date) -> WindowFigures:
    """The figures of ``unit`` over the window from ``start`` to ``end``.

    Parameters
    ----------
    series
        :func:`geo.data.series.load_series` (or a table with its columns).
    monthly
        :func:`geo.pace.monthly.load_monthly`.
    unit
        A unit code, "UA" for Ukraine.
    start, end
        The window asked for (days the archive lacks are measured from or to the nearest
        held day: :func:`geo.pace.rate.pace`).

    Raises
    ------
    ValueError
        If ``start`` is after ``end``, or the unit is in neither table.
    """
    measured = pace(series, unit, start, end)
    months = unit_months(monthly, unit)
    chosen = window_months(months, start, end)
    rows = months[months["month"].isin(chosen)]
    return WindowFigures(
        measured, tuple(chosen),
        rows["start"].iloc[0] if chosen else None, rows["end"].iloc[-1] if chosen else None,
        float(rows["gained_km2"].sum()), float(rows["regained_km2"].sum()))


def _period_rows(months: pd.DataFrame, period: str) -> pd.DataFrame | None:
    """The whole months a published period covers (a month, or all 12 of a year), or None
    when the table lacks one of them."""
    if len(period) == 7:
        rows = months[(months["month"] == period) & ~months["partial"]]
        return rows if len(rows) == 1 else None
    rows = months[months["month"].str.startswith(f"{period}-") & ~months["partial"]]
    return rows if len(rows) == 12 else None


def _why(measure: str, source: str, regained: float, net: float, published: float,
         lang: str) -> str:
    """A few words in ``lang`` on why a computed figure is off a published one by more than
    the tolerance (empty when nothing explains it)."""
    if measure.startswith("claimed"):
        return gettext("a claim by Russia, not an assessment", lang)
    if "ISW" in source:
        return gettext("ISW's assessment of control, not DeepState's map", lang)
    net_off = abs(net - published) / published * 100
    if net_off <= TOLERANCE_PCT:
        return gettext("the map was redrawn both ways: {regained} regained; our net, {net}, is "
                       "within {off} of it", lang).format(
            regained=km2(regained, lang), net=km2(net, lang),
            off=percent(math.ceil(net_off), lang, decimals=0))
    return ""


def published_beside_computed(monthly: pd.DataFrame, published: pd.DataFrame, *,
                              unit: str = UKRAINE, lang: str = "en") -> pd.DataFrame:
    """Every published gain beside the one computed for the same month or year.

    Parameters
    ----------
    monthly
        :func:`geo.pace.monthly.load_monthly`.
    published
        :func:`geo.pace.published.load_published_gains` (national figures: of Ukraine).
    unit
        The unit computed figures are taken for ("UA").

    Returns
    -------
    Columns :data:`COMPARISON_COLUMNS`, months then years, each in the order of ``published``
    (oldest first): the computed gained,
    regained and net km2 (NaN when the table does not cover the period) and the held days
    they are measured between; ``difference_pct`` is computed gained minus published, in
    percent of the published; ``agrees`` whether that is within :data:`TOLERANCE_PCT`; ``why``
    a few words in ``lang`` where it is not (empty where nothing explains it).
    """
    months = unit_months(monthly, unit)
    rows = []
    for item in published.itertuples():
        covered = _period_rows(months, item.period)
        gained = regained = net = math.nan
        start = end = None
        if covered is not None:
            gained = float(covered["gained_km2"].sum())
            regained = float(covered["regained_km2"].sum())
            net = float(covered["net_km2"].sum())
            start, end = covered["start"].iloc[0], covered["end"].iloc[-1]
        difference = (gained - item.km2) / item.km2 * 100 if item.km2 else math.nan
        agrees = bool(abs(difference) <= TOLERANCE_PCT) if math.isfinite(difference) else False
        why = "" if agrees or not math.isfinite(difference) else \
            _why(item.measure, item.source, regained, net, item.km2, lang)
        rows.append({"period": item.period, "start": start, "end": end,
                     "computed_gained_km2": gained, "computed_regained_km2": regained,
                     "computed_net_km2": net, "published_km2": item.km2,
                     "measure": item.measure, "source": item.source, "as_of": item.as_of,
                     "difference_pct": difference, "agrees": agrees, "why": why})
    table = pd.DataFrame(rows, columns=COMPARISON_COLUMNS)
    years = table["period"].str.len() == 4
    return pd.concat([table[~years], table[years]], ignore_index=True)
