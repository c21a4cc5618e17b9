"""The line of contact: the occupied area's boundary that is neither state border nor coast."""

from __future__ import annotations

import shapely
from shapely.geometry import MultiLineString
from shapely.geometry.base import BaseGeometry

from geo import measure
from geo.crs import DISPLAY_CRS, METRIC_CRS
from geo.projection import to_display, to_metric

#: Boundary within this distance of Ukraine's outline counts as border or coast.
OUTLINE_TOLERANCE_M = 100.0
#: Pieces shorter than this are left-overs of two outlines meeting, not a front.
MIN_PIECE_KM = 0.5


def line_of_contact(
    occupied: BaseGeometry,
    ukraine: BaseGeometry,
    *,
    outline_tolerance_m: float = OUTLINE_TOLERANCE_M,
    min_piece_km: float = MIN_PIECE_KM,
) -> MultiLineString:
    """The line of contact between the occupied area and the rest of Ukraine.

    Parameters
    ----------
    occupied, ukraine
        EPSG:4326; ``occupied`` already clipped to ``ukraine`` (see
        :func:`geo.data.occupied.occupied_within`).

    Returns
    -------
    MultiLineString in EPSG:4326 (empty if nothing is occupied).
    """
    occupied_m = to_metric(occupied)
    outline_m = to_metric(ukraine).boundary.buffer(outline_tolerance_m)
    front = shapely.line_merge(shapely.difference(occupied_m.boundary, outline_m))
    parts = shapely.get_parts(front)
    long_enough = measure.lengths_km(parts, METRIC_CRS) >= min_piece_km
    pieces = [p for p, keep in zip(parts, long_enough) if keep and not p.is_empty]
    return to_display(MultiLineString(pieces)) if pieces else MultiLineString()


def length_km(line: BaseGeometry) -> float:
    """Length of a line given in EPSG:4326, in km measured in the metric CRS (EPSG:32636) by
    :func:`geo.measure.length_km`."""
    return measure.length_km(line, DISPLAY_CRS)
