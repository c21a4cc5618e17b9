"""Scenarios on synthetic ground with exact answers.

The ground (km): Donetsk UA-14 = [0,100] x [0,100] and Kharkiv UA-63 = [0,100] x [100,200],
each occupied east of x = 50 (a straight 200 km line of contact); Vinnytsia UA-05 =
[-100,0] x [0,200], free. Ukraine: 40,000 km2, of which 10,000 occupied.
"""

import pytest
from shapely.geometry import LineString

from geo.crs import METRIC_CRS
from geo.measure import area_km2
from geo.projection import to_display
from geo.scenario.partition import line_length_km
from geo.scenario.presets import Scenario, ScenarioError, apply_scenario
from tests.synthetic import X0, Y0, ground_of, square_km

KM = 1000.0
GROUND = ground_of(
    {"UA-14": square_km(0, 0, 100, 100), "UA-63": square_km(0, 100, 100, 200),
     "UA-05": square_km(-100, 0, 0, 200)},
    square_km(50, 0, 100, 200),
)
# Areas come from the equal-area CRS: within 0.1 % of the nominal km2 here.
REL = 2e-3


def areas(scenario):
    zones = apply_scenario(GROUND, scenario)
    return tuple(area_km2(zone, METRIC_CRS) for zone in (zones.russian, zones.ukrainian,
                                                        zones.dmz))


def line_km(*points_km):
    return to_display(LineString([(X0 + x * KM, Y0 + y * KM) for x, y in points_km]))


def test_freeze_keeps_todays_zones():
    assert areas(Scenario("freeze")) == pytest.approx((10_000, 30_000, 0), rel=REL)


def test_freeze_line_is_todays_line_of_contact():
    zones = apply_scenario(GROUND, Scenario("freeze"))
    assert line_length_km(zones) == pytest.approx(GROUND.line_km, abs=0.5)


def test_donbas_gives_russia_all_of_donetsk():
    assert areas(Scenario("donbas")) == pytest.approx((15_000, 25_000, 0), rel=REL)


def test_claims_gives_russia_donetsk_and_keeps_the_kharkiv_front():
    assert areas(Scenario("claims")) == pytest.approx((15_000, 25_000, 0), rel=REL)


def test_plan28_makes_ukraines_part_of_donetsk_a_zone_and_returns_kharkiv():
    assert areas(Scenario("plan28")) == pytest.approx((5_000, 30_000, 5_000), rel=REL)


def test_swap_trades_kharkiv_for_the_rest_of_donbas():
    assert areas(Scenario("swap")) == pytest.approx((10_000, 30_000, 0), rel=REL)


def test_a_10_km_ukrainian_pull_back_makes_a_10_km_band_along_the_line_a_zone():
    russian, ukrainian, dmz = areas(Scenario("mutual", ua_km=10, ru_km=0))
    assert (russian, ukrainian, dmz) == pytest.approx((10_000, 28_000, 2_000), rel=REL)


def test_both_sides_pulling_back_10_km_double_the_zone():
    russian, ukrainian, dmz = areas(Scenario("mutual", ua_km=10, ru_km=10))
    assert (russian, ukrainian, dmz) == pytest.approx((8_000, 28_000, 4_000), rel=REL)


def test_mutual_pull_back_draws_two_zone_edges():
    zones = apply_scenario(GROUND, Scenario("mutual", ua_km=10, ru_km=5))
    assert {line.kind for line in zones.lines} == {"zone-russian", "zone-ukrainian"}


def test_a_positive_shift_moves_the_line_into_ukrainian_held_ground():
    russian, _, _ = areas(Scenario("shift", shift_km=10, oblasts=("UA-14",)))
    assert russian == pytest.approx(10_000 + 1_000, rel=REL)


def test_a_negative_shift_everywhere_moves_the_line_back():
    russian, _, _ = areas(Scenario("shift", shift_km=-5))
    assert russian == pytest.approx(10_000 - 1_000, rel=REL)


def test_target_solves_the_move_that_gives_the_share():
    zones = apply_scenario(GROUND, Scenario("target", target=("UA-14", 80)))
    donetsk = GROUND.units["UA-14"]
    share = (100 * area_km2(zones.russian.intersection(donetsk), METRIC_CRS)
             / area_km2(donetsk, METRIC_CRS))
    assert share == pytest.approx(80, abs=0.1)


def test_a_custom_line_gives_russia_the_side_with_more_of_todays_occupied_area():
    line = line_km((25, -10), (25, 210))
    russian, ukrainian, dmz = areas(Scenario("custom", line=line))
    assert (russian, ukrainian, dmz) == pytest.approx((15_000, 25_000, 0), rel=REL)


def test_a_custom_line_that_does_not_cross_ukraine_is_a_clear_error():
    with pytest.raises(ScenarioError, match="does not cross Ukraine"):
        apply_scenario(GROUND, Scenario("custom", line=line_km((10, 10), (20, 20))))


@pytest.mark.parametrize("values", [dict(ua_km=51), dict(ru_km=-1), dict(shift_km=31)])
def test_slider_values_out_of_range_are_rejected(values):
    with pytest.raises(ScenarioError, match="must be between"):
        Scenario("mutual", **values)


def test_an_unknown_preset_is_rejected():
    with pytest.raises(ScenarioError, match="unknown scenario"):
        Scenario("annex-everything")


def test_an_unknown_oblast_is_a_clear_error():
    with pytest.raises(ScenarioError, match="unknown unit 'UA-99'"):
        Scenario("shift", shift_km=5, oblasts=("UA-99",))
