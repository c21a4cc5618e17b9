"""line_of_contact and length_km: the front, without the border or the coast."""

import pytest
import shapely

from geo.data.frontline import length_km, line_of_contact
from tests.synthetic import lonlat, square_km

UKRAINE = lonlat(square_km(0, 0, 100, 100))
# Where the front meets the border it stops OUTLINE_TOLERANCE_M (100 m) short of it.
END_KM = 0.1


def test_a_square_occupied_in_half_has_a_100_km_front():
    occupied = lonlat(square_km(50, 0, 100, 100))
    assert length_km(line_of_contact(occupied, UKRAINE)) == pytest.approx(100 - 2 * END_KM, abs=0.01)


def test_an_occupied_corner_has_a_front_of_its_two_inner_sides():
    occupied = lonlat(square_km(70, 70, 100, 100))
    assert length_km(line_of_contact(occupied, UKRAINE)) == pytest.approx(60 - 2 * END_KM, abs=0.01)


def test_an_occupied_pocket_inside_is_surrounded_by_front():
    occupied = lonlat(square_km(40, 40, 50, 50))
    assert length_km(line_of_contact(occupied, UKRAINE)) == pytest.approx(40, abs=0.01)


def test_nothing_occupied_has_no_front():
    assert line_of_contact(shapely.Polygon(), UKRAINE).is_empty


def test_length_is_measured_in_km_on_the_ground():
    line = lonlat(shapely.LineString([(900_000, 5_300_000), (925_000, 5_300_000)]))
    assert length_km(line) == pytest.approx(25, rel=1e-6)
