"""How old the data is, in words a page shows beside every figure.

The clock is :func:`today`: the machine's date, unless ``ATLAS_TODAY`` (YYYY-MM-DD) sets it,
so that tests and rehearsed presentations see fixed ages.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from geo.language import DEFAULT, gettext, long_date, ngettext, number

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


def _age_words(days: int, lang: str) -> str:
    if days == 0:
        return gettext("today", lang)
    if days == 1:
        return gettext("yesterday", lang)
    if days > 1:
        # English's singular never shows (1 is "yesterday"); Ukrainian's first form does (21).
        return ngettext("{count} day ago", "{count} days ago", days,
                        lang).format(count=number(days, lang))
    return gettext("dated after today's date", lang)


def freshness_label(source: str, day: dt.date, now: dt.date, lang: str = DEFAULT) -> str:
    """The source, its day and its age in ``lang``: "DeepStateMap, 2026-10-10, 52 days ago",
    "DeepStateMap, 10 жовтня 2026 р., 52 дні тому"."""
    return gettext("{source}, {day}, {age}", lang).format(
        source=source, day=long_date(day, lang), age=_age_words(age_days(day, now), lang))


def stale_note(newest: dt.date, now: dt.date, *,
               after_days: int = STALE_AFTER_DAYS) -> str | None:
    """A sentence for when the newest day held is more than ``after_days`` old, else None."""
    days = age_days(newest, now)
    if days <= after_days:
        return None
    return (f"Not updated for {days:,} days (newest day {newest.isoformat()}): the line of "
            "contact has probably moved since.")
