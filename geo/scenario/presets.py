"""Ceasefire and withdrawal scenarios: each splits Ukraine into three zones and lines.

A :class:`Scenario` is a small immutable value; :func:`apply_scenario` turns it and a
:class:`~geo.scenario.ground.Ground` into :class:`Zones`. Distances are km on the ground
(EPSG:32636).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import shapely
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry
from shapely.ops import split

from geo.crs import M_PER_KM
from geo.data.names import UNIT_NAMES
from geo.data.occupied import polygonal
from geo.language import Message
from geo.projection import to_metric
from geo.scenario.bands import band
from geo.scenario.ground import Ground
from geo.scenario.partition import Line, Zones, inner_edge, lines_of, partition
from geo.scenario.pieces import Change, Piece, measure
from geo.scenario.proposals import (PROPOSALS, RU_KM, SHIFT_KM, TARGET_PCT, UA_KM, Parameter,
                                    UnitChoice)

DONBAS = ("UA-14", "UA-09")
#: Annexed by Russia's 2022 "referendums" plus Crimea and Sevastopol (2014).
CLAIMED = ("UA-14", "UA-09", "UA-23", "UA-65", "UA-43", "UA-40")
CRIMEA = ("UA-43", "UA-40")
#: Where Russia holds ground outside the claimed regions, as of 2025-2026.
SWAP_RETURNED = ("UA-63", "UA-59", "UA-12")

#: The share a target may be solved to, within this many percentage points.
TARGET_TOLERANCE_PCT = 0.05


class ScenarioError(ValueError):
    """A scenario that cannot be built from its parameters: raised with a
    :class:`~geo.language.Message` saying why (``str()`` is the English sentence,
    :attr:`message` writes it in a visitor's language)."""

    @property
    def message(self) -> Message:
        """Why, as a :class:`~geo.language.Message` (one raised with plain text is kept as
        it is, untranslated)."""
        said = self.args[0] if self.args else ""
        return said if isinstance(said, Message) else Message("{text}", {"text": str(said)})


def _unknown_preset(preset: str) -> ScenarioError:
    return ScenarioError(Message("unknown scenario {preset}; one of {presets}",
                                 {"preset": repr(preset), "presets": ", ".join(PROPOSALS)}))


@dataclass(frozen=True)
class Scenario:
    """One proposal and its parameters.

    Attributes
    ----------
    preset
        A key of :data:`geo.scenario.proposals.PROPOSALS`.
    ua_km, ru_km
        ``mutual``: how far Ukraine and Russia pull back from the line of contact (km, in
        the range of :data:`geo.scenario.proposals.UA_KM` and ``RU_KM``: 0-50).
    shift_km
        ``shift``: how far the line moves, km; positive = into Ukrainian-held ground (in
        the range of :data:`geo.scenario.proposals.SHIFT_KM`: -30..30).
    oblasts
        ``shift``: ISO 3166-2 codes where the line moves; empty = everywhere.
    target
        ``target``: (ISO 3166-2 code, percent of the unit Russia should hold).
    line
        ``custom``: a line in EPSG:4326 that crosses Ukraine (not compared: two custom
        scenarios are equal whatever their lines; Streamlit's cache hashes the line too).

    Numbers are kept as floats and units as tuples, so that equal scenarios hash alike.
    """

    preset: str = "freeze"
    ua_km: float = 0.0
    ru_km: float = 0.0
    shift_km: float = 0.0
    oblasts: tuple[str, ...] = ()
    target: tuple[str, float] | None = None
    line: BaseGeometry | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.preset not in PROPOSALS:
            raise _unknown_preset(self.preset)
        # Ints and floats, lists and tuples: equal here, but Streamlit's cache hashes them apart.
        for number in (UA_KM, RU_KM, SHIFT_KM):
            object.__setattr__(self, number.name, float(getattr(self, number.name)))
        object.__setattr__(self, "oblasts", tuple(self.oblasts))
        if self.target is not None:
            object.__setattr__(self, "target", (self.target[0], float(self.target[1])))
        for number in (UA_KM, RU_KM, SHIFT_KM):
            value = getattr(self, number.name)
            if not number.holds(value):
                raise ScenarioError(Message(
                    "{name} must be between {low} and {high} {unit}, not {value}",
                    {"name": number.name, "low": f"{number.low:g}", "high": f"{number.high:g}",
                     "unit": Message(number.unit), "value": f"{value:g}"}))
        codes = list(self.oblasts) + ([self.target[0]] if self.target is not None else [])
        unknown = [c for c in codes if c not in UNIT_NAMES]
        if unknown:
            raise ScenarioError(Message("unknown unit {code}; expected codes such as UA-14",
                                        {"code": repr(unknown[0][:20])}))
        if self.target is not None and not TARGET_PCT.holds(self.target[1]):
            raise ScenarioError(Message("a target share must be {low}-{high} %, not {value}",
                                        {"low": f"{TARGET_PCT.low:g}",
                                         "high": f"{TARGET_PCT.high:g}",
                                         "value": f"{self.target[1]:g}"}))
        if self.preset == "target" and self.target is None:
            raise ScenarioError(Message(
                "the target scenario needs a unit and a share, e.g. UA-14=85"))
        if self.preset == "custom" and self.line is None:
            raise ScenarioError(Message(
                "the custom scenario needs a line: draw one or upload GeoJSON"))


def _pulled_back(ground: Ground, ua_km: float, ru_km: float) -> Zones:
    """Both sides leave a band along today's line: the bands of ``ua_km`` on the Ukrainian
    side and ``ru_km`` on the Russian side make the zone."""
    ukrainian_side, russian_side = band(ground, ua_km), band(ground, ru_km)
    zone = ukrainian_side.ukrainian.plus(russian_side.russian, polygonal(shapely.union(
        ukrainian_side.ukrainian.geometry, russian_side.russian.geometry)))
    lines = lines_of((("zone-russian", russian_side.russian_edge),
                      ("zone-ukrainian", ukrainian_side.ukrainian_edge)))
    return Zones(russian_side.russian_rest, ukrainian_side.ukrainian_rest, zone.geometry, lines,
                 Change(lost=russian_side.russian, dmz=zone))


def _shifted(ground: Ground, km: float, oblasts: tuple[str, ...]) -> Zones:
    """The line moved ``km`` km (positive: into Ukrainian-held ground), in ``oblasts`` only
    if any are given."""
    moved = band(ground, abs(km))
    if not oblasts:
        if km > 0:
            russian = polygonal(shapely.union(ground.russian, moved.ukrainian.geometry))
            return Zones(russian, moved.ukrainian_rest, shapely.MultiPolygon(),
                         (Line("ceasefire", moved.ukrainian_edge),),
                         Change(gained=moved.ukrainian))
        ukrainian = polygonal(shapely.union(ground.ukrainian, moved.russian.geometry))
        return Zones(moved.russian_rest, ukrainian, shapely.MultiPolygon(),
                     (Line("ceasefire", moved.russian_edge),),
                     Change(lost=moved.russian, to_ukraine=moved.russian))
    where = ground.union_of(oblasts)
    side = moved.ukrainian if km > 0 else moved.russian
    piece = side.within(oblasts, polygonal(shapely.intersection(side.geometry, where)))
    return _moved_within(ground, km, piece, shapely.intersection(moved.buffer, where))


def _moved_within(ground: Ground, km: float, piece: Piece, strip: BaseGeometry) -> Zones:
    """Zones after the line moved ``km`` km in some units only: ``piece`` is the ground that
    changes hands, ``strip`` what was buffered to find it (subtracted from the Russian side
    itself, not the piece: see geo.scenario.bands)."""
    if km > 0:
        russian = polygonal(shapely.union(ground.russian, piece.geometry))
        ukrainian = polygonal(shapely.difference(ground.ukrainian, piece.geometry))
        change = Change(gained=piece)
    else:
        russian = polygonal(shapely.difference(ground.russian, strip))
        ukrainian = polygonal(shapely.union(ground.ukrainian, piece.geometry))
        change = Change(lost=piece, to_ukraine=piece)
    return Zones(russian, ukrainian, shapely.MultiPolygon(),
                 (Line("ceasefire", inner_edge(russian.boundary, ground)),), change)


def solve_target_km(ground: Ground, code: str, pct: float) -> float:
    """The move (km, positive into Ukrainian-held ground) of the line within unit ``code``
    that leaves Russia holding ``pct`` percent of it (within :data:`TARGET_TOLERANCE_PCT`)."""
    return _solve_target(ground, code, pct)[0]


def _solve_target(ground: Ground, code: str, pct: float) -> tuple[float, BaseGeometry]:
    """(the move in km, the strip of ``code`` within that distance of the line).

    The share grows with the move. Whole-km bands (kept per snapshot) bracket the answer
    within a km (beyond them: between a band's edge and the unit's reach), and false
    position on the exact geometry finishes, in a step or two where the bracket is a km.
    """
    unit = ground.unit(code)
    # Shares are ratios within one unit: the metric CRS's area scale (under 0.2 %) cancels.
    held = shapely.intersection(ground.russian, unit).area

    def share_at(km: float) -> tuple[float, BaseGeometry]:
        strip = _strip(ground, km, unit)
        side = ground.ukrainian if km >= 0 else ground.russian
        moved = shapely.intersection(strip, side).area
        return 100.0 * (held + (moved if km >= 0 else -moved)) / unit.area, strip

    (low, share_low), (high, share_high) = _bracket(ground, code, pct)
    middle, strip = low, shapely.Polygon()
    for step in range(60):
        # False position converges in a step or two where the share is near linear in the
        # move; every third step halves the bracket so that it always shrinks.
        if step % 3 == 2 or share_high <= share_low:
            middle = (low + high) / 2
        else:
            middle = low + (high - low) * (pct - share_low) / (share_high - share_low)
        share, strip = share_at(middle)
        if abs(share - pct) <= TARGET_TOLERANCE_PCT:
            break
        if share < pct:
            low, share_low = middle, share
        else:
            high, share_high = middle, share
    return middle, strip


def _bracket(ground: Ground, code: str, pct: float
             ) -> tuple[tuple[float, float], tuple[float, float]]:
    """Two moves (km, share %) whose shares enclose ``pct``: neighbouring whole km, by binary
    search over the kept bands' per-unit areas, or, beyond the bands, a band's edge and the
    unit's reach (where Russia holds all of the unit or none of it)."""
    area, before = ground.unit_km2[code], ground.russian_km2[code]

    def share(km: int) -> float:
        moved = band(ground, abs(km))
        change = moved.ukrainian.km2_in(code) if km >= 0 else -moved.russian.km2_in(code)
        return 100.0 * (before + change) / area

    # The bands kept reach as far as a pull-back can go.
    low, high = -int(UA_KM.high), int(UA_KM.high)
    share_low, share_high = share(low), share(high)
    reach = shapely.hausdorff_distance(ground.unit(code), ground.line) / M_PER_KM + 1.0
    if pct < share_low:
        return (-max(reach, -low), 0.0), (float(low), share_low)
    if pct > share_high:
        return (float(high), share_high), (max(reach, high), 100.0)
    while high - low > 1:
        middle = (low + high) // 2
        share_middle = share(middle)
        if share_middle < pct:
            low, share_low = middle, share_middle
        else:
            high, share_high = middle, share_middle
    return (float(low), share_low), (float(high), share_high)


def _strip(ground: Ground, km: float, where: BaseGeometry) -> BaseGeometry:
    """The part of ``where`` within ``|km|`` km of the line: only the line near ``where`` is
    buffered, uncached (a target's search visits arbitrary distances)."""
    if not km:
        return shapely.Polygon()
    nearby = shapely.intersection(ground.line, where.buffer((abs(km) + 1.0) * M_PER_KM))
    if nearby.is_empty:
        return shapely.Polygon()
    return shapely.intersection(nearby.buffer(abs(km) * M_PER_KM), where)


def _custom(ground: Ground, line: BaseGeometry) -> Zones:
    line_m = to_metric(line)
    if line_m.geom_type == "MultiLineString":
        line_m = shapely.line_merge(line_m)
    if line_m.geom_type != "LineString" or line_m.length == 0:
        raise ScenarioError(Message(
            "a custom line must be one continuous line (a GeoJSON LineString)"))
    cut = [shapely.get_parts(split(part, line_m)) for part in shapely.get_parts(ground.ukraine)]
    pieces = [p for parts in cut for p in parts]
    if all(len(parts) < 2 for parts in cut):
        raise ScenarioError(Message("the line does not cross Ukraine: draw it from border (or "
                                    "coast) to border so that it cuts the country in two"))
    sides = [_side_of(line_m, piece.representative_point()) for piece in pieces]
    occupied = {side: sum(shapely.intersection(p, ground.russian).area
                          for p, s in zip(pieces, sides) if s == side) for side in (-1, 1)}
    russian_side = max(occupied, key=occupied.get)
    return partition(ground, shapely.union_all([p for p, s in zip(pieces, sides)
                                             if s == russian_side]))


def _side_of(line: LineString, point: shapely.Point) -> int:
    """-1 or 1: which side of ``line`` the point lies on (sign of the cross product)."""
    at = line.project(point)
    a = line.interpolate(max(at - 1.0, 0.0))
    b = line.interpolate(min(at + 1.0, line.length))
    cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x)
    return 1 if cross >= 0 else -1


