"""How long taking what a proposal hands over would take at the pace of the past: for each
oblast, the ground Ukraine gives up (to Russia, or into a demilitarised zone) over that
oblast's own pace in a window before the scenario's day; a straight-line extrapolation of
the past, not a forecast.

The handover is done when the slowest oblast is; an oblast whose pace over a window is zero or
negative is "not at this pace" (None), never an infinite or a negative time, and is named
beside the time of the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from geo.language import N_, gettext, km2, long_date, ngettext, number
from geo.pace.held import HeldSeries, held_series
from geo.pace.rate import (MAX_DATED_MONTHS, STANDARD_WINDOWS, date_after, months_before,
                           months_to_take, pace)
from geo.pace.wording import month_text, unit_name

#: Ground of less than this in an oblast (km2) is not counted as handed over there: slivers
#: where a zone or line meets a coast or border (3 km2 of Crimea in the 28-point plan) would
#: otherwise get a time of their own.
MIN_KM2 = 10.0
#: A window starting this many days later than asked for (the series begins later) says so.
SHORT_DAYS = 15
#: The caveat every time to take is shown with (``gettext(CAVEAT, lang)``).
CAVEAT = N_("A straight-line extrapolation of the past pace, not a forecast: the pace changes "
          "with seasons, forces and fortifications, and grey zones are not counted.")


@dataclass(frozen=True)
class OblastTime:
    """One oblast's time to take its part of the handover over one window.

    Attributes
    ----------
    iso_3166_2
        The oblast.
    km2
        Ground Ukraine gives up there (km2, EPSG:3035).
    km2_per_month
        The oblast's net pace over the window (km2 per 30.44 days); None when unmeasurable.
    months
        ``km2 / km2_per_month``; None: not at this pace.
    by
        The day that implies (None: not at this pace).
    """

    iso_3166_2: str
    km2: float
    km2_per_month: float | None
    months: float | None
    by: dt.date | None


@dataclass(frozen=True)
class WindowTime:
    """The time to take the whole handover at the pace of one window.

    Attributes
    ----------
    window_months
        The window's length in calendar months, ending on ``end``.
    start, end
        The held days the pace is measured between.
    oblasts
        One :class:`OblastTime` per oblast with ground handed over, largest first.
    """

    window_months: int
    start: dt.date
    end: dt.date
    oblasts: tuple[OblastTime, ...]

    @property
    def km2(self) -> float:
        """All the ground handed over (km2)."""
        return sum(o.km2 for o in self.oblasts)

    @property
    def stalled(self) -> tuple[OblastTime, ...]:
        """The oblasts not taken at this pace (the line did not move forward there)."""
        return tuple(o for o in self.oblasts if o.months is None)

    @property
    def months(self) -> float | None:
        """Months until the slowest oblast that is taken at this pace is; None when none is,
        0 when nothing is handed over. See :attr:`stalled` for the others."""
        if not self.oblasts:
            return 0.0
        times = [o.months for o in self.oblasts if o.months is not None]
        return max(times) if times else None

    @property
    def by(self) -> dt.date | None:
        """The day :attr:`months` implies after :attr:`end`."""
        return None if self.months is None else date_after(self.end, self.months)


def handed_over(by_oblast: pd.DataFrame) -> dict[str, float]:
    """Ground Ukraine gives up per oblast (km2), from an impact's ``by_oblast`` table:
    what goes to Russia plus what of Ukraine's goes into the zone (``from_ukraine_km2``)."""
    given = by_oblast.set_index("iso_3166_2")["from_ukraine_km2"]
    return {code: float(km2) for code, km2 in given.items() if km2 >= MIN_KM2}


def time_to_take(series: pd.DataFrame | HeldSeries, handover: dict[str, float], day: dt.date, *,
                 windows: Sequence[int] = STANDARD_WINDOWS) -> list[WindowTime]:
    """The time to take ``handover`` (km2 per oblast code) at each oblast's pace over each
    window of ``windows`` calendar months ending on ``day``.

    Parameters
    ----------
    series
        :func:`geo.data.series.load_series`, or a :class:`geo.pace.held.HeldSeries` of it.
    handover
        As from :func:`handed_over`.
    day
        The scenario's day (a held day: the window ends there).
    windows
        Window lengths in months.
    """
    series = held_series(series)
    results = []
    for months in windows:
        start = months_before(day, months)
        oblasts = []
        for code, area in sorted(handover.items(), key=lambda item: -item[1]):
            measured = pace(series, code, start, day)
            rate = measured.km2_per_month
            needed = months_to_take(area, rate)
            oblasts.append(OblastTime(code, area, rate, needed,
                                      None if needed is None else date_after(measured.end,
                                                                             needed)))
        first = pace(series, "UA", start, day)
        results.append(WindowTime(months, first.start, first.end, tuple(oblasts)))
    return results


