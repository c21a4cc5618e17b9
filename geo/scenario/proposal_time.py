"""The time to take of a proposal as every view shows it (the Ceasefire lines page, Compare,
the slide and the exports, agreeing with ``python -m geo scenario``): the ground it hands
over, timed at each oblast's own pace over the last 3, 6 and 12 months
(:mod:`geo.pace.time_to_take`), in words and tables that agree to the month because they all read
the same :class:`~geo.pace.time_to_take.WindowTime` values.

The headline is the 6-month window; the 3- and 12-month ones give its range. Ground Russia
gives up (to Ukraine, or into a zone) is timed at Ukraine's net pace, the opposite of Russia's
(a unit's occupied area shrinks as fast as Ukraine's forces advance there). Every figure is a
straight-line extrapolation of the past (:data:`geo.pace.time_to_take.CAVEAT`), not a forecast;
areas are km2 (EPSG:3035), paces km2 per 30.44 days.

Every text is whole sentences in the language asked for (``lang``: English by default, as the
command line writes them); numbers, areas and months are written as that language writes them
(:mod:`geo.language`, :mod:`geo.pace.wording`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from geo.language import N_, gettext, km2, long_date, ngettext
from geo.pace.held import HeldSeries, held_series
from geo.pace.rate import STANDARD_WINDOWS, months_before
from geo.pace.time_to_take import (CAVEAT, MIN_KM2, OblastTime, WindowTime, as_dict, handed_over,
                                   meaning, month_year, months_text, sentence, time_to_take)
from geo.pace.wording import unit_name
from geo.scenario.evaluate import Evaluation
from geo.scenario.impact import Impact
from geo.scenario.time_phrases import (at_paces, bare_months, months_list, not_at, oblast_names,
                                       per_month, short_names, short_windows, span)

#: The window (months) whose time is the headline; the others give its range.
HEADLINE_MONTHS = 6
#: What the pace is measured on, for every caption (``gettext(PACE_SOURCE, lang)``): the
#: source of :data:`geo.data.snapshots.ATTRIBUTION`.
PACE_SOURCE = N_("DeepStateMap (deepstatemap.live) daily series")
NOT_AT_THIS_PACE = N_("not at this pace")
#: A window whose first held day is this many days after the day it asks for is measured
#: over less than its length (a gap at its edge of a few days is not counted).
SHORT_DAYS = 7


@dataclass(frozen=True)
class ProposalTime:
    """A proposal's time to take, both ways.

    Attributes
    ----------
    day
        The scenario's day (the line the proposal is drawn on).
    russia
        Ground Ukraine gives up (to Russia or into a zone), timed at Russia's pace: one
        :class:`~geo.pace.time_to_take.WindowTime` per window, shortest window first.
    ukraine
        Ground Russia gives up (to Ukraine or into a zone), timed at Ukraine's pace.
    dmz_km2
        The proposal's demilitarised zone (km2), for :func:`geo.pace.time_to_take.meaning`.
    """

    day: dt.date
    russia: tuple[WindowTime, ...]
    ukraine: tuple[WindowTime, ...]
    dmz_km2: float

    @property
    def headline(self) -> WindowTime:
        """The 6-month window of :attr:`russia` (the first one if there is no 6-month)."""
        return _window(self.russia)

    @property
    def handover_km2(self) -> float:
        """All the ground Ukraine gives up (km2)."""
        return self.headline.km2


def given_back(by_oblast: pd.DataFrame) -> dict[str, float]:
    """Ground Russia gives up per oblast (km2), from an impact's ``by_oblast`` table: what returns
    to Ukraine plus what of Russia's falls in the zone (the zone less Ukraine's part of it,
    ``from_ukraine_km2 - to_russia_km2``); oblasts under :data:`geo.pace.time_to_take.MIN_KM2` are
    left out, as in :func:`~geo.pace.time_to_take.handed_over`."""
    rows = by_oblast.set_index("iso_3166_2")
    russian_zone = rows["dmz_km2"] - (rows["from_ukraine_km2"] - rows["to_russia_km2"])
    given = rows["to_ukraine_km2"] + russian_zone.clip(lower=0.0)
    return {code: float(km2) for code, km2 in given.items() if km2 >= MIN_KM2}


def _timed(series: HeldSeries, handover: dict[str, float], day: dt.date,
           windows: Sequence[int]) -> tuple[WindowTime, ...]:
    return tuple(time_to_take(series, handover, day, windows=windows))


def proposal_time(impact: Impact, series: pd.DataFrame | HeldSeries, day: dt.date, *,
                  windows: Sequence[int] = STANDARD_WINDOWS) -> ProposalTime:
    """The time to take what a proposal hands over, at the pace of each window of
    ``windows`` months ending on ``day``.

    Parameters
    ----------
    impact
        The proposal's figures (:func:`geo.scenario.impact.assess`) on the line of ``day``.
    series
        :func:`geo.data.series.load_series`, or a :class:`geo.pace.held.HeldSeries` of it
        (quicker: a view that times many proposals keeps one).
    day
        The scenario's day (``evaluation.ground.date``); a day the series does not hold is
        measured to the held day nearest it (:func:`geo.pace.rate.pace`).
    windows
        Window lengths (months); kept shortest first.

    A time longer than a century gets no date (:func:`geo.pace.rate.date_after`).
    """
    windows = sorted(windows)
    series = held_series(series)
    russia = _timed(series, handed_over(impact.by_oblast), day, windows)
    # Ukraine's pace is Russia's turned: a unit's occupied area shrinks as Ukraine advances.
    ukraine = _timed(series.negated(), given_back(impact.by_oblast), day, windows)
    return ProposalTime(day, russia, ukraine, impact.dmz_km2)


def evaluation_time(evaluation: Evaluation,
                    series: pd.DataFrame | HeldSeries | None = None) -> ProposalTime:
    """:func:`proposal_time` of a :class:`geo.scenario.evaluate.Evaluation` on the line of its day;
    ``series`` defaults to the shipped daily series (:func:`geo.data.series.load_series`)."""
    if series is None:
        from geo.data.series import load_series

        series = load_series()
    return proposal_time(evaluation.impact, series, evaluation.ground.date)


def as_payload(time: ProposalTime) -> dict:
    """The JSON-ready time to take, as ``python -m geo scenario --format json`` gives it in
    ``time_to_take``: ``meaning``, ``caveat`` and one :func:`geo.pace.time_to_take.as_dict` per
    window (English, as the command line writes it)."""
    return {"meaning": meaning(time.dmz_km2, time.handover_km2), "caveat": CAVEAT,
            "windows": [as_dict(window) for window in time.russia]}


def _window(windows: Sequence[WindowTime], months: int = HEADLINE_MONTHS) -> WindowTime:
    return next((w for w in windows if w.window_months == months), windows[0])


def when(window: WindowTime, *, at_pace: bool = False, lang: str = "en") -> str:
    """E.g. "about 126 months (April 2037)", "not at this pace", "nothing to take";
    ``at_pace``: the window named inside the brackets ("about 126 months (April 2037, at
    the 12-month pace)")."""
    if not window.oblasts:
        return gettext("nothing to take", lang)
    if window.months is None:
        return gettext(NOT_AT_THIS_PACE, lang)
    time = months_text(window.months, lang=lang)
    paces = at_paces((window,), lang)
    if window.by is None:  # more than a century: no date is named
        return gettext("{time} ({paces})", lang).format(time=time, paces=paces) if at_pace \
            else time
    month = month_year(window.by, lang=lang)
    if at_pace:
        return gettext("{time} ({month}, {paces})", lang).format(time=time, month=month,
                                                                 paces=paces)
    return gettext("{time} ({month})", lang).format(time=time, month=month)


