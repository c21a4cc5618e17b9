"""What is done to the polygons of every format: from a reader's layer to one area in Ukraine.

In turn: coordinates checked to be finite, reprojected to lon/lat (EPSG:4326) from the
file's CRS (or refused if they only look projected), the tangle budget checked
(:data:`geo.ingest.limits.MAX_EDGE_CROSSINGS`), invalid polygons repaired, all unioned,
checked to overlap Ukraine (with a hint when lon and lat are swapped), simplified if too
detailed and clipped to Ukraine. Every repair and omission adds a note to the layer.
"""

from __future__ import annotations

import math

import numpy as np
import pyproj
import shapely
from shapely.errors import GEOSException
from shapely.geometry.base import BaseGeometry

from geo.crs import DISPLAY_CRS
from geo.data.occupied import occupied_within, polygonal
from geo.ingest import InputError, limits
from geo.ingest.layer import NOT_FINITE, Layer, printable
from geo.ingest.messages import Counted, Listed, Number
from geo.language import N_, Message
from geo.measure import area_km2

_WGS84 = pyproj.CRS.from_epsg(4326)

#: GEOS's reasons for an invalid polygon (shapely.is_valid_reason, lower case) -> how a note
#: names them; a reason not listed is named as GEOS writes it.
INVALIDITY = {
    "self-intersection": N_("self-intersection"),
    "ring self-intersection": N_("ring self-intersection"),
    "too few points in geometry component": N_("too few points in geometry component"),
    "too few distinct points in geometry component":
        N_("too few distinct points in geometry component"),
    "interior is disconnected": N_("interior is disconnected"),
    "hole lies outside shell": N_("hole lies outside shell"),
    "holes are nested": N_("holes are nested"),
    "nested shells": N_("nested shells"),
    "duplicate rings": N_("duplicate rings"),
    "repeated point": N_("repeated point"),
    "invalid coordinate": N_("invalid coordinate"),
    "ring is not closed": N_("ring is not closed"),
}


def clean_area(layer: Layer, ukraine: BaseGeometry) -> BaseGeometry:
    """The layer's polygons (at least one) as one valid MultiPolygon in EPSG:4326 within
    ``ukraine`` (EPSG:4326), with notes added to ``layer`` for what was changed or left out.

    Raises
    ------
    InputError
        If the coordinates are not finite or not lon/lat, the polygons are too tangled,
        enclose no area, cannot be repaired or do not overlap Ukraine.
    """
    polygons = np.asarray(layer.polygons, dtype=object)
    if not np.isfinite(shapely.get_coordinates(polygons)).all():
        raise InputError(NOT_FINITE)
    polygons = _in_lonlat(polygons, layer)
    polygons = _repaired(polygons, layer)
    try:
        area = polygonal(shapely.union_all(polygons))
    except GEOSException:
        raise InputError(Message("the polygons could not be combined: their geometry is too "
                                 "degenerate to repair")) from None
    if area.is_empty or area.area == 0:
        raise InputError(Message("the file's polygons enclose no area"))
    _check_overlaps_ukraine(area, ukraine)
    area = _simplified(area, layer)
    geometry = _clipped(ukraine, area, layer)
    if geometry.is_empty:
        raise _off_ukraine(area)
    try:
        outside_km2 = _area_km2(shapely.difference(area, ukraine))
    except GEOSException:  # only a note is lost
        outside_km2 = 0.0
    if outside_km2 >= 1:
        layer.notes.append(Message("{area} km2 drawn outside Ukraine's boundaries left out",
                                   {"area": Number(outside_km2)}))
    return geometry


# --- To lon/lat -----------------------------------------------------------------------------


def _crs_label(crs: pyproj.CRS) -> str | Message:
    code = crs.to_epsg()
    return f"EPSG:{code}" if code else printable(crs.name or "", 60) or Message("an unnamed CRS")


def _in_lonlat(polygons: np.ndarray, layer: Layer) -> np.ndarray:
    """The polygons in EPSG:4326, reprojected from the file's CRS if it has one."""
    crs = layer.crs
    if crs is not None and not crs.is_geographic:
        return _reprojected(polygons, crs, layer)
    largest = np.abs(shapely.get_coordinates(polygons)).max(axis=0)
    if largest[0] > 180 or largest[1] > 90:
        rule = (Message("the file's CRS ({crs}) says they are, so the file is mislabelled",
                        {"crs": _crs_label(crs)}) if crs is not None else layer.lonlat_rule)
        raise InputError(Message("the coordinates are not longitude/latitude (values up to "
                                 "{values}, as in a projected CRS): {rule}",
                                 {"values": _number(float(largest.max())), "rule": rule}))
    if crs is not None and not crs.equals(_WGS84, ignore_axis_order=True):
        return _reprojected(polygons, crs, layer)
    return polygons


