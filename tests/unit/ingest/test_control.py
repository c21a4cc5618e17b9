"""Bring-your-own control areas: whatever the format (GeoJSON, KML, KMZ, zipped shapefile), a
file is recognised from its content, read, described, dated and named, and every unusable
file gets one clear sentence (an InputError). The formats' own cases are in test_geojson.py,
test_kml.py, test_archive.py and test_shapefile.py beside this file, the repairs every format
shares in test_cleaning.py."""

from __future__ import annotations

import json
import tomllib

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from geo.crs import DISPLAY_CRS
from geo.data.boundaries import load_units
from geo.data.snapshots import ATTRIBUTION
from geo.ingest import InputError, limits
from geo.ingest.control import ControlFile, check_size, describe, read_control_file
from geo.measure import area_km2
from tests.conftest import ROOT
from tests.unit.ingest.ingest_files import (BAD_INPUTS, DONETSK_BOX, RING, collection, feature,
                                            geojson, kml, kml_placemark, kmz, polygon,
                                            read_or_refuse, same_area, shapefile_zip)


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
    expected_km2 = area_km2(DONETSK_BOX, DISPLAY_CRS)
    assert summary["occupied_km2"] == pytest.approx(expected_km2, rel=1e-6)
    ukraine_km2 = sum(u["area_km2"] for u in summary["units"])
    assert summary["ukraine_pct"] == pytest.approx(100 * expected_km2 / ukraine_km2, rel=1e-6)
    donetsk = next(u for u in summary["units"] if u["iso_3166_2"] == "UA-14")
    assert donetsk["occupied_km2"] == pytest.approx(expected_km2, rel=1e-6)
    assert len(summary["units"]) == 27
    assert json.dumps(summary)  # plain values, ready for a page or JSON


def test_an_unclosed_ring_is_closed_and_noted():
    control = read_control_file("open.geojson", geojson(polygon(RING[:-1])))
    assert same_area(control.geometry, DONETSK_BOX)
    assert "1 unclosed ring closed" in control.notes


def test_points_and_lines_beside_polygons_are_ignored_with_a_note():
    document = collection(feature(polygon()),
                          feature({"type": "Point", "coordinates": [37.8, 48.0]}),
                          feature({"type": "LineString", "coordinates": [[37, 48], [38, 49]]}))
    control = read_control_file("a.geojson", geojson(document))
    assert same_area(control.geometry, DONETSK_BOX)
    assert "1 line and 1 point ignored: only polygons are areas" in control.notes


# --- Dates and names -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["deepstatemap_data_20260106.geojson", "front 2026-01-06.kml",
                                  "uploads/2026-01-06_occupied.zip"])
def test_the_date_comes_from_the_file_name_when_the_file_has_none(name):
    assert read_control_file(name, geojson(polygon())).date.isoformat() == "2026-01-06"


def test_a_date_in_the_file_wins_over_one_in_the_name():
    data = geojson(collection(feature(polygon(), date="2025-12-01")))
    assert read_control_file("areas_20260106.geojson", data).date.isoformat() == "2025-12-01"


def test_no_date_anywhere_gives_none():
    assert read_control_file("areas.geojson", geojson(polygon())).date is None


def test_the_name_is_the_file_name_without_folders_or_control_characters():
    control = read_control_file("../../etc/areas\x1b[31m.geojson", geojson(polygon()))
    assert control.name == "areas[31m.geojson"


def test_a_deepstatemap_file_name_brings_the_attribution():
    control = read_control_file("deepstatemap_data_20260106.geojson", geojson(polygon()))
    assert control.attribution == ATTRIBUTION


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


# --- Limits every format shares (large files made at test time) ----------------------------


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


# --- Nothing but InputError, whatever the content ------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4_000))
def test_arbitrary_bytes_raise_nothing_but_input_error(data):
    read_or_refuse(data)


EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["geojson", "kml", "kmz"]), EDITS, st.integers(0, 10**6))
def test_good_files_with_random_bytes_changed_raise_nothing_but_input_error(kind, edits, cut):
    data = bytearray({"geojson": geojson(polygon()), "kml": kml(kml_placemark()),
                      "kmz": kmz(kml(kml_placemark()))}[kind])
    for position, value in edits:
        data[position % len(data)] = value
    read_or_refuse(bytes(data[:max(1, cut % (len(data) + 1))]))
