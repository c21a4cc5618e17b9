"""Bring-your-own control areas: GeoJSON, KML, KMZ and zipped shapefiles are read, repaired
and clipped to Ukraine, and every unusable file gets one clear sentence (an InputError)."""

from __future__ import annotations

import io
import json
import tomllib
import xml.sax.saxutils
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings, strategies as st
from shapely.errors import GEOSException
from shapely.geometry import box

from geo.crs import DISPLAY_CRS
from geo.data.boundaries import load_units
from geo.data.snapshots import ATTRIBUTION
from geo.ingest import InputError, control as ingest_control, limits
from geo.ingest.control import ControlFile, check_size, describe, read_control_file
from geo.measure import area_km2
from geo.projection import project
from tests.conftest import ROOT

BAD_INPUTS = ROOT / "tests" / "data" / "bad_inputs"

#: A box well inside Donetsk oblast (EPSG:4326), about 44 x 44 km.
DONETSK_BOX = box(37.3, 48.2, 37.9, 48.6)
RING = [list(xy) for xy in DONETSK_BOX.exterior.coords]


def km2(geometry) -> float:
    return area_km2(geometry, DISPLAY_CRS)


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


@pytest.fixture(scope="module")
def units() -> gpd.GeoDataFrame:
    return load_units()


# --- Reading good files --------------------------------------------------------------------


def test_a_geojson_polygon_over_donetsk_comes_back_as_that_area():
    control = read_control_file("area.geojson", geojson(collection(feature(polygon()))))
    assert isinstance(control, ControlFile)
    assert control.geometry.geom_type == "MultiPolygon"
    assert same_area(control.geometry, DONETSK_BOX)
    assert control.feature_count == 1
    assert control.notes == ()


@pytest.mark.parametrize("document", [
    collection(feature(polygon())), feature(polygon()), polygon(),
    {"type": "GeometryCollection", "geometries": [polygon()]},
    {"type": "MultiPolygon", "coordinates": [[RING]]},
], ids=["FeatureCollection", "Feature", "Polygon", "GeometryCollection", "MultiPolygon"])
def test_every_kind_of_geojson_document_is_read(document):
    assert same_area(read_control_file("a.geojson", geojson(document)).geometry, DONETSK_BOX)


def test_kml_kmz_and_a_zipped_shapefile_give_the_same_area_as_geojson(tmp_path):
    files = {"GeoJSON": geojson(polygon()), "KML": kml(kml_placemark()),
             "KMZ": kmz(kml(kml_placemark())),
             "shapefile": shapefile_zip(tmp_path, [DONETSK_BOX])}
    for file_format, data in files.items():
        control = read_control_file("upload", data)
        assert control.file_format == file_format
        assert same_area(control.geometry, DONETSK_BOX), file_format


def test_the_format_is_recognised_from_the_content_not_the_name():
    assert read_control_file("areas.kml", geojson(polygon())).file_format == "GeoJSON"


def test_describe_measures_km2_in_epsg3035_and_shares_of_ukraine_and_donetsk(units):
    summary = describe(read_control_file("a.geojson", geojson(polygon())), units)
    expected_km2 = km2(DONETSK_BOX)
    assert summary["occupied_km2"] == pytest.approx(expected_km2, rel=1e-6)
    ukraine_km2 = sum(u["area_km2"] for u in summary["units"])
    assert summary["ukraine_pct"] == pytest.approx(100 * expected_km2 / ukraine_km2, rel=1e-6)
    donetsk = next(u for u in summary["units"] if u["iso_3166_2"] == "UA-14")
    assert donetsk["occupied_km2"] == pytest.approx(expected_km2, rel=1e-6)
    assert len(summary["units"]) == 27
    assert json.dumps(summary)  # plain values, ready for a page or JSON


def test_a_deepstatemap_api_answer_uses_only_its_occupied_layers():
    liberated = box(36.0, 49.5, 36.5, 49.9)
    answer = {"id": 1767700000, "datetime": "2026-01-06T18:12:00Z", "map": collection(
        feature({"type": "Polygon", "coordinates": [[[x, y, 0] for x, y in RING]]},
                name="Окуповано///Occupied///Besetzt"),
        feature(json.loads(shapely.to_geojson(liberated)),
                name="Звільнено///Liberated///Befreit"),
        feature({"type": "Point", "coordinates": [37.8, 48.0, 0]},
                name="Бахмут///Bakhmut///Bachmut"))}
    control = read_control_file("last.json", geojson(answer))
    assert same_area(control.geometry, DONETSK_BOX)
    assert control.feature_count == 1
    assert control.date.isoformat() == "2026-01-06"
    assert control.attribution == ATTRIBUTION
    assert any("not occupied areas" in note for note in control.notes)
    assert any("1 point ignored" in note for note in control.notes)


