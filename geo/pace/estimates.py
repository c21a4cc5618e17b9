"""Published estimates of a time to take, each set beside the one we compute at its date: the
pace of the same ground over the 6 months to the day it was made, the ground still to take
then, and how long that implied; and the same ground timed again on a later day. The pace at
the estimate's date explains most of the difference from a time computed today.

A date given as a month only (``2025-12``) is read as that month's 15th. Areas are km2
(EPSG:3035), paces km2 per 30.44 days, from the daily series (:mod:`geo.data.series`); every time
is a straight-line extrapolation (:data:`geo.pace.time_to_take.CAVEAT`), not a forecast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from geo.language import gettext, km2, long_date, ngettext, number
from geo.pace.held import HeldSeries, held_series
from geo.pace.published import published_text
from geo.pace.rate import pace
from geo.pace.time_to_take import MIN_KM2, WindowTime, month_year, months_text, time_to_take
from geo.pace.wording import listed, month_text, unit_name

#: The window (months) each estimate is set beside: the headline window of every proposal.
WINDOW_MONTHS = 6
#: The day of the month a month-only date is read as.
MID_MONTH = 15


def estimate_day(as_of: str) -> dt.date:
    """The day an estimate is dated: ``YYYY-MM-DD`` itself, ``YYYY-MM`` its 15th.

    Raises
    ------
    ValueError
        For any other text.
    """
    text = as_of.strip()
    if len(text) == 7:
        return dt.date.fromisoformat(f"{text}-{MID_MONTH:02d}")
    return dt.date.fromisoformat(text)


def ground_name(codes: Sequence[str], *, lang: str = "en") -> str:
    """E.g. "Donetsk Oblast", "Donetsk and Luhansk oblasts" ("Донецька і Луганська області"
    in Ukrainian)."""
    names = [unit_name(code, lang) for code in codes]
    if len(names) == 1:
        return names[0]
    suffix = " Oblast" if lang == "en" else " область"
    if lang != "en" and not all(name.endswith(suffix) for name in names):
        return listed(names, lang)
    return gettext("{names} oblasts", lang).format(
        names=listed([name.removesuffix(suffix) for name in names], lang))


@dataclass(frozen=True)
class EstimateBeside:
    """One published estimate and ours at its date and on a later day.

    Attributes
    ----------
    who, as_of, estimate, taken_by, source, note
        As published (data/published_estimates.csv); ``taken_by`` a month, YYYY-MM.
    day
        The day ``as_of`` is read as (:func:`estimate_day`).
    ground
        The units the estimate is of.
    then
        Our time to take the rest of ``ground`` at its pace over the 6 months to ``day``.
    now
        The same, on the later day it is compared on.
    """

    who: str
    as_of: str
    estimate: str
    taken_by: str
    source: str
    note: str
    day: dt.date
    ground: tuple[str, ...]
    then: WindowTime
    now: WindowTime


def _rest(series: HeldSeries, areas: Mapping[str, float], ground: Sequence[str],
          day: dt.date) -> dict[str, float]:
    """Ground of ``ground`` not held by Russia on (the held day nearest) ``day``, km2; a unit
    with less than :data:`geo.pace.time_to_take.MIN_KM2` left is left out (nothing to take)."""
    rest = {code: areas[code] - pace(series, code, day, day).held_km2_end for code in ground}
    return {code: km2 for code, km2 in rest.items() if km2 >= MIN_KM2}


def _timed(series: HeldSeries, areas: Mapping[str, float], ground: Sequence[str],
           day: dt.date, months: int) -> WindowTime:
    return time_to_take(series, _rest(series, areas, ground, day), day, windows=(months,))[0]


def estimates_beside(series: pd.DataFrame | HeldSeries, estimates: pd.DataFrame,
                     areas: Mapping[str, float], day: dt.date, *,
                     months: int = WINDOW_MONTHS) -> list[EstimateBeside]:
    """Each published estimate beside our time to take the same ground at its date and on
    ``day``.

    Parameters
    ----------
    series
        :func:`geo.data.series.load_series`, or a :class:`geo.pace.held.HeldSeries` of it.
    estimates
        :func:`geo.pace.published.load_published_estimates`.
    areas
        Area of each unit (km2, EPSG:3035), e.g. ``Ground.unit_km2``.
    day
        The later day (the scenario's) to time the same ground on.
    months
        The pace's window (months) before each day.
    """
    series = held_series(series)
    rows = []
    for estimate in estimates.itertuples(index=False):
        ground = tuple(code.strip() for code in estimate.ground.split("+") if code.strip())
        said = estimate_day(estimate.as_of)
        rows.append(EstimateBeside(
            estimate.who, estimate.as_of, estimate.estimate, estimate.taken_by,
            estimate.source, estimate.note, said, ground,
            _timed(series, areas, ground, said, months), _timed(series, areas, ground, day,
                                                                  months)))
    return rows


def _km2_per_month(value: float | None, lang: str) -> str:
    if value is None:
        return gettext("no pace", lang)
    return gettext("{value} km²/month", lang).format(
        value=number(value, lang).replace("-", "\u2212"))


def _short_name(code: str, lang: str) -> str:
    """An oblast's name beside its pace: "Donetsk" in English, the whole name in Ukrainian
    (its adjective alone does not name it)."""
    return unit_name(code, lang).removesuffix(" Oblast") if lang == "en" else \
        unit_name(code, lang)


def _pace_text(window: WindowTime, lang: str) -> str:
    if len(window.oblasts) == 1:
        return _km2_per_month(window.oblasts[0].km2_per_month, lang)
    return ", ".join(gettext("{name} {pace}", lang).format(
        name=_short_name(o.iso_3166_2, lang), pace=_km2_per_month(o.km2_per_month, lang))
        for o in window.oblasts)


def _time_text(window: WindowTime, lang: str) -> str:
    if not window.oblasts:
        return gettext("nothing left to take", lang)
    if window.months is None:
        return gettext("not at this pace", lang)
    time = months_text(window.months, lang=lang)
    if window.by:
        time = gettext("{time} (around {month})", lang).format(
            time=time, month=month_year(window.by, lang=lang))
    if window.stalled:
        time = gettext("{time}, {names} not at this pace", lang).format(
            time=time, names=", ".join(unit_name(o.iso_3166_2, lang) for o in window.stalled))
    return time


def _month(text: str, lang: str = "en") -> str:
    """A YYYY-MM month as "August 2027"."""
    return month_year(dt.date.fromisoformat(f"{text}-01"), lang=lang)


def _as_of(text: str, lang: str) -> str:
    """An estimate's date as published (a day, or a month only) in running text."""
    if len(text.strip()) == 7:
        return month_text(text.strip(), lang)
    return long_date(dt.date.fromisoformat(text.strip()), lang)


def sentence(row: EstimateBeside, *, lang: str = "en") -> str:
    """The estimate, and ours then and on the later day, in ``lang``, e.g. "ISW, 2025-11-27
    (UNN, reporting ISW): "the rest of Donetsk oblast around August 2027". Ours then: 256
    km²/month over the 6 months to 2025-11-27, so the 6,226 km² left of Donetsk Oblast in
    about 24 months (around December 2027). Ours on 2026-10-10: 42 km²/month, so the 5,257
    km² left in about 126 months (around April 2037)."; the month an estimate implies is
    named when its words do not name it, and a date given as a month only says so. The
    estimate's words, who made it and where, are translated when the catalogue has them
    (:func:`geo.pace.published.published_text`)."""
    then, now = row.then, row.now
    said = {"who": published_text(row.who, lang), "as_of": _as_of(row.as_of, lang),
            "source": published_text(row.source, lang),
            "estimate": published_text(row.estimate, lang)}
    if _month(row.taken_by) in row.estimate:
        head = gettext("{who}, {as_of} ({source}): \u201c{estimate}\u201d.", lang)
    else:
        head = gettext("{who}, {as_of} ({source}): \u201c{estimate}\u201d (read here as "
                       "{month}).", lang)
    ours = {"pace": _pace_text(then, lang), "count": then.window_months,
            "day": long_date(then.end, lang), "km2": km2(then.km2, lang),
            "ground": ground_name(row.ground, lang=lang), "time": _time_text(then, lang)}
    if len(row.as_of) == 7:
        then_text = ngettext(
            "Ours then: {pace} over the {count} month to {day} (mid-month: it is dated by month "
            "only), so the {km2} left of {ground} in {time}.",
            "Ours then: {pace} over the {count} months to {day} (mid-month: it is dated by "
            "month only), so the {km2} left of {ground} in {time}.", then.window_months, lang)
    else:
        then_text = ngettext(
            "Ours then: {pace} over the {count} month to {day}, so the {km2} left of {ground} "
            "in {time}.",
            "Ours then: {pace} over the {count} months to {day}, so the {km2} left of {ground} "
            "in {time}.", then.window_months, lang)
    now_text = gettext("Ours on {day}: {pace}, so the {km2} left in {time}.", lang)
    return " ".join((
        head.format(**said, month=_month(row.taken_by, lang)), then_text.format(**ours),
        now_text.format(day=long_date(now.end, lang), pace=_pace_text(now, lang),
                        km2=km2(now.km2, lang), time=_time_text(now, lang))))


def as_dict(row: EstimateBeside) -> dict:
    """One row as JSON-ready values (km2 and km2/month to 0.1, months to 0.1, ISO dates)."""
    def timed(window: WindowTime) -> dict:
        return {"from": window.start.isoformat(), "to": window.end.isoformat(),
                "km2": round(window.km2, 1),
                "km2_per_month": {o.iso_3166_2: None if o.km2_per_month is None
                                  else round(o.km2_per_month, 1) for o in window.oblasts},
                "months": None if window.months is None else round(window.months, 1),
                "by": None if window.by is None else window.by.isoformat()}

    return {"who": row.who, "as_of": row.as_of, "estimate": row.estimate,
            "taken_by": row.taken_by, "source": row.source, "ground": list(row.ground),
            "then": timed(row.then), "now": timed(row.now)}
