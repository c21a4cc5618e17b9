"""A scenario's outcome: Ukraine split into Russian-held, Ukrainian-held and demilitarised
zones, the lines between them, and what changes against today (EPSG:32636 throughout)."""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import METRIC_CRS
from geo.data.occupied import polygonal
from geo.language import N_
from geo.measure import lengths_km
from geo.scenario.ground import Ground
from geo.scenario.pieces import Change, measure_change

#: Line pieces shorter than this (km) are where two outlines meet, not a line to watch.
MIN_PIECE_KM = 0.5

#: Each kind of line as a map's legend and labels name it (English, marked for the catalogue:
#: shown with ``gettext(label, lang)``).
LINE_LABELS = {"ceasefire": N_("Ceasefire line"),
               "zone-russian": N_("Zone edge, Russian side"),
               "zone-ukrainian": N_("Zone edge, Ukrainian side")}


@dataclass(frozen=True)
class Line:
    """A line of the outcome: ``kind`` is "ceasefire" (Russian | Ukrainian-held),
    "zone-russian" (Russian-held | zone) or "zone-ukrainian" (zone | Ukrainian-held)."""

    kind: str
    geometry: BaseGeometry


@dataclass(frozen=True)
class Zones:
    """A partition of Ukraine (EPSG:32636), the lines between its parts, and its
    :class:`~geo.scenario.pieces.Change` against today's sides (areas measured per unit)."""

    russian: BaseGeometry
    ukrainian: BaseGeometry
    dmz: BaseGeometry
    lines: tuple[Line, ...]
    change: Change


def partition(ground: Ground, russian: BaseGeometry, dmz: BaseGeometry | None = None) -> Zones:
    """Complete a partition of ``ground`` from its Russian-held part and its zone (either may
    reach beyond Ukraine: both are clipped), find its lines and measure its change."""
    russian = polygonal(shapely.intersection(russian, ground.ukraine))
    dmz = (polygonal(shapely.difference(shapely.intersection(dmz, ground.ukraine), russian))
           if dmz is not None and not dmz.is_empty else shapely.MultiPolygon())
    ukrainian = polygonal(shapely.difference(ground.ukraine, shapely.union(russian, dmz)))
    return Zones(russian, ukrainian, dmz, _lines(ground, russian, ukrainian, dmz),
                 measure_change(ground, russian, ukrainian, dmz))


def inner_edge(boundary: BaseGeometry, ground: Ground) -> BaseGeometry:
    """The part of a zone's ``boundary`` that is neither state border nor coast, as a line
    without pieces shorter than :data:`MIN_PIECE_KM`."""
    return without_crumbs(_inner(boundary, ground))


def _inner(boundary: BaseGeometry, ground: Ground) -> BaseGeometry:
    return shapely.line_merge(shapely.difference(boundary, ground.outline_zone))


def without_crumbs(line: BaseGeometry) -> BaseGeometry:
    """``line`` without its pieces shorter than :data:`MIN_PIECE_KM` (a MultiLineString)."""
    parts = shapely.get_parts(line)
    long_enough = lengths_km(parts, METRIC_CRS) >= MIN_PIECE_KM
    return shapely.MultiLineString([p for p, keep in zip(parts, long_enough)
                                    if keep and p.geom_type == "LineString"])


def _lines(ground: Ground, russian: BaseGeometry, ukrainian: BaseGeometry,
           dmz: BaseGeometry) -> tuple[Line, ...]:
    russian_edge = _inner(russian.boundary, ground)
    if dmz.is_empty:
        return (Line("ceasefire", without_crumbs(russian_edge)),)
    near_ukrainian = ukrainian.buffer(1.0)
    ceasefire = shapely.line_merge(shapely.intersection(russian_edge, near_ukrainian))
    zone_russian = shapely.line_merge(shapely.difference(russian_edge, near_ukrainian))
    zone_ukrainian = _inner(shapely.intersection(ukrainian.boundary, dmz.buffer(1.0)), ground)
    return lines_of((("ceasefire", without_crumbs(ceasefire)),
                     ("zone-russian", without_crumbs(zone_russian)),
                     ("zone-ukrainian", without_crumbs(zone_ukrainian))))


def lines_of(pairs: tuple[tuple[str, BaseGeometry], ...]) -> tuple[Line, ...]:
    """:class:`Line` values of (kind, geometry) pairs, leaving out the empty ones."""
    return tuple(Line(kind, geometry) for kind, geometry in pairs if not geometry.is_empty)


def line_length_km(zones: Zones) -> float:
    """Total length of the outcome's lines, km (EPSG:32636)."""
    return float(lengths_km([line.geometry for line in zones.lines], METRIC_CRS).sum())
