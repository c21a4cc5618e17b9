"""A ceasefire line from a visitor's GeoJSON file (refused with an :class:`InputError` whose
message is written in the visitor's language where it is shown)."""

from __future__ import annotations

import json
import math

import shapely
from shapely.geometry.base import BaseGeometry

from geo.ingest import InputError
from geo.language import Message

#: Ukraine's extent with a margin, (west, south, east, north) in degrees.
PLAUSIBLE_BOUNDS = (20.0, 43.0, 42.0, 53.5)


def _geometries(document: object) -> list[dict]:
    if not isinstance(document, dict):
        raise InputError(Message("the file is not a GeoJSON object"))
    kind = document.get("type")
    if kind == "FeatureCollection":
        return [g for f in document.get("features") or [] if isinstance(f, dict)
                for g in _geometries(f)]
    if kind == "Feature":
        geometry = document.get("geometry")
        return [geometry] if isinstance(geometry, dict) else []
    if kind == "GeometryCollection":
        return [g for sub in document.get("geometries") or [] for g in _geometries(sub)]
    return [document] if isinstance(kind, str) else []


def read_line(text: str | bytes) -> BaseGeometry:
    """The line in a GeoJSON document (EPSG:4326 lon/lat): its LineString features merged.

    Raises
    ------
    InputError
        If the text is not GeoJSON, holds no line, or its coordinates are not finite lon/lat
        values near Ukraine.
    """
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        raise InputError(Message("the file is not valid JSON (GeoJSON expected)")) from None
    lines = []
    for geometry in _geometries(document):
        if geometry.get("type") in ("LineString", "MultiLineString"):
            try:
                lines.append(shapely.geometry.shape(geometry))
            except (ValueError, TypeError, IndexError, AttributeError):
                raise InputError(Message("a line in the file has malformed coordinates")) \
                    from None
    if not lines:
        raise InputError(Message("the file holds no LineString: a ceasefire line must be a "
                                 "GeoJSON line"))
    line = shapely.line_merge(shapely.union_all(lines))
    coords = shapely.get_coordinates(line)
    if len(coords) < 2 or not all(math.isfinite(v) for v in coords.ravel()):
        raise InputError(Message("the line's coordinates must be finite numbers, at least two "
                                 "points"))
    west, south, east, north = PLAUSIBLE_BOUNDS
    if not ((coords[:, 0] >= west) & (coords[:, 0] <= east) & (coords[:, 1] >= south)
            & (coords[:, 1] <= north)).all():
        raise InputError(Message("the line's coordinates are not longitude/latitude near "
                                 "Ukraine (expected about 22-40 E, 44-52 N, in EPSG:4326)"))
    return line
