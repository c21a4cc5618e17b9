"""Bands along the line of contact, on the synthetic ground of test_scenarios.

The ground (km): Donetsk UA-14 [0,100]x[0,100] and Kharkiv UA-63 [0,100]x[100,200], both
occupied east of x = 50 (a straight 200 km line); Vinnytsia UA-05 [-100,0]x[0,200], free.
"""

import pytest

from geo.scenario import bands
from geo.scenario.bands import band, kept_count, precompute
from tests.unit.scenario.test_presets import GROUND

REL = 2e-3  # equal-area CRS against nominal km2 (see test_scenarios)


def test_a_10_km_band_holds_10_km_of_each_side_along_the_200_km_line():
    ten = band(GROUND, 10)
    assert ten.ukrainian.km2 == pytest.approx(2_000, rel=REL)
    assert ten.russian.km2 == pytest.approx(2_000, rel=REL)


def test_a_band_is_measured_in_the_units_it_crosses():
    ten = band(GROUND, 10)
    assert ten.ukrainian.km2_by_unit == pytest.approx({"UA-14": 1_000, "UA-63": 1_000}, rel=REL)


def test_what_lies_beyond_a_band_is_the_rest_of_each_side():
    ten = band(GROUND, 10)
    assert ten.ukrainian_rest.area / 1e6 == pytest.approx(28_000, rel=REL)
    assert ten.russian_rest.area / 1e6 == pytest.approx(8_000, rel=REL)


def test_a_bands_edges_run_parallel_to_the_line_without_the_border():
    ten = band(GROUND, 10)
    assert ten.ukrainian_edge.length / 1e3 == pytest.approx(200, abs=0.5)
    assert ten.russian_edge.length / 1e3 == pytest.approx(200, abs=0.5)
    assert ten.ukrainian_edge.distance(GROUND.line) / 1e3 == pytest.approx(10, abs=0.01)


def test_the_zero_band_is_empty_and_its_edges_are_todays_line():
    zero = band(GROUND, 0)
    assert zero.ukrainian.geometry.is_empty and zero.russian.geometry.is_empty
    assert zero.ukrainian_edge.length / 1e3 == pytest.approx(GROUND.line_km, abs=0.5)
    assert zero.russian_edge.hausdorff_distance(GROUND.line) < 1.0


def test_whole_km_bands_are_kept_and_shared():
    assert band(GROUND, 7) is band(GROUND, 7)


def test_other_distances_are_computed_each_time_not_kept():
    before = kept_count()
    first = band(GROUND, 7.5)
    assert band(GROUND, 7.5) is not first and kept_count() == before


def test_the_process_keeps_at_most_bands_kept(monkeypatch):
    monkeypatch.setattr(bands, "BANDS_KEPT", 3)
    precompute(GROUND, range(20, 26))
    assert kept_count() == 3


def test_a_negative_distance_is_an_error():
    with pytest.raises(ValueError, match="0 km or more"):
        band(GROUND, -1)
