"""The proposals a scenario can be, and the parameters each takes: the one registry that the
scenario value, links, decks, the command line and the pages' controls read.

A :class:`Proposal` names a preset (its code, menu title and description), the parameters it
takes in order, and which controls it shows. A parameter is a :class:`Parameter` (a number:
a distance in km or a share in percent, with its range, step and default) or a
:class:`UnitChoice` (units of Ukraine by ISO 3166-2 code). Distances are km on the ground,
shares percent 0-100. The geometry each proposal draws is :mod:`geo.scenario.presets`'.

Titles, descriptions, labels, units and notes are English source text marked for the
catalogue (:func:`geo.language.N_`): shown with :func:`geo.language.gettext` in the visitor's
language (:meth:`Parameter.label_for` does so for a control's label).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from geo.language import N_, gettext


@dataclass(frozen=True)
class Parameter:
    """A number a proposal takes.

    Attributes
    ----------
    name
        Its name, e.g. ``ua_km``: the key of its value wherever values are passed by name.
    label
        What it is, without its unit (the control's label adds the unit).
    unit
        "km" or "%".
    low, high
        The range a value may take, inclusive, in ``unit``.
    step
        A control's step, in ``unit``.
    default
        The value when none is given (a control's first position, a link's fallback).
    help
        A control's tooltip, if any.
    note
        What the sign means, added to the label where there is room.
    token
        Its placeholder in a deck step's form, e.g. ``UA_KM`` in ``mutual:UA_KM:RU_KM``.
    attribute
        The :class:`~geo.scenario.presets.Scenario` attribute, and the link's query key, that holds
        it; "" means ``name``. Two parameters holding one attribute make a pair (a
        :class:`UnitChoice` and a share: ``target=UA-14=85``).
    side_by_side
        Whether it has a control where two proposals share a sidebar (Compare).
    """

    name: str
    label: str
    unit: str
    low: float
    high: float
    step: float
    default: float
    help: str | None = None
    note: str = ""
    token: str = ""
    attribute: str = ""
    side_by_side: bool = True

    @property
    def held_in(self) -> str:
        """The Scenario attribute and link key that hold the value."""
        return self.attribute or self.name

    def label_for(self, *, side_by_side: bool = False, lang: str = "en") -> str:
        """The control's label with its unit in ``lang``, e.g. "Ukraine pulls back (km)",
        "Україна відводить війська (км)"; the note on the sign only where one proposal has
        the sidebar to itself."""
        label, unit = gettext(self.label, lang), gettext(self.unit, lang)
        if self.note and not side_by_side:
            return gettext("{label} ({unit}; {note})", lang).format(
                label=label, unit=unit, note=gettext(self.note, lang))
        return gettext("{label} ({unit})", lang).format(label=label, unit=unit)

    def holds(self, value: float) -> bool:
        """Whether ``value`` is within the range (NaN is not)."""
        return self.low <= value <= self.high


@dataclass(frozen=True)
class UnitChoice:
    """Units of Ukraine (ISO 3166-2 codes such as UA-14) a proposal applies to.

    Attributes are as :class:`Parameter`'s; ``many``: any number of units (the default
    then a tuple, empty meaning everywhere), else exactly one (the default a code).
    """

    name: str
    label: str
    many: bool
    default: str | tuple[str, ...]
    help: str | None = None
    token: str = ""
    attribute: str = ""
    side_by_side: bool = True

    @property
    def held_in(self) -> str:
        """The Scenario attribute and link key that hold the value."""
        return self.attribute or self.name

    def label_for(self, *, side_by_side: bool = False, lang: str = "en") -> str:
        """The control's label in ``lang`` (a choice of units has no unit of its own)."""
        return gettext(self.label, lang)


@dataclass(frozen=True)
class Proposal:
    """One preset: what it is called, what it stands for, what it takes.

    Attributes
    ----------
    code
        Its key in links, decks and the command line, e.g. ``mutual``.
    title
        Its short name, for menus and titles.
    description
        What it stands for, in a sentence.
    parameters
        What it takes, in the order of its deck step (``mutual:UA_KM:RU_KM``).
    in_links
        Whether a link (and a deck step) can hold it: a drawn line cannot.
    drawn
        Whether its line is drawn on the map or uploaded (the page then shows those
        controls instead of parameters).
    """

    code: str
    title: str
    description: str
    parameters: tuple[Parameter | UnitChoice, ...] = ()
    in_links: bool = True
    drawn: bool = False

    def controls(self, *, side_by_side: bool = False) -> tuple[Parameter | UnitChoice, ...]:
        """The parameters a sidebar shows a control for; ``side_by_side``: where two
        proposals share the sidebar (Compare), which leaves out the finer choices."""
        return tuple(p for p in self.parameters if p.side_by_side or not side_by_side)

    def step_form(self) -> str:
        """How a deck writes it, e.g. ``shift:KM[:CODES]`` (a choice of any number of units
        may be left out: everywhere)."""
        return self.code + "".join(f"[:{p.token}]" if _optional(p) else f":{p.token}"
                                   for p in self.parameters)


