"""Reading GeoJSON (RFC 7946, and DeepStateMap's API answer) into a layer of polygons.

Coordinates are lon/lat (EPSG:4326) as RFC 7946 requires, unless an old-style (2008) "crs"
member names an EPSG code, which is then honoured. The text is checked for nesting depth
before :mod:`json` parses it (it recurses per level), and JSON's number literals are
bounded; of DeepStateMap's layers only the occupied ones are kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import NoReturn

import numpy as np
import pyproj
from shapely.geometry.base import BaseGeometry

from geo.data.snapshots import ATTRIBUTION
from geo.ingest import InputError, limits
from geo.ingest.layer import OTHER_KINDS, Layer, date_in, malformed, plain, polygon_from_rings, utf8
from geo.ingest.messages import Counted, Number
from geo.language import Message

#: DeepStateMap's API names its layers "Ukrainian///English///..."; these are the occupied
#: ones (the layers cyterat/deepstate-map-data unions into its snapshots), compared in
#: lower case with every language's part.
DEEPSTATE_OCCUPIED_LAYERS = frozenset({"occupied", "occupied crimea", "cadr and calr",
                                       "окуповано"})

_GEOMETRY_TYPES = frozenset({"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                             "MultiPolygon", "GeometryCollection"})


def read_geojson(data: bytes) -> Layer:
    """The polygons, properties and dates of a GeoJSON file's features (in the CRS its
    "crs" member names, else EPSG:4326).

    Raises
    ------
    InputError
        If the file is not UTF-8, too deeply nested, not valid JSON or not GeoJSON.
    """
    text = utf8(data, "JSON file")
    depth = _json_depth(text)
    if depth > limits.MAX_NESTING_DEPTH:
        raise InputError(Message("the JSON is nested {depth} levels deep, more than the {limit} "
                                 "allowed (GeoJSON needs about 8)",
                                 {"depth": Number(depth),
                                  "limit": Number(limits.MAX_NESTING_DEPTH, grouped=False)}))
    try:
        document = json.loads(text, parse_constant=_reject_constant, parse_int=_bounded_int)
    except _BadNumber as error:
        raise InputError(error.message) from None
    except json.JSONDecodeError as error:
        raise InputError(Message("the file starts like JSON but is not valid JSON (line {line}, "
                                 "column {column})", {"line": Number(error.lineno),
                                                      "column": Number(error.colno)})) from None
    except (ValueError, RecursionError):
        raise InputError(Message("the file starts like JSON but is not valid JSON")) from None
    layer = Layer("GeoJSON", lonlat_rule=Message("GeoJSON must be in EPSG:4326, so reproject "
                                                 "it first"))
    top_dates = []
    if isinstance(document, dict):
        layer.crs = _geojson_crs(document.get("crs"), layer)
        top_dates = [document.get("date"), document.get("datetime")]
        if str(document.get("name", "")).lower().startswith("deepstatemap"):
            layer.attribution = ATTRIBUTION
    features = _geojson_features(document)
    _geojson_polygons(features, layer)
    if not layer.dates:
        layer.dates = [d for d in map(date_in, top_dates) if d]
    return layer


# --- The JSON text --------------------------------------------------------------------------


class _BadNumber(Exception):
    """A JSON number GeoJSON cannot use (raised from json's hooks, turned into InputError);
    ``message`` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _reject_constant(constant: str) -> NoReturn:
    # json.loads accepts NaN, Infinity and -Infinity (the only strings it passes here),
    # which JSON itself does not.
    raise _BadNumber(Message("the file holds {constant}, which JSON does not allow: "
                             "coordinates must be finite numbers", {"constant": constant}))


def _bounded_int(text: str) -> int:
    # Floats need no such hook: a huge one parses as inf, which the coordinate check refuses.
    if len(text) > limits.MAX_NUMBER_CHARS:
        raise _BadNumber(Message("the file holds an integer of more than {limit} digits: "
                                 "coordinates must be ordinary numbers",
                                 {"limit": Number(limits.MAX_NUMBER_CHARS, grouped=False)}))
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


# --- Features -------------------------------------------------------------------------------


def _geojson_features(document: object) -> list[tuple[object, object]]:
    """(geometry, properties) of each feature of a GeoJSON document (either may be junk)."""
    if not isinstance(document, dict):
        raise InputError(Message('the file is JSON but not GeoJSON: it is not an object with a '
                                 '"type"'))
    kind = document.get("type")
    if kind == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise InputError(Message('the file is a FeatureCollection without a "features" list'))
        if not features:
            raise InputError(Message("the file holds no features: its FeatureCollection is "
                                     "empty"))
        if len(features) > limits.MAX_FEATURES:
            raise InputError(Message("the file has {count} features, more than the {limit} "
                                     "allowed", {"count": Number(len(features)),
                                                 "limit": Number(limits.MAX_FEATURES)}))
        return [(f.get("geometry"), f.get("properties")) if isinstance(f, dict) else (None, None)
                for f in features]
    if kind == "Feature":
        return [(document.get("geometry"), document.get("properties"))]
    if kind in _GEOMETRY_TYPES:
        return [(document, None)]
    if kind == "Topology":
        raise InputError(Message("the file is TopoJSON, not GeoJSON: convert it first "
                                 "(e.g. mapshaper -o format=geojson)"))
    if kind is None and isinstance(document.get("map"), dict):
        # DeepStateMap's API: {"id": ..., "datetime": ..., "map": {FeatureCollection}}.
        return _geojson_features(document["map"])
    raise InputError(Message('the file is JSON but not GeoJSON: it has no "type" of '
                             "FeatureCollection, Feature or a geometry"))


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


def _geojson_polygons(features: list[tuple[object, object]], layer: Layer) -> None:
    found = []
    for geometry, properties in features:
        polygons = []
        if not isinstance(geometry, dict):
            layer.no_geometry += 1
        for kind, coordinates in _geometry_parts(geometry):
            if kind in ("Polygon", "MultiPolygon"):
                polygons += _json_polygons(kind, coordinates, layer)
            else:
                layer.others[OTHER_KINDS.get(kind, "other")] += 1
        found.append((polygons, properties if isinstance(properties, dict) else {}))
    names = [p.get("name") for polygons, p in found if polygons]
    if any(isinstance(n, str) and "///" in n for n in names):
        found = _deepstate_layers(found, layer)
    dates = set()
    for polygons, properties in found:
        layer.add_feature(polygons, tuple((str(k), plain(v)) for k, v in properties.items()))
        if polygons and (date := date_in(properties.get("date"))):
            dates.add(date)
    if len(dates) > 1:
        # Never fewer than two: the singular is never shown, but Ukrainian has two plurals.
        layer.notes.append(Counted.ngettext(
            "the features carry {count} different dates: the newest is used",
            "the features carry {count} different dates: the newest is used", len(dates),
            {"count": Number(len(dates), grouped=False)}))
    layer.dates = sorted(dates, reverse=True)


def _deepstate_layers(found: list[tuple[list, dict]], layer: Layer) -> list[tuple[list, dict]]:
    """Only DeepStateMap's occupied layers (its API also has liberated areas and more)."""
    def occupied(properties: dict) -> bool:
        name = properties.get("name")
        parts = name.split("///") if isinstance(name, str) else []
        return any(part.strip().lower() in DEEPSTATE_OCCUPIED_LAYERS for part in parts)

    kept = [(polygons, p) for polygons, p in found if polygons and occupied(p)]
    left_out = sum(1 for polygons, p in found if polygons and not occupied(p))
    if not kept:
        raise InputError(Message("the file looks like DeepStateMap data but holds no "
                                 "occupied-area layer (Occupied, Occupied Crimea, CADR and "
                                 "CALR)"))
    if left_out:
        layer.notes.append(Counted.ngettext(
            "{count} DeepStateMap polygon feature that are not occupied areas (e.g. liberated "
            "or contested) left out",
            "{count} DeepStateMap polygon features that are not occupied areas (e.g. liberated "
            "or contested) left out", left_out, {"count": Number(left_out, grouped=False)}))
    layer.attribution = ATTRIBUTION
    return kept


# --- The "crs" member -----------------------------------------------------------------------

_CRS84 = re.compile(r"(?:urn:ogc:def:crs:)?(?:ogc:[\d.]*:*)?crs84", re.IGNORECASE)
_EPSG = re.compile(r"(?:urn:ogc:def:crs:)?epsg:[\d.]*:*(\d{1,6})", re.IGNORECASE)


def _geojson_crs(member: object, layer: Layer) -> pyproj.CRS | None:
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
        layer.notes.append(Message('the "crs" member is not understood: coordinates taken as '
                                   "longitude/latitude (EPSG:4326)"))
        return None
    code = int(match.group(1))
    if code == 4326:  # GeoJSON writers put lon/lat under EPSG:4326 despite its axis order
        return None
    try:
        return pyproj.CRS.from_epsg(code)
    except pyproj.exceptions.CRSError:
        raise InputError(Message('the file\'s "crs" member names EPSG:{code}, which is '
                                 "unknown: GeoJSON should be in EPSG:4326",
                                 {"code": str(code)})) from None


# --- Rings ----------------------------------------------------------------------------------

_NUMBER = (int, float)  # not bool: type() is compared, and bool is no coordinate


def _json_polygons(kind: str, coordinates: object, layer: Layer) -> list[BaseGeometry]:
    polygons = [coordinates] if kind == "Polygon" else coordinates
    if not isinstance(polygons, list):
        raise malformed(layer)
    found = []
    for rings in polygons:
        if not isinstance(rings, list):
            raise malformed(layer)
        if not rings:
            layer.no_geometry += 1
            continue
        polygon = polygon_from_rings([_json_ring(ring, layer) for ring in rings], layer)
        if polygon is not None:
            found.append(polygon)
    return found


def _json_ring(positions: object, layer: Layer) -> np.ndarray:
    if not isinstance(positions, list):
        raise malformed(layer)
    layer.count_vertices(len(positions))
    if not all(type(p) is list and len(p) >= 2 and type(p[0]) in _NUMBER
               and type(p[1]) in _NUMBER for p in positions):
        raise malformed(layer)
    return np.array([p[:2] for p in positions], dtype=float).reshape(-1, 2)
