"""Reading a user's control-area file (GeoJSON, KML, KMZ, zipped shapefile) as an occupied area.

Every file is untrusted: whatever its bytes, :func:`read_control_file` returns a
:class:`ControlFile` or raises :class:`geo.ingest.InputError` whose message says in one
sentence what is wrong. The limits on size, depth and complexity are in :mod:`geo.ingest.limits`.
Nothing in a file is fetched, executed or interpreted: KML NetworkLinks are not followed,
XML DOCTYPE/ENTITY declarations are refused before parsing, zip members are never written
under their own names, and properties come back as plain strings.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import tempfile
import warnings
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import NoReturn

import geopandas as gpd
import numpy as np
import pyogrio
import pyproj
import shapely
from shapely.errors import GEOSException
from shapely.geometry.base import BaseGeometry

from geo.crs import DISPLAY_CRS
from geo.data.boundaries import load_units, ukraine_outline
from geo.data.occupied import occupied_within, polygonal
from geo.data.shares import control_shares
from geo.data.snapshots import ATTRIBUTION
from geo.ingest import InputError, limits
from geo.measure import area_km2

#: One feature's properties as (name, value) pairs of plain strings.
Properties = tuple[tuple[str, str], ...]

#: What the file must be, for messages.
_EXPECTED = "GeoJSON, KML, KMZ or a zipped shapefile"
_NOT_FINITE = "the file holds NaN or infinite coordinates: coordinates must be finite numbers"

#: DeepStateMap's API names its layers "Ukrainian///English///..."; these are the occupied
#: ones (the layers cyterat/deepstate-map-data unions into its snapshots), compared in
#: lower case with every language's part.
DEEPSTATE_OCCUPIED_LAYERS = frozenset({"occupied", "occupied crimea", "cadr and calr",
                                       "окуповано"})


@dataclass(frozen=True)
class ControlFile:
    """An occupied area read from a user's file.

    Attributes
    ----------
    geometry
        The occupied area within Ukraine: a MultiPolygon in EPSG:4326 (lon/lat), clipped to
        Ukraine with coastal slivers absorbed by :func:`geo.data.occupied.occupied_within`.
    name
        The file's name without folders or control characters: a label, never a path.
    date
        The date the file states (a ``date`` property, DeepStateMap's ``datetime``, a KML
        ``TimeStamp``), else one in its name (``..._20260106``, ``2026-01-06``), else None.
    feature_count
        Features (GeoJSON features, KML placemarks, shapefile records) whose polygons make up
        the area.
    notes
        What was repaired, assumed or left out, one sentence each.
    file_format
        "GeoJSON", "KML", "KMZ" or "shapefile".
    properties
        The properties of each feature used, as (name, value) pairs of plain strings exactly
        as in the file: data, to be escaped wherever they are shown.
    attribution
        The credit line the data's licence asks for (DeepStateMap's), or None.
    """

    geometry: BaseGeometry
    name: str
    date: dt.date | None
    feature_count: int
    notes: tuple[str, ...] = ()
    file_format: str = "GeoJSON"
    properties: tuple[Properties, ...] = ()
    attribution: str | None = None


def check_size(n_bytes: int) -> None:
    """Refuse a file of ``n_bytes`` bytes if it exceeds :data:`geo.ingest.limits.MAX_FILE_BYTES`.

    Raises
    ------
    InputError
        If the file is too large.
    """
    if n_bytes > limits.MAX_FILE_BYTES:
        raise InputError(f"the file is {n_bytes:,} bytes, more than the "
                         f"{limits.MAX_FILE_BYTES:,} bytes ({_mib(limits.MAX_FILE_BYTES)}) allowed")


def read_control_file(name: str, data: bytes, *,
                      ukraine: BaseGeometry | None = None) -> ControlFile:
    """The occupied area in a user's file, checked, repaired and clipped to Ukraine.

    The format is recognised from the content, not the name: GeoJSON (a FeatureCollection,
    Feature or geometry, or DeepStateMap's API answer, of whose layers only the occupied
    ones are used), KML, KMZ, or a zip holding one shapefile (.shp, .shx, .dbf and
    optionally .prj, which is honoured; without one, lon/lat-looking coordinates are taken
    as EPSG:4326). Self-intersecting and other invalid polygons are repaired with
    :func:`shapely.make_valid` and reported in ``notes``.

    Parameters
    ----------
    name
        The file's name as given by the user: read for a date, shown as a label.
    data
        The file's bytes.
    ukraine
        Ukraine's outline in EPSG:4326 (default: the union of the shipped units).

    Returns
    -------
    ControlFile whose geometry is in EPSG:4326.

    Raises
    ------
    InputError
        For every file that cannot be used, with one sentence saying why; no other
        exception is raised for any content.
    """
    check_size(len(data))
    kind = _sniff(data)
    if kind == "zip":
        layer = _read_zip(data)
    elif kind == "json":
        layer = _read_geojson(data)
    else:
        layer = _read_kml(_utf8(data, "KML file"), "KML")
    return _finish(layer, _label(name), _default_ukraine() if ukraine is None else ukraine)


def describe(control: ControlFile, units: gpd.GeoDataFrame) -> dict:
    """A summary of a control file for display or JSON.

    Parameters
    ----------
    control
        A file read by :func:`read_control_file`.
    units
        Ukraine's units (e.g. :func:`geo.data.boundaries.load_units`), any CRS.

    Returns
    -------
    dict with name, date (ISO string or None), format, features, occupied_km2 (km2,
    measured in EPSG:3035), ukraine_pct (percent 0-100 of Ukraine), units (per unit:
    iso_3166_2, name, area_km2, occupied_km2, occupied_pct, from
    :func:`geo.data.shares.control_shares`), notes (list of sentences) and attribution.
    """
    # Overlaid in lon/lat where the units are (else control_shares repairs it after
    # projecting): a valid lon/lat polygon turned invalid in EPSG:3035 (vertices a hair apart
    # crossed), and the intersection there raised "TopologyException: side location
    # conflict" for a plain triangle.
    table = control_shares(units, control.geometry)
    total = table.iloc[-1]
    return {
        "name": control.name,
        "date": control.date.isoformat() if control.date else None,
        "format": control.file_format,
        "features": control.feature_count,
        "occupied_km2": float(total["occupied_km2"]),
        "ukraine_pct": float(total["occupied_pct"]),
        "units": table.iloc[:-1].to_dict(orient="records"),
        "notes": list(control.notes),
        "attribution": control.attribution,
    }


# --- What every reader produces ------------------------------------------------------------


@dataclass
class _Layer:
    """What a format's reader found, before the checks all formats share."""

    file_format: str
    #: Polygons in the file's CRS (``crs``; None means lon/lat, EPSG:4326).
    polygons: list[BaseGeometry] = field(default_factory=list)
    properties: list[Properties] = field(default_factory=list)
    features: int = 0
    #: Geometries that are not polygons ("point", "line", "other") -> how many.
    others: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    crs: pyproj.CRS | None = None
    #: Why the coordinates must be lon/lat when no CRS is given (ends a message).
    lonlat_rule: str = "the file must be in EPSG:4326, so reproject it first"
    attribution: str | None = None
    vertices: int = 0
    unclosed: int = 0
    degenerate: int = 0
    no_geometry: int = 0

    def count_vertices(self, n: int) -> None:
        """Add ``n`` vertices, refusing the file as soon as there are too many."""
        self.vertices += n
        if self.vertices > limits.MAX_VERTICES:
            raise InputError(f"the file has more than {limits.MAX_VERTICES:,} polygon vertices: "
                             "simplify it first (e.g. with mapshaper or QGIS)")

    def add_feature(self, polygons: list[BaseGeometry], properties: Properties) -> None:
        if polygons:
            self.polygons.extend(polygons)
            self.properties.append(properties)
            self.features += 1


