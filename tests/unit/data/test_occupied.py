"""occupied_within: clipping to Ukraine and absorbing coastline mismatches."""

import pytest
import shapely

from geo.data.occupied import occupied_within
from geo.projection import to_metric
from tests.synthetic import lonlat, square_km

# "Ukraine": a 100 x 100 km square; its south edge is the coast.
UKRAINE = lonlat(square_km(0, 0, 100, 100))


def occupied_km2(occupied_lonlat):
    return to_metric(occupied_lonlat).area / 1e6


def test_occupation_beyond_the_border_is_clipped():
    occupied = lonlat(square_km(50, -20, 130, 100))
    assert occupied_km2(occupied_within(UKRAINE, occupied)) == pytest.approx(5_000, rel=1e-3)


def test_a_thin_coastal_strip_left_out_by_the_occupied_area_is_absorbed():
    # The occupied east half stops 300 m short of the coast: an artefact, not held ground.
    occupied = lonlat(square_km(50, 0.3, 100, 100))
    assert occupied_km2(occupied_within(UKRAINE, occupied)) == pytest.approx(5_000, rel=1e-3)


def test_a_narrow_held_salient_inside_the_occupied_area_stays_held():
    # A 1 km wide, 30 km long Ukrainian-held salient reaching into the occupied east half:
    # thin, but it touches neither the coast nor the border, so it is front, not artefact.
    occupied = shapely.difference(lonlat(square_km(50, 0, 100, 100)),
                                  lonlat(square_km(49, 49.5, 80, 50.5)))
    cleaned = occupied_within(UKRAINE, occupied)
    assert occupied_km2(cleaned) == pytest.approx(5_000 - 30, rel=1e-4)


def test_an_island_away_from_the_occupied_area_stays_held():
    ukraine = shapely.union_all([UKRAINE, lonlat(square_km(10, -20, 15, -15))])
    occupied = lonlat(square_km(50, 0, 100, 100))
    assert occupied_km2(occupied_within(ukraine, occupied)) == pytest.approx(5_000, rel=1e-3)


def test_an_island_cut_off_next_to_the_occupied_coast_is_absorbed():
    # A 2 km islet touching the occupied area, separated from the held mainland.
    ukraine = shapely.union_all([UKRAINE, lonlat(square_km(60, -2, 62, 0))])
    occupied = lonlat(square_km(50, 0, 100, 100))
    assert occupied_km2(occupied_within(ukraine, occupied)) == pytest.approx(5_004, rel=1e-3)


def test_nothing_occupied_gives_an_empty_area():
    far_away = lonlat(square_km(500, 500, 600, 600))
    assert occupied_within(UKRAINE, far_away).is_empty
