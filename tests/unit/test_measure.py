"""geo.measure: areas (km2, EPSG:3035) and lengths (km, EPSG:32636) of geometry in any CRS,
edges densified to 1 km first, checked against the ellipsoid; and the same polygon measured
to the same km2 through every public path (shares, history, scenarios, ingest)."""

import datetime as dt
import json
import math

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import LineString, Polygon, box

from geo.crs import DISPLAY_CRS, EQUAL_AREA_CRS, METRIC_CRS
from geo.measure import (DENSIFY_DEG, MAX_PIECES, area_km2, areas_km2, densified, length_km,
                         lengths_km)
from geo.projection import project
from tests.synthetic import lonlat, square_km, units_gdf

#: GRS 80, the ellipsoid of EPSG:3035 (WGS 84's differs by 0.1 mm in the minor axis).
A_M, F = 6_378_137.0, 1 / 298.257222101
E = math.sqrt(F * (2 - F))


def cell_km2(west: float, south: float, east: float, north: float) -> float:
    """The exact area (km2) on the ellipsoid between two meridians and two parallels."""
    def q(lat: float) -> float:
        s = math.sin(math.radians(lat))
        return s / (1 - E * E * s * s) + math.log((1 + E * s) / (1 - E * s)) / (2 * E)
    return (A_M * A_M * (1 - E * E) / 2 * math.radians(east - west)
            * (q(north) - q(south)) / 1e6)


def parallel(lat: float, west: float, east: float, step: float) -> list[tuple[float, float]]:
    """Points along a parallel, ``step`` degrees apart: each piece follows it."""
    count = round((east - west) / step)
    return [(west + (east - west) * i / count, lat) for i in range(count + 1)]


def geodesic_km2(geometry_lonlat) -> float:
    """Ellipsoidal area (km2) of a polygon whose edges are short enough to be geodesics."""
    area, _ = pyproj.Geod(ellps="GRS80").geometry_area_perimeter(geometry_lonlat)
    return abs(area) / 1e6


# Areas against the ellipsoid

def test_a_one_degree_cell_has_its_ellipsoidal_area():
    cell = box(33, 48, 34, 49)  # 8,217.73 km2; its 70 km parallels, unsplit, lose 0.38 km2
    exact = cell_km2(33, 48, 34, 49)
    assert area_km2(cell, DISPLAY_CRS) == pytest.approx(exact, abs=0.001)
    assert exact - project(cell, DISPLAY_CRS, EQUAL_AREA_CRS).area / 1e6 > 0.3


def test_a_long_edge_along_a_parallel_is_measured_as_drawn_not_as_its_chord():
    # The south edge is one 450 km edge along 48 N; the north edge follows 48.1 N closely.
    ring = [*parallel(48.1, 30, 36, 0.005), (36, 48), (30, 48)]
    strip = Polygon(ring)
    exact = cell_km2(30, 48, 36, 48.1)
    chord = project(strip, DISPLAY_CRS, EQUAL_AREA_CRS).area / 1e6
    assert area_km2(strip, DISPLAY_CRS) == pytest.approx(exact, abs=0.01)
    assert exact - chord > 1_000  # unsplit, its chord cut off 1,391 of the 4,974 km2


def test_a_long_straight_edge_in_utm_is_measured_straight_in_utm():
    # A 200 km edge of a 10 km band, straight in EPSG:32636, its other side finely drawn.
    band = Polygon([(300_000, 5_300_000), (500_000, 5_300_000),
                    *[(x, 5_310_000) for x in np.linspace(500_000, 300_000, 2_001)]])
    reference = geodesic_km2(project(band.segmentize(10.0), METRIC_CRS, DISPLAY_CRS))
    chord = project(band, METRIC_CRS, EQUAL_AREA_CRS).area / 1e6
    assert area_km2(band, METRIC_CRS) == pytest.approx(reference, abs=0.001)
    assert abs(chord - reference) > 5  # unsplit: 8.3 of its 2,001 km2 (0.4 %)


