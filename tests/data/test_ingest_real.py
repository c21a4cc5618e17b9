"""A raw DeepStateMap snapshot read as a user's file agrees with the shipped snapshot."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest

from geo.data.boundaries import load_units
from geo.data.shares import control_shares
from geo.data.snapshots import ATTRIBUTION, load_occupied
from geo.ingest.control import describe, read_control_file

RAW = "deepstatemap_data_20260106.geojson"
SNAPSHOT = dt.date(2026, 1, 6)


@pytest.fixture(scope="module")
def units():
    return load_units()


@pytest.fixture(scope="module")
def raw_bytes(deepstate_dir) -> bytes:
    return (deepstate_dir / RAW).read_bytes()


@pytest.fixture(scope="module")
def summary(raw_bytes, units) -> dict:
    return describe(read_control_file(RAW, raw_bytes), units)


@pytest.fixture(scope="module")
def shipped(units):
    return control_shares(units, load_occupied(SNAPSHOT)).set_index("iso_3166_2")


def test_the_raw_file_gives_donetsk_about_78_percent_like_the_shipped_snapshot(summary, shipped):
    donetsk = next(u for u in summary["units"] if u["iso_3166_2"] == "UA-14")
    assert donetsk["occupied_pct"] == pytest.approx(78, abs=1.5)
    assert donetsk["occupied_pct"] == pytest.approx(shipped.loc["UA-14", "occupied_pct"], abs=1.5)


def test_every_unit_agrees_with_the_shipped_snapshot_within_a_point_and_a_half(summary, shipped):
    for unit in summary["units"]:
        assert unit["occupied_pct"] == pytest.approx(
            shipped.loc[unit["iso_3166_2"], "occupied_pct"], abs=1.5), unit["name"]
    assert summary["ukraine_pct"] == pytest.approx(shipped.loc["UA", "occupied_pct"], abs=0.5)


def test_the_date_and_attribution_come_from_the_file_name(summary):
    assert summary["date"] == "2026-01-06"
    assert summary["attribution"] == ATTRIBUTION
    assert summary["features"] == 1


def kml_polygon(rings: list) -> str:
    """A GeoJSON polygon's rings (lon/lat) as a KML Polygon."""
    boundaries = ["outerBoundaryIs"] + ["innerBoundaryIs"] * (len(rings) - 1)
    return "<Polygon>" + "".join(
        f"<{b}><LinearRing><coordinates>{' '.join(f'{x},{y}' for x, y in ring)}</coordinates>"
        f"</LinearRing></{b}>" for b, ring in zip(boundaries, rings)) + "</Polygon>"


def test_the_same_data_as_a_kmz_gives_the_same_area(raw_bytes, summary, units):
    geometry = json.loads(raw_bytes)["features"][0]["geometry"]
    polygons = "".join(kml_polygon(rings) for rings in geometry["coordinates"])
    kml = ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
           f"<Document><Placemark><MultiGeometry>{polygons}</MultiGeometry></Placemark>"
           "</Document></kml>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", kml)
    from_kmz = describe(read_control_file("occupied.kmz", buffer.getvalue()), units)
    assert from_kmz["occupied_km2"] == pytest.approx(summary["occupied_km2"], rel=1e-9)
