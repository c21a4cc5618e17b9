"""The options that make a scenario (``scenario``, ``figure``, ``export``), read off the
registry of proposals (:mod:`geo.scenario.proposals`), so a preset added there is on the
command line too.

Each parameter is set by the option named for the Scenario attribute (and link key) that
holds it, :attr:`~geo.scenario.proposals.Parameter.held_in`: ``ua_km`` by ``--ua-km 15``,
``oblasts`` by ``--oblasts UA-14,UA-09``. Parameters that share an attribute share an option,
their values joined by "=" as in a link: ``target_unit`` and ``target_pct`` by ``--target
UA-14=85``. A drawn line is no parameter: a proposal whose line is drawn or uploaded
(``custom``) reads it from ``--line FILE.geojson``.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from types import MappingProxyType

from geo.cli.arguments import iso_date
from geo.ingest.line import read_line
from geo.scenario.presets import Scenario, ScenarioError, scenario_of
from geo.scenario.proposals import PARAMETERS, PROPOSALS, Parameter, UnitChoice

#: An example where a choice of any number of units defaults to none (everywhere).
_EXAMPLE_CODES = ("UA-14", "UA-09")


def _held() -> Mapping[str, tuple[Parameter | UnitChoice, ...]]:
    held: dict[str, list[Parameter | UnitChoice]] = {}
    for parameter in PARAMETERS.values():
        held.setdefault(parameter.held_in, []).append(parameter)
    return MappingProxyType({name: tuple(group) for name, group in held.items()})


#: Every Scenario attribute a parameter is held in, with its parameters, in the registry's
#: order: one option each.
HELD: Mapping[str, tuple[Parameter | UnitChoice, ...]] = _held()


def option_of(attribute: str) -> str:
    """The option that sets a Scenario attribute, e.g. ``--ua-km`` for ``ua_km``."""
    return "--" + attribute.replace("_", "-")


def _number(group: tuple[Parameter | UnitChoice, ...]) -> bool:
    """Whether the group is one number, which argparse itself reads as a float."""
    return len(group) == 1 and isinstance(group[0], Parameter)


def _written(parameter: Parameter | UnitChoice, value: object) -> str:
    if isinstance(parameter, Parameter):
        return f"{value:g}"
    return ",".join(value) if parameter.many else str(value)


def _default(group: tuple[Parameter | UnitChoice, ...]) -> str:
    return "=".join(_written(p, p.default) for p in group)


def _example(group: tuple[Parameter | UnitChoice, ...]) -> str:
    return "=".join(_written(p, _EXAMPLE_CODES if p.default == () else p.default)
                    for p in group)


def _help(attribute: str, group: tuple[Parameter | UnitChoice, ...]) -> str:
    presets = ", ".join(code for code, proposal in PROPOSALS.items()
                        if any(p.held_in == attribute for p in proposal.parameters))
    said = f"{presets}: {'='.join(p.label_for() for p in group)}"
    if not _number(group):
        said += f", e.g. {_example(group)}"
    # argparse %-formats help: a share's "%" would be read as a format.
    return said.replace("%", "%%")


def add_scenario_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--preset``, ``--date``, an option per attribute of :data:`HELD` and ``--line``
    (read back by :func:`scenario_from`)."""
    parser.add_argument("--preset", choices=list(PROPOSALS), required=True)
    parser.add_argument("--date", type=iso_date, default=None,
                        help="YYYY-MM-DD; the newest snapshot on or before it (default: newest)")
    for attribute, group in HELD.items():
        if _number(group):
            parser.add_argument(option_of(attribute), dest=attribute, type=float,
                                default=group[0].default, help=_help(attribute, group))
        else:
            # Read when the scenario is made, so a malformed value is reported as the
            # scenario's own errors are (one line, exit status 2).
            parser.add_argument(option_of(attribute), dest=attribute, default=_default(group),
                                help=_help(attribute, group))
    drawn = ", ".join(code for code, proposal in PROPOSALS.items() if proposal.drawn)
    parser.add_argument("--line", default=None, help=f"{drawn}: a GeoJSON file with a line")


def _read(parameter: Parameter | UnitChoice, text: str) -> object:
    """The value of ``parameter`` written ``text`` (ValueError if it is not a number)."""
    if isinstance(parameter, Parameter):
        return float(text)
    if parameter.many:
        return tuple(code.strip().upper() for code in text.split(",") if code.strip())
    return text.strip().upper()


def _values(args: argparse.Namespace, attribute: str) -> dict[str, object]:
    """The values of the parameters held in ``attribute``, by name, from its option."""
    group, given = HELD[attribute], getattr(args, attribute)
    if _number(group):
        return {group[0].name: given}
    parts = given.split("=", len(group) - 1)
    try:
        if len(parts) != len(group):
            raise ValueError(given)
        return {p.name: _read(p, part) for p, part in zip(group, parts)}
    except ValueError:
        raise ScenarioError(f"{option_of(attribute)} must look like {_example(group)}, "
                            f"not {given!r}") from None


def scenario_from(args: argparse.Namespace) -> Scenario:
    """The scenario the options of :func:`add_scenario_options` ask for; the options of
    parameters the preset does not take are ignored.

    Raises
    ------
    ScenarioError
        If a value is malformed or out of range, a unit unknown, or a drawn line missing.
    OSError, geo.ingest.InputError
        If ``--line``'s file cannot be read or holds no usable line.
    """
    proposal = PROPOSALS[args.preset]
    values: dict[str, object] = {}
    for attribute in dict.fromkeys(p.held_in for p in proposal.parameters):
        values.update(_values(args, attribute))
    line = None
    if proposal.drawn:
        if not args.line:
            raise ScenarioError(f"--preset {proposal.code} needs --line FILE.geojson")
        with open(args.line, "rb") as file:
            line = read_line(file.read())
    return scenario_of(proposal.code, values, line=line)


__all__ = ["HELD", "add_scenario_options", "option_of", "scenario_from"]
