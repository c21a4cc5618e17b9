"""Pieces: polygons measured per unit, on the synthetic ground of test_scenarios."""

import pytest

from geo.scenario.pieces import Piece, measure, measure_change
from tests.synthetic import square_km
from tests.unit.scenario.test_presets import GROUND

REL = 2e-3


def test_a_piece_is_measured_in_each_unit_it_overlaps():
    piece = measure(GROUND, square_km(-10, 90, 10, 110))  # 400 km2 across three units
    assert piece.km2_by_unit == pytest.approx(
        {"UA-14": 100, "UA-63": 100, "UA-05": 200}, rel=REL)


def test_a_unit_the_piece_only_touches_is_not_listed():
    piece = measure(GROUND, square_km(0, 0, 10, 10))  # shares an edge with Vinnytsia
    assert set(piece.km2_by_unit) == {"UA-14"}


def test_a_piece_within_some_units_keeps_their_areas():
    piece = measure(GROUND, square_km(-10, 90, 10, 110))
    part = piece.within(("UA-14", "UA-63"), square_km(0, 90, 10, 110))
    assert part.km2 == pytest.approx(200, rel=REL)


def test_two_pieces_add_up_unit_by_unit():
    left = Piece(square_km(0, 0, 1, 1), {"UA-14": 1.0})
    right = Piece(square_km(1, 0, 2, 1), {"UA-14": 1.0, "UA-63": 3.0})
    assert left.plus(right, square_km(0, 0, 2, 1)).km2_by_unit == {"UA-14": 2.0, "UA-63": 3.0}


def test_a_change_by_overlay_finds_the_ground_going_to_russia():
    russian = square_km(40, 0, 100, 100).union(square_km(50, 100, 100, 200))
    change = measure_change(GROUND, russian, GROUND.ukraine.difference(russian),
                            square_km(0, 0, 0, 0))
    assert change.gained.km2_by_unit == pytest.approx({"UA-14": 1_000}, rel=REL)
    assert change.lost.km2 == 0 and change.to_ukraine.km2 == 0
