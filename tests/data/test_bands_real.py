"""Band-composed slider scenarios agree with the plain overlay they replace, on the real
snapshot of 2026-01-06 (tolerances: 1 km2 per figure, 0.5 km per line)."""

import pytest
import shapely

from geo.scenario.impact import assess
from geo.scenario.partition import partition
from geo.scenario.presets import Scenario, apply_scenario


def overlay_mutual(ground, ua_km, ru_km):
    ukrainian_side = shapely.intersection(ground.line_buffer(ua_km), ground.ukrainian)
    russian_band = ground.line_buffer(ru_km)
    zone = shapely.union(ukrainian_side, shapely.intersection(russian_band, ground.russian))
    return partition(ground, shapely.difference(ground.russian, russian_band), zone)


def overlay_shift(ground, km, oblasts):
    strip = ground.line_buffer(abs(km))
    if oblasts:
        strip = shapely.intersection(strip, ground.union_of(oblasts))
    if km > 0:
        return partition(ground, shapely.union(ground.russian,
                                               shapely.intersection(strip, ground.ukrainian)))
    return partition(ground, shapely.difference(ground.russian, strip))


def assert_same_outcome(ground, towns, composed, overlaid):
    a, b = assess(ground, composed, towns), assess(ground, overlaid, towns)
    for figure in ("russian_held_km2", "dmz_km2", "to_russia_km2", "to_ukraine_km2"):
        assert getattr(a, figure) == pytest.approx(getattr(b, figure), abs=1.0), figure
    assert {line.kind: line.geometry.length / 1e3 for line in composed.lines} == pytest.approx(
        {line.kind: line.geometry.length / 1e3 for line in overlaid.lines}, abs=0.5)
    assert a.by_oblast[["to_russia_km2", "to_ukraine_km2", "dmz_km2"]].values == pytest.approx(
        b.by_oblast[["to_russia_km2", "to_ukraine_km2", "dmz_km2"]].values, abs=1.0)
    assert a.towns["name"].tolist() == b.towns["name"].tolist()
    for zone in ("russian", "ukrainian", "dmz"):
        mismatch = shapely.symmetric_difference(getattr(composed, zone), getattr(overlaid, zone))
        assert mismatch.area / 1e6 < 1.0, zone


@pytest.mark.parametrize("ua_km, ru_km", [(15, 15), (1, 0), (0, 7), (50, 3), (22, 50)])
def test_a_mutual_pull_back_from_bands_matches_the_overlay(ground, towns, ua_km, ru_km):
    composed = apply_scenario(ground, Scenario("mutual", ua_km=ua_km, ru_km=ru_km))
    assert_same_outcome(ground, towns, composed, overlay_mutual(ground, ua_km, ru_km))


@pytest.mark.parametrize("km, oblasts", [(10, ()), (-10, ()), (30, ("UA-14", "UA-23")),
                                         (-4, ("UA-63",)), (1, ("UA-09",))])
def test_a_line_move_from_bands_matches_the_overlay(ground, towns, km, oblasts):
    composed = apply_scenario(ground, Scenario("shift", shift_km=km, oblasts=oblasts))
    assert_same_outcome(ground, towns, composed, overlay_shift(ground, km, oblasts))


@pytest.mark.parametrize("code, pct", [("UA-14", 30), ("UA-14", 99.5), ("UA-23", 10),
                                       ("UA-63", 0)])
def test_a_target_beyond_the_bands_reach_is_still_solved(ground, towns, code, pct):
    """Past 50 km the search runs between a band's edge and the unit's reach."""
    table = assess(ground, apply_scenario(ground, Scenario("target", target=(code, pct))),
                   towns).by_oblast.set_index("iso_3166_2")
    assert table.loc[code, "pct_after"] == pytest.approx(pct, abs=0.1)


def test_a_target_moves_only_its_own_unit(ground, towns):
    table = assess(ground, apply_scenario(ground, Scenario("target", target=("UA-14", 85))),
                   towns).by_oblast.set_index("iso_3166_2")
    others = table.drop(index="UA-14")
    assert (others["pct_after"] - others["pct_before"]).abs().max() < 0.01
