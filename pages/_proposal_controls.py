"""A proposal's controls in a sidebar, drawn from the registry (geo/scenario/proposals.py): the
menu, sliders and choices of units that the Ceasefire lines and Compare pages share.

Each page names its own widget keys (links, tests and benchmarks address them) with a
function from a parameter's name (or "preset", the menu) to the key. Labels, titles and
descriptions are in the visitor's language (pages/_language.py).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from geo.data.names import UNIT_NAMES
from geo.language import gettext, pgettext
from geo.pace.wording import unit_name
from geo.scenario.presets import Scenario, values_of
from geo.scenario.proposals import (DEFAULT_PROPOSAL, PARAMETERS, PROPOSALS, Parameter, UnitChoice,
                                    in_links)
from pages._language import _, language

#: A page's widget key for "preset" (the menu) or a parameter's name (e.g. "ua_km").
Keys = Callable[[str], str]


def unit_label(code: str, lang: str | None = None) -> str:
    """A unit as its choices show it: "Donetsk Oblast (UA-14)", "Донецька область (UA-14)"
    (``lang``: the visitor's language unless given)."""
    return f"{unit_name(code, lang or language())} ({code})"


def title(code: str, lang: str | None = None) -> str:
    """Proposal ``code``'s title in ``lang`` (the visitor's language unless given)."""
    return gettext(PROPOSALS[code].title, lang or language())


def menu_title(code: str, lang: str | None = None) -> str:
    """Proposal ``code``'s title as the sidebar's menu shows it: the box cuts what is wider
    than about 190 px (some 27 characters), so a long title has a shorter form there, given
    by the catalogue in the context "proposal menu" (the page's heading keeps the full
    title, :func:`title`); the full title where there is none."""
    lang = lang or language()
    short = _menu_titles(lang).get(PROPOSALS[code].title)
    return short if short is not None else title(code, lang)


def _menu_titles(lang: str) -> dict[str, str]:
    """The short menu titles in ``lang``, by the English title they stand for (in English
    they are the titles themselves: only translations run long)."""
    # Translators: the proposals' titles in the sidebar's narrow menu: some 27 characters at
    # most (a longer one is cut off), e.g. "Заморожування лінії".
    return {"Freeze on today's line": pgettext("proposal menu", "Freeze on today's line", lang),
            "Land swap (August 2025)": pgettext("proposal menu", "Land swap (August 2025)",
                                                lang),
            "Mutual pull-back (Ukraine's offer)": pgettext(
                "proposal menu", "Mutual pull-back (Ukraine's offer)", lang)}


def _in(label: Callable[[str, str], str], lang: str) -> Callable[[str], str]:
    """``label`` bound to ``lang``: a widget's ``format_func`` is also called outside the run
    (streamlit.testing), where the session's language cannot be read."""
    return lambda code: label(code, lang)


def ensure(key: str, default: object) -> None:
    """Give widget ``key`` a value if it has none."""
    # Streamlit forgets the state of widgets that were not drawn in the last run.
    if key not in st.session_state:
        st.session_state[key] = default


def show(scenario: Scenario, keys: Keys, *, every: bool = False) -> None:
    """Set the proposal's widgets to ``scenario`` (before they are drawn, or in a callback);
    ``every``: the other proposals' parameters too, to their defaults (a page's controls as
    a link opens them)."""
    state = st.session_state
    state[keys("preset")] = scenario.preset
    values = values_of(scenario)
    for name, parameter in PARAMETERS.items():
        if name in values or every:
            state[keys(name)] = _widget_value(parameter, values.get(name, parameter.default))


def proposal_controls(keys: Keys, *, side_by_side: bool = False) -> tuple[str, dict[str, object]]:
    """The proposal menu and the controls of the proposal chosen, where the caller draws
    (a sidebar); returns its code and its parameters' values by name
    (:func:`geo.scenario.presets.scenario_of` makes the scenario).

    ``side_by_side``: where two proposals share the sidebar (Compare): only the proposals a link can
    hold, no description, and :meth:`geo.scenario.proposals.Proposal.controls`' shorter set.
    A proposal whose line is drawn (``custom``) has no parameters: its page adds its controls.
    """
    ensure(keys("preset"), DEFAULT_PROPOSAL)
    codes = in_links() if side_by_side else list(PROPOSALS)
    code = st.selectbox(_("Proposal"), codes, format_func=_in(menu_title, language()),
                        key=keys("preset"))
    proposal = PROPOSALS[code]
    if not side_by_side:
        st.caption(gettext(proposal.description, language()))
    return code, {parameter.name: _control(parameter, keys(parameter.name), side_by_side)
                  for parameter in proposal.controls(side_by_side=side_by_side)}


def _control(parameter: Parameter | UnitChoice, key: str, side_by_side: bool) -> object:
    ensure(key, _widget_value(parameter, parameter.default))
    lang = language()
    label = parameter.label_for(side_by_side=side_by_side, lang=lang)
    help = gettext(parameter.help, lang) if parameter.help else None
    if isinstance(parameter, Parameter):
        return st.slider(label, parameter.low, parameter.high, step=parameter.step, key=key,
                         help=help, format=_number_format(parameter, lang))
    if parameter.many:
        return tuple(st.multiselect(label, list(UNIT_NAMES), format_func=_in(unit_label, lang),
                                    key=key, help=help, placeholder=_("Choose options")))
    return st.selectbox(label, list(UNIT_NAMES), format_func=_in(unit_label, lang), key=key,
                        help=help)


def _number_format(parameter: Parameter, lang: str) -> str:
    """The slider's value with its unit, e.g. "15 km" or "7.5 km" (Streamlit's default
    shows "15.00"), "15 км"; printf-style, as Streamlit's slider takes it."""
    return "%g " + gettext(parameter.unit, lang).replace("%", "%%")


def _widget_value(parameter: Parameter | UnitChoice, value: object) -> object:
    """``value`` as the parameter's widget holds it (a slider a float, a multiselect a list)."""
    if isinstance(parameter, Parameter):
        return float(value)
    return list(value) if parameter.many else value
