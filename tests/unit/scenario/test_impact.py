"""assess: areas changing hands, shares before and after, towns and people, on synthetic ground.

The ground (km) is that of test_scenarios: Donetsk UA-14 [0,100]x[0,100] and Kharkiv UA-63
[0,100]x[100,200], both occupied east of x = 50; Vinnytsia UA-05 [-100,0]x[0,200].
"""

import pandas as pd
import pytest

from geo.data.towns import RUSSIAN, UKRAINIAN, ZONE
from geo.scenario.impact import assess
from geo.scenario.presets import Scenario, apply_scenario
from tests.synthetic import X0, Y0
from tests.unit.scenario.test_presets import GROUND

TOWNS = pd.DataFrame({
    "name": ["Eastville", "Westville", "Frontville", "Farville"],
    "iso_3166_2": ["UA-14", "UA-14", "UA-14", "UA-05"],
    "population": [10_000, 20_000, 5_000, 70_000],
    "population_year": pd.array([2022, 2022, pd.NA, 2022], dtype="Int64"),
    "population_source": ["test", "test", "test", "test"],
    "lon": [0.0] * 4, "lat": [0.0] * 4,
    "x_m": [X0 + 75_000, X0 + 25_000, X0 + 45_000, X0 - 50_000],
    "y_m": [Y0 + 50_000] * 4,
})


def impact_of(scenario):
    return assess(GROUND, apply_scenario(GROUND, scenario), TOWNS)


def test_donbas_hands_over_the_rest_of_donetsk():
    impact = impact_of(Scenario("donbas"))
    assert impact.to_russia_km2 == pytest.approx(5_000, rel=2e-3)
    assert impact.to_ukraine_km2 == pytest.approx(0, abs=0.5)
    row = impact.by_oblast.set_index("iso_3166_2").loc["UA-14"]
    assert (row["pct_before"], row["pct_after"]) == pytest.approx((50, 100), abs=0.1)


def test_donbas_moves_the_towns_of_donetsk_still_held_by_ukraine():
    impact = impact_of(Scenario("donbas"))
    assert sorted(impact.towns["name"]) == ["Frontville", "Westville"]
    assert set(impact.towns["side_after"]) == {RUSSIAN}
    assert impact.people_changing_side == 25_000


def test_towns_in_the_zone_count_as_changing_side():
    impact = impact_of(Scenario("mutual", ua_km=10, ru_km=0))
    assert impact.towns[["name", "side_before", "side_after"]].values.tolist() == \
        [["Frontville", UKRAINIAN, ZONE]]
    assert impact.people_changing_side == 5_000


def test_the_zone_is_reported_per_oblast():
    impact = impact_of(Scenario("mutual", ua_km=10, ru_km=0))
    table = impact.by_oblast.set_index("iso_3166_2")
    assert table.loc["UA-14", "dmz_km2"] == pytest.approx(1_000, rel=2e-3)
    assert table.loc["UA-63", "dmz_km2"] == pytest.approx(1_000, rel=2e-3)
    assert impact.dmz_km2 == pytest.approx(2_000, rel=2e-3)


def test_areas_changing_hands_are_a_share_of_ukraine():
    impact = impact_of(Scenario("donbas"))
    assert impact.pct_of_ukraine(impact.to_russia_km2) == pytest.approx(12.5, rel=2e-3)


def test_the_line_length_is_given_beside_todays():
    impact = impact_of(Scenario("mutual", ua_km=10, ru_km=10))
    assert impact.line_km_before == pytest.approx(199.8, abs=0.1)
    assert impact.line_km == pytest.approx(2 * 199.8, abs=1)
