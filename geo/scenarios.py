"""Ceasefire and withdrawal scenarios: each splits Ukraine into three zones and lines.

A :class:`Scenario` is a small immutable value; :func:`apply_scenario` turns it and a
:class:`~geo.ground.Ground` into :class:`Zones`. Distances are km on the ground (EPSG:32636).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shapely
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry
from shapely.ops import split

from geo.crs import M_PER_KM
from geo.ground import Ground
from geo.names import UNIT_NAMES
from geo.occupied import polygonal
from geo.projection import to_metric

DONBAS = ("UA-14", "UA-09")
#: Annexed by Russia's 2022 "referendums" plus Crimea and Sevastopol (2014).
CLAIMED = ("UA-14", "UA-09", "UA-23", "UA-65", "UA-43", "UA-40")
CRIMEA = ("UA-43", "UA-40")
#: Where Russia holds ground outside the claimed regions, as of 2025-2026.
SWAP_RETURNED = ("UA-63", "UA-59", "UA-12")

PRESETS: dict[str, str] = {
    "freeze": "Ceasefire on the current line of contact",
    "donbas": "Russia's demand: Ukraine leaves all of Donetsk and Luhansk oblasts",
    "claims": "Everything Russia claims: Donetsk, Luhansk, Zaporizhzhia, Kherson, Crimea",
    "plan28": "28-point plan, point 21: Donbas to Russia, Ukraine's part of Donetsk a "
              "demilitarised zone; Kherson and Zaporizhzhia frozen; Russia leaves the rest",
    "swap": "Land swap: Ukraine leaves Donbas, Russia leaves Kharkiv, Sumy, Dnipropetrovsk",
    "mutual": "Mutual pull-back: both sides withdraw from the line, leaving a demilitarised zone",
    "shift": "Move the line by a distance, everywhere or in chosen oblasts",
    "target": "Move the line in one oblast until Russia holds a chosen share of it",
    "custom": "A line you draw or upload",
}

#: Short names for menus.
PRESET_TITLES: dict[str, str] = {
    "freeze": "Freeze on today's line",
    "donbas": "Russia's demand: all of Donbas",
    "claims": "Everything Russia claims",
    "plan28": "28-point plan (point 21)",
    "swap": "Land swap (August 2025)",
    "mutual": "Mutual pull-back (Ukraine's offer)",
    "shift": "Move the line",
    "target": "Line for a target share",
    "custom": "Your own line",
}

PULLBACK_RANGE_KM = (0.0, 50.0)
SHIFT_RANGE_KM = (-30.0, 30.0)
#: The share a target may be solved to, within this many percentage points.
TARGET_TOLERANCE_PCT = 0.05


class ScenarioError(ValueError):
    """A scenario that cannot be built from its parameters (the message says why)."""


@dataclass(frozen=True)
class Scenario:
    """One proposal and its parameters.

    Attributes
    ----------
    preset
        A key of :data:`PRESETS`.
    ua_km, ru_km
        ``mutual``: how far Ukraine and Russia pull back from the line of contact (km, 0-50).
    shift_km
        ``shift``: how far the line moves, km; positive = into Ukrainian-held ground (-30..30).
    oblasts
        ``shift``: ISO 3166-2 codes where the line moves; empty = everywhere.
    target
        ``target``: (ISO 3166-2 code, percent of the unit Russia should hold).
    line
        ``custom``: a line in EPSG:4326 that crosses Ukraine.
    """

    preset: str = "freeze"
    ua_km: float = 0.0
    ru_km: float = 0.0
    shift_km: float = 0.0
    oblasts: tuple[str, ...] = ()
    target: tuple[str, float] | None = None
    line: BaseGeometry | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.preset not in PRESETS:
            raise ScenarioError(f"unknown scenario {self.preset!r}; one of {', '.join(PRESETS)}")
        for name, value, (low, high) in (("ua_km", self.ua_km, PULLBACK_RANGE_KM),
                                         ("ru_km", self.ru_km, PULLBACK_RANGE_KM),
                                         ("shift_km", self.shift_km, SHIFT_RANGE_KM)):
            if not low <= value <= high:
                raise ScenarioError(f"{name} must be between {low:g} and {high:g} km, not {value:g}")
        codes = list(self.oblasts) + ([self.target[0]] if self.target is not None else [])
        unknown = [c for c in codes if c not in UNIT_NAMES]
        if unknown:
            raise ScenarioError(f"unknown unit {unknown[0][:20]!r}; expected codes such as UA-14")
        if self.target is not None and not 0 <= self.target[1] <= 100:
            raise ScenarioError(f"a target share must be 0-100 %, not {self.target[1]:g}")
        if self.preset == "target" and self.target is None:
            raise ScenarioError("the target scenario needs a unit and a share, e.g. UA-14=85")
        if self.preset == "custom" and self.line is None:
            raise ScenarioError("the custom scenario needs a line: draw one or upload GeoJSON")


@dataclass(frozen=True)
class Line:
    """A line of the outcome: ``kind`` is "ceasefire" (Russian | Ukrainian-held),
    "zone-russian" (Russian-held | zone) or "zone-ukrainian" (zone | Ukrainian-held)."""

    kind: str
    geometry: BaseGeometry


LINE_LABELS = {"ceasefire": "Ceasefire line",
               "zone-russian": "Zone edge, Russian side",
               "zone-ukrainian": "Zone edge, Ukrainian side"}


@dataclass(frozen=True)
class Zones:
    """A partition of Ukraine (EPSG:32636) and the lines between its parts."""

    russian: BaseGeometry
    ukrainian: BaseGeometry
    dmz: BaseGeometry
    lines: tuple[Line, ...]


def _zones(ground: Ground, russian: BaseGeometry, dmz: BaseGeometry | None = None) -> Zones:
    """Complete a partition from its Russian-held part and its zone, and find its lines."""
    russian = polygonal(shapely.intersection(russian, ground.ukraine))
    dmz = (polygonal(shapely.difference(shapely.intersection(dmz, ground.ukraine), russian))
           if dmz is not None and not dmz.is_empty else shapely.MultiPolygon())
    ukrainian = polygonal(shapely.difference(ground.ukraine, shapely.union(russian, dmz)))
    return Zones(russian, ukrainian, dmz, _lines(ground, russian, ukrainian, dmz))


#: Line pieces shorter than this (km) are where two outlines meet, not a line to watch.
MIN_PIECE_KM = 0.5


def _inner(boundary: BaseGeometry, ground: Ground) -> BaseGeometry:
    return shapely.line_merge(shapely.difference(boundary, ground.outline_zone))


def _without_crumbs(line: BaseGeometry) -> BaseGeometry:
    pieces = [p for p in shapely.get_parts(line)
              if p.geom_type == "LineString" and p.length >= MIN_PIECE_KM * M_PER_KM]
    return shapely.MultiLineString(pieces)


def _lines(ground: Ground, russian: BaseGeometry, ukrainian: BaseGeometry,
           dmz: BaseGeometry) -> tuple[Line, ...]:
    russian_edge = _inner(russian.boundary, ground)
    if dmz.is_empty:
        return (Line("ceasefire", _without_crumbs(russian_edge)),)
    near_ukrainian = ukrainian.buffer(1.0)
    ceasefire = shapely.line_merge(shapely.intersection(russian_edge, near_ukrainian))
    zone_russian = shapely.line_merge(shapely.difference(russian_edge, near_ukrainian))
    zone_ukrainian = _inner(shapely.intersection(ukrainian.boundary, dmz.buffer(1.0)), ground)
    lines = (Line("ceasefire", _without_crumbs(ceasefire)),
             Line("zone-russian", _without_crumbs(zone_russian)),
             Line("zone-ukrainian", _without_crumbs(zone_ukrainian)))
    return tuple(line for line in lines if not line.geometry.is_empty)


def _moved(ground: Ground, km: float, where: BaseGeometry | None) -> BaseGeometry:
    """The Russian-held area after moving the line ``km`` km (positive: into held ground)."""
    band = ground.line_buffer(abs(km))
    if where is not None:
        band = shapely.intersection(band, where)
    if km >= 0:
        return shapely.union(ground.russian, shapely.intersection(band, ground.ukrainian))
    return shapely.difference(ground.russian, band)


def _share_pct(ground: Ground, russian: BaseGeometry, unit: BaseGeometry) -> float:
    # A ratio within one unit: the metric CRS's area scale (under 0.2 % here) cancels out.
    return 100.0 * shapely.intersection(russian, unit).area / unit.area


def solve_target_km(ground: Ground, code: str, pct: float) -> float:
    """The move (km, positive into Ukrainian-held ground) of the line within unit ``code``
    that leaves Russia holding ``pct`` percent of it, by bisection (monotone in the move)."""
    unit = ground.unit(code)
    reach_km = shapely.hausdorff_distance(unit, ground.line) / M_PER_KM + 1.0
    low, high = -reach_km, reach_km
    for _ in range(60):
        middle = (low + high) / 2
        share = _share_pct(ground, _moved_exact(ground, middle, unit), unit)
        if abs(share - pct) <= TARGET_TOLERANCE_PCT:
            return middle
        low, high = (middle, high) if share < pct else (low, middle)
    return (low + high) / 2


def _moved_exact(ground: Ground, km: float, where: BaseGeometry) -> BaseGeometry:
    # Bisection visits arbitrary distances: buffer the part of the line near the unit only,
    # uncached, instead of filling the per-distance cache.
    nearby = shapely.intersection(ground.line, where.buffer((abs(km) + 1.0) * M_PER_KM))
    band = shapely.intersection(nearby.buffer(abs(km) * M_PER_KM), where) \
        if not nearby.is_empty and km else shapely.Polygon()
    if km >= 0:
        return shapely.union(ground.russian, shapely.intersection(band, ground.ukrainian))
    return shapely.difference(ground.russian, band)


def _custom(ground: Ground, line: BaseGeometry) -> Zones:
    line_m = to_metric(line)
    if line_m.geom_type == "MultiLineString":
        line_m = shapely.line_merge(line_m)
    if line_m.geom_type != "LineString" or line_m.length == 0:
        raise ScenarioError("a custom line must be one continuous line (a GeoJSON LineString)")
    cut = [shapely.get_parts(split(part, line_m)) for part in shapely.get_parts(ground.ukraine)]
    pieces = [p for parts in cut for p in parts]
    if all(len(parts) < 2 for parts in cut):
        raise ScenarioError("the line does not cross Ukraine: draw it from border (or coast) "
                            "to border so that it cuts the country in two")
    sides = [_side_of(line_m, piece.representative_point()) for piece in pieces]
    occupied = {side: sum(shapely.intersection(p, ground.russian).area
                          for p, s in zip(pieces, sides) if s == side) for side in (-1, 1)}
    russian_side = max(occupied, key=occupied.get)
    return _zones(ground, shapely.union_all([p for p, s in zip(pieces, sides)
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
        return _zones(ground, ground.russian)
    if preset == "donbas":
        return _zones(ground, shapely.union(ground.russian, ground.union_of(DONBAS)))
    if preset == "claims":
        return _zones(ground, shapely.union(ground.russian, ground.union_of(CLAIMED)))
    if preset == "plan28":
        claimed = ground.union_of(CLAIMED)
        kept = shapely.intersection(ground.russian, claimed)
        russian = shapely.union_all([kept, ground.union_of(("UA-09", *CRIMEA))])
        buffer_zone = shapely.difference(ground.union_of(("UA-14",)), ground.russian)
        return _zones(ground, russian, buffer_zone)
    if preset == "swap":
        returned = shapely.difference(ground.russian, ground.union_of(SWAP_RETURNED))
        return _zones(ground, shapely.union(returned, ground.union_of(DONBAS)))
    if preset == "mutual":
        russian_band = ground.line_buffer(scenario.ru_km)
        ukrainian_side = shapely.intersection(ground.line_buffer(scenario.ua_km), ground.ukrainian)
        russian_side = shapely.intersection(russian_band, ground.russian)
        zone = shapely.union(ukrainian_side, russian_side)
        # Subtract the buffer itself, not its part inside the Russian-held area: GEOS lost
        # 238 km2 subtracting a piece that shares edges with the area it is cut from.
        return _zones(ground, shapely.difference(ground.russian, russian_band), zone)
    if preset == "shift":
        where = (shapely.union_all([ground.unit(c) for c in scenario.oblasts])
                 if scenario.oblasts else None)
        return _zones(ground, _moved(ground, scenario.shift_km, where))
    if preset == "target":
        code, pct = scenario.target
        unit = ground.unit(code)
        return _zones(ground, _moved_exact(ground, solve_target_km(ground, code, pct), unit))
    if preset == "custom":
        return _custom(ground, scenario.line)
    raise ScenarioError(f"unknown scenario {preset!r}")  # pragma: no cover - __post_init__


def line_length_km(zones: Zones) -> float:
    """Total length of the outcome's lines, km (EPSG:32636)."""
    return sum(line.geometry.length for line in zones.lines) / M_PER_KM