def _reprojected(polygons: np.ndarray, crs: pyproj.CRS, layer: Layer) -> np.ndarray:
    """Polygons from ``crs`` to EPSG:4326 (a fresh transformer: user CRSs are not cached)."""
    label = _crs_label(crs)
    failed = InputError(Message("the coordinates cannot be converted from {crs} to "
                                "longitude/latitude: they lie outside that CRS's area",
                                {"crs": label}))
    try:
        transformer = pyproj.Transformer.from_crs(crs, DISPLAY_CRS, always_xy=True)
        result = shapely.transform(polygons, lambda xy: np.column_stack(
            transformer.transform(xy[:, 0], xy[:, 1])))
    except (pyproj.exceptions.ProjError, pyproj.exceptions.CRSError, GEOSException):
        raise failed from None
    coordinates = shapely.get_coordinates(result)
    if not np.isfinite(coordinates).all() or (np.abs(coordinates) > (180, 90)).any():
        raise failed
    layer.notes.append(Message("reprojected from {crs} to EPSG:4326", {"crs": label}))
    return result


def _number(value: float) -> Number | str:
    return Number(value) if value < 1e9 else f"{value:.3g}"


# --- Repair ---------------------------------------------------------------------------------


def _too_tangled(polygons: np.ndarray, budget: int) -> bool:
    """Whether more than ``budget`` pairs of the polygons' edges cross each other.

    First a cheap upper bound, pairs of edges whose bounding boxes overlap (neighbours along
    a ring excepted); only if that exceeds the budget are true crossings counted, since
    polygons that share borders have many touching but no crossing edges."""
    rings = shapely.get_rings(polygons)
    coordinates, index = shapely.get_coordinates(rings, return_index=True)
    same_ring = index[1:] == index[:-1]
    edges = shapely.linestrings(np.stack([coordinates[:-1][same_ring],
                                          coordinates[1:][same_ring]], axis=1))
    tree = shapely.STRtree(edges)
    # A ring's first and last edges meet at its closing vertex: one more pair per ring.
    if _edge_pairs(tree, edges, None, budget + len(rings)) <= budget + len(rings):
        return False
    return _edge_pairs(tree, edges, "crosses", budget) > budget


def _edge_pairs(tree: shapely.STRtree, edges: np.ndarray, predicate: str | None,
                stop_above: int) -> int:
    """Pairs of ``edges`` (not neighbours) matching ``predicate`` (None: overlapping
    bounding boxes), counted until above ``stop_above``. Edges are taken in growing batches,
    so a tangle is recognised after a few of them whatever the file's size."""
    count, start, batch = 0, 0, 1
    while start < len(edges) and count <= stop_above:
        left, right = tree.query(edges[start:start + batch], predicate=predicate)
        count += int(np.count_nonzero(left + start < right - 1))
        start += batch
        batch = min(2 * batch, 4096)
    return count


def _repaired(polygons: np.ndarray, layer: Layer) -> np.ndarray:
    """Invalid polygons made valid (make_valid's "structure" method), with a note."""
    if _too_tangled(polygons, limits.MAX_EDGE_CROSSINGS):
        raise InputError(Message("the polygons' edges cross each other more than {limit} "
                                 "times: the file is too tangled to repair, so fix or simplify "
                                 "it first", {"limit": Number(limits.MAX_EDGE_CROSSINGS)}))
    valid = shapely.is_valid(polygons)
    if valid.all():
        return polygons
    invalid = polygons[~valid]
    kinds = {reason.split("[")[0].strip().lower() for reason in shapely.is_valid_reason(invalid)}
    # "structure" rather than the default "linework": linework took 177 s on a 500-vertex
    # scribble here, structure 0.7 s; for ordinary self-intersections both keep the area.
    try:
        fixed = shapely.make_valid(invalid, method="structure", keep_collapsed=False)
    except GEOSException:
        raise InputError(Message("the file's invalid polygons could not be repaired")) from None
    n = len(invalid)
    if kinds <= {"self-intersection", "ring self-intersection"}:
        layer.notes.append(Counted.ngettext(
            "{count} self-intersecting polygon repaired with make_valid",
            "{count} self-intersecting polygons repaired with make_valid", n))
    else:
        named = [Message(INVALIDITY[kind]) if kind in INVALIDITY else printable(kind, 60)
                 for kind in sorted(kinds)]
        layer.notes.append(Counted.ngettext(
            "{count} invalid polygon ({reasons}) repaired with make_valid",
            "{count} invalid polygons ({reasons}) repaired with make_valid", n,
            {"reasons": Listed(named, conjunction=False)}))
    return np.concatenate([polygons[valid], fixed])