def test_an_area_is_measured_in_km2_not_degrees():
    assert area_km2(lonlat(square_km(0, 0, 100, 100)), DISPLAY_CRS) == pytest.approx(
        10_000, rel=1e-3)
    assert area_km2(shapely.MultiPolygon(), DISPLAY_CRS) == 0


def test_an_area_in_epsg3035_is_its_plain_area():
    assert area_km2(box(4_000_000, 2_800_000, 4_100_000, 2_900_000), EQUAL_AREA_CRS) == 10_000


def test_the_same_polygon_in_any_crs_has_the_same_area():
    square = square_km(0, 0, 100, 100).segmentize(1_000.0)
    in_metric = area_km2(square, METRIC_CRS)
    assert area_km2(project(square, METRIC_CRS, DISPLAY_CRS), DISPLAY_CRS) == pytest.approx(
        in_metric, abs=0.01)
    assert area_km2(project(square, METRIC_CRS, EQUAL_AREA_CRS),
                    EQUAL_AREA_CRS) == pytest.approx(in_metric, abs=0.01)


def test_a_crs_may_be_a_name_a_pyproj_crs_or_one_without_an_epsg_code():
    cell = box(33, 48, 34, 49)
    by_name = area_km2(cell, DISPLAY_CRS)
    assert area_km2(cell, pyproj.CRS("EPSG:4326")) == by_name
    assert area_km2(cell, pyproj.CRS("OGC:CRS84")) == pytest.approx(by_name, rel=1e-12)
    laea = "+proj=laea +lat_0=48 +lon_0=33 +ellps=GRS80 +units=km +no_defs"
    in_km = project(cell.segmentize(0.001), DISPLAY_CRS, laea)
    assert area_km2(in_km, laea) == pytest.approx(by_name, abs=0.01)


def test_a_geometry_without_a_crs_is_refused():
    with pytest.raises(ValueError, match="without a CRS"):
        area_km2(box(0, 0, 1, 1), None)


def test_an_array_is_measured_geometry_by_geometry():
    cells = np.array([box(33, 48, 34, 49), box(34, 48, 35, 49), shapely.Polygon()])
    assert list(areas_km2(cells, DISPLAY_CRS)) == [area_km2(c, DISPLAY_CRS) for c in cells]
    assert areas_km2(np.array([], dtype=object), DISPLAY_CRS).shape == (0,)


# Lengths

def test_the_central_meridian_is_its_arc_times_the_utm_scale():
    meridian = LineString([(33, 48), (33, 49)])
    _, _, arc_m = pyproj.Geod(ellps="WGS84").inv(33, 48, 33, 49)
    assert length_km(meridian, DISPLAY_CRS) == pytest.approx(0.9996 * arc_m / 1000, abs=1e-6)


def test_a_long_edge_along_a_parallel_has_the_length_of_the_parallel():
    one_edge = LineString([(30, 48), (36, 48)])
    drawn = LineString(parallel(48, 30, 36, 0.001))
    chord = project(one_edge, DISPLAY_CRS, METRIC_CRS).length / 1000
    assert length_km(one_edge, DISPLAY_CRS) == pytest.approx(length_km(drawn, DISPLAY_CRS),
                                                             abs=0.001)
    assert length_km(one_edge, DISPLAY_CRS) - chord > 0.1


def test_a_length_in_the_metric_crs_is_its_plain_length():
    assert length_km(LineString([(0, 0), (3_000, 4_000)]), METRIC_CRS) == 5
    assert list(lengths_km([LineString([(0, 0), (0, 500)]), LineString()], METRIC_CRS)) == [
        0.5, 0]


# The densifying rule

def test_edges_are_split_into_pieces_of_at_most_a_kilometre():
    # A degree of a meridian (111.2 km here) is the longest degree on the ground.
    xy = shapely.get_coordinates(densified(LineString([(33, 48), (33, 49)]), DISPLAY_CRS))
    _, _, pieces_m = pyproj.Geod(ellps="WGS84").inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0],
                                                    xy[1:, 1])
    assert len(pieces_m) == math.ceil(1 / DENSIFY_DEG) == 112
    assert 990 < pieces_m.min() <= pieces_m.max() < 1_000


