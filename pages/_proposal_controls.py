"""A proposal's controls in a sidebar, drawn from the registry (geo/scenario/proposals.py): the
menu, sliders and choices of units that the Ceasefire lines and Compare pages share.

Each page names its own widget keys (links, tests and benchmarks address them) with a
function from a parameter's name (or "preset", the menu) to the key.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from geo.data.names import UNIT_NAMES
from geo.scenario.presets import Scenario, values_of
from geo.scenario.proposals import (DEFAULT_PROPOSAL, PARAMETERS, PROPOSALS, Parameter, UnitChoice,
                                    in_links)

#: A page's widget key for "preset" (the menu) or a parameter's name (e.g. "ua_km").
Keys = Callable[[str], str]


def unit_label(code: str) -> str:
    """A unit as its choices show it: "Donetsk Oblast (UA-14)"."""
    return f"{UNIT_NAMES[code][0]} ({code})"


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
    code = st.selectbox("Proposal", codes, format_func=lambda c: PROPOSALS[c].title,
                        key=keys("preset"))
    proposal = PROPOSALS[code]
    if not side_by_side:
        st.caption(proposal.description)
    return code, {parameter.name: _control(parameter, keys(parameter.name), side_by_side)
                  for parameter in proposal.controls(side_by_side=side_by_side)}


def _control(parameter: Parameter | UnitChoice, key: str, side_by_side: bool) -> object:
    ensure(key, _widget_value(parameter, parameter.default))
    label = parameter.label_for(side_by_side=side_by_side)
    if isinstance(parameter, Parameter):
        return st.slider(label, parameter.low, parameter.high, step=parameter.step, key=key,
                         help=parameter.help, format=_number_format(parameter))
    if parameter.many:
        return tuple(st.multiselect(label, list(UNIT_NAMES), format_func=unit_label, key=key,
                                    help=parameter.help))
    return st.selectbox(label, list(UNIT_NAMES), format_func=unit_label, key=key,
                        help=parameter.help)


def _number_format(parameter: Parameter) -> str:
    """The slider's value with its unit, e.g. "15 km" or "7.5 km" (Streamlit's default
    shows "15.00"); printf-style, as Streamlit's slider takes it."""
    return "%g " + parameter.unit.replace("%", "%%")


def _widget_value(parameter: Parameter | UnitChoice, value: object) -> object:
    """``value`` as the parameter's widget holds it (a slider a float, a multiselect a list)."""
    if isinstance(parameter, Parameter):
        return float(value)
    return list(value) if parameter.many else value