# --- Simplifying and clipping ---------------------------------------------------------------


def _simplified(area: BaseGeometry, layer: Layer) -> BaseGeometry:
    """``area`` (EPSG:4326), simplified at the finest tolerance that brings it to at most
    MAX_PROCESSED_VERTICES vertices, with a note; unchanged if it has no more than that."""
    before = shapely.get_num_coordinates(area)
    if before <= limits.MAX_PROCESSED_VERTICES:
        return area
    too_detailed = InputError(Message(
        "the area is too detailed to process: simplified to within about 1 km it still has "
        "more than {limit} vertices", {"limit": Number(limits.MAX_PROCESSED_VERTICES)}))
    # Douglas-Peucker, repaired once afterwards: the topology-preserving variant was 10-30
    # times slower and keeps every speck (a repaired scribble left 2,600 of them).
    for tolerance in limits.SIMPLIFY_TOLERANCES_DEG:
        simple = shapely.simplify(area, tolerance, preserve_topology=False)
        if shapely.get_num_coordinates(simple) <= limits.MAX_PROCESSED_VERTICES:
            break
    else:
        raise too_detailed
    try:
        simple = polygonal(shapely.make_valid(simple, method="structure", keep_collapsed=False))
    except GEOSException:
        raise too_detailed from None
    if simple.is_empty:
        raise too_detailed
    metres = tolerance * 111_000  # a degree of latitude; less along a parallel
    layer.notes.append(Message("the area was simplified to within about {metres} m ({before} "
                               "to {after} vertices) to keep processing fast",
                               {"metres": Number(metres), "before": Number(before),
                                "after": Number(shapely.get_num_coordinates(simple))}))
    return simple


def _clipped(ukraine: BaseGeometry, area: BaseGeometry, layer: Layer) -> BaseGeometry:
    """:func:`geo.data.occupied.occupied_within`, robust to GEOS's topology errors.

    It projects Ukraine's remainder to UTM unrepaired, where it can turn invalid: a third
    of random triangles over Donetsk and a valid 49,000-vertex circle then raised
    "TopologyException"s. Snapping to a 1e-7 degree (1 cm) grid cured the circle; as a last
    resort the area is clipped as drawn."""
    for snap in (None, 1e-7):
        try:
            return occupied_within(ukraine, area if snap is None
                                   else shapely.set_precision(area, snap))
        except (GEOSException, ValueError):  # ValueError: max() of no parts, on slivers
            continue
    try:
        clipped = polygonal(shapely.intersection(area, ukraine))
    except GEOSException:
        raise InputError(Message("the area could not be clipped to Ukraine: its geometry is "
                                 "too degenerate")) from None
    layer.notes.append(Message("coastal slivers could not be absorbed (a geometry error): the "
                               "area is clipped to Ukraine as drawn"))
    return clipped


def _check_overlaps_ukraine(area: BaseGeometry, ukraine: BaseGeometry) -> None:
    if area.intersects(ukraine):
        return
    swapped = shapely.transform(area, lambda xy: xy[:, ::-1])
    if swapped.intersects(ukraine):
        raise InputError(Message("the coordinates fit Ukraine only when swapped: the file "
                                 "gives latitude, longitude, but the order must be longitude, "
                                 "latitude"))
    raise _off_ukraine(area)


def _off_ukraine(area: BaseGeometry) -> InputError:
    """The refusal of an area (EPSG:4326) outside Ukraine, with where it is."""
    west, south, east, north = (Number(degrees, decimals=2) for degrees in area.bounds)
    return InputError(Message(
        "the area does not overlap Ukraine (it spans longitude {west} to {east}, latitude "
        "{south} to {north}; Ukraine is about 22 to 40 E, 44 to 52 N)",
        {"west": west, "east": east, "south": south, "north": north}))


def _area_km2(geometry: BaseGeometry) -> float:
    """Area in km2 of a geometry in EPSG:4326, measured in EPSG:3035 by
    :func:`geo.measure.area_km2` (0 if not finite)."""
    km2 = area_km2(geometry, DISPLAY_CRS)
    return km2 if math.isfinite(km2) else 0.0