def test_a_hostile_comb_of_long_edges_is_split_into_a_bounded_number_of_pieces():
    teeth = [(22 + i * 1e-4, 52 if i % 2 else 44) for i in range(20_000)]
    comb = Polygon([*teeth, (24, 44)])
    assert shapely.get_num_coordinates(densified(comb, DISPLAY_CRS)) <= MAX_PIECES + 20_002


# Unit areas, and the same polygon through every public path

UNITS = units_gdf([("UA-01", lonlat(square_km(0, 0, 100, 100))),
                   ("UA-02", lonlat(square_km(100, 0, 200, 100)))], DISPLAY_CRS)
#: Across both units and clear of their outline, where ingest would absorb slivers.
HELD = lonlat(square_km(50, 20, 150, 80))
DAY = dt.date(2026, 1, 6)


def test_unit_areas_are_the_areas_of_the_shares_table():
    from geo.data.boundaries import unit_areas_km2
    from geo.data.shares import control_shares
    table = control_shares(UNITS, HELD)
    assert unit_areas_km2(UNITS) == list(table["area_km2"].iloc[:-1])
    assert unit_areas_km2(UNITS) == [area_km2(g, DISPLAY_CRS) for g in UNITS.geometry]


def test_units_whose_geometry_changed_are_measured_again_not_recalled():
    from geo.data.boundaries import unit_areas_km2
    units = UNITS.copy()
    first = unit_areas_km2(units)
    units.loc[0, "geometry"] = lonlat(square_km(0, 0, 50, 100))
    assert unit_areas_km2(units) == [pytest.approx(first[0] / 2, rel=1e-3), first[1]]


@pytest.fixture(scope="module")
def km2_by_shares():
    from geo.data.shares import control_shares
    return float(control_shares(UNITS, HELD).iloc[-1]["occupied_km2"])


def test_shares_measure_the_polygon_as_geo_measure_does(km2_by_shares):
    assert km2_by_shares == pytest.approx(area_km2(HELD, DISPLAY_CRS), abs=1e-6)


def test_the_share_history_gives_the_same_km2(km2_by_shares):
    from geo.pace.history import change_between, change_km2, compare_dates, share_history
    earlier = DAY - dt.timedelta(days=1)
    load = {earlier: shapely.MultiPolygon(), DAY: HELD}.get
    history = share_history(UNITS, [earlier, DAY], load)
    assert history.iloc[-1]["occupied_km2"] == pytest.approx(km2_by_shares, abs=1e-6)
    gained_km2, _ = change_km2(*change_between(shapely.MultiPolygon(), HELD))
    assert gained_km2 == pytest.approx(km2_by_shares, abs=1e-6)
    change = compare_dates(UNITS, history, earlier, DAY, load)
    assert change.gained_km2 == pytest.approx(km2_by_shares, abs=1e-6)
    assert change.by_unit.iloc[-1]["gained_km2"] == pytest.approx(km2_by_shares, abs=1e-6)


def test_the_scenario_machinery_gives_the_same_km2(km2_by_shares):
    from geo.data.control import snapshot_from
    from geo.scenario.ground import prepare_ground
    from geo.scenario.pieces import measure
    ground = prepare_ground(UNITS, snapshot_from(HELD, DAY, UNITS))
    assert sum(ground.russian_km2.values()) == pytest.approx(km2_by_shares, abs=1e-6)
    # Scenarios measure pieces of the EPSG:32636 copy, whose edges are straight in UTM: the
    # same km2 to 0.001 km2 (edges of 1 km stray from each other by centimetres).
    assert measure(ground, ground.russian).km2 == pytest.approx(km2_by_shares, abs=1e-3)


def test_ingest_gives_the_same_km2(km2_by_shares):
    from geo.ingest.control import describe, read_control_file
    data = json.dumps({"type": "Feature", "properties": {},
                       "geometry": shapely.geometry.mapping(HELD)}).encode()
    ukraine = shapely.union_all(UNITS.geometry.values)
    summary = describe(read_control_file("held.geojson", data, ukraine=ukraine), UNITS)
    assert summary["occupied_km2"] == pytest.approx(km2_by_shares, abs=1e-6)
