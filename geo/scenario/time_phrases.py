"""The phrases the time-to-take sentences of :mod:`geo.scenario.proposal_time` are made of,
in the language asked for: windows ("at the 3- to 12-month paces"), spans of months
("54–154 months"), lists of oblasts, paces per month. Each is a whole phrase from the
catalogue, its numbers written by :mod:`geo.language`; English is what the app has always
written.
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.language import N_, gettext, ngettext, number
from geo.pace.time_to_take import OblastTime, WindowTime, months_text
from geo.pace.wording import listed, unit_name

#: Beyond this many months :func:`geo.pace.time_to_take.months_text` says "more than a century".
CENTURY_MONTHS = 1_200


def at_paces(windows: Sequence[WindowTime], lang: str, *, plural: bool = True) -> str:
    """E.g. "at the 3-month pace", "at the 3- and 12-month paces", "at the 3- to 12-month
    paces" (``plural=False``: "pace" however many, as the per-oblast table says it)."""
    lengths = [w.window_months for w in windows]
    if len(lengths) == 1:
        return gettext("at the {months}-month pace", lang).format(months=lengths[0])
    if len(lengths) == 2:
        template = (N_("at the {first}- and {last}-month paces") if plural
                    else N_("at the {first}- and {last}-month pace"))
    else:
        template = (N_("at the {first}- to {last}-month paces") if plural
                    else N_("at the {first}- to {last}-month pace"))
    return gettext(template, lang).format(first=lengths[0], last=lengths[-1])


def not_at(windows: Sequence[WindowTime], lang: str, *, plural: bool = True) -> str:
    """E.g. "not at this pace at the 3-month pace"."""
    return gettext("not at this pace {paces}", lang).format(
        paces=at_paces(windows, lang, plural=plural))


def months_list(windows: Sequence[WindowTime], lang: str) -> str:
    """E.g. "3, 6 and 12"."""
    return listed([str(w.window_months) for w in windows], lang)


def short_names(oblasts: Sequence[OblastTime], lang: str, *, most: int = 2) -> str:
    """E.g. "Kherson and Luhansk" (English names without "Oblast"; Ukrainian names whole),
    "3 oblasts" (more than ``most``)."""
    if len(oblasts) > most:
        return ngettext("{count} oblast", "{count} oblasts", len(oblasts), lang).format(
            count=len(oblasts))
    names = [unit_name(o.iso_3166_2, lang) for o in oblasts]
    if lang == "en":
        names = [name.removesuffix(" Oblast") for name in names]
    return listed(names, lang)


def span(low: float, high: float, lang: str) -> str:
    """E.g. "54–154 months", "310 months to over a century", "about 65 months" (both the
    same), as :func:`geo.pace.time_to_take.months_text` words them."""
    if round(low) == round(high) or (low > CENTURY_MONTHS and high > CENTURY_MONTHS):
        return months_text(high, lang=lang)
    if high > CENTURY_MONTHS:
        return ngettext("{low} month to over a century", "{low} months to over a century",
                        round(low), lang).format(low=number(low, lang))
    return ngettext("{low}–{high} month", "{low}–{high} months", round(high), lang).format(
        low=number(low, lang), high=number(high, lang))


def short_windows(windows: Sequence[WindowTime], lang: str) -> str:
    """E.g. "the 6-month window", "the 6- and 12-month windows"."""
    lengths = [w.window_months for w in windows]
    if len(lengths) == 1:
        return gettext("the {months}-month window", lang).format(months=lengths[0])
    template = (N_("the {first}- and {last}-month windows") if len(lengths) == 2
                else N_("the {first}- to {last}-month windows"))
    return gettext(template, lang).format(first=lengths[0], last=lengths[-1])


def oblast_names(oblasts: Sequence[OblastTime], lang: str, *, most: int = 3) -> str:
    """The oblasts' names (only their number when there are more than ``most``)."""
    if len(oblasts) > most:
        return ngettext("{count} oblast", "{count} oblasts", len(oblasts), lang).format(
            count=len(oblasts))
    return listed([unit_name(o.iso_3166_2, lang) for o in oblasts], lang)


def per_month(value: float | None, lang: str) -> str:
    """A pace (km² per month) to 0.1 with a minus sign for ground lost, e.g. "34.0",
    "\u22122.5"; "–" when it cannot be measured."""
    return "–" if value is None else number(value, lang, decimals=1).replace("-", "\u2212")


def bare_months(months: float, lang: str) -> str:
    """E.g. "126 months" (:func:`geo.pace.time_to_take.months_text` without its "about"),
    "under a month"."""
    if months < 1:
        return months_text(months, lang=lang)
    return ngettext("{count} month", "{count} months", round(months), lang).format(
        count=number(months, lang))


__all__ = ["CENTURY_MONTHS", "at_paces", "bare_months", "months_list", "not_at", "oblast_names",
           "per_month", "short_names", "short_windows", "span"]
