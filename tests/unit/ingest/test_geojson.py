"""GeoJSON control areas (geo.ingest.geojson): every kind of document, DeepStateMap's API
answer, the old "crs" member, dates and properties from features, and JSON too deep or too
large refused before or while it is parsed."""

from __future__ import annotations

import json

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from shapely.geometry import box

from geo.crs import DISPLAY_CRS
from geo.data.snapshots import ATTRIBUTION
from geo.ingest import InputError, limits
from geo.ingest.control import read_control_file
from geo.projection import project
from tests.unit.ingest.ingest_files import (DOCUMENTS, DONETSK_BOX, ONERROR, RING, SCRIPT,
                                            collection, feature, geojson, polygon, read_or_refuse,
                                            same_area)

# --- Reading good files --------------------------------------------------------------------


@pytest.mark.parametrize("document", [
    collection(feature(polygon())), feature(polygon()), polygon(),
    {"type": "GeometryCollection", "geometries": [polygon()]},
    {"type": "MultiPolygon", "coordinates": [[RING]]},
], ids=["FeatureCollection", "Feature", "Polygon", "GeometryCollection", "MultiPolygon"])
def test_every_kind_of_geojson_document_is_read(document):
    assert same_area(read_control_file("a.geojson", geojson(document)).geometry, DONETSK_BOX)


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


def test_an_old_style_geojson_crs_member_is_honoured():
    mercator = project(DONETSK_BOX, DISPLAY_CRS, "EPSG:3857")
    document = collection(feature(json.loads(shapely.to_geojson(mercator))),
                          crs={"type": "name",
                               "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}})
    control = read_control_file("a.geojson", geojson(document))
    assert control.geometry.hausdorff_distance(DONETSK_BOX) < 1e-9


# --- Dates and properties ------------------------------------------------------------------


def test_the_date_comes_from_a_date_property():
    data = geojson(collection(feature(polygon(), date="2026-01-06")))
    control = read_control_file("a.geojson", data)
    assert control.date.isoformat() == "2026-01-06"


def test_features_with_different_dates_give_the_newest_and_a_note():
    document = collection(feature(polygon(), date="2025-12-01"),
                          feature(polygon(), date="2026-01-06"))
    control = read_control_file("a.geojson", geojson(document))
    assert control.date.isoformat() == "2026-01-06"
    assert any("2 different dates" in note for note in control.notes)


def test_html_in_geojson_properties_comes_back_unchanged_as_plain_strings():
    document = collection(feature(polygon(), name=SCRIPT, note=ONERROR, count=3, nested={"a": [1]}))
    control = read_control_file("a.geojson", geojson(document))
    assert control.properties == ((("name", SCRIPT), ("note", ONERROR), ("count", "3"),
                                   ("nested", '{"a": [1]}')),)


# --- Limits (large files made at test time) ------------------------------------------------


@pytest.mark.parametrize("depth", [65, 100_000])
def test_deeply_nested_json_is_refused_without_recursing(depth):
    data = b'{"type": "Polygon", "coordinates": ' + b"[" * depth + b"]" * depth + b"}"
    with pytest.raises(InputError, match=f"nested {depth + 1:,} levels deep"):
        read_control_file("deep.geojson", data)


def test_an_unterminated_string_does_not_slow_the_depth_check():
    data = b'{"type": "' + b'\\"' * 1_000_000
    with pytest.raises(InputError, match="not valid JSON"):
        read_control_file("quotes.geojson", data)


def test_too_many_features_are_refused():
    data = geojson(collection(*[feature(None)] * (limits.MAX_FEATURES + 1)))
    with pytest.raises(InputError, match="10,001 features, more than the 10,000 allowed"):
        read_control_file("many.geojson", data)


# --- Nothing but InputError, whatever the content ------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_random_geojson_like_documents_raise_nothing_but_input_error(document):
    read_or_refuse(json.dumps(document).encode("utf-8"))