def test_a_self_intersecting_bow_tie_is_repaired_and_noted():
    bow_tie = [[37.3, 48.2], [37.9, 48.6], [37.9, 48.2], [37.3, 48.6], [37.3, 48.2]]
    control = read_control_file("bow.geojson", geojson(polygon(bow_tie)))
    # Two triangles meeting at the centre: half the box.
    assert control.geometry.area == pytest.approx(DONETSK_BOX.area / 2, rel=1e-9)
    assert control.geometry.is_valid
    assert "1 self-intersecting polygon repaired with make_valid" in control.notes


def test_an_unclosed_ring_is_closed_and_noted():
    control = read_control_file("open.geojson", geojson(polygon(RING[:-1])))
    assert same_area(control.geometry, DONETSK_BOX)
    assert "1 unclosed ring closed" in control.notes


def test_a_shapefile_in_web_mercator_is_reprojected_by_its_prj(tmp_path):
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    control = read_control_file("areas.zip", shapefile_zip(tmp_path, [mercator], crs="EPSG:3857"))
    assert control.geometry.hausdorff_distance(DONETSK_BOX) < 1e-9
    assert "reprojected from EPSG:3857 to EPSG:4326" in control.notes


def test_a_shapefile_without_prj_in_lon_lat_is_taken_as_epsg4326_with_a_note(tmp_path):
    control = read_control_file("areas.zip", shapefile_zip(tmp_path, [DONETSK_BOX], prj=False))
    assert same_area(control.geometry, DONETSK_BOX)
    assert any("no .prj" in note for note in control.notes)


def test_a_shapefile_without_prj_in_metres_is_refused(tmp_path):
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    data = shapefile_zip(tmp_path, [mercator], crs="EPSG:3857", prj=False)
    with pytest.raises(InputError, match="has no .prj"):
        read_control_file("areas.zip", data)


def test_a_shapefile_whose_prj_says_lon_lat_but_holds_metres_is_refused(tmp_path):
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    data = shapefile_zip(tmp_path, [mercator], crs=DISPLAY_CRS)
    with pytest.raises(InputError, match=r"CRS \(EPSG:4326\) says they are"):
        read_control_file("areas.zip", data)


