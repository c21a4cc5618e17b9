"""Which held days ship their geometry (data/control/), and which shipped day stands in for a
day whose geometry is not shipped.

Every day held has its figures in the daily series (:mod:`geo.data.series`); only some have their
occupied area shipped, to keep data/ small (about 50 KB a day). The rule, written also in
data/SOURCES.md:

- the first held day of every ISO week (Monday, or the next held day of that week when the
  archive lacks Monday): the timelapse's weekly frames;
- the first held day of every month;
- :data:`KEPT_DAYS` (days the product's sources refer to: the Paris summit, 2026-01-06);
- the newest held day.

A day is never shipped because it is near another; a missing day is never stood in for by
interpolation: the map of a day whose geometry is not shipped is the newest shipped day on or
before it, and the page says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

#: Days shipped whatever the rule says.
KEPT_DAYS = (dt.date(2026, 1, 6),)


def shipped_days(held: Iterable[dt.date], *, kept: Sequence[dt.date] = KEPT_DAYS) -> list[dt.date]:
    """The held days whose geometry ships, oldest first (see the module's rule).

    Parameters
    ----------
    held
        Every day held, in any order (duplicates allowed).
    kept
        Days shipped when held, whatever the cadence.
    """
    days = sorted(set(held))
    if not days:
        return []
    chosen: set[dt.date] = {days[-1]}
    seen_weeks: set[tuple[int, int]] = set()
    seen_months: set[tuple[int, int]] = set()
    for day in days:  # oldest first: the first held day of each week and month wins
        week = day.isocalendar()[:2]
        if week not in seen_weeks:
            seen_weeks.add(week)
            chosen.add(day)
        month = (day.year, day.month)
        if month not in seen_months:
            seen_months.add(month)
            chosen.add(day)
    chosen.update(day for day in kept if day in set(days))
    return sorted(chosen)


def drawn_day(day: dt.date, shipped: Sequence[dt.date]) -> dt.date | None:
    """The shipped day whose map stands for ``day``: ``day`` itself when shipped, else the
    newest shipped day before it; None when ``day`` is before the first shipped day.

    ``shipped`` must be sorted, oldest first."""
    earlier = [d for d in shipped if d <= day]
    return earlier[-1] if earlier else None
