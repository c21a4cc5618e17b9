"""A view (scenario and day) to and from URL query parameters, so a link reopens it.

Parsing never raises: a malformed value gives a warning and that parameter's default. A
warning is a :class:`~geo.language.Message` (English as ``str()``, a visitor's language with
``.text(lang)``); parameter names and values in it stay as the link writes them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from geo.data.names import UNIT_NAMES
from geo.language import Message
from geo.scenario.presets import Scenario, scenario_of, values_of
from geo.scenario.proposals import DEFAULT_PROPOSAL, PROPOSALS, Parameter, Proposal, UnitChoice

#: The preset a link gets when it names none, or none that a link can hold.
DEFAULT_PRESET = DEFAULT_PROPOSAL
#: Every key a link may hold: the preset, the day, then each parameter's (its Scenario
#: attribute's) in the registry's order.
QUERY_KEYS = ("preset", "date", *dict.fromkeys(
    p.held_in for proposal in PROPOSALS.values() for p in proposal.parameters))


@dataclass(frozen=True)
class View:
    """What a link shows: a scenario (without a custom line), the day asked for (None = the
    newest day held; any day, held or not: the page resolves it against the held and the
    shipped days, see :func:`geo.data.series.choose_day`), and the warnings met while reading it."""

    scenario: Scenario
    date: dt.date | None = None
    warnings: tuple[Message, ...] = field(default=(), compare=False)


def _number(raw: str, name: str | Message, low: float, high: float, default: float,
            warnings: list[Message]) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        warnings.append(Message("{name}={value} is not a number; using {default}",
                                {"name": name, "value": repr(raw), "default": f"{default:g}"}))
        return default
    if not math.isfinite(value) or not low <= value <= high:
        warnings.append(Message("{name}={value} is outside {low} to {high}; using {default}",
                                {"name": name, "value": repr(raw), "low": f"{low:g}",
                                 "high": f"{high:g}", "default": f"{default:g}"}))
        return default
    return value


def _oblasts(raw: str, name: str, warnings: list[Message]) -> tuple[str, ...]:
    codes = [c.strip().upper() for c in str(raw).split(",") if c.strip()]
    unknown = [c for c in codes if c not in UNIT_NAMES]
    if unknown:
        warnings.append(Message("{name}: unknown codes {codes}; using everywhere",
                                {"name": name, "codes": repr(", ".join(unknown)[:80])}))
        return ()
    return tuple(dict.fromkeys(codes))


def _target(raw: str, unit: UnitChoice, share: Parameter,
            warnings: list[Message]) -> tuple[str, float]:
    code, _, pct = str(raw).partition("=")
    code = code.strip().upper()
    if code not in UNIT_NAMES:
        warnings.append(Message("{name}={value} should look like UA-14=85; using {default}",
                                {"name": share.held_in, "value": repr(str(raw)[:40]),
                                 "default": f"{unit.default}={share.default:g}"}))
        return unit.default, share.default
    return code, _number(pct, Message("target share"), share.low, share.high, share.default,
                         warnings)


def _links(proposal: Proposal) -> dict[str, list[Parameter | UnitChoice]]:
    """The proposal's parameters by the link key that holds them, in order."""
    keys: dict[str, list[Parameter | UnitChoice]] = {}
    for parameter in proposal.parameters:
        keys.setdefault(parameter.held_in, []).append(parameter)
    return keys


def _read(key: str, held: list[Parameter | UnitChoice], query: Mapping[str, str],
          warnings: list[Message]) -> dict[str, object]:
    """The values of the parameters ``held`` in the link's ``key``, by name."""
    match held:
        case [Parameter() as number]:
            return {number.name: _number(query.get(key, number.default), key, number.low,
                                         number.high, number.default, warnings)}
        case [UnitChoice(many=True) as units]:
            return {units.name: _oblasts(query.get(key, ""), key, warnings)}
        case [UnitChoice(many=False) as unit, Parameter() as share]:
            code, pct = (_target(query[key], unit, share, warnings) if key in query
                         else (unit.default, share.default))
            return {unit.name: code, share.name: pct}
    raise TypeError(f"no link form for {[p.name for p in held]}")  # pragma: no cover


def _write(held: list[Parameter | UnitChoice], values: Mapping[str, object]) -> str | None:
    """The text of the link's key that holds ``held`` (None: left out of the link)."""
    match held:
        case [Parameter() as number]:
            return f"{values[number.name]:g}"
        case [UnitChoice(many=True) as units]:
            return ",".join(values[units.name]) or None
        case [UnitChoice(many=False) as unit, Parameter() as share]:
            return f"{values[unit.name]}={values[share.name]:g}"
    raise TypeError(f"no link form for {[p.name for p in held]}")  # pragma: no cover


def _date(raw: str, warnings: list[Message]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        warnings.append(Message("date={value} is not a YYYY-MM-DD date; using the newest",
                                {"value": repr(str(raw)[:40])}))
        return None


def parse_view(query: Mapping[str, str]) -> View:
    """Read a :class:`View` from query parameters (:data:`QUERY_KEYS`: preset, date, and
    the parameters of the preset, with the ranges and defaults of :mod:`geo.scenario.proposals`);
    unknown keys, and parameters the preset does not take, are ignored."""
    warnings: list[Message] = []
    preset = str(query.get("preset", DEFAULT_PRESET))
    if preset in PROPOSALS and not PROPOSALS[preset].in_links:
        warnings.append(Message("a drawn or uploaded line is not kept in links: showing "
                                "{default}; draw or upload the line again",
                                {"default": DEFAULT_PRESET}))
        preset = DEFAULT_PRESET
    elif preset not in PROPOSALS:
        warnings.append(Message("preset={value} is not a scenario; using {default}",
                                {"value": repr(preset[:40]), "default": DEFAULT_PRESET}))
        preset = DEFAULT_PRESET
    date = _date(query["date"], warnings) if "date" in query else None
    values: dict[str, object] = {}
    for key, held in _links(PROPOSALS[preset]).items():
        values.update(_read(key, held, query, warnings))
    return View(scenario_of(preset, values), date, tuple(warnings))


def to_query(scenario: Scenario, date: dt.date | None) -> dict[str, str]:
    """Query parameters that :func:`parse_view` reads back into the same view."""
    query = {"preset": scenario.preset}
    if date is not None:
        query["date"] = date.isoformat()
    values = values_of(scenario)
    for key, held in _links(PROPOSALS[scenario.preset]).items():
        if (text := _write(held, values)) is not None:
            query[key] = text
    return query