def month_year(day: dt.date, *, lang: str = "en") -> str:
    """E.g. "August 2027"; "серпень 2027 р." in Ukrainian (the month's own name, as a table
    or a bracket names it)."""
    if lang == "en":
        return day.strftime("%B %Y")
    return month_text(day, lang)


def months_text(months: float, *, lang: str = "en") -> str:
    """E.g. "about 14 months", "under a month", "more than a century" (in ``lang``)."""
    if months < 1:
        return gettext("under a month", lang)
    if months > MAX_DATED_MONTHS:
        return gettext("more than a century", lang)
    count = int(f"{months:.0f}")
    return ngettext("about {count} month", "about {count} months", count, lang).format(
        count=number(months, lang))


def _lead(window: WindowTime, lang: str) -> str:
    """How the sentence of ``window`` begins: the window its pace is of."""
    if (window.start - months_before(window.end, window.window_months)).days > SHORT_DAYS:
        return ngettext("At the pace since {day} (the first day held, less than {count} month "
                        "before)", "At the pace since {day} (the first day held, less than "
                        "{count} months before)", window.window_months, lang).format(
            day=long_date(window.start, lang), count=window.window_months)
    return ngettext("At the pace of the last {count} month", "At the pace of the last {count} "
                    "months", window.window_months, lang).format(count=window.window_months)


def _stalled_text(oblasts: Sequence[OblastTime], lang: str) -> str:
    return "; ".join(gettext("{name} ({km2})", lang).format(
        name=unit_name(o.iso_3166_2, lang), km2=km2(o.km2, lang)) for o in oblasts)


def sentence(window: WindowTime, *, lang: str = "en") -> str:
    """The sentence for one window in ``lang``, e.g. "At the pace of the last 6 months,
    Russia would take the ground this proposal hands it in about 14 months (around December
    2027)." with the oblasts not taken at that pace named after it."""
    lead = _lead(window, lang)
    if not window.oblasts:
        return gettext("{lead}: this proposal hands Russia no ground to take.",
                       lang).format(lead=lead)
    if window.start == window.end:
        return gettext("{lead}: no pace can be measured on a single day.",
                       lang).format(lead=lead)
    stalled = _stalled_text(window.stalled, lang)
    if window.months is None:
        return gettext("{lead}, Russia would not take the ground this proposal hands it: the "
                       "line did not move forward there ({stalled}): not at this pace.",
                       lang).format(lead=lead, stalled=stalled)
    time = months_text(window.months, lang=lang)
    if window.by:
        text = gettext("{lead}, Russia would take the ground this proposal hands it in {time} "
                       "(around {month}).", lang).format(
            lead=lead, time=time, month=month_year(window.by, lang=lang))
    else:
        text = gettext("{lead}, Russia would take the ground this proposal hands it in "
                       "{time}.", lang).format(lead=lead, time=time)
    if stalled:
        text += " " + gettext("Not at this pace: {stalled}, where the line did not move "
                              "forward.", lang).format(stalled=stalled)
    return text


def meaning(dmz_km2: float, handover_km2: float, *, lang: str = "en") -> str:
    """What the time to take means for a proposal of this kind (by its zone and handover),
    in ``lang``."""
    if handover_km2 <= 0:
        return gettext("This proposal hands Russia no ground: there is nothing for a pace to "
                       "take.", lang)
    if dmz_km2 > 0:
        return gettext("The ground Ukraine gives up (into the demilitarised zone, or to "
                       "Russia) is timed: how long Russia's advance at that pace would take to "
                       "seize it. Ground Russia gives up to the zone is not: no pace of "
                       "Russia's advance measures it.", lang)
    return gettext("The ground this proposal hands Russia is timed: how long Russia's advance "
                   "at that pace would take to seize it instead.", lang)


def as_dict(window: WindowTime) -> dict:
    """One window as JSON-ready values (km2 to 0.1, months to 0.1, dates as YYYY-MM-DD)."""
    def day(value: dt.date | None) -> str | None:
        return None if value is None else value.isoformat()

    def number(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return {"window_months": window.window_months, "from": day(window.start),
            "to": day(window.end), "km2": number(window.km2), "months": number(window.months),
            "by": day(window.by), "text": sentence(window),
            "by_oblast": [{"iso_3166_2": o.iso_3166_2, "km2": number(o.km2),
                           "km2_per_month": number(o.km2_per_month),
                           "months": number(o.months), "by": day(o.by)}
                          for o in window.oblasts]}
