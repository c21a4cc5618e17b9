"""Reprojection of shapely geometries between the project's CRSs (see geo.crs), vertex by
vertex: for drawing and overlays. Areas and lengths are measured by geo.measure, which
densifies edges before it projects them."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from geo.crs import DISPLAY_CRS, METRIC_CRS


@cache
def _transformer(source: str, target: str) -> Transformer:
    return Transformer.from_crs(source, target, always_xy=True)


#: pyproj keeps one PROJ transformer per thread and builds it on a thread's first use: 75-100
#: ms for UTM -> LAEA (a search of proj.db). A web server runs each request on a new thread
#: (Streamlit: each script run), so every one paid it again: all transforms run here instead.
_WORKER_NAME = "atlas-proj"
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=_WORKER_NAME)


def _transformed(geometries, source: str, target: str):
    transformer = _transformer(source, target)
    return shapely.transform(
        geometries, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def _project_any(geometries, source: str, target: str):
    if threading.current_thread().name.startswith(_WORKER_NAME):  # never wait on itself
        return _transformed(geometries, source, target)
    return _worker.submit(_transformed, geometries, source, target).result()


def project(geometry: BaseGeometry, source: str, target: str) -> BaseGeometry:
    """``geometry`` from CRS ``source`` to CRS ``target`` (vertex by vertex, vectorised)."""
    return _project_any(geometry, source, target)


def project_all(geometries, source: str, target: str):
    """:func:`project` for one geometry or an array of them (a NumPy array of the same
    shape comes back), in one pass."""
    return _project_any(geometries, source, target)


def to_metric(geometry: BaseGeometry) -> BaseGeometry:
    """EPSG:4326 -> the metric CRS (EPSG:32636, metres)."""
    return project(geometry, DISPLAY_CRS, METRIC_CRS)


def to_display(geometry: BaseGeometry) -> BaseGeometry:
    """The metric CRS (EPSG:32636) -> EPSG:4326."""
    return project(geometry, METRIC_CRS, DISPLAY_CRS)
