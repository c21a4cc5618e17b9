"""A presenter's deck: a sequence of scenarios written as one URL parameter.

Steps are separated by commas; a step is a preset name, with its parameters after colons in the
order of :mod:`geo.scenario.proposals` (:meth:`~geo.scenario.proposals.Proposal.step_form`):
``freeze``, ``donbas``, ``claims``, ``plan28``, ``swap``, ``mutual:UA_KM:RU_KM``,
``shift:KM[:UA-14+UA-09]``, ``target:UA-14:85``. Example: ``freeze,donbas,mutual:15:15``. Custom
lines cannot be deck steps (they are not in links). A step left out is explained by a
:class:`~geo.language.Message` (English as ``str()``, any language with ``.text(lang)``).
"""

from __future__ import annotations

from geo.language import Message
from geo.scenario.presets import Scenario, ScenarioError, scenario_of, values_of
from geo.scenario.proposals import PROPOSALS, Parameter, UnitChoice, in_links

#: The deck a presenter gets without asking: today's line, Russia's demand, Ukraine's offer.
DEFAULT_DECK = "freeze,donbas,mutual:15:15"
MAX_STEPS = 20


def _step(token: str) -> Scenario:
    preset, *args = token.strip().split(":")
    proposal = PROPOSALS.get(preset)
    if proposal is not None and proposal.in_links:
        parameters = proposal.parameters
        required = sum(not _optional(p) for p in parameters)
        if required <= len(args) <= len(parameters):
            try:
                return scenario_of(preset, {p.name: _read(p, arg)
                                            for p, arg in zip(parameters, args)})
            except ScenarioError as error:
                raise ScenarioError(Message("deck step {step}: {problem}",
                                            {"step": repr(token[:40]),
                                             "problem": error.message})) from None
    forms = ", ".join(PROPOSALS[code].step_form() for code in in_links())
    raise ScenarioError(Message("deck step {step} is not one of: {forms}",
                                {"step": repr(token[:40]), "forms": forms}))


def _optional(parameter: Parameter | UnitChoice) -> bool:
    """Whether a step may leave it out: a choice of any number of units (everywhere)."""
    return isinstance(parameter, UnitChoice) and parameter.many


def _read(parameter: Parameter | UnitChoice, arg: str) -> object:
    if isinstance(parameter, Parameter):
        try:
            return float(arg)
        except ValueError:
            raise ScenarioError(Message("{value} is not a number",
                                        {"value": repr(arg[:20])})) from None
    if parameter.many:
        return tuple(code for code in arg.split("+") if code)
    return arg.upper()


def _write(parameter: Parameter | UnitChoice, value: object) -> str:
    if isinstance(parameter, Parameter):
        return f"{value:g}"
    return "+".join(value) if parameter.many else str(value)


def parse_deck(text: str) -> tuple[list[Scenario], list[Message]]:
    """The deck's steps and a warning for every step that was left out (never raises)."""
    steps, warnings = [], []
    for token in [t for t in str(text).split(",") if t.strip()][:MAX_STEPS]:
        try:
            steps.append(_step(token))
        except ScenarioError as error:
            warnings.append(error.message)
    return steps, warnings


def step_token(scenario: Scenario) -> str:
    """One step as written in a deck (the inverse of parsing it)."""
    proposal = PROPOSALS[scenario.preset]
    if not proposal.in_links:
        raise ScenarioError(Message(
            "a custom line cannot be a deck step: it is not kept in links"))
    values = values_of(scenario)
    args = [_write(p, values[p.name]) for p in proposal.parameters]
    # A trailing choice of no units (everywhere) is left out: shift:10, not shift:10:.
    while args and not args[-1] and _optional(proposal.parameters[len(args) - 1]):
        args.pop()
    return ":".join([scenario.preset, *args])


def format_deck(steps: list[Scenario]) -> str:
    """The deck parameter for ``steps``."""
    return ",".join(step_token(s) for s in steps)
