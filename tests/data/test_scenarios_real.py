"""Scenarios on the real snapshot of 2026-01-06 (the Paris summit), with tolerances."""


import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from geo.crs import METRIC_CRS
from geo.data.towns import RUSSIAN
from geo.measure import area_km2
from geo.scenario.impact import assess
from geo.scenario.presets import SWAP_RETURNED, Scenario, apply_scenario


def impact_of(ground, towns, scenario):
    return assess(ground, apply_scenario(ground, scenario), towns)


def by_oblast(impact):
    return impact.by_oblast.set_index("iso_3166_2")


def test_donbas_moves_ukraines_remaining_share_of_donetsk(ground, towns):
    impact = impact_of(ground, towns, Scenario("donbas"))
    donetsk = by_oblast(impact).loc["UA-14"]
    held_by_ukraine_km2 = ground.unit_km2["UA-14"] - ground.russian_km2["UA-14"]
    assert donetsk["to_russia_km2"] == pytest.approx(held_by_ukraine_km2, rel=0.01)
    assert donetsk["pct_after"] == pytest.approx(100, abs=0.05)
    assert 100 - donetsk["pct_before"] == pytest.approx(22, abs=4)


@pytest.mark.parametrize("town", ["Kramatorsk", "Sloviansk", "Druzhkivka"])
def test_donbas_puts_the_donetsk_fortress_belt_on_the_russian_side(ground, towns, town):
    moved = impact_of(ground, towns, Scenario("donbas")).towns.set_index("name")
    assert moved.loc[town, "side_after"] == RUSSIAN
    assert moved.loc[town, "population_year"] == 2022


def test_plan28s_buffer_zone_is_ukraines_part_of_donetsk(ground, towns):
    impact = impact_of(ground, towns, Scenario("plan28"))
    held_by_ukraine_km2 = ground.unit_km2["UA-14"] - ground.russian_km2["UA-14"]
    assert impact.dmz_km2 == pytest.approx(held_by_ukraine_km2, rel=0.01)
    assert by_oblast(impact).loc["UA-14", "dmz_km2"] == pytest.approx(impact.dmz_km2, rel=1e-3)


def test_plan28_freezes_zaporizhzhia_and_kherson(ground, towns):
    table = by_oblast(impact_of(ground, towns, Scenario("plan28")))
    for code in ("UA-23", "UA-65"):
        assert table.loc[code, "pct_after"] == pytest.approx(table.loc[code, "pct_before"],
                                                             abs=0.01)


@pytest.mark.parametrize("code", SWAP_RETURNED)
def test_swap_returns_russias_holdings_in_kharkiv_sumy_and_dnipropetrovsk(ground, towns, code):
    row = by_oblast(impact_of(ground, towns, Scenario("swap"))).loc[code]
    assert row["to_ukraine_km2"] == pytest.approx(ground.russian_km2[code], rel=0.01)
    assert row["pct_after"] == pytest.approx(0, abs=0.01)


def test_freeze_changes_nothing(ground, towns):
    impact = impact_of(ground, towns, Scenario("freeze"))
    assert impact.to_russia_km2 < 1 and impact.to_ukraine_km2 < 1
    assert impact.people_changing_side == 0
    assert impact.line_km == pytest.approx(impact.line_km_before, rel=0.01)


def test_target_hits_its_share_within_half_a_point(ground, towns):
    table = by_oblast(impact_of(ground, towns, Scenario("target", target=("UA-14", 85))))
    assert table.loc["UA-14", "pct_after"] == pytest.approx(85, abs=0.5)


def test_target_below_todays_share_moves_the_line_back(ground, towns):
    table = by_oblast(impact_of(ground, towns, Scenario("target", target=("UA-14", 70))))
    assert table.loc["UA-14", "pct_after"] == pytest.approx(70, abs=0.5)


def test_the_zone_grows_with_each_sides_pull_back(ground):
    def zone(ua, ru):
        return area_km2(apply_scenario(ground, Scenario("mutual", ua_km=ua, ru_km=ru)).dmz,
                        METRIC_CRS)
    assert zone(5, 5) < zone(10, 5) < zone(10, 10) < zone(25, 10)


def assert_partition(ground, zones):
    total = area_km2(ground.ukraine, METRIC_CRS)
    parts = [zones.russian, zones.ukrainian, zones.dmz]
    assert sum(area_km2(p, METRIC_CRS) for p in parts) == pytest.approx(total, rel=1e-4)
    assert area_km2(zones.russian.intersection(zones.ukrainian), METRIC_CRS) < 1
    assert area_km2(zones.russian.intersection(zones.dmz), METRIC_CRS) < 1
    assert area_km2(zones.ukrainian.intersection(zones.dmz), METRIC_CRS) < 1


PROPERTY = settings(max_examples=8, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(ua=st.integers(0, 50), ru=st.integers(0, 50))
def test_a_mutual_pull_back_always_partitions_ukraine(ground, ua, ru):
    assert_partition(ground, apply_scenario(ground, Scenario("mutual", ua_km=ua, ru_km=ru)))


@PROPERTY
@given(km=st.integers(-30, 30), everywhere=st.booleans())
def test_a_shift_always_partitions_ukraine(ground, km, everywhere):
    oblasts = () if everywhere else ("UA-14", "UA-23")
    assert_partition(ground, apply_scenario(ground, Scenario("shift", shift_km=km,
                                                             oblasts=oblasts)))


@pytest.mark.parametrize("preset", ["freeze", "donbas", "claims", "plan28", "swap"])
def test_every_fixed_preset_partitions_ukraine(ground, preset):
    assert_partition(ground, apply_scenario(ground, Scenario(preset)))
