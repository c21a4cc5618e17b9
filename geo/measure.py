"""Areas and lengths: the one place where the project measures.

Every area (km2) is measured in the equal-area CRS (EPSG:3035) and every length (km) in the
metric CRS (EPSG:32636), whatever CRS a geometry is given in (EPSG:4326, EPSG:32636,
EPSG:3035, or any other with degrees or a linear unit).

One densifying rule: an edge is straight in the geometry's own CRS, and a straight line in
one CRS is curved in another, so before its vertices are projected every edge is split into
pieces of at most :data:`DENSIFY_M` (1 km) on the ground, in the geometry's own CRS (for
degrees, :data:`DENSIFY_DEG`). Unsplit, a 200 km edge drawn in UTM skewed a 10 km band's
area by 1 % in EPSG:3035; split to 1 km, the chord of a piece strays from its curve by
centimetres. An edge in the CRS a figure is measured in is already straight there: areas of
EPSG:3035 geometry and lengths of EPSG:32636 geometry are measured as they are.

A visitor's file can hold long edges in numbers (a comb of spikes across Ukraine), so no
geometry is split into more than :data:`MAX_PIECES` pieces: beyond that its pieces are made
longer. No real geometry comes near it (the shipped units' and occupied areas' outlines
would make a few thousand pieces each).

Overlays before measuring (geo.data.shares) are made where the edges are straight, in the CRS
both geometries are given in, and each part is then measured here.

The scenario machinery works on an EPSG:32636 copy of the ground (geo.scenario.ground projects it
vertex by vertex) and measures its pieces here from EPSG:32636 (geo.scenario.pieces): there
the shipped boundaries' edges (up to 40 km) are straight in UTM rather than in lon/lat, so a
unit measured from that copy differs from the same unit measured from EPSG:4326 by up to
0.93 km2 (Crimea, 0.004 %); polygons with edges of about 1 km agree to 0.001 km2.

Left outside, by design: comparisons and ratios that need no km2. In geo.scenario.presets a
target's share is a ratio of EPSG:32636 areas within one unit (the UTM area scale, under
0.2 %, cancels) and a custom line's Russian side is the one holding more EPSG:32636 area;
geo.data.occupied picks the largest EPSG:32636 part; geo.ingest.control tests a file for no area
at all. Distances (buffers, a figure's scale bar) are metres of EPSG:32636 by construction.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

from geo.crs import EQUAL_AREA_CRS, M2_PER_KM2, M_PER_KM, METRIC_CRS
from geo.projection import project_all

#: Longest piece of an edge before projecting (m on the ground).
DENSIFY_M = 1_000.0
#: Metres in a degree: a degree of latitude is 111.1-111.3 km at Ukraine's latitudes (44-53 N),
#: a degree of longitude there 67-80 km, so a piece of DENSIFY_DEG is at most about 1 km.
M_PER_DEGREE = 111_320.0
#: :data:`DENSIFY_M` for geometry in degrees (EPSG:4326): about 0.009.
DENSIFY_DEG = DENSIFY_M / M_PER_DEGREE
#: Most pieces one geometry's edges are split into (the cost of measuring a hostile file).
MAX_PIECES = 100_000

#: A CRS as the project names it ("EPSG:4326") or as pyproj or geopandas give it.
Crs = str | pyproj.CRS
#: One geometry, or an array of them (NumPy, or a GeoSeries' values).
Geometries = BaseGeometry | np.ndarray


def crs_name(crs: Crs | None) -> str:
    """``crs`` as one name: "EPSG:nnnn" when it has a code (so that "EPSG:4326", a pyproj
    CRS and a GeoDataFrame's ``crs`` compare equal and share a transformer), else its WKT.

    Raises
    ------
    ValueError
        If ``crs`` is None (a GeoDataFrame without a CRS cannot be measured).
    """
    if crs is None:
        raise ValueError("a geometry without a CRS cannot be measured")
    return _crs_name(crs)


@cache
def _crs_name(crs: Crs) -> str:
    parsed = pyproj.CRS.from_user_input(crs)
    code = parsed.to_epsg()
    return f"EPSG:{code}" if code is not None else parsed.to_wkt()


@cache
def _densify_step(crs: str) -> float:
    """:data:`DENSIFY_M` in the units of ``crs``'s first axis."""
    parsed = pyproj.CRS.from_user_input(crs)
    if parsed.is_geographic:
        return DENSIFY_DEG
    unit = parsed.axis_info[0].unit_conversion_factor if parsed.axis_info else 0.0
    if not unit:
        raise ValueError(f"cannot measure in {crs}: its axes have no linear unit")
    return DENSIFY_M / unit


def _array_or_one(geometries: Geometries) -> Geometries:
    return geometries if isinstance(geometries, BaseGeometry) else np.asarray(
        geometries, dtype=object)


def densified(geometries: Geometries, crs: Crs) -> Geometries:
    """``geometries`` (one or an array, in ``crs``) with every edge split into pieces of at
    most :data:`DENSIFY_M` on the ground (at most :data:`MAX_PIECES` per geometry), still in
    ``crs``: the rule every measure here applies before projecting."""
    geometries = _array_or_one(geometries)
    step = _densify_step(crs_name(crs))
    longest = np.maximum(step, shapely.length(geometries) / MAX_PIECES)
    return shapely.segmentize(geometries, longest)


def to_equal_area(geometries: Geometries, crs: Crs) -> Geometries:
    """``geometries`` (one or an array, in ``crs``) densified and projected into EPSG:3035,
    ready for overlays whose areas are then measured with ``crs=EQUAL_AREA_CRS``."""
    return _densified_into(geometries, crs, EQUAL_AREA_CRS)


def _densified_into(geometries: Geometries, crs: Crs, target: str) -> Geometries:
    name = crs_name(crs)
    if name == target:  # edges are straight where they are measured: nothing to split
        return _array_or_one(geometries)
    return project_all(densified(geometries, name), name, target)


def areas_km2(geometries: np.ndarray, crs: Crs) -> np.ndarray:
    """Area (km2, measured in EPSG:3035) of each geometry of an array given in ``crs``;
    0 for an empty one."""
    geometries = np.asarray(geometries, dtype=object)
    if geometries.size == 0:
        return np.zeros(geometries.shape)
    return shapely.area(to_equal_area(geometries, crs)) / M2_PER_KM2


def area_km2(geometry: BaseGeometry, crs: Crs) -> float:
    """Area (km2, measured in EPSG:3035) of a geometry given in ``crs``; 0 if it is empty."""
    if geometry.is_empty:
        return 0.0
    return float(areas_km2(np.array([geometry], dtype=object), crs)[0])


def lengths_km(geometries: np.ndarray, crs: Crs) -> np.ndarray:
    """Length (km, measured in EPSG:32636) of each geometry of an array given in ``crs``:
    a line's length, a polygon's perimeter; 0 for an empty one."""
    geometries = np.asarray(geometries, dtype=object)
    if geometries.size == 0:
        return np.zeros(geometries.shape)
    return shapely.length(_densified_into(geometries, crs, METRIC_CRS)) / M_PER_KM


def length_km(geometry: BaseGeometry, crs: Crs) -> float:
    """Length (km, measured in EPSG:32636) of a geometry given in ``crs``; 0 if empty."""
    if geometry.is_empty:
        return 0.0
    return float(lengths_km(np.array([geometry], dtype=object), crs)[0])
