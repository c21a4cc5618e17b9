"""Polygons with their area already split by unit, so a scenario's figures are sums, not
overlays: a piece measured once (a band along the line) serves every slider position."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import METRIC_CRS
from geo.data.occupied import polygonal
from geo.measure import areas_km2
from geo.scenario.ground import Ground

#: Overlaps below this (km2) are dropped: units reprojected on their own leave slivers of a
#: few m2 along shared edges.
NOISE_KM2 = 1e-3


@dataclass(frozen=True, eq=False)
class Piece:
    """A polygonal geometry (EPSG:32636) and its area in each unit it overlaps (ISO 3166-2
    code -> km2, measured in EPSG:3035; units it does not overlap are absent)."""

    geometry: BaseGeometry
    km2_by_unit: Mapping[str, float] = field(default_factory=dict)

    @property
    def km2(self) -> float:
        """The whole piece's area (km2), as the sum over units."""
        return float(sum(self.km2_by_unit.values()))

    def km2_in(self, code: str) -> float:
        """The area (km2) of the piece inside unit ``code``."""
        return self.km2_by_unit.get(code, 0.0)

    def within(self, codes: Iterable[str], geometry: BaseGeometry) -> Piece:
        """The part of this piece in the units ``codes``; ``geometry`` is that part, clipped
        by the caller (whole units split nothing, so the areas carry over)."""
        kept = set(codes)
        return Piece(geometry, {c: a for c, a in self.km2_by_unit.items() if c in kept})

    def plus(self, other: Piece, geometry: BaseGeometry) -> Piece:
        """This piece and ``other`` (which must not overlap it); ``geometry`` is their union."""
        total = dict(self.km2_by_unit)
        for code, km2 in other.km2_by_unit.items():
            total[code] = total.get(code, 0.0) + km2
        return Piece(geometry, total)


def empty_piece() -> Piece:
    """A piece of no ground."""
    return Piece(shapely.MultiPolygon(), {})


def measure(ground: Ground, geometry: BaseGeometry) -> Piece:
    """``geometry`` (polygonal, EPSG:32636) as a :class:`Piece` over ``ground``'s units.

    Only the units whose box meets the geometry are intersected, all in one vectorised pass.
    """
    if geometry.is_empty:
        return Piece(geometry, {})
    hits = ground.unit_tree.query(geometry, predicate="intersects")
    codes = [ground.unit_codes[i] for i in hits]
    parts = shapely.intersection(ground.unit_tree.geometries[hits], geometry)
    return Piece(geometry, {c: float(a) for c, a in zip(codes, areas_km2(parts, METRIC_CRS))
                            if a >= NOISE_KM2})


@dataclass(frozen=True, eq=False)
class Change:
    """What a scenario changes against today's sides, each part measured per unit:

    ``gained``: Ukrainian-held today, Russian-held after; ``lost``: Russian-held today and
    not after (to the zone or to Ukraine); ``to_ukraine``: Russian-held today, Ukrainian-held
    after; ``dmz``: the demilitarised zone.
    """

    gained: Piece = field(default_factory=empty_piece)
    lost: Piece = field(default_factory=empty_piece)
    to_ukraine: Piece = field(default_factory=empty_piece)
    dmz: Piece = field(default_factory=empty_piece)


def measure_change(ground: Ground, russian: BaseGeometry, ukrainian: BaseGeometry,
                   dmz: BaseGeometry) -> Change:
    """The :class:`Change` of a partition of ``ground`` (three EPSG:32636 zones), by overlay.
    The zones only touch along their edges, so line and point left-overs are dropped."""
    return Change(
        gained=measure(ground, polygonal(shapely.intersection(russian, ground.ukrainian))),
        lost=measure(ground, polygonal(shapely.difference(ground.russian, russian))),
        to_ukraine=measure(ground, polygonal(shapely.intersection(ukrainian, ground.russian))),
        dmz=measure(ground, dmz),
    )


