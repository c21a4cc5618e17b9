"""Ground within whole-km distances of today's line of contact, split by today's sides.

Every position of the pull-back and line-move sliders is composed of these bands, so each is
computed once per snapshot and distance, for every visitor, and kept process-wide (at most
:data:`BANDS_KEPT`, least recently used out first). Geometry in EPSG:32636; areas in km2
measured in EPSG:3035.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from geo.data.occupied import polygonal
from geo.scenario.ground import Ground
from geo.scenario.partition import inner_edge
from geo.scenario.pieces import Piece, empty_piece, measure

#: Bands kept per process: about 1.3 MB of resident memory each (measured), so two
#: snapshots' 0-50 km take ~140 MB.
BANDS_KEPT = 104


@dataclass(frozen=True, eq=False)
class Band:
    """Ground within ``km`` km of the line of contact (EPSG:32636).

    Attributes
    ----------
    km
        The distance, km.
    buffer
        Everything within ``km`` of the line, on either side (prepared).
    ukrainian, russian
        Today's Ukrainian-held and Russian-held ground within the band, measured per unit.
    ukrainian_rest, russian_rest
        Today's Ukrainian-held and Russian-held ground beyond it (prepared).
    ukrainian_edge, russian_edge
        Where each rest meets the band, border and coast left out; for ``km`` = 0, today's
        line of contact as traced along each side.
    """

    km: float
    buffer: BaseGeometry
    ukrainian: Piece
    russian: Piece
    ukrainian_rest: BaseGeometry
    russian_rest: BaseGeometry
    ukrainian_edge: BaseGeometry
    russian_edge: BaseGeometry


_lock = threading.Lock()
_kept: OrderedDict[tuple[int, float], tuple[weakref.ref, Band]] = OrderedDict()


def band(ground: Ground, km: float) -> Band:
    """The band of ``km`` km (>= 0) on ``ground``; whole-km bands are kept for every caller."""
    km = float(km)
    if not km.is_integer():
        return _band(ground, km)
    key = (id(ground), km)
    with _lock:
        hit = _kept.get(key)
        if hit is not None and hit[0]() is ground:  # an id can be reused once a ground is gone
            _kept.move_to_end(key)
            return hit[1]
    made = _band(ground, km)
    with _lock:
        _kept[key] = (weakref.ref(ground), made)
        while len(_kept) > BANDS_KEPT:
            _kept.popitem(last=False)
    return made


def precompute(ground: Ground, kms: Iterable[float]) -> None:
    """Compute and keep the bands of ``kms`` (whole km) on ``ground``, e.g. in a background
    thread when a snapshot is first used: GEOS releases the GIL while it works."""
    for km in kms:
        band(ground, km)


def warm_order(around_km: float, up_to_km: int) -> list[int]:
    """Whole km 0..``up_to_km``, nearest to ``around_km`` first: the order to precompute in,
    so the values people try first are ready first."""
    return sorted(range(up_to_km + 1), key=lambda km: (abs(km - around_km), km))


def forget() -> None:
    """Drop every kept band (benchmarks time a first visit to a distance with it)."""
    with _lock:
        _kept.clear()


def kept_count() -> int:
    """How many bands the process keeps now."""
    with _lock:
        return len(_kept)


def _band(ground: Ground, km: float) -> Band:
    if km < 0:
        raise ValueError(f"a band's distance must be 0 km or more, not {km:g}")
    buffer = ground.line_buffer(km)
    if buffer.is_empty:
        ukrainian, russian = empty_piece(), empty_piece()
        ukrainian_rest, russian_rest = ground.ukrainian, ground.russian
    else:
        ukrainian = measure(ground, polygonal(shapely.intersection(buffer, ground.ukrainian)))
        russian = measure(ground, polygonal(shapely.intersection(buffer, ground.russian)))
        ukrainian_rest = polygonal(shapely.difference(ground.ukrainian, buffer))
        # The buffer itself is subtracted, not its part inside the area: GEOS lost 238 km2
        # subtracting from the occupied area a piece cut from it (shared edges).
        russian_rest = polygonal(shapely.difference(ground.russian, buffer))
    for geometry in (ukrainian.geometry, russian.geometry, ukrainian_rest, russian_rest):
        shapely.prepare(geometry)
    return Band(km, buffer, ukrainian, russian, ukrainian_rest, russian_rest,
                inner_edge(ukrainian_rest.boundary, ground),
                inner_edge(russian_rest.boundary, ground))