def headline_sentence(time: ProposalTime, *, lang: str = "en") -> str:
    """The 6-month sentence, as in the CLI (:func:`geo.pace.time_to_take.sentence`)."""
    return sentence(time.headline, lang=lang)


def range_sentence(time: ProposalTime, *, lang: str = "en") -> str:
    """The range across the windows, e.g. "Over the last 3, 6 and 12 months: from about 54
    months (March 2031, at the 12-month pace) to about 154 months (August 2039, at the
    3-month pace)."; empty when nothing is handed over."""
    windows = time.russia
    if not time.headline.oblasts:
        return ""
    listed_months, last = months_list(windows, lang), windows[-1].window_months
    taken = sorted((w for w in windows if w.months is not None), key=lambda w: w.months)
    stalled = [w for w in windows if w.months is None]
    if not taken:
        return ngettext("Over the last {windows} month: not at this pace at any of them (the "
                        "line did not move forward).", "Over the last {windows} months: not at "
                        "this pace at any of them (the line did not move forward).", last,
                        lang).format(windows=listed_months)
    low, high = taken[0], taken[-1]
    if round(low.months) == round(high.months):
        text = ngettext("Over the last {windows} month: {time} at each pace that takes it.",
                        "Over the last {windows} months: {time} at each pace that takes it.",
                        last, lang).format(windows=listed_months, time=when(low, lang=lang))
    else:
        text = ngettext("Over the last {windows} month: from {low} to {high}.",
                        "Over the last {windows} months: from {low} to {high}.", last,
                        lang).format(windows=listed_months,
                                     low=when(low, at_pace=True, lang=lang),
                                     high=when(high, at_pace=True, lang=lang))
    if stalled:
        text += " " + "; ".join(gettext("At the {months}-month pace: not at this pace.",
                                        lang).format(months=w.window_months) for w in stalled)
    return text