def test_an_old_style_geojson_crs_member_is_honoured():
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    document = collection(feature(json.loads(shapely.to_geojson(mercator))),
                          crs={"type": "name",
                               "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}})
    control = read_control_file("a.geojson", geojson(document))
    assert control.geometry.hausdorff_distance(DONETSK_BOX) < 1e-9


def test_points_and_lines_beside_polygons_are_ignored_with_a_note():
    document = collection(feature(polygon()),
                          feature({"type": "Point", "coordinates": [37.8, 48.0]}),
                          feature({"type": "LineString", "coordinates": [[37, 48], [38, 49]]}))
    control = read_control_file("a.geojson", geojson(document))
    assert same_area(control.geometry, DONETSK_BOX)
    assert "1 line and 1 point ignored: only polygons are areas" in control.notes


def test_an_area_reaching_into_russia_is_clipped_to_ukraine_with_a_note():
    straddling = box(39.0, 48.5, 41.0, 49.0)
    control = read_control_file("a.geojson", geojson(json.loads(shapely.to_geojson(straddling))))
    assert control.geometry.bounds[2] < 40.3  # Luhansk's eastern border is near 40.2 E
    assert any("drawn outside Ukraine's boundaries left out" in n for n in control.notes)


def test_a_very_detailed_area_is_simplified_before_clipping_with_a_note():
    circle = shapely.Point(37.6, 48.4).buffer(0.2, quad_segs=4_000)  # 16,000 vertices
    control = read_control_file("a.geojson", geojson(json.loads(shapely.to_geojson(circle))))
    assert shapely.get_num_coordinates(control.geometry) <= limits.MAX_PROCESSED_VERTICES
    # A circle is the worst case for chords (about 0.04 % here); front lines lose ~1e-6.
    assert control.geometry.area == pytest.approx(circle.area, rel=1e-3)
    assert any("simplified to within about 11 m" in note for note in control.notes)


def test_a_geometry_error_while_absorbing_slivers_falls_back_to_a_plain_clip(monkeypatch):
    def failing(*args, **kwargs):
        raise GEOSException("TopologyException: side location conflict")

    monkeypatch.setattr(ingest_control, "occupied_within", failing)
    control = read_control_file("a.geojson", geojson(polygon()))
    assert same_area(control.geometry, DONETSK_BOX)
    assert any("could not be absorbed" in note for note in control.notes)


def test_a_kmz_zipped_on_macos_ignores_the_resource_forks():
    data = zipped({"__MACOSX/._doc.kml": b"\x00\x05\x16\x07", "doc.kml": kml(kml_placemark())})
    assert same_area(read_control_file("a.kmz", data).geometry, DONETSK_BOX)


# --- Dates, names and properties -----------------------------------------------------------


def test_the_date_comes_from_a_date_property():
    data = geojson(collection(feature(polygon(), date="2026-01-06")))
    control = read_control_file("a.geojson", data)
    assert control.date.isoformat() == "2026-01-06"


@pytest.mark.parametrize("name", ["deepstatemap_data_20260106.geojson", "front 2026-01-06.kml",
                                  "uploads/2026-01-06_occupied.zip"])
def test_the_date_comes_from_the_file_name_when_the_file_has_none(name):
    assert read_control_file(name, geojson(polygon())).date.isoformat() == "2026-01-06"


def test_a_date_in_the_file_wins_over_one_in_the_name():
    data = geojson(collection(feature(polygon(), date="2025-12-01")))
    assert read_control_file("areas_20260106.geojson", data).date.isoformat() == "2025-12-01"


def test_the_date_comes_from_a_kml_timestamp():
    data = kml(kml_placemark(extra="<TimeStamp><when>2026-01-06T12:00:00Z</when></TimeStamp>"))
    assert read_control_file("a.kml", data).date.isoformat() == "2026-01-06"


def test_no_date_anywhere_gives_none():
    assert read_control_file("areas.geojson", geojson(polygon())).date is None


def test_features_with_different_dates_give_the_newest_and_a_note():
    document = collection(feature(polygon(), date="2025-12-01"),
                          feature(polygon(), date="2026-01-06"))
    control = read_control_file("a.geojson", geojson(document))
    assert control.date.isoformat() == "2026-01-06"
    assert any("2 different dates" in note for note in control.notes)


def test_the_name_is_the_file_name_without_folders_or_control_characters():
    control = read_control_file("../../etc/areas\x1b[31m.geojson", geojson(polygon()))
    assert control.name == "areas[31m.geojson"


def test_a_deepstatemap_file_name_brings_the_attribution():
    control = read_control_file("deepstatemap_data_20260106.geojson", geojson(polygon()))
    assert control.attribution == ATTRIBUTION


SCRIPT = "<script>alert(1)</script>"
ONERROR = '<img src=x onerror="alert(1)">'


def test_html_in_geojson_properties_comes_back_unchanged_as_plain_strings():
    document = collection(feature(polygon(), name=SCRIPT, note=ONERROR, count=3, nested={"a": [1]}))
    control = read_control_file("a.geojson", geojson(document))
    assert control.properties == ((("name", SCRIPT), ("note", ONERROR), ("count", "3"),
                                   ("nested", '{"a": [1]}')),)


def test_html_in_a_kml_description_comes_back_unchanged_as_a_plain_string():
    description = f"<description><![CDATA[{SCRIPT}{ONERROR}]]></description>"
    control = read_control_file("a.kml", kml(kml_placemark(extra=description)))
    assert ("description", SCRIPT + ONERROR) in control.properties[0]


def test_html_in_shapefile_attributes_comes_back_unchanged(tmp_path):
    data = shapefile_zip(tmp_path, [DONETSK_BOX], name=[ONERROR])
    assert read_control_file("a.zip", data).properties == ((("name", ONERROR),),)


# --- Bad files: one sentence each ----------------------------------------------------------

#: (file in tests/data/bad_inputs, what its message must say)
BAD_FILES = [
    ("empty.geojson", "the file is empty"),
    ("not_json.geojson", "text but neither JSON nor XML"),
    ("truncated.geojson", "not valid JSON (line 2, column 1)"),
    ("binary.bin", "binary data, not GeoJSON, KML, KMZ or a zipped shapefile"),
    ("image.png", "a PNG image"),
    ("data.geojson.gz", "gzip-compressed data"),
    ("bare.shp", "bare shapefile part"),
    ("utf16.geojson", "UTF-16 or UTF-32 text: save it as UTF-8"),
    ("latin1.geojson", "not UTF-8 text"),
    ("json_array.json", "JSON but not GeoJSON"),
    ("no_type.json", 'no "type" of FeatureCollection, Feature or a geometry'),
    ("topojson.json", "TopoJSON, not GeoJSON"),
    ("empty_collection.geojson", "its FeatureCollection is empty"),
    ("null_geometry.geojson", "holds no polygons: its features have no geometry"),
    ("points_only.geojson", "holds no polygons, only 2 points"),
    ("lines_only.kml", "holds no polygons, only 1 line"),
    ("malformed_coordinates.geojson", "malformed coordinates"),
    ("malformed_coordinates.kml", "malformed coordinates"),
    ("nan.geojson", "holds NaN, which JSON does not allow"),
    ("infinity.geojson", "holds Infinity, which JSON does not allow"),
    ("huge_number.geojson", "NaN or infinite coordinates"),
    ("nan_coordinates.kml", "NaN or infinite coordinates"),
    ("long_integer.geojson", "integer of more than 100 digits"),
    ("projected.geojson", "not longitude/latitude (values up to 6,206,809"),
    ("projected.kml", "KML must be in EPSG:4326"),
    ("swapped.geojson", "fit Ukraine only when swapped"),
    ("off_ukraine.geojson", "does not overlap Ukraine"),
    ("degenerate.geojson", "fewer than 3 corners"),
    ("zero_area.geojson", "enclose no area"),
    ("unknown_crs.geojson", "EPSG:99999, which is unknown"),
    ("deepstate_no_occupied.geojson", "DeepStateMap data but holds no occupied-area layer"),
    ("billion_laughs.kml", "declares a DOCTYPE or ENTITY"),
    ("external_entity.kml", "declares a DOCTYPE or ENTITY"),
    ("html_page.kml", "an HTML page, not KML"),
    ("track.gpx", "GPX, not KML"),
    ("not_well_formed.kml", "not well-formed XML"),
    ("other_root.xml", "XML but not KML"),
    ("corrupt.zip", "not a readable zip"),
    ("not_a_shapefile.zip", "neither a .kml (KMZ) nor a shapefile"),
    ("zip_slip.zip", "unsafe path"),
    ("absolute_path.zip", "unsafe path"),
    ("encrypted.zip", "password-protected"),
    ("two_shapefiles.zip", "2 shapefiles"),
    ("shapefile_without_dbf.zip", "lacks its .dbf"),
    ("kml_and_shapefile.zip", "both a .kml and a shapefile"),
    ("damaged_shapefile.zip", "could not be read"),
    ("latin1.kmz", "KML in the KMZ is not UTF-8"),
]


@pytest.mark.parametrize(("file", "expected"), BAD_FILES, ids=[f for f, _ in BAD_FILES])
def test_a_bad_file_is_refused_with_one_clear_sentence(file, expected):
    with pytest.raises(InputError) as raised:
        read_control_file(file, (BAD_INPUTS / file).read_bytes())
    message = str(raised.value)
    assert expected in message
    assert "\n" not in message and not message.endswith(".")


def test_every_file_in_the_bad_inputs_corpus_has_a_case():
    corpus = {p.name for p in BAD_INPUTS.iterdir() if p.name != "README.md"}
    assert corpus == {file for file, _ in BAD_FILES}


# --- Limits (large files made at test time) ------------------------------------------------


def test_the_size_limit_is_the_uploaders_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert limits.MAX_FILE_BYTES == config["server"]["maxUploadSize"] * 1024 * 1024


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed():
    data = geojson(polygon()) + b" " * limits.MAX_FILE_BYTES
    with pytest.raises(InputError, match="more than the 5,242,880 bytes"):
        read_control_file("big.geojson", data)


def test_check_size_accepts_a_file_of_exactly_the_limit():
    check_size(limits.MAX_FILE_BYTES)
    with pytest.raises(InputError):
        check_size(limits.MAX_FILE_BYTES + 1)


def test_too_many_vertices_are_refused():
    # Along the south edge of the box, then two corners: one more vertex than allowed.
    ring = [[round(x, 5), 48.2] for x in np.linspace(37.3, 37.9, limits.MAX_VERTICES)]
    ring += [[37.9, 48.6], [37.3, 48.2]]
    data = json.dumps(polygon(ring), separators=(",", ":")).encode()
    assert len(data) <= limits.MAX_FILE_BYTES
    with pytest.raises(InputError, match="more than 200,000 polygon vertices"):
        read_control_file("dense.geojson", data)


@pytest.mark.parametrize("depth", [65, 100_000])
def test_deeply_nested_json_is_refused_without_recursing(depth):
    data = b'{"type": "Polygon", "coordinates": ' + b"[" * depth + b"]" * depth + b"}"
    with pytest.raises(InputError, match=f"nested {depth + 1:,} levels deep"):
        read_control_file("deep.geojson", data)


def test_an_unterminated_string_does_not_slow_the_depth_check():
    data = b'{"type": "' + b'\\"' * 1_000_000
    with pytest.raises(InputError, match="not valid JSON"):
        read_control_file("quotes.geojson", data)


def test_deeply_nested_xml_is_refused():
    data = b"<kml>" + b"<Folder>" * 100 + b"</Folder>" * 100 + b"</kml>"
    with pytest.raises(InputError, match="nested more than 64 elements deep"):
        read_control_file("deep.kml", data)


def test_xml_with_too_many_elements_is_refused():
    data = b"<kml><Document>" + b"<a/>" * (limits.MAX_XML_ELEMENTS + 1) + b"</Document></kml>"
    with pytest.raises(InputError, match="more than 500,000 elements"):
        read_control_file("wide.kml", data)


def test_too_many_features_are_refused():
    data = geojson(collection(*[feature(None)] * (limits.MAX_FEATURES + 1)))
    with pytest.raises(InputError, match="10,001 features, more than the 10,000 allowed"):
        read_control_file("many.geojson", data)


def test_too_many_placemarks_are_refused():
    data = kml("<Placemark/>" * (limits.MAX_FEATURES + 1))
    with pytest.raises(InputError, match="10,001 placemarks"):
        read_control_file("many.kml", data)


def test_a_zip_bomb_is_refused_from_its_directory_before_decompressing():
    bomb = zipped({"doc.kml": b"\x00" * (limits.MAX_UNCOMPRESSED_BYTES + 1)})
    assert len(bomb) < limits.MAX_FILE_BYTES
    with pytest.raises(InputError, match="expands to 52,428,801 bytes"):
        read_control_file("bomb.kmz", bomb)


def test_a_zip_that_expands_too_many_times_is_refused():
    data = zipped({"doc.kml": b" " * (2 * 1024 * 1024)})
    with pytest.raises(InputError, match="times its size, more than the 200 allowed"):
        read_control_file("dense.kmz", data)


def test_a_zip_with_too_many_members_is_refused():
    data = zipped({f"icon{i}.png": b"" for i in range(limits.MAX_ZIP_MEMBERS + 1)})
    with pytest.raises(InputError, match="101 members"):
        read_control_file("many.kmz", data)


def test_a_zip_member_larger_than_its_directory_says_is_refused():
    data = bytearray(zipped({"doc.kml": kml(kml_placemark())}, zipfile.ZIP_STORED))
    # Forge a smaller uncompressed size in the local and the central header.
    data[22:26] = (10).to_bytes(4, "little")
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    with pytest.raises(InputError, match="not a readable zip"):
        read_control_file("forged.kmz", bytes(data))


def test_a_tangled_scribble_is_refused_before_repair_is_attempted():
    rng = np.random.default_rng(0)
    scribble = rng.uniform((37.3, 48.2), (37.9, 48.6), (2_000, 2)).round(5).tolist()
    with pytest.raises(InputError, match="too tangled to repair"):
        read_control_file("scribble.geojson", geojson(polygon(scribble + scribble[:1])))


# --- Nothing but InputError, whatever the content ------------------------------------------


UNITS = load_units()


def read_or_refuse(data: bytes) -> None:
    """Reading either succeeds, giving an area that can be described, or raises InputError;
    anything else fails the test."""
    try:
        control = read_control_file("fuzz", data)
    except InputError as error:
        assert str(error)
    else:
        assert control.geometry.is_valid and not control.geometry.is_empty
        assert 0 < describe(control, UNITS)["ukraine_pct"] <= 100


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4_000))
def test_arbitrary_bytes_raise_nothing_but_input_error(data):
    read_or_refuse(data)


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
DOCUMENTS = st.one_of(COLLECTIONS, FEATURES, GEOMETRIES, JSON_VALUES, DEEPSTATE_ANSWERS)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_random_geojson_like_documents_raise_nothing_but_input_error(document):
    read_or_refuse(json.dumps(document).encode("utf-8"))


