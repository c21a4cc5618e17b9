"""A timelapse's frames (:class:`Frame`) and what its page (:mod:`geo.maps.timelapse`) is sent of
them: each frame's day, its figures as shown, and its area and line of contact as encoded polylines,
and Ukraine's outline and oblast borders drawn under the frames.

Coordinates are longitude/latitude (EPSG:4326) sent as encoded polylines (Google's polyline
algorithm, :func:`encode_polyline`) at :data:`POLYLINE_PRECISION` decimal places (1e-4 degrees,
about 10 m); the page's script (:mod:`geo.maps.timelapse_player`) decodes them. Figures are
km2 of the daily series (EPSG:3035) and percent 0-100.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.language import gettext, km2, long_date, ngettext, percent
from geo.pace.wording import signed_km2

if TYPE_CHECKING:
    import geopandas as gpd

#: Simplification of the oblast borders drawn under the frames (degrees, as one coverage).
BORDER_TOLERANCE_DEG = 0.01
#: Decimal places of the encoded coordinates: 1e-4 degrees is about 10 m.
POLYLINE_PRECISION = 4
#: Frames further apart than this (days) are a jump the page points out.
WEEK_DAYS = 7


@dataclass(frozen=True)
class Frame:
    """One shipped day of a timelapse.

    Attributes
    ----------
    date
        The shipped day.
    occupied
        Its occupied area within Ukraine, EPSG:4326, simplified for drawing
        (:data:`geo.maps.timelapse.FRAME_TOLERANCE_DEG`).
    line
        Its line of contact, EPSG:4326, simplified alike.
    occupied_km2
        Ukraine's area held by Russia on that day, km2 (the daily series, EPSG:3035).
    occupied_pct
        The same as a share of Ukraine, percent 0-100.
    """

    date: dt.date
    occupied: BaseGeometry
    line: BaseGeometry
    occupied_km2: float
    occupied_pct: float


def encode_polyline(coords: np.ndarray, precision: int = POLYLINE_PRECISION) -> str:
    """Longitude/latitude pairs (EPSG:4326, an (n, 2) array) as an encoded polyline: Google's
    polyline algorithm, latitude first, at ``precision`` decimal places.

    See https://developers.google.com/maps/documentation/utilities/polylinealgorithm.
    """
    scaled = np.round(np.asarray(coords, dtype=float)[:, 1::-1] * 10 ** precision)
    deltas = np.diff(scaled.astype(np.int64), axis=0, prepend=0).ravel()
    chars = []
    for value in deltas.tolist():
        value = ~(value << 1) if value < 0 else value << 1
        while value >= 0x20:
            chars.append(chr((0x20 | (value & 0x1F)) + 63))
            value >>= 5
        chars.append(chr(value + 63))
    return "".join(chars)


def _polygons(geometry: BaseGeometry) -> list[list[str]]:
    """Each polygon of ``geometry`` as its encoded rings, the exterior first."""
    polygons = []
    for part in shapely.get_parts(geometry):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        rings = [part.exterior, *part.interiors]
        polygons.append([encode_polyline(np.asarray(ring.coords)) for ring in rings])
    return polygons


def _lines(geometry: BaseGeometry) -> list[str]:
    """Each line part of ``geometry`` (lines, or polygon outlines) encoded."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        geometry = geometry.boundary
    return [encode_polyline(np.asarray(part.coords)) for part in shapely.get_parts(geometry)
            if not part.is_empty]


def frame_payload(frames: Sequence[Frame], *, lang: str = "en") -> list[dict]:
    """What the page holds of each frame: the day (ISO, the page's key), its figures as
    shown in ``lang``, the day as the page writes it (``day``), and its area and line as
    encoded polylines (see :func:`encode_polyline`)."""
    first = frames[0].occupied_km2
    since = long_date(frames[0].date, lang)
    gaps = [0, *((b.date - a.date).days for a, b in zip(frames, frames[1:]))]
    return [{"date": f.date.isoformat(), "km2": km2(f.occupied_km2, lang),
             "pct": gettext("{percent} of Ukraine", lang).format(
                 percent=percent(f.occupied_pct, lang, decimals=2)),
             "change": (gettext("{change} since {day}", lang).format(
                 change=signed_km2(f.occupied_km2 - first, lang), day=since)
                 if i else gettext("the period's first frame", lang)),
             "step": ngettext("{count} day after the previous frame",
                              "{count} days after the previous frame", gap, lang).format(
                 count=gap) if gap > WEEK_DAYS else "",
             "day": long_date(f.date, lang),
             "area": _polygons(f.occupied), "line": _lines(f.line)}
            for i, (f, gap) in enumerate(zip(frames, gaps))]


def base_payload(units: gpd.GeoDataFrame) -> dict:
    """Ukraine's outline (filled) and the oblast borders (each shared border once)."""
    simplified = shapely.coverage_simplify(units.geometry.values, BORDER_TOLERANCE_DEG)
    ukraine = shapely.union_all(simplified)
    borders = shapely.line_merge(shapely.union_all(shapely.boundary(simplified)))
    inner = shapely.difference(borders, ukraine.boundary.buffer(1e-6))
    return {"ukraine": _polygons(ukraine), "borders": _lines(inner)}