def range_short(time: ProposalTime, *, lang: str = "en") -> str:
    """The range across the windows in a few words, e.g. "54–154 months at the 3- to
    12-month paces", with the windows not at this pace named; empty when nothing is handed
    over or no window takes it."""
    head = time.headline
    if not head.oblasts:
        return ""
    taken = [w for w in time.russia if w.months is not None]
    stalled = [w for w in time.russia if w.months is None]
    parts = []
    if len(taken) > 1:
        months = [w.months for w in taken]
        parts.append(gettext("{time} {paces}", lang).format(
            time=span(min(months), max(months), lang), paces=at_paces(taken, lang)))
    elif taken and taken[0] is not head:
        parts.append(gettext("{time} {paces}", lang).format(time=when(taken[0], lang=lang),
                                                            paces=at_paces(taken, lang)))
    others = [w for w in stalled if w is not head or taken]
    if others and taken:
        parts.append(not_at(others, lang))
    return "; ".join(parts)


def compact(time: ProposalTime, *, lang: str = "en") -> str:
    """One line for a slide, e.g. "Time to take at the 6-month pace: about 126 months
    (April 2037); 54–154 months at the 3- to 12-month paces"."""
    head = time.headline
    if not head.oblasts:
        return gettext("Time to take at the {months}-month pace: nothing handed to Russia",
                       lang).format(months=head.window_months)
    if head.stalled and head.months is not None:
        text = gettext("Time to take at the {months}-month pace: {time}, {names} not at this "
                       "pace", lang).format(months=head.window_months,
                                            time=when(head, lang=lang),
                                            names=short_names(head.stalled, lang))
    else:
        text = gettext("Time to take at the {months}-month pace: {time}", lang).format(
            months=head.window_months, time=when(head, lang=lang))
    spread = range_short(time, lang=lang)
    return text + (f"; {spread}" if spread else "")


def pace_windows(time: ProposalTime, *, lang: str = "en") -> str:
    """E.g. "the 3, 6 and 12 months to 2026-10-10" (the held day nearest the scenario's)."""
    return ngettext("the {windows} month to {day}", "the {windows} months to {day}",
                    time.russia[-1].window_months, lang).format(
        windows=months_list(time.russia, lang), day=long_date(time.headline.end, lang))