def apply_scenario(ground: Ground, scenario: Scenario) -> Zones:
    """The zones and lines a scenario leaves on ``ground`` (all EPSG:32636).

    Raises
    ------
    ScenarioError
        If the parameters do not make a scenario on this ground (unknown unit, a custom
        line that does not cross Ukraine).
    """
    preset = scenario.preset
    if preset == "freeze":
        return partition(ground, ground.russian)
    if preset == "donbas":
        return partition(ground, shapely.union(ground.russian, ground.union_of(DONBAS)))
    if preset == "claims":
        return partition(ground, shapely.union(ground.russian, ground.union_of(CLAIMED)))
    if preset == "plan28":
        claimed = ground.union_of(CLAIMED)
        kept = shapely.intersection(ground.russian, claimed)
        russian = shapely.union_all([kept, ground.union_of(("UA-09", *CRIMEA))])
        buffer_zone = shapely.difference(ground.union_of(("UA-14",)), ground.russian)
        return partition(ground, russian, buffer_zone)
    if preset == "swap":
        returned = shapely.difference(ground.russian, ground.union_of(SWAP_RETURNED))
        return partition(ground, shapely.union(returned, ground.union_of(DONBAS)))
    if preset == "mutual":
        if scenario.ua_km == 0 and scenario.ru_km == 0:
            return partition(ground, ground.russian)
        return _pulled_back(ground, scenario.ua_km, scenario.ru_km)
    if preset == "shift":
        if scenario.shift_km == 0:
            return partition(ground, ground.russian)
        return _shifted(ground, scenario.shift_km, scenario.oblasts)
    if preset == "target":
        code, pct = scenario.target
        km, strip = _solve_target(ground, code, pct)
        if not km:
            return partition(ground, ground.russian)
        side = ground.ukrainian if km > 0 else ground.russian
        piece = measure(ground, polygonal(shapely.intersection(strip, side)))
        return _moved_within(ground, km, piece, strip)
    if preset == "custom":
        return _custom(ground, scenario.line)
    raise _unknown_preset(preset)  # pragma: no cover - __post_init__