def _optional(parameter: Parameter | UnitChoice) -> bool:
    return isinstance(parameter, UnitChoice) and parameter.many


UA_KM = Parameter("ua_km", N_("Ukraine pulls back"), N_("km"), 0.0, 50.0, 1.0, 15.0,
                  token="UA_KM")
RU_KM = Parameter("ru_km", N_("Russia pulls back"), N_("km"), 0.0, 50.0, 1.0, 15.0,
                  token="RU_KM")
SHIFT_KM = Parameter("shift_km", N_("Move the line"), N_("km"), -30.0, 30.0, 1.0, 10.0,
                     note=N_("+ into Ukrainian-held ground"), token="KM")
OBLASTS = UnitChoice("oblasts", N_("Only in these oblasts (none: everywhere)"), many=True,
                     default=(), token="CODES", side_by_side=False)
TARGET_UNIT = UnitChoice("target_unit", N_("Oblast"), many=False, default="UA-14",
                         token="CODE", attribute="target")
TARGET_PCT = Parameter("target_pct", N_("Share held by Russia"), "%", 0.0, 100.0, 1.0, 85.0,
                       token="PCT", attribute="target")

#: Every proposal by code, in menu order.
PROPOSALS: Mapping[str, Proposal] = MappingProxyType({p.code: p for p in (
    Proposal("freeze", N_("Freeze on today's line"),
             N_("Ceasefire on the current line of contact")),
    Proposal("donbas", N_("Russia's demand: all of Donbas"),
             N_("Russia's demand: Ukraine leaves all of Donetsk and Luhansk oblasts")),
    Proposal("claims", N_("Everything Russia claims"),
             N_("Everything Russia claims: Donetsk, Luhansk, Zaporizhzhia, Kherson, Crimea")),
    Proposal("plan28", N_("28-point plan (point 21)"),
             N_("28-point plan, point 21: Donbas to Russia, Ukraine's part of Donetsk a "
                "demilitarised zone; Kherson and Zaporizhzhia frozen; Russia leaves the rest")),
    Proposal("swap", N_("Land swap (August 2025)"),
             N_("Land swap: Ukraine leaves Donbas, Russia leaves Kharkiv, Sumy, "
                "Dnipropetrovsk")),
    Proposal("mutual", N_("Mutual pull-back (Ukraine's offer)"),
             N_("Mutual pull-back: both sides withdraw from the line, leaving a demilitarised "
                "zone"), (UA_KM, RU_KM)),
    Proposal("shift", N_("Move the line"),
             N_("Move the line by a distance, everywhere or in chosen oblasts"),
             (SHIFT_KM, OBLASTS)),
    Proposal("target", N_("Line for a target share"),
             N_("Move the line in one oblast until Russia holds a chosen share of it"),
             (TARGET_UNIT, TARGET_PCT)),
    Proposal("custom", N_("Your own line"), N_("A line you draw or upload"), in_links=False,
             drawn=True),
)})
#: The proposal shown when nothing (or nothing valid) is asked for.
DEFAULT_PROPOSAL = "freeze"
#: Every parameter by name.
PARAMETERS: Mapping[str, Parameter | UnitChoice] = MappingProxyType(
    {p.name: p for proposal in PROPOSALS.values() for p in proposal.parameters})


def in_links() -> list[str]:
    """The codes of the proposals a link or a deck step can hold, in menu order."""
    return [code for code, proposal in PROPOSALS.items() if proposal.in_links]


__all__ = ["DEFAULT_PROPOSAL", "OBLASTS", "PARAMETERS", "PROPOSALS", "RU_KM", "SHIFT_KM",
           "TARGET_PCT", "TARGET_UNIT", "UA_KM", "Parameter", "Proposal", "UnitChoice",
           "in_links"]