def _polygon(rings: list[np.ndarray], layer: _Layer) -> BaseGeometry | None:
    """A polygon from its rings ((n, 2) arrays, shell first); unclosed rings are closed,
    rings of fewer than 3 corners dropped (the polygon too if it is the shell)."""
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


def _plain(value: object) -> str:
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


def _date_in(text: object) -> dt.date | None:
    """The first date written as YYYY-MM-DD or YYYYMMDD in ``text`` (a string), if any."""
    if not isinstance(text, str):
        return None
    for match in _DATE.finditer(text[:200]):
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            continue
    return None


# --- Recognising the format ----------------------------------------------------------------

#: Leading bytes of formats users upload by mistake -> what they are, what to do.
_FOREIGN = (
    (b"\x1f\x8b", "gzip-compressed data", "decompress it first"),
    (b"%PDF", "a PDF document", ""),
    (b"\x89PNG", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF8", "a GIF image", ""),
    (b"Rar!", "a RAR archive", "use a .zip"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "use a .zip"),
    (b"SQLite format 3\x00", "a SQLite database (a GeoPackage?)", "export GeoJSON from it"),
)


def _sniff(data: bytes) -> str:
    """"zip", "json" or "xml", from the file's first bytes."""
    if not data.strip():
        raise InputError("the file is empty")
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if data[:4] == b"\x00\x00\x27\x0a":  # the magic number of .shp and .shx files
        raise InputError("the file is a bare shapefile part (.shp or .shx): zip the .shp, "
                         ".shx, .dbf and .prj together and upload the .zip")
    for magic, what, advice in _FOREIGN:
        if data.startswith(magic):
            raise InputError(f"the file is {what}, not {_EXPECTED}"
                             + (f": {advice}" if advice else ""))
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4]:
        raise InputError("the file is UTF-16 or UTF-32 text: save it as UTF-8")
    first = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if first in (b"{", b"["):
        return "json"
    if first == b"<":
        return "xml"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"the file is binary data, not {_EXPECTED}") from None
    raise InputError(f"the file is text but neither JSON nor XML: {_EXPECTED} expected")


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"the {what} is not UTF-8 text (byte {error.start:,} is invalid): "
                         "save it as UTF-8") from None


def _mib(n_bytes: int) -> str:
    return f"{n_bytes / 1024 / 1024:g} MB"


