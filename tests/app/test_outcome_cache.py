"""The outcome cache: keyed by the data and the scenario value, one outcome per distinct view."""

import shapely

from geo.scenario.presets import Scenario, scenario_of
from pages._outcome_cache import OutcomeKey, outcome

#: The newest day held, whose map ships.
DAY = "2026-10-10"


def test_equal_scenarios_written_differently_share_one_outcome():
    written = Scenario("mutual", ua_km=15, ru_km=15)
    assert outcome(OutcomeKey(DAY, written)) is outcome(OutcomeKey(DAY, scenario_of("mutual")))


def test_another_value_is_another_outcome():
    assert outcome(OutcomeKey(DAY, scenario_of("shift", {"shift_km": 5.0}))) is not \
        outcome(OutcomeKey(DAY, scenario_of("shift", {"shift_km": 6.0})))


def test_custom_lines_that_differ_get_outcomes_of_their_own():
    # Scenario equality leaves the line out: the cache must not.
    west = shapely.LineString([(36.0, 52.6), (35.8, 48.5), (35.2, 46.6), (35.0, 45.0)])
    east = shapely.LineString([(37.0, 52.6), (36.8, 48.5), (36.2, 46.6), (36.0, 45.0)])
    first = outcome(OutcomeKey(DAY, Scenario("custom", line=west)))
    assert outcome(OutcomeKey(DAY, Scenario("custom", line=east))) is not first
    copy = shapely.from_wkb(shapely.to_wkb(west))
    assert outcome(OutcomeKey(DAY, Scenario("custom", line=copy))) is first
