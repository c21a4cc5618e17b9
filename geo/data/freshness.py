"""How old the data is, in words a page shows beside every figure.

The clock is :func:`today`: the machine's date, unless ``ATLAS_TODAY`` (YYYY-MM-DD) sets it,
so that tests and rehearsed presentations see fixed ages.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

#: Data whose newest day is older than this many days gets a visible note.
STALE_AFTER_DAYS = 14
#: The variable that fixes the clock (tests, rehearsals).
TODAY_VARIABLE = "ATLAS_TODAY"


def today(environ: Mapping[str, str] = os.environ) -> dt.date:
    """Today's date: ``ATLAS_TODAY`` when it holds an ISO date, else the local date.

    Raises
    ------
    ValueError
        If ``ATLAS_TODAY`` is set but is not a date of the form YYYY-MM-DD.
    """
    fixed = environ.get(TODAY_VARIABLE, "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise ValueError(f"{TODAY_VARIABLE} must be a date of the form YYYY-MM-DD, "
                         f"not {fixed!r}") from None


def age_days(day: dt.date, now: dt.date) -> int:
    """Whole days from ``day`` to ``now`` (negative when ``day`` is after ``now``)."""
    return (now - day).days


def _age_words(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days > 1:
        return f"{days:,} days ago"
    return "dated after today's date"


def freshness_label(source: str, day: dt.date, now: dt.date) -> str:
    """E.g. "DeepStateMap, 2026-10-10, 52 days ago": the source, its day and its age."""
    return f"{source}, {day.isoformat()}, {_age_words(age_days(day, now))}"


def stale_note(newest: dt.date, now: dt.date, *,
               after_days: int = STALE_AFTER_DAYS) -> str | None:
    """A sentence for when the newest day held is more than ``after_days`` old, else None."""
    days = age_days(newest, now)
    if days <= after_days:
        return None
    return (f"Not updated for {days:,} days (newest day {newest.isoformat()}): the line of "
            "contact has probably moved since.")
