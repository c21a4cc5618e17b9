"""Shared by the tests of geo.ingest's readers (tests/unit/ingest/): control-area
files built at test time, the bad-inputs corpus, random GeoJSON-like documents, and the
check that reading either succeeds or raises InputError."""

from __future__ import annotations

import io
import json
import zipfile
from functools import cache
from pathlib import Path

import geopandas as gpd
from hypothesis import strategies as st
from shapely.geometry import box

from geo.crs import DISPLAY_CRS
from geo.data.boundaries import load_units
from geo.ingest import InputError
from geo.ingest.control import describe, read_control_file
from tests.conftest import ROOT

BAD_INPUTS = ROOT / "tests" / "data" / "bad_inputs"

#: A box well inside Donetsk oblast (EPSG:4326), about 44 x 44 km.
DONETSK_BOX = box(37.3, 48.2, 37.9, 48.6)
RING = [list(xy) for xy in DONETSK_BOX.exterior.coords]

SCRIPT = "<script>alert(1)</script>"
ONERROR = '<img src=x onerror="alert(1)">'


def same_area(a, b) -> bool:
    """Equal as areas (to a square metre or so), whatever their vertex order."""
    return a.symmetric_difference(b).area < 1e-10


# --- Building good files -------------------------------------------------------------------


def geojson(document: dict) -> bytes:
    return json.dumps(document).encode("utf-8")


def polygon(ring=RING) -> dict:
    return {"type": "Polygon", "coordinates": [ring]}


def feature(geometry: dict | None, **properties) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features: dict, **members) -> dict:
    return {"type": "FeatureCollection", "features": list(features), **members}


def kml(placemarks: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>areas</name>'
            f"<Folder>{placemarks}</Folder></Document></kml>\n").encode()


def kml_placemark(ring=RING, *, extra: str = "") -> str:
    coordinates = " ".join(f"{x},{y},0" for x, y in ring)
    return (f"<Placemark><name>occupied</name>{extra}<Polygon><outerBoundaryIs><LinearRing>"
            f"<coordinates>{coordinates}</coordinates></LinearRing></outerBoundaryIs>"
            "</Polygon></Placemark>")


def zipped(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def kmz(kml_bytes: bytes) -> bytes:
    return zipped({"doc.kml": kml_bytes, "files/icon.png": b"\x89PNG"})


def shapefile_zip(folder: Path, geometries: list, *, crs: str | None = DISPLAY_CRS,
                  prj: bool = True, **columns) -> bytes:
    """A zipped shapefile written by pyogrio (its .prj left out unless ``prj``)."""
    frame = gpd.GeoDataFrame(columns or {"name": ["area"] * len(geometries)},
                             geometry=geometries, crs=crs)
    frame.to_file(folder / "areas.shp", engine="pyogrio")
    wanted = {".shp", ".shx", ".dbf", ".cpg"} | ({".prj"} if prj else set())
    return zipped({p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in wanted})


# --- Nothing but InputError, whatever the content ------------------------------------------


@cache
def _units() -> gpd.GeoDataFrame:
    return load_units()


def read_or_refuse(data: bytes) -> None:
    """Reading either succeeds, giving an area that can be described, or raises InputError;
    anything else fails the test."""
    try:
        control = read_control_file("fuzz", data)
    except InputError as error:
        assert str(error)
    else:
        assert control.geometry.is_valid and not control.geometry.is_empty
        assert 0 < describe(control, _units())["ukraine_pct"] <= 100


LON = st.floats(min_value=36.0, max_value=40.0)
LAT = st.floats(min_value=47.0, max_value=50.0)
NUMBERS = st.one_of(st.floats(), st.integers(min_value=-10**120, max_value=10**120), LON, LAT)
LEAVES = st.one_of(st.none(), st.booleans(), NUMBERS, st.text(max_size=8))


def containers(inner):
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)


JSON_VALUES = st.recursive(LEAVES, containers, max_leaves=20)
# Most rings are plausible (random corners near Donetsk, so often self-intersecting), some junk:
# the documents must reach repair and clipping, not only the parser's refusals.
PLAUSIBLE_RINGS = st.lists(st.tuples(LON, LAT).map(list), min_size=3, max_size=8)
POSITIONS = st.one_of(st.tuples(LON, LAT).map(list), st.tuples(LON, LAT, NUMBERS).map(list),
                      st.lists(NUMBERS, max_size=3), JSON_VALUES)
RINGS = st.one_of(PLAUSIBLE_RINGS, PLAUSIBLE_RINGS, PLAUSIBLE_RINGS,
                  st.lists(POSITIONS, max_size=8))
POLYGON_COORDINATES = st.lists(RINGS, min_size=1, max_size=3)
POLYGONS = st.fixed_dictionaries({"type": st.just("Polygon"), "coordinates": POLYGON_COORDINATES})
GEOMETRIES = st.one_of(
    POLYGONS,
    st.fixed_dictionaries({"type": st.just("MultiPolygon"),
                           "coordinates": st.lists(POLYGON_COORDINATES, min_size=1, max_size=3)}),
    st.fixed_dictionaries({
        "type": st.sampled_from(["Polygon", "MultiPolygon", "Point", "LineString", "Nonsense"]),
        "coordinates": st.one_of(POLYGON_COORDINATES, RINGS, POSITIONS, JSON_VALUES)}),
    st.fixed_dictionaries({"type": st.just("GeometryCollection"),
                           "geometries": st.lists(POLYGONS | JSON_VALUES, max_size=3)}),
)
LAYER_NAMES = st.sampled_from(["Окуповано///Occupied///x", "Звільнено///Liberated///y", SCRIPT])
PROPERTIES = st.one_of(JSON_VALUES, st.fixed_dictionaries({
    "name": LAYER_NAMES, "date": st.one_of(st.text(max_size=12), st.just("2026-01-06"), NUMBERS)}))
FEATURES = st.fixed_dictionaries({
    "type": st.just("Feature"),
    "geometry": st.one_of(GEOMETRIES, GEOMETRIES, st.none(), JSON_VALUES),
    "properties": PROPERTIES})
CRS_NAMES = st.sampled_from(["EPSG:3857", "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "EPSG:0",
                             "+proj=longlat +nadgrids=@x", "urn:ogc:def:crs:EPSG::32636"])
CRS_MEMBERS = st.one_of(JSON_VALUES, st.fixed_dictionaries({
    "type": st.just("name"), "properties": st.fixed_dictionaries({"name": CRS_NAMES})}))
COLLECTIONS = st.fixed_dictionaries(
    {"type": st.just("FeatureCollection"),
     "features": st.lists(st.one_of(FEATURES, FEATURES, JSON_VALUES), max_size=4)},
    optional={"crs": CRS_MEMBERS, "name": st.text(max_size=12)})
DEEPSTATE_ANSWERS = st.fixed_dictionaries({"datetime": st.text(max_size=24), "map": COLLECTIONS})
#: Random GeoJSON-like documents (JSON values), from plausible areas near Donetsk to junk.
DOCUMENTS = st.one_of(COLLECTIONS, FEATURES, GEOMETRIES, JSON_VALUES, DEEPSTATE_ANSWERS)
