"""Reading KML and KMZ (a zipped KML) into a layer of polygons, in lon/lat (EPSG:4326) as the
KML standard requires.

The XML is parsed by :mod:`defusedxml`, which refuses any DOCTYPE and so every entity
declaration ("billion laughs") and external entity (local files, URLs); our own limits on
nesting depth and element count (:mod:`geo.ingest.limits`) are checked as the text is
parsed, before all of it is in memory as elements. Nothing in the file is followed:
NetworkLinks and other references are ignored.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

import numpy as np
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse
from shapely.geometry.base import BaseGeometry

from geo.ingest import InputError, limits
from geo.ingest.archive import read_member
from geo.ingest.layer import (NOT_FINITE, Layer, Properties, date_in, malformed, polygon_from_rings,
                              utf8)
from geo.ingest.messages import Counted, Number
from geo.language import N_, Message

#: Root elements of XML formats mistaken for KML -> the refusal naming them.
_XML_FORMATS = {"gpx": N_("the file is GPX, not KML"),
                "svg": N_("the file is an SVG image, not KML"),
                "html": N_("the file is an HTML page, not KML"),
                "FeatureCollection": N_("the file is GML, not KML"),
                "osm": N_("the file is OpenStreetMap XML, not KML")}

_KML_OTHERS = {"Point": "point", "LineString": "line", "Track": "line", "MultiTrack": "line",
               "Model": "other"}


def read_kml(text: str, file_format: str = "KML") -> Layer:
    """The polygons, properties and dates of a KML document's placemarks (EPSG:4326 by the
    KML standard), reported as ``file_format`` ("KML" or "KMZ").

    Raises
    ------
    InputError
        If the text is not well-formed XML, declares a DOCTYPE or ENTITY, is too deep or too
        large, is not KML, or holds too many placemarks.
    """
    root = _parse_xml(text)
    tag = _local(root.tag)
    if tag != "kml":
        what = _XML_FORMATS.get(tag)
        raise InputError(Message(what) if what else
                         Message("the file is XML but not KML (its root element is not <kml>)"))
    placemarks = [e for e in root.iter() if _local(e.tag) == "Placemark"]
    if len(placemarks) > limits.MAX_FEATURES:
        raise InputError(Message("the KML has {count} placemarks, more than the {limit} allowed",
                                 {"count": Number(len(placemarks)),
                                  "limit": Number(limits.MAX_FEATURES)}))
    layer = Layer(file_format, lonlat_rule=Message("KML must be in EPSG:4326, so reproject it "
                                                   "first"))
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
            if date := date_in(when):
                dates.add(date)
    if not placemarks:
        layer.no_geometry += 1
    if len(dates) > 1:
        # Never fewer than two: the singular is never shown, but Ukrainian has two plurals.
        layer.notes.append(Counted.ngettext(
            "the placemarks carry {count} different dates: the newest is used",
            "the placemarks carry {count} different dates: the newest is used", len(dates),
            {"count": Number(len(dates), grouped=False)}))
    layer.dates = sorted(dates, reverse=True)
    return layer


def read_kmz(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> Layer:
    """The KML of a KMZ: its doc.kml, else its first .kml, as KMZ readers take it.

    ``members`` are the archive's checked members (:func:`geo.ingest.archive.safe_members`),
    at least one of them a .kml."""
    kml = [m for m in members if m.filename.lower().endswith(".kml")]
    main = next((m for m in kml if m.filename.lower() == "doc.kml"), kml[0])
    return read_kml(utf8(read_member(archive, main), "KML in the KMZ"), "KMZ")


# --- Parsing the XML ------------------------------------------------------------------------


def _parse_xml(text: str) -> Element:
    """The root of an XML document, parsed by defusedxml within our depth and size limits.

    defusedxml's ``forbid_dtd`` refuses a DOCTYPE, which is where entities are declared;
    the entity checks it applies by default stay on behind it. iterparse reads the text in
    chunks and hands on each element as it starts, so a too deep or too large document is
    refused before all of it is in memory as elements."""
    head = text.lstrip()[:100].lower()
    if head.startswith(("<!doctype html", "<html")):
        raise InputError(Message(_XML_FORMATS["html"]))
    root, depth, elements = None, 0, 0
    try:
        for event, element in iterparse(io.StringIO(text), events=("start", "end"),
                                        forbid_dtd=True):
            if event == "end":
                depth -= 1
                continue
            root = element if root is None else root
            depth += 1
            elements += 1
            if depth > limits.MAX_NESTING_DEPTH:
                raise InputError(Message(
                    "the XML is nested more than {limit} elements deep (KML needs about 12)",
                    {"limit": Number(limits.MAX_NESTING_DEPTH, grouped=False)}))
            if elements > limits.MAX_XML_ELEMENTS:
                raise InputError(Message("the XML has more than {limit} elements",
                                         {"limit": Number(limits.MAX_XML_ELEMENTS)}))
    except DefusedXmlException:  # DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
        raise InputError(Message("the XML declares a DOCTYPE or ENTITY, which is refused: such "
                                 "declarations can expand without bound or read local "
                                 "files")) from None
    except ParseError as error:
        line, column = error.position
        raise InputError(Message("the file is not well-formed XML (line {line}, column "
                                 "{column}): KML must be valid XML",
                                 {"line": Number(line), "column": Number(column)})) from None
    if root is None:
        raise InputError(Message("the file is not well-formed XML: it has no root element"))
    return root


def _local(tag: object) -> str:
    """An element's name without its namespace (KML 2.2, Google's 2.1, gx: ...)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _text_of(element: Element, *path: str) -> str | None:
    for name in path:
        found = _children(element, name)
        if not found:
            return None
        element = found[0]
    return element.text


# --- Placemarks -----------------------------------------------------------------------------


def _kml_polygon(element: Element, layer: Layer) -> BaseGeometry | None:
    def rings(boundary: str) -> list[Element]:
        return [coordinates for b in _children(element, boundary)
                for ring in _children(b, "LinearRing")
                for coordinates in _children(ring, "coordinates")]

    outer, inner = rings("outerBoundaryIs"), rings("innerBoundaryIs")
    if not outer:
        layer.no_geometry += 1
        return None
    return polygon_from_rings([_kml_ring(c.text, layer) for c in outer[:1] + inner], layer)


def _kml_ring(text: str | None, layer: Layer) -> np.ndarray:
    """A ring from KML's "lon,lat[,alt] lon,lat[,alt] ..." text."""
    tuples = (text or "").split()
    layer.count_vertices(len(tuples))
    ring = np.empty((len(tuples), 2))
    try:
        for index, position in enumerate(tuples):
            lon, lat = position.split(",")[:2]
            ring[index] = float(lon), float(lat)
    except ValueError:  # also too few values to unpack
        raise malformed(layer) from None
    if not np.isfinite(ring).all():  # float() reads "nan" and "inf"
        raise InputError(NOT_FINITE)
    return ring


def _kml_properties(placemark: Element) -> Properties:
    pairs = [(name, text) for name in ("name", "description")
             if (text := _text_of(placemark, name)) is not None]
    for data in placemark.iter():
        kind = _local(data.tag)
        if kind == "Data":
            pairs.append((data.get("name", ""), _text_of(data, "value") or ""))
        elif kind == "SimpleData":
            pairs.append((data.get("name", ""), data.text or ""))
    return tuple((str(k), str(v)) for k, v in pairs)