def kml_ring_text(coordinates: str, boundary: str) -> str:
    return (f"<{boundary}><LinearRing><coordinates>{coordinates}</coordinates></LinearRing>"
            f"</{boundary}>")


def kml_polygon_text(outer: str, inner: list[str]) -> str:
    holes = "".join(kml_ring_text(ring, "innerBoundaryIs") for ring in inner)
    return f"<Polygon>{kml_ring_text(outer, 'outerBoundaryIs')}{holes}</Polygon>"


def kml_placemark_text(name: str, geometry: str) -> str:
    return f"<Placemark><name>{xml.sax.saxutils.escape(name)}</name>{geometry}</Placemark>"


def kml_document_text(placemarks: list[str], depth: int) -> str:
    return "<kml>" + "<Folder>" * depth + "".join(placemarks) + "</Folder>" * depth + "</kml>"


LON_LAT_TEXT = st.tuples(LON, LAT).map(lambda t: f"{t[0]},{t[1]}")
COORDINATE_TEXT = st.one_of(LON_LAT_TEXT, st.text(alphabet="0123456789.,-+eE nainf", max_size=14))
RING_TEXT = st.one_of(st.lists(LON_LAT_TEXT, min_size=3, max_size=8),
                      st.lists(LON_LAT_TEXT, min_size=3, max_size=8),
                      st.lists(COORDINATE_TEXT, max_size=8)).map(" ".join)
