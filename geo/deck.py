"""A presenter's deck: a sequence of scenarios written as one URL parameter.

Steps are separated by commas; a step is a preset name, with its parameters after colons:
``freeze``, ``donbas``, ``claims``, ``plan28``, ``swap``, ``mutual:UA_KM:RU_KM``,
``shift:KM[:UA-14+UA-09]``, ``target:UA-14:85``. Example:
``freeze,donbas,mutual:15:15``. Custom lines cannot be deck steps (they are not in links).
"""

from __future__ import annotations

from geo.scenarios import Scenario, ScenarioError

#: The deck a presenter gets without asking: today's line, Russia's demand, Ukraine's offer.
DEFAULT_DECK = "freeze,donbas,mutual:15:15"
MAX_STEPS = 20


def _step(token: str) -> Scenario:
    preset, *args = token.strip().split(":")
    try:
        if preset == "mutual" and len(args) == 2:
            return Scenario("mutual", ua_km=float(args[0]), ru_km=float(args[1]))
        if preset == "shift" and len(args) in (1, 2):
            oblasts = tuple(c for c in args[1].split("+") if c) if len(args) == 2 else ()
            return Scenario("shift", shift_km=float(args[0]), oblasts=oblasts)
        if preset == "target" and len(args) == 2:
            return Scenario("target", target=(args[0].upper(), float(args[1])))
        if preset in ("freeze", "donbas", "claims", "plan28", "swap") and not args:
            return Scenario(preset)
    except ValueError as error:
        raise ScenarioError(f"deck step {token[:40]!r}: {error}") from None
    raise ScenarioError(f"deck step {token[:40]!r} is not one of: freeze, donbas, claims, "
                        "plan28, swap, mutual:UA_KM:RU_KM, shift:KM[:CODES], target:CODE:PCT")


def parse_deck(text: str) -> tuple[list[Scenario], list[str]]:
    """The deck's steps and a warning for every step that was left out (never raises)."""
    steps, warnings = [], []
    for token in [t for t in str(text).split(",") if t.strip()][:MAX_STEPS]:
        try:
            steps.append(_step(token))
        except ScenarioError as error:
            warnings.append(str(error))
    return steps, warnings


def step_token(scenario: Scenario) -> str:
    """One step as written in a deck (the inverse of parsing it)."""
    if scenario.preset == "mutual":
        return f"mutual:{scenario.ua_km:g}:{scenario.ru_km:g}"
    if scenario.preset == "shift":
        codes = "+".join(scenario.oblasts)
        return f"shift:{scenario.shift_km:g}" + (f":{codes}" if codes else "")
    if scenario.preset == "target" and scenario.target is not None:
        return f"target:{scenario.target[0]}:{scenario.target[1]:g}"
    if scenario.preset == "custom":
        raise ScenarioError("a custom line cannot be a deck step: it is not kept in links")
    return scenario.preset


def format_deck(steps: list[Scenario]) -> str:
    """The deck parameter for ``steps``."""
    return ",".join(step_token(s) for s in steps)