def cut_short(time: ProposalTime) -> tuple[WindowTime, ...]:
    """The windows the series does not reach back over: their first held day is more than
    :data:`SHORT_DAYS` after the day they ask for (the series' first day, or a long gap)."""
    return tuple(w for w in time.russia
                 if (w.start - months_before(w.end, w.window_months)).days > SHORT_DAYS)


def pace_source(time: ProposalTime, *, lang: str = "en") -> str:
    """Where and when the paces are measured, e.g. "Pace: DeepStateMap (deepstatemap.live)
    daily series, net change of the Russian-held area per oblast over the 3, 6 and 12 months
    to 2026-10-10 (EPSG:3035)", saying so when a window is measured over less than its
    length."""
    text = gettext("Pace: {source}, net change of the Russian-held area per oblast over "
                   "{windows} (EPSG:3035)", lang).format(
        source=gettext(PACE_SOURCE, lang), windows=pace_windows(time, lang=lang))
    if time.headline.end != time.day:
        text = gettext("{text}, the held day nearest {day}", lang).format(
            text=text, day=long_date(time.day, lang))
    short = cut_short(time)
    if short:
        text = gettext("{text}; the series holds no day that early for {windows}: measured "
                       "from {day}, the first day held after its start", lang).format(
            text=text, windows=short_windows(short, lang), day=long_date(short[0].start, lang))
    return text


def russia_gives_up(time: ProposalTime, *, lang: str = "en") -> str:
    """What the ground Russia gives up means, at Ukraine's pace over the headline window;
    empty when it gives up none. E.g. "Russia gives up 1,718 km² of the ground it holds: at
    the pace of the last 6 months, Ukraine's forces would take back the 34 km² of it in
    Dnipropetrovsk Oblast, where they advanced, in about 4 months (February 2027); the other
    1,684 km² (Kharkiv Oblast, Sumy Oblast), not at this pace: there Ukraine's forces did not
    advance, and the ground is what Russia concedes rather than what they could take."."""
    if not time.ukraine or not time.ukraine[0].oblasts:
        return ""
    window = _window(time.ukraine)
    months, area = window.window_months, km2(window.km2, lang)
    if window.months is None:
        return ngettext(
            "Russia gives up {area} of the ground it holds: at the pace of the last {months} "
            "month, not at this pace: where it lies, Ukraine's forces did not advance, and the "
            "ground is what Russia concedes rather than what they could take.",
            "Russia gives up {area} of the ground it holds: at the pace of the last {months} "
            "months, not at this pace: where it lies, Ukraine's forces did not advance, and "
            "the ground is what Russia concedes rather than what they could take.",
            months, lang).format(area=area, months=months)
    stalled = window.stalled
    if not stalled:
        return ngettext(
            "Russia gives up {area} of the ground it holds: at the pace of the last {months} "
            "month, Ukraine's forces would take back it in {time}.",
            "Russia gives up {area} of the ground it holds: at the pace of the last {months} "
            "months, Ukraine's forces would take back it in {time}.",
            months, lang).format(area=area, months=months, time=when(window, lang=lang))
    taken = [o for o in window.oblasts if o.months is not None]
    return ngettext(
        "Russia gives up {area} of the ground it holds: at the pace of the last {months} month, "
        "Ukraine's forces would take back the {taken} of it in {taken_names}, where they "
        "advanced, in {time}; the other {rest} ({rest_names}), not at this pace: there "
        "Ukraine's forces did not advance, and the ground is what Russia concedes rather than "
        "what they could take.",
        "Russia gives up {area} of the ground it holds: at the pace of the last {months} "
        "months, Ukraine's forces would take back the {taken} of it in {taken_names}, where "
        "they advanced, in {time}; the other {rest} ({rest_names}), not at this pace: there "
        "Ukraine's forces did not advance, and the ground is what Russia concedes rather than "
        "what they could take.",
        months, lang).format(area=area, months=months, time=when(window, lang=lang),
                             taken=km2(sum(o.km2 for o in taken), lang),
                             taken_names=oblast_names(taken, lang),
                             rest=km2(sum(o.km2 for o in stalled), lang),
                             rest_names=oblast_names(stalled, lang))


