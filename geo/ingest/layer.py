"""What each format's reader hands on: a :class:`Layer` of polygons, properties and dates.

The readers (:mod:`geo.ingest.geojson`, :mod:`geo.ingest.kml`, :mod:`geo.ingest.shapefile`)
fill a Layer; :mod:`geo.ingest.control` then runs the checks every format shares. The small
helpers here (rings to polygons, property values and dates as plain data, text for messages)
are the ones more than one reader needs; what they say is a :class:`geo.language.Message`
(:mod:`geo.ingest.messages`). Polygons stay in the file's CRS (``Layer.crs``; None
means lon/lat, EPSG:4326) until :mod:`geo.ingest.cleaning` reprojects them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

from geo.ingest import InputError, limits
from geo.ingest.messages import Number
from geo.language import N_, Message

#: One feature's properties as (name, value) pairs of plain strings.
Properties = tuple[tuple[str, str], ...]

#: The message for NaN or infinite coordinates, whichever format holds them.
NOT_FINITE = Message("the file holds NaN or infinite coordinates: coordinates must be finite "
                     "numbers")

#: Why the coordinates must be lon/lat, unless a format says more.
LONLAT_RULE = Message("the file must be in EPSG:4326, so reproject it first")

#: Geometry types (GeoJSON's, which are also GDAL's) that are not polygons -> how notes
#: count them.
OTHER_KINDS = {"Point": "point", "MultiPoint": "point", "LineString": "line",
               "MultiLineString": "line"}


@dataclass
class Layer:
    """What a format's reader found, before the checks all formats share."""

    file_format: str
    #: Polygons in the file's CRS (``crs``; None means lon/lat, EPSG:4326).
    polygons: list[BaseGeometry] = field(default_factory=list)
    properties: list[Properties] = field(default_factory=list)
    features: int = 0
    #: Geometries that are not polygons ("point", "line", "other") -> how many.
    others: Counter = field(default_factory=Counter)
    #: What was repaired, assumed or left out, one sentence each.
    notes: list[Message] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    crs: pyproj.CRS | None = None
    #: Why the coordinates must be lon/lat when no CRS is given (ends a message).
    lonlat_rule: Message = LONLAT_RULE
    attribution: str | None = None
    vertices: int = 0
    unclosed: int = 0
    degenerate: int = 0
    no_geometry: int = 0

    def count_vertices(self, n: int) -> None:
        """Add ``n`` vertices, refusing the file as soon as there are too many."""
        self.vertices += n
        if self.vertices > limits.MAX_VERTICES:
            raise InputError(Message("the file has more than {limit} polygon vertices: "
                                     "simplify it first (e.g. with mapshaper or QGIS)",
                                     {"limit": Number(limits.MAX_VERTICES)}))

    def add_feature(self, polygons: list[BaseGeometry], properties: Properties) -> None:
        """Count a feature with its polygons and properties; one without polygons is skipped."""
        if polygons:
            self.polygons.extend(polygons)
            self.properties.append(properties)
            self.features += 1


def polygon_from_rings(rings: list[np.ndarray], layer: Layer) -> BaseGeometry | None:
    """A polygon from its rings ((n, 2) arrays in the file's CRS, shell first); unclosed
    rings are closed, rings of fewer than 3 corners dropped (the polygon too if it is the
    shell), each counted in ``layer``."""
    kept = []
    for index, ring in enumerate(rings):
        if len(ring) and not np.array_equal(ring[0], ring[-1]):
            ring = np.vstack([ring, ring[:1]])
            layer.unclosed += 1
        if len(ring) < 4:
            layer.degenerate += 1
            if index == 0:
                return None
            continue
        kept.append(ring)
    return shapely.Polygon(kept[0], kept[1:])


def malformed(layer: Layer) -> InputError:
    """The error for a position that is not two numbers, as the layer's format writes one."""
    if layer.file_format == "GeoJSON":
        return InputError(Message("a polygon in the file has malformed coordinates: each "
                                  "position must be [longitude, latitude]"))
    return InputError(Message("a polygon in the file has malformed coordinates: each position "
                              "must be longitude,latitude"))


def plain(value: object) -> str:
    """A property value as a plain string (nested JSON values as compact JSON)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)(?!\d)")


def date_in(text: object) -> dt.date | None:
    """The first date written as YYYY-MM-DD or YYYYMMDD in ``text`` (a string), if any."""
    if not isinstance(text, str):
        return None
    for match in _DATE.finditer(text[:200]):
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            continue
    return None


#: The refusals of :func:`utf8`, by what is decoded.
NOT_UTF8 = {
    "JSON file": N_("the JSON file is not UTF-8 text (byte {byte} is invalid): save it as UTF-8"),
    "KML file": N_("the KML file is not UTF-8 text (byte {byte} is invalid): save it as UTF-8"),
    "KML in the KMZ": N_("the KML in the KMZ is not UTF-8 text (byte {byte} is invalid): save "
                         "it as UTF-8"),
}


def utf8(data: bytes, what: str) -> str:
    """``data`` decoded as UTF-8 (a BOM dropped); ``what`` (a key of :data:`NOT_UTF8`) names
    it in the error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(Message(NOT_UTF8[what], {"byte": Number(error.start)})) from None


def printable(text: str, limit: int) -> str:
    """``text`` from a file, safe to print: no control characters (terminal escapes) or
    unpaired surrogates, at most ``limit`` characters."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return "".join(c for c in text if c.isprintable())[:limit]


def mib(n_bytes: int) -> Message:
    """A size in bytes as messages write it, e.g. "5 MB" (MiB, as Streamlit counts)."""
    return Message("{size} MB", {"size": Number(n_bytes / 1024 / 1024, decimals=None)})
