"""Comparing two scenarios on the synthetic ground of test_scenarios.

Donetsk UA-14 [0,100]x[0,100] and Kharkiv UA-63 [0,100]x[100,200], both occupied east of
x = 50; Vinnytsia UA-05 [-100,0]x[0,200].
"""

import pytest

from geo.data.towns import RUSSIAN, UKRAINIAN, ZONE
from geo.scenario.compare import figures_table, shares_table, towns_table
from geo.scenario.impact import assess
from geo.scenario.presets import Scenario, apply_scenario
from tests.unit.scenario.test_impact import TOWNS
from tests.unit.scenario.test_presets import GROUND

DONBAS = apply_scenario(GROUND, Scenario("donbas"))
MUTUAL = apply_scenario(GROUND, Scenario("mutual", ua_km=10, ru_km=0))
DONBAS_IMPACT = assess(GROUND, DONBAS, TOWNS)
MUTUAL_IMPACT = assess(GROUND, MUTUAL, TOWNS)


def test_the_figures_table_gives_both_values_and_their_difference():
    table = figures_table(DONBAS_IMPACT, MUTUAL_IMPACT).set_index("figure")
    zone = table.loc["Demilitarised zone (km²)"]
    assert (zone["a"], zone["b"], zone["difference"]) == pytest.approx((0, 2_000, 2_000), rel=2e-3,
                                                                        abs=0.5)
    handed = table.loc["Goes to Russia (km²)"]
    assert handed["difference"] == pytest.approx(-5_000, rel=2e-3)


def test_the_shares_table_lists_only_units_that_differ():
    table = shares_table(DONBAS_IMPACT, MUTUAL_IMPACT).set_index("iso_3166_2")
    assert list(table.index) == ["UA-14"]
    assert table.loc["UA-14", "difference"] == pytest.approx(-50, abs=0.1)


def test_the_towns_table_lists_towns_on_different_sides():
    table = towns_table(TOWNS, DONBAS, MUTUAL)
    assert table[["name", "side_a", "side_b"]].values.tolist() == [
        ["Westville", RUSSIAN, UKRAINIAN], ["Frontville", RUSSIAN, ZONE]]


def test_a_scenario_compared_with_itself_differs_nowhere():
    assert (figures_table(DONBAS_IMPACT, DONBAS_IMPACT)["difference"] == 0).all()
    assert shares_table(DONBAS_IMPACT, DONBAS_IMPACT).empty
    assert towns_table(TOWNS, DONBAS, DONBAS).empty


def test_in_ukrainian_the_figures_table_labels_its_figures_in_ukrainian():
    table = figures_table(DONBAS_IMPACT, MUTUAL_IMPACT, lang="uk")
    assert list(table["figure"]) == [
        "Під контролем Росії (км²)", "Під контролем Росії (% території України)",
        "Відходить Росії (км²)", "Повертається Україні (км²)", "Демілітаризована зона (км²)",
        "Лінії для моніторингу (км)", "Мешканці населених пунктів, що переходять до іншої сторони"]
    assert table[["a", "b"]].equals(figures_table(DONBAS_IMPACT, MUTUAL_IMPACT)[["a", "b"]])
