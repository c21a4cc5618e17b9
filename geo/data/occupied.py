"""The occupied area inside Ukraine's boundaries, with coastline mismatches removed."""

from __future__ import annotations

import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import M_PER_KM
from geo.projection import to_display, to_metric

#: Ukrainian-held slivers narrower than twice this, touching both the occupied area and
#: the coast or state border, are artefacts of two sources drawing the coast differently.
SLIVER_HALF_WIDTH_KM = 1.0


def polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """Only the polygons of ``geometry`` (overlay results can carry stray lines and points),
    as a MultiPolygon."""
    # Two levels of parts reach the polygons of a collection holding multipolygons.
    parts = shapely.get_parts(shapely.get_parts(geometry))
    polygons = parts[(shapely.get_type_id(parts) == 3) & ~shapely.is_empty(parts)]
    return shapely.MultiPolygon(list(polygons))


def _parts(geometry: BaseGeometry) -> list[BaseGeometry]:
    return [p for p in getattr(geometry, "geoms", [geometry]) if not p.is_empty]


def occupied_within(
    ukraine: BaseGeometry,
    occupied: BaseGeometry,
    *,
    sliver_half_width_km: float = SLIVER_HALF_WIDTH_KM,
) -> BaseGeometry:
    """Clip an occupied area (EPSG:4326) to Ukraine (EPSG:4326) and absorb coastal slivers.

    DeepStateMap and Natural Earth draw the coast and the state border differently, so a
    plain intersection leaves thin "Ukrainian-held" strips along occupied coasts (Crimea
    came out 99.05 % occupied, Sevastopol 95.6 %). A Ukrainian-held piece is given to the
    occupied side when it is either cut off from the main Ukrainian-held mass or thinner
    than ``2 * sliver_half_width_km`` (a morphological opening in the metric CRS), *and* it
    touches both the occupied area and Ukraine's outer boundary. Narrow corners along the
    front line do not touch the outer boundary and stay as drawn.

    Returns
    -------
    The occupied area within Ukraine, EPSG:4326.
    """
    occupied_in = shapely.intersection(occupied, ukraine)
    held = shapely.difference(ukraine, occupied_in)
    if held.is_empty or occupied_in.is_empty:
        return polygonal(occupied_in)
    # Reprojection can leave a ring touching itself (seen on hand-drawn areas): repair.
    held_m = shapely.make_valid(to_metric(held), method="structure")
    held_parts = _parts(held_m)
    main = max(held_parts, key=lambda p: p.area)
    width_m = sliver_half_width_km * M_PER_KM
    opened = held_m.buffer(-width_m).buffer(width_m)
    candidates = [p for p in held_parts if p is not main]
    candidates += _parts(shapely.difference(main, opened))
    near_occupied = to_metric(occupied_in).buffer(1.0)
    near_outer = to_metric(ukraine).boundary.buffer(1.0)
    slivers = [p for p in candidates if p.intersects(near_occupied) and p.intersects(near_outer)]
    if not slivers:
        return polygonal(occupied_in)
    absorbed = to_display(shapely.union_all(slivers).buffer(1.0))
    return polygonal(shapely.intersection(shapely.union_all([occupied_in, absorbed]), ukraine))
