"""What is done to every format's polygons (geo.ingest.cleaning): self-intersections are
repaired, areas beyond Ukraine clipped off, very detailed areas simplified, GEOS's topology
errors survived, and hopeless tangles refused before repair is tried."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely
from shapely.errors import GEOSException
from shapely.geometry import box

from geo.ingest import InputError, cleaning, limits
from geo.ingest.control import read_control_file
from tests.unit.ingest.ingest_files import DONETSK_BOX, geojson, polygon, same_area


def test_a_self_intersecting_bow_tie_is_repaired_and_noted():
    bow_tie = [[37.3, 48.2], [37.9, 48.6], [37.9, 48.2], [37.3, 48.6], [37.3, 48.2]]
    control = read_control_file("bow.geojson", geojson(polygon(bow_tie)))
    # Two triangles meeting at the centre: half the box.
    assert control.geometry.area == pytest.approx(DONETSK_BOX.area / 2, rel=1e-9)
    assert control.geometry.is_valid
    assert "1 self-intersecting polygon repaired with make_valid" in control.notes


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

    monkeypatch.setattr(cleaning, "occupied_within", failing)
    control = read_control_file("a.geojson", geojson(polygon()))
    assert same_area(control.geometry, DONETSK_BOX)
    assert any("could not be absorbed" in note for note in control.notes)


def test_a_tangled_scribble_is_refused_before_repair_is_attempted():
    rng = np.random.default_rng(0)
    scribble = rng.uniform((37.3, 48.2), (37.9, 48.6), (2_000, 2)).round(5).tolist()
    with pytest.raises(InputError, match="too tangled to repair"):
        read_control_file("scribble.geojson", geojson(polygon(scribble + scribble[:1])))