KML_POLYGONS = st.builds(kml_polygon_text, RING_TEXT, st.lists(RING_TEXT, max_size=2))
KML_MULTI = st.lists(KML_POLYGONS, max_size=3).map(
    lambda polygons: f"<MultiGeometry>{''.join(polygons)}</MultiGeometry>")
KML_GEOMETRIES = st.one_of(KML_POLYGONS, KML_MULTI,
                           st.just("<Point><coordinates>37,48</coordinates></Point>"))
XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=8)
KML_PLACEMARKS = st.builds(kml_placemark_text, XML_TEXT, KML_GEOMETRIES)
FOLDER_DEPTHS = st.one_of(st.integers(0, 3), st.integers(0, 70))
KML_DOCUMENTS = st.builds(kml_document_text, st.lists(KML_PLACEMARKS, max_size=4), FOLDER_DEPTHS)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(KML_DOCUMENTS, st.booleans())
def test_random_kml_and_kmz_documents_raise_nothing_but_input_error(document, as_kmz):
    data = document.encode("utf-8")
    read_or_refuse(kmz(data) if as_kmz else data)


EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["geojson", "kml", "kmz"]), EDITS, st.integers(0, 10**6))
def test_good_files_with_random_bytes_changed_raise_nothing_but_input_error(kind, edits, cut):
    data = bytearray({"geojson": geojson(polygon()), "kml": kml(kml_placemark()),
                      "kmz": kmz(kml(kml_placemark()))}[kind])
    for position, value in edits:
        data[position % len(data)] = value
    read_or_refuse(bytes(data[:max(1, cut % (len(data) + 1))]))


@pytest.fixture(scope="module")
def shapefile_bytes(tmp_path_factory) -> bytes:
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    return shapefile_zip(tmp_path_factory.mktemp("shp"), [mercator], crs="EPSG:3857")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_zipped_shapefiles_with_random_bytes_changed_raise_nothing_but_input_error(
        shapefile_bytes, data):
    # Stored, not deflated, so that edits reach GDAL's parsers instead of failing the CRC.
    archive = zipfile.ZipFile(io.BytesIO(shapefile_bytes))
    parts = {name: bytearray(archive.read(name)) for name in archive.namelist()}
    for _ in range(data.draw(st.integers(1, 6))):
        part = parts[data.draw(st.sampled_from(sorted(parts)))]
        part[data.draw(st.integers(0, len(part) - 1))] = data.draw(st.integers(0, 255))
    read_or_refuse(zipped({name: bytes(part) for name, part in parts.items()}, zipfile.ZIP_STORED))