def _oblast_range(oblasts: Sequence[OblastTime], windows: Sequence[WindowTime],
                  lang: str) -> str:
    """One oblast's days across the windows, e.g. "March 2031 to August 2039"."""
    taken = sorted(o.by for o in oblasts if o.by is not None)
    stalled = [w for o, w in zip(oblasts, windows) if o.months is None]
    if not taken:
        return gettext(NOT_AT_THIS_PACE, lang) if stalled else \
            months_text(max(o.months for o in oblasts), lang=lang)
    first, last = month_year(taken[0], lang=lang), month_year(taken[-1], lang=lang)
    text = first if first == last else \
        gettext("{first} to {last}", lang).format(first=first, last=last)
    if stalled:
        text += "; " + not_at(stalled, lang, plural=False)
    return text


def oblast_table(time: ProposalTime, *, lang: str = "en") -> pd.DataFrame:
    """One row per oblast where the proposal hands Russia ground, largest first, as text for
    a table in ``lang``: iso_3166_2, name, km2 (handed over), ``paces`` (Russia's net pace
    there over each window, km2/month, e.g. "34.0 / 41.8 / 98.2"), ``taken`` (at the 6-month
    pace, e.g. "April 2037 (126 months)" or "not at this pace") and ``across`` (the days
    across the windows, e.g. "March 2031 to August 2039")."""
    windows = time.russia
    rows = []
    for at, o in enumerate(time.headline.oblasts):
        per_window = [w.oblasts[at] for w in windows]
        head = next(p for p, w in zip(per_window, windows) if w is time.headline)
        rows.append({
            "iso_3166_2": o.iso_3166_2, "name": unit_name(o.iso_3166_2, lang), "km2": o.km2,
            "paces": " / ".join(per_month(p.km2_per_month, lang) for p in per_window),
            "taken": (gettext(NOT_AT_THIS_PACE, lang) if head.months is None
                      else months_text(head.months, lang=lang) if head.by is None
                      else gettext("{month} ({months})", lang).format(
                          month=month_year(head.by, lang=lang),
                          months=bare_months(head.months, lang))),
            "across": _oblast_range(per_window, windows, lang)})
    return pd.DataFrame(rows, columns=["iso_3166_2", "name", "km2", "paces", "taken", "across"])


def csv_columns(time: ProposalTime) -> pd.DataFrame:
    """The time to take as columns of the per-oblast CSV, indexed by iso_3166_2: for each
    window of N months, ``pace_Nm_window`` (an ISO 8601 interval, first/last held day),
    ``pace_Nm_km2_per_month`` (Russia's net pace in the oblast, to 0.1), ``months_to_take_Nm``
    (to 0.1; empty when not at this pace) and ``taken_by_Nm`` (YYYY-MM-DD, or "not at this
    pace"); rows for the oblasts where the proposal hands Russia ground only."""
    rows: dict[str, dict] = {}
    for window in time.russia:
        months = f"{window.window_months}m"
        for o in window.oblasts:
            row = rows.setdefault(o.iso_3166_2, {})
            row[f"pace_{months}_window"] = f"{window.start.isoformat()}/{window.end.isoformat()}"
            row[f"pace_{months}_km2_per_month"] = (None if o.km2_per_month is None
                                                  else round(o.km2_per_month, 1))
            row[f"months_to_take_{months}"] = None if o.months is None else round(o.months, 1)
            row[f"taken_by_{months}"] = (NOT_AT_THIS_PACE if o.months is None
                                         else months_text(o.months) if o.by is None
                                         else o.by.isoformat())
    columns = [name.format(w.window_months) for w in time.russia
               for name in ("pace_{}m_window", "pace_{}m_km2_per_month", "months_to_take_{}m",
                            "taken_by_{}m")]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)