def scenario_of(preset: str, values: Mapping[str, object] | None = None, *,
                line: BaseGeometry | None = None) -> Scenario:
    """The scenario of ``preset`` with its parameters' ``values``, by the names of
    :mod:`geo.scenario.proposals` (e.g. ``ua_km``, ``target_unit``); a parameter not given takes its
    default, one the preset does not take is ignored.

    Raises
    ------
    ScenarioError
        If ``preset`` is unknown, a value is outside its range, a unit is unknown, or a
        custom scenario has no ``line``.
    """
    if preset not in PROPOSALS:
        raise _unknown_preset(preset)
    held: dict[str, list] = {}
    for parameter in PROPOSALS[preset].parameters:
        value = values.get(parameter.name, parameter.default) if values else parameter.default
        held.setdefault(parameter.held_in, []).append(_as_held(parameter, value))
    return Scenario(preset, line=line,
                    **{name: parts[0] if len(parts) == 1 else tuple(parts)
                       for name, parts in held.items()})


def values_of(scenario: Scenario) -> dict[str, object]:
    """The value of every parameter ``scenario``'s preset takes, by name (the inverse of
    :func:`scenario_of`): e.g. ``{"target_unit": "UA-14", "target_pct": 85.0}``."""
    parameters = PROPOSALS[scenario.preset].parameters
    values: dict[str, object] = {}
    for name in dict.fromkeys(p.held_in for p in parameters):
        sharing = [p for p in parameters if p.held_in == name]
        held = getattr(scenario, name)
        values.update(zip((p.name for p in sharing), held if len(sharing) > 1 else (held,)))
    return values


def _as_held(parameter: Parameter | UnitChoice, value: object) -> object:
    if isinstance(parameter, Parameter):
        return float(value)
    return tuple(value) if parameter.many else str(value)


__all__ = [
    "CLAIMED", "CRIMEA", "DONBAS", "SWAP_RETURNED", "Scenario", "ScenarioError",
    "apply_scenario", "scenario_of", "solve_target_km", "values_of",
]