def _printable(text: str, limit: int) -> str:
    """``text`` from a file, safe to print: no control characters (terminal escapes) or
    unpaired surrogates, at most ``limit`` characters."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return "".join(c for c in text if c.isprintable())[:limit]


def _label(name: str) -> str:
    """The file name without folders, control characters or unpaired surrogates."""
    return _printable(re.split(r"[/\\]", str(name))[-1], 200) or "upload"


# --- GeoJSON --------------------------------------------------------------------------------


class _BadNumber(Exception):
    """A JSON number GeoJSON cannot use (raised from json's hooks, turned into InputError);
    its argument is the message."""


def _reject_constant(constant: str) -> NoReturn:
    # json.loads accepts NaN, Infinity and -Infinity (the only strings it passes here),
    # which JSON itself does not.
    raise _BadNumber(f"the file holds {constant}, which JSON does not allow: coordinates "
                     "must be finite numbers")


def _bounded_int(text: str) -> int:
    # Floats need no such hook: a huge one parses as inf, which the coordinate check refuses.
    if len(text) > limits.MAX_NUMBER_CHARS:
        raise _BadNumber(f"the file holds an integer of more than {limits.MAX_NUMBER_CHARS} "
                         "digits: coordinates must be ordinary numbers")
    return int(text)


_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")


def _json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON text, without recursion.

    Strings are cut out first (the optional closing quote makes an unterminated string
    run to the end instead of being retried at every quote, which would be quadratic).
    """
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    if not brackets:
        return 0
    codes = np.frombuffer(brackets.encode("ascii"), dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1)
    return int(np.cumsum(steps).max())


def _read_geojson(data: bytes) -> _Layer:
    text = _utf8(data, "JSON file")
    depth = _json_depth(text)
    if depth > limits.MAX_NESTING_DEPTH:
        raise InputError(f"the JSON is nested {depth:,} levels deep, more than the "
                         f"{limits.MAX_NESTING_DEPTH} allowed (GeoJSON needs about 8)")
    try:
        document = json.loads(text, parse_constant=_reject_constant, parse_int=_bounded_int)
    except _BadNumber as error:
        raise InputError(str(error)) from None
    except json.JSONDecodeError as error:
        raise InputError(f"the file starts like JSON but is not valid JSON (line {error.lineno:,}, "
                         f"column {error.colno:,})") from None
    except (ValueError, RecursionError):
        raise InputError("the file starts like JSON but is not valid JSON") from None
    layer = _Layer("GeoJSON", lonlat_rule="GeoJSON must be in EPSG:4326, so reproject it first")
    top_dates = []
    if isinstance(document, dict):
        layer.crs = _geojson_crs(document.get("crs"), layer)
        top_dates = [document.get("date"), document.get("datetime")]
        if str(document.get("name", "")).lower().startswith("deepstatemap"):
            layer.attribution = ATTRIBUTION
    features = _geojson_features(document)
    _geojson_polygons(features, layer)
    if not layer.dates:
        layer.dates = [d for d in map(_date_in, top_dates) if d]
    return layer


_GEOMETRY_TYPES = frozenset({"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                             "MultiPolygon", "GeometryCollection"})


def _geojson_features(document: object) -> list[tuple[object, object]]:
    """(geometry, properties) of each feature of a GeoJSON document (either may be junk)."""
    if not isinstance(document, dict):
        raise InputError('the file is JSON but not GeoJSON: it is not an object with a "type"')
    kind = document.get("type")
    if kind == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise InputError('the file is a FeatureCollection without a "features" list')
        if not features:
            raise InputError("the file holds no features: its FeatureCollection is empty")
        if len(features) > limits.MAX_FEATURES:
            raise InputError(f"the file has {len(features):,} features, more than the "
                             f"{limits.MAX_FEATURES:,} allowed")
        return [(f.get("geometry"), f.get("properties")) if isinstance(f, dict) else (None, None)
                for f in features]
    if kind == "Feature":
        return [(document.get("geometry"), document.get("properties"))]
    if kind in _GEOMETRY_TYPES:
        return [(document, None)]
    if kind == "Topology":
        raise InputError("the file is TopoJSON, not GeoJSON: convert it first "
                         "(e.g. mapshaper -o format=geojson)")
    if kind is None and isinstance(document.get("map"), dict):
        # DeepStateMap's API: {"id": ..., "datetime": ..., "map": {FeatureCollection}}.
        return _geojson_features(document["map"])
    raise InputError('the file is JSON but not GeoJSON: it has no "type" of FeatureCollection, '
                     "Feature or a geometry")


def _geometry_parts(geometry: object) -> Iterator[tuple[str, object]]:
    """(type, coordinates) of each simple geometry, GeometryCollections flattened.

    Recursion is bounded: the document is at most MAX_NESTING_DEPTH levels deep."""
    if not isinstance(geometry, dict):
        return
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        members = geometry.get("geometries")
        for member in members if isinstance(members, list) else []:
            yield from _geometry_parts(member)
    elif isinstance(kind, str):
        yield kind, geometry.get("coordinates")


_OTHER_KINDS = {"Point": "point", "MultiPoint": "point", "LineString": "line",
                "MultiLineString": "line"}


def _geojson_polygons(features: list[tuple[object, object]], layer: _Layer) -> None:
    found = []
    for geometry, properties in features:
        polygons = []
        if not isinstance(geometry, dict):
            layer.no_geometry += 1
        for kind, coordinates in _geometry_parts(geometry):
            if kind in ("Polygon", "MultiPolygon"):
                polygons += _json_polygons(kind, coordinates, layer)
            else:
                layer.others[_OTHER_KINDS.get(kind, "other")] += 1
        found.append((polygons, properties if isinstance(properties, dict) else {}))
    names = [p.get("name") for polygons, p in found if polygons]
    if any(isinstance(n, str) and "///" in n for n in names):
        found = _deepstate_layers(found, layer)
    dates = set()
    for polygons, properties in found:
        layer.add_feature(polygons, tuple((str(k), _plain(v)) for k, v in properties.items()))
        if polygons and (date := _date_in(properties.get("date"))):
            dates.add(date)
    if len(dates) > 1:
        layer.notes.append(f"the features carry {len(dates)} different dates: the newest is used")
    layer.dates = sorted(dates, reverse=True)


def _deepstate_layers(found: list[tuple[list, dict]], layer: _Layer) -> list[tuple[list, dict]]:
    """Only DeepStateMap's occupied layers (its API also has liberated areas and more)."""
    def occupied(properties: dict) -> bool:
        name = properties.get("name")
        parts = name.split("///") if isinstance(name, str) else []
        return any(part.strip().lower() in DEEPSTATE_OCCUPIED_LAYERS for part in parts)

    kept = [(polygons, p) for polygons, p in found if polygons and occupied(p)]
    left_out = sum(1 for polygons, p in found if polygons and not occupied(p))
    if not kept:
        raise InputError("the file looks like DeepStateMap data but holds no occupied-area "
                         "layer (Occupied, Occupied Crimea, CADR and CALR)")
    if left_out:
        layer.notes.append(f"{left_out} DeepStateMap polygon feature{_s(left_out)} that "
                           "are not occupied areas (e.g. liberated or contested) left out")
    layer.attribution = ATTRIBUTION
    return kept


_CRS84 = re.compile(r"(?:urn:ogc:def:crs:)?(?:ogc:[\d.]*:*)?crs84", re.IGNORECASE)
_EPSG = re.compile(r"(?:urn:ogc:def:crs:)?epsg:[\d.]*:*(\d{1,6})", re.IGNORECASE)


def _geojson_crs(member: object, layer: _Layer) -> pyproj.CRS | None:
    """The CRS named by an old-style (2008) GeoJSON "crs" member; None for lon/lat.

    Only EPSG codes and CRS84 are accepted: arbitrary CRS text (PROJ strings, WKT) can
    name grid files and other resources a public app should not let users pick."""
    if member is None:
        return None
    properties = member.get("properties") if isinstance(member, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else None
    if isinstance(name, str) and _CRS84.fullmatch(name.strip()):
        return None
    match = _EPSG.fullmatch(name.strip()) if isinstance(name, str) else None
    if match is None:
        layer.notes.append('the "crs" member is not understood: coordinates taken as '
                           "longitude/latitude (EPSG:4326)")
        return None
    code = int(match.group(1))
    if code == 4326:  # GeoJSON writers put lon/lat under EPSG:4326 despite its axis order
        return None
    try:
        return pyproj.CRS.from_epsg(code)
    except pyproj.exceptions.CRSError:
        raise InputError(f'the file\'s "crs" member names EPSG:{code}, which is unknown: '
                         "GeoJSON should be in EPSG:4326") from None


_NUMBER = (int, float)  # not bool: type() is compared, and bool is no coordinate


def _json_polygons(kind: str, coordinates: object, layer: _Layer) -> list[BaseGeometry]:
    polygons = [coordinates] if kind == "Polygon" else coordinates
    if not isinstance(polygons, list):
        raise _malformed(layer)
    found = []
    for rings in polygons:
        if not isinstance(rings, list):
            raise _malformed(layer)
        if not rings:
            layer.no_geometry += 1
            continue
        polygon = _polygon([_json_ring(ring, layer) for ring in rings], layer)
        if polygon is not None:
            found.append(polygon)
    return found


def _json_ring(positions: object, layer: _Layer) -> np.ndarray:
    if not isinstance(positions, list):
        raise _malformed(layer)
    layer.count_vertices(len(positions))
    if not all(type(p) is list and len(p) >= 2 and type(p[0]) in _NUMBER
               and type(p[1]) in _NUMBER for p in positions):
        raise _malformed(layer)
    return np.array([p[:2] for p in positions], dtype=float).reshape(-1, 2)


def _malformed(layer: _Layer) -> InputError:
    example = "[longitude, latitude]" if layer.file_format == "GeoJSON" else "longitude,latitude"
    return InputError(f"a polygon in the file has malformed coordinates: each position must "
                      f"be {example}")


# --- KML and KMZ ----------------------------------------------------------------------------

#: Root elements of XML formats mistaken for KML -> what to call them.
_XML_FORMATS = {"gpx": "GPX", "svg": "an SVG image", "html": "an HTML page",
                "FeatureCollection": "GML", "osm": "OpenStreetMap XML"}
_XML_CHUNK = 1 << 20
_DECLARATION = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _local(tag: object) -> str:
    """An element's name without its namespace (KML 2.2, Google's 2.1, gx: ...)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse_xml(text: str) -> ET.Element:
    """The root of an XML document, refusing declarations and bounding depth and size.

    A DOCTYPE is where entities are declared: refusing it rules out entity expansion
    ("billion laughs") and external entities (local files, URLs) before the parser runs,
    at the price of refusing a DOCTYPE quoted in a comment or CDATA."""
    head = text.lstrip()[:100].lower()
    if head.startswith(("<!doctype html", "<html")):
        raise InputError("the file is an HTML page, not KML")
    if _DECLARATION.search(text):
        raise InputError("the XML declares a DOCTYPE or ENTITY, which is refused: such "
                         "declarations can expand without bound or read local files")
    parser = ET.XMLPullParser(events=("start", "end"))
    root, depth, elements = None, 0, 0
    # Fed in chunks so that a too deep or too large document is refused before all of it
    # is in memory as elements; None closes the parser.
    chunks = (text[i:i + _XML_CHUNK] for i in range(0, len(text), _XML_CHUNK))
    try:
        for chunk in chain(chunks, [None]):
            if chunk is None:
                parser.close()
            else:
                parser.feed(chunk)
            for event, element in parser.read_events():
                if event == "end":
                    depth -= 1
                    continue
                root = element if root is None else root
                depth += 1
                elements += 1
                if depth > limits.MAX_NESTING_DEPTH:
                    raise InputError(f"the XML is nested more than {limits.MAX_NESTING_DEPTH} "
                                     "elements deep (KML needs about 12)")
                if elements > limits.MAX_XML_ELEMENTS:
                    raise InputError(f"the XML has more than {limits.MAX_XML_ELEMENTS:,} "
                                     "elements")
    except ET.ParseError as error:
        line, column = error.position
        raise InputError(f"the file is not well-formed XML (line {line:,}, column {column:,}): "
                         "KML must be valid XML") from None
    if root is None:
        raise InputError("the file is not well-formed XML: it has no root element")
    return root


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _text_of(element: ET.Element, *path: str) -> str | None:
    for name in path:
        found = _children(element, name)
        if not found:
            return None
        element = found[0]
    return element.text


_KML_OTHERS = {"Point": "point", "LineString": "line", "Track": "line", "MultiTrack": "line",
               "Model": "other"}


def _read_kml(text: str, file_format: str) -> _Layer:
    """Polygons, properties and dates of a KML document's placemarks (EPSG:4326 by the
    KML standard). NetworkLinks and other references are never followed."""
    root = _parse_xml(text)
    tag = _local(root.tag)
    if tag != "kml":
        what = _XML_FORMATS.get(tag)
        raise InputError(f"the file is {what}, not KML" if what else
                         "the file is XML but not KML (its root element is not <kml>)")
    placemarks = [e for e in root.iter() if _local(e.tag) == "Placemark"]
    if len(placemarks) > limits.MAX_FEATURES:
        raise InputError(f"the KML has {len(placemarks):,} placemarks, more than the "
                         f"{limits.MAX_FEATURES:,} allowed")
    layer = _Layer(file_format, lonlat_rule="KML must be in EPSG:4326, so reproject it first")
    dates = set()
    for placemark in placemarks:
        polygons = []
        for element in placemark.iter():
            kind = _local(element.tag)
            if kind == "Polygon":
                polygon = _kml_polygon(element, layer)
                polygons += [polygon] if polygon is not None else []
            elif kind in _KML_OTHERS:
                layer.others[_KML_OTHERS[kind]] += 1
        properties = _kml_properties(placemark)
        layer.add_feature(polygons, properties)
        if polygons:
            when = (_text_of(placemark, "TimeStamp", "when")
                    or _text_of(placemark, "TimeSpan", "end")
                    or dict(properties).get("date"))
            if date := _date_in(when):
                dates.add(date)
    if not placemarks:
        layer.no_geometry += 1
    if len(dates) > 1:
        layer.notes.append(f"the placemarks carry {len(dates)} different dates: the newest is used")
    layer.dates = sorted(dates, reverse=True)
    return layer


def _kml_polygon(element: ET.Element, layer: _Layer) -> BaseGeometry | None:
    def rings(boundary: str) -> list[ET.Element]:
        return [coordinates for b in _children(element, boundary)
                for ring in _children(b, "LinearRing")
                for coordinates in _children(ring, "coordinates")]

    outer, inner = rings("outerBoundaryIs"), rings("innerBoundaryIs")
    if not outer:
        layer.no_geometry += 1
        return None
    return _polygon([_kml_ring(c.text, layer) for c in outer[:1] + inner], layer)


def _kml_ring(text: str | None, layer: _Layer) -> np.ndarray:
    """A ring from KML's "lon,lat[,alt] lon,lat[,alt] ..." text."""
    tuples = (text or "").split()
    layer.count_vertices(len(tuples))
    ring = np.empty((len(tuples), 2))
    try:
        for index, position in enumerate(tuples):
            lon, lat = position.split(",")[:2]
            ring[index] = float(lon), float(lat)
    except ValueError:  # also too few values to unpack
        raise _malformed(layer) from None
    if not np.isfinite(ring).all():  # float() reads "nan" and "inf"
        raise InputError(_NOT_FINITE)
    return ring


def _kml_properties(placemark: ET.Element) -> Properties:
    pairs = [(name, text) for name in ("name", "description")
             if (text := _text_of(placemark, name)) is not None]
    for data in placemark.iter():
        kind = _local(data.tag)
        if kind == "Data":
            pairs.append((data.get("name", ""), _text_of(data, "value") or ""))
        elif kind == "SimpleData":
            pairs.append((data.get("name", ""), data.text or ""))
    return tuple((str(k), str(v)) for k, v in pairs)


# --- Zip archives: KMZ and zipped shapefiles ------------------------------------------------

_UNREADABLE_ZIP = "the file starts like a zip but is not a readable zip archive"


def _read_zip(data: bytes) -> _Layer:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:  # noqa: BLE001 - zipfile parses untrusted bytes and fails in many ways
        raise InputError(_UNREADABLE_ZIP) from None
    members = _safe_members(infos, len(data))
    suffixes = Counter(PurePosixPath(m.filename).suffix.lower() for m in members)
    if suffixes[".kml"] and suffixes[".shp"]:
        raise InputError("the zip holds both a .kml and a shapefile: upload one of them")
    if suffixes[".kml"]:
        kml = [m for m in members if m.filename.lower().endswith(".kml")]
        # KMZ readers take doc.kml, else the first .kml in the archive.
        main = next((m for m in kml if m.filename.lower() == "doc.kml"), kml[0])
        return _read_kml(_utf8(_read_member(archive, main), "KML in the KMZ"), "KMZ")
    if suffixes[".shp"]:
        return _read_zipped_shapefile(archive, members)
    found = ", ".join(_printable(s, 12) or "(no suffix)" for s, _ in suffixes.most_common(5))
    raise InputError("the zip holds neither a .kml (KMZ) nor a shapefile (.shp, .shx, .dbf): "
                     f"it holds {found or 'nothing'}")


def _safe_members(infos: list[zipfile.ZipInfo], archive_bytes: int) -> list[zipfile.ZipInfo]:
    """The archive's files worth reading, after refusing bombs and unsafe paths.

    Sizes come from the archive's directory and are checked before anything is
    decompressed; :func:`_read_member` then never reads more than a member declares."""
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise InputError(f"the zip has {len(infos):,} members, more than the "
                         f"{limits.MAX_ZIP_MEMBERS} allowed")
    for info in infos:
        path = info.filename.replace("\\", "/")
        if (path.startswith("/") or re.match(r"[A-Za-z]:", path) or "\x00" in path
                or ".." in path.split("/")):
            raise InputError("the zip holds a member with an unsafe path (absolute or with "
                             "'..'), so it is refused")
    expanded = sum(info.file_size for info in infos)
    if expanded > limits.MAX_UNCOMPRESSED_BYTES:
        raise InputError(f"the zip expands to {expanded:,} bytes, more than the "
                         f"{_mib(limits.MAX_UNCOMPRESSED_BYTES)} allowed")
    if expanded > limits.MAX_COMPRESSION_RATIO * archive_bytes:
        raise InputError(f"the zip expands {expanded / archive_bytes:,.0f} times its size, "
                         f"more than the {limits.MAX_COMPRESSION_RATIO} allowed (a zip bomb?)")
    if any(info.flag_bits & 0x1 for info in infos):
        raise InputError("the zip is password-protected: upload an unencrypted zip")
    # macOS adds __MACOSX/ and ._ resource forks, which look like .shp/.kml files but are not.
    return [info for info in infos if not info.is_dir()
            and not info.filename.startswith("__MACOSX/")
            and not PurePosixPath(info.filename).name.startswith("._")]


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as member:
            content = member.read(info.file_size + 1)
    except Exception:  # noqa: BLE001 - bad CRC, damaged deflate stream, unknown method ...
        raise InputError(_UNREADABLE_ZIP) from None
    if len(content) != info.file_size:
        raise InputError(_UNREADABLE_ZIP)
    return content


def _read_zipped_shapefile(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> _Layer:
    """The shapefile in a zip, read by GDAL (pyogrio) from a temporary folder.

    Its parts are written under fixed names (layer.shp, ...), never under the names in the
    archive, so no member can land outside the folder."""
    shps = [m for m in members if m.filename.lower().endswith(".shp")]
    if len(shps) > 1:
        raise InputError(f"the zip holds {len(shps)} shapefiles: zip one layer per file")
    stem = shps[0].filename[:-4].lower()
    parts = {m.filename[len(stem):].lower(): m for m in members
             if m.filename.lower().startswith(stem) and m.filename[len(stem):].lower()
             in (".shp", ".shx", ".dbf", ".prj", ".cpg")}
    for required in (".shx", ".dbf"):
        if required not in parts:
            raise InputError(f"the zipped shapefile lacks its {required}: zip the .shp, .shx, "
                             ".dbf and .prj together")
    with tempfile.TemporaryDirectory(prefix="ceasefire-upload-") as folder:
        for suffix, member in parts.items():
            (Path(folder) / f"layer{suffix}").write_bytes(_read_member(archive, member))
        frame = _read_shapefile(Path(folder) / "layer.shp")
    layer = _Layer("shapefile")
    if frame.crs is not None:
        layer.crs = frame.crs
    elif ".prj" in parts:
        layer.lonlat_rule = "the shapefile's .prj is not understood, so fix or replace it"
        layer.notes.append("the .prj is not understood: coordinates taken as "
                           "longitude/latitude (EPSG:4326)")
    else:
        layer.lonlat_rule = "the shapefile has no .prj to say which CRS they are in, so add it"
        layer.notes.append("the zip has no .prj: coordinates taken as longitude/latitude "
                           "(EPSG:4326)")
    _shapefile_polygons(frame, layer)
    return layer


def _read_shapefile(path: Path) -> gpd.GeoDataFrame:
    unreadable = "the zipped shapefile could not be read: it is damaged or incomplete"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            count = pyogrio.read_info(path)["features"]
    except Exception:  # noqa: BLE001 - GDAL reports damaged files in many exception types
        raise InputError(unreadable) from None
    if count > limits.MAX_FEATURES:
        raise InputError(f"the shapefile has {count:,} records, more than the "
                         f"{limits.MAX_FEATURES:,} allowed")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pyogrio.read_dataframe(path)
    except Exception:  # noqa: BLE001 - as above
        raise InputError(unreadable) from None


def _shapefile_polygons(frame: gpd.GeoDataFrame, layer: _Layer) -> None:
    columns = [c for c in frame.columns if c != frame.geometry.name]
    dates = set()
    for geometry, row in zip(frame.geometry.values, frame[columns].to_dict(orient="records")):
        if geometry is None or geometry.is_empty:
            layer.no_geometry += 1
            continue
        kind = geometry.geom_type
        if kind not in ("Polygon", "MultiPolygon"):
            layer.others[_OTHER_KINDS.get(kind, "other")] += 1
            continue
        layer.count_vertices(shapely.get_num_coordinates(geometry))
        properties = tuple((str(c), _plain(v)) for c, v in row.items())
        layer.add_feature(list(shapely.get_parts(shapely.force_2d(geometry))), properties)
        if date := next((_date_in(str(v)) for c, v in properties if c.lower() == "date"), None):
            dates.add(date)
    layer.dates = sorted(dates, reverse=True)


# --- Checks and repairs every format shares -------------------------------------------------


@lru_cache(maxsize=1)
def _default_ukraine() -> BaseGeometry:
    ukraine = ukraine_outline(load_units())
    shapely.prepare(ukraine)
    return ukraine


def _finish(layer: _Layer, name: str, ukraine: BaseGeometry) -> ControlFile:
    if not layer.polygons:
        raise InputError(_no_polygons(layer))
    polygons = np.asarray(layer.polygons, dtype=object)
    if not np.isfinite(shapely.get_coordinates(polygons)).all():
        raise InputError(_NOT_FINITE)
    polygons = _in_lonlat(polygons, layer)
    polygons = _repaired(polygons, layer)
    try:
        area = polygonal(shapely.union_all(polygons))
    except GEOSException:
        raise InputError("the polygons could not be combined: their geometry is too "
                         "degenerate to repair") from None
    if area.is_empty or area.area == 0:
        raise InputError("the file's polygons enclose no area")
    _check_overlaps_ukraine(area, ukraine)
    area = _simplified(area, layer)
    geometry = _clipped(ukraine, area, layer)
    if geometry.is_empty:
        raise InputError(f"the area does not overlap Ukraine ({_extent(area)})")
    try:
        outside_km2 = _area_km2(shapely.difference(area, ukraine))
    except GEOSException:  # only a note is lost
        outside_km2 = 0.0
    if outside_km2 >= 1:
        layer.notes.append(f"{outside_km2:,.0f} km2 drawn outside Ukraine's boundaries left out")
    for count, what in ((layer.unclosed, "unclosed ring{} closed"),
                        (layer.degenerate, "degenerate ring{} (fewer than 3 corners) dropped")):
        if count:
            layer.notes.insert(0, f"{count:,} {what.format(_s(count))}")
    if layer.others:
        layer.notes.insert(0, f"{_counted(layer.others)} ignored: only polygons are areas")
    date = layer.dates[0] if layer.dates else _date_in(name)
    attribution = layer.attribution or (ATTRIBUTION if name.lower().startswith("deepstate")
                                        else None)
    return ControlFile(geometry=geometry, name=name, date=date, feature_count=layer.features,
                       notes=tuple(layer.notes), file_format=layer.file_format,
                       properties=tuple(layer.properties), attribution=attribution)


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _counted(others: Mapping[str, int]) -> str:
    """E.g. "3 points and 1 line"."""
    words = [f"{n:,} {kind}{_s(n)}" for kind, n in sorted(others.items())]
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def _no_polygons(layer: _Layer) -> str:
    if layer.others:
        return (f"the file holds no polygons, only {_counted(layer.others)}: a control area "
                "must be drawn as polygons")
    if layer.degenerate:
        return "the file holds no polygons: all its rings have fewer than 3 corners"
    return "the file holds no polygons: its features have no geometry"


def _crs_label(crs: pyproj.CRS) -> str:
    code = crs.to_epsg()
    return f"EPSG:{code}" if code else _printable(crs.name or "", 60) or "an unnamed CRS"


_WGS84 = pyproj.CRS.from_epsg(4326)


def _in_lonlat(polygons: np.ndarray, layer: _Layer) -> np.ndarray:
    """The polygons in EPSG:4326, reprojected from the file's CRS if it has one."""
    crs = layer.crs
    if crs is not None and not crs.is_geographic:
        return _reprojected(polygons, crs, layer)
    largest = np.abs(shapely.get_coordinates(polygons)).max(axis=0)
    if largest[0] > 180 or largest[1] > 90:
        values = _number(float(largest.max()))
        rule = (f"the file's CRS ({_crs_label(crs)}) says they are, so the file is mislabelled"
                if crs is not None else layer.lonlat_rule)
        raise InputError(f"the coordinates are not longitude/latitude (values up to {values}, "
                         f"as in a projected CRS): {rule}")
    if crs is not None and not crs.equals(_WGS84, ignore_axis_order=True):
        return _reprojected(polygons, crs, layer)
    return polygons


def _reprojected(polygons: np.ndarray, crs: pyproj.CRS, layer: _Layer) -> np.ndarray:
    """Polygons from ``crs`` to EPSG:4326 (a fresh transformer: user CRSs are not cached)."""
    label = _crs_label(crs)
    failed = InputError(f"the coordinates cannot be converted from {label} to "
                        "longitude/latitude: they lie outside that CRS's area")
    try:
        transformer = pyproj.Transformer.from_crs(crs, DISPLAY_CRS, always_xy=True)
        result = shapely.transform(polygons, lambda xy: np.column_stack(
            transformer.transform(xy[:, 0], xy[:, 1])))
    except (pyproj.exceptions.ProjError, pyproj.exceptions.CRSError, GEOSException):
        raise failed from None
    coordinates = shapely.get_coordinates(result)
    if not np.isfinite(coordinates).all() or (np.abs(coordinates) > (180, 90)).any():
        raise failed
    layer.notes.append(f"reprojected from {label} to EPSG:4326")
    return result


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


def _repaired(polygons: np.ndarray, layer: _Layer) -> np.ndarray:
    """Invalid polygons made valid (make_valid's "structure" method), with a note."""
    if _too_tangled(polygons, limits.MAX_EDGE_CROSSINGS):
        raise InputError(f"the polygons' edges cross each other more than "
                         f"{limits.MAX_EDGE_CROSSINGS:,} times: the file is too tangled to "
                         "repair, so fix or simplify it first")
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
        raise InputError("the file's invalid polygons could not be repaired") from None
    n = len(invalid)
    if kinds <= {"self-intersection", "ring self-intersection"}:
        layer.notes.append(f"{n:,} self-intersecting polygon{_s(n)} repaired with make_valid")
    else:
        layer.notes.append(f"{n:,} invalid polygon{_s(n)} ({', '.join(sorted(kinds))}) "
                           "repaired with make_valid")
    return np.concatenate([polygons[valid], fixed])


def _simplified(area: BaseGeometry, layer: _Layer) -> BaseGeometry:
    """``area`` (EPSG:4326), simplified at the finest tolerance that brings it to at most
    MAX_PROCESSED_VERTICES vertices, with a note; unchanged if it has no more than that."""
    before = shapely.get_num_coordinates(area)
    if before <= limits.MAX_PROCESSED_VERTICES:
        return area
    too_detailed = InputError("the area is too detailed to process: simplified to within "
                              f"about 1 km it still has more than "
                              f"{limits.MAX_PROCESSED_VERTICES:,} vertices")
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
    layer.notes.append(f"the area was simplified to within about {metres:,.0f} m "
                       f"({before:,} to {shapely.get_num_coordinates(simple):,} vertices) "
                       "to keep processing fast")
    return simple


def _clipped(ukraine: BaseGeometry, area: BaseGeometry, layer: _Layer) -> BaseGeometry:
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
        raise InputError("the area could not be clipped to Ukraine: its geometry is too "
                         "degenerate") from None
    layer.notes.append("coastal slivers could not be absorbed (a geometry error): the area "
                       "is clipped to Ukraine as drawn")
    return clipped


def _check_overlaps_ukraine(area: BaseGeometry, ukraine: BaseGeometry) -> None:
    if area.intersects(ukraine):
        return
    swapped = shapely.transform(area, lambda xy: xy[:, ::-1])
    if swapped.intersects(ukraine):
        raise InputError("the coordinates fit Ukraine only when swapped: the file gives "
                         "latitude, longitude, but the order must be longitude, latitude")
    raise InputError(f"the area does not overlap Ukraine ({_extent(area)})")


def _extent(area: BaseGeometry) -> str:
    west, south, east, north = area.bounds
    return (f"it spans longitude {west:.2f} to {east:.2f}, latitude {south:.2f} to {north:.2f}; "
            "Ukraine is about 22 to 40 E, 44 to 52 N")


def _area_km2(geometry: BaseGeometry) -> float:
    """Area in km2 of a geometry in EPSG:4326, measured in EPSG:3035 by
    :func:`geo.measure.area_km2` (0 if not finite)."""
    km2 = area_km2(geometry, DISPLAY_CRS)
    return km2 if math.isfinite(km2) else 0.0


def _number(value: float) -> str:
    return f"{value:,.0f}" if value < 1e9 else f"{value:.3g}"
