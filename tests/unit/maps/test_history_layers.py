"""The history map's layers, on test_history's two synthetic units: what each draws, how
it is told apart without colour, and what its tooltips and corner say."""

import json
import re

import pytest

from geo.maps.geojson_layer import GeoJsonLayer
from geo.maps.history_layers import change_layer, history_base_map, history_layers, units_layer
from geo.maps.offline import STATIC_URL, localize_assets
from geo.maps.palette import REGAINED_DASH
from geo.pace.history import compare_dates, share_history, with_shares_of
from tests.unit.pace.test_history import D1, D2, D3, OCCUPIED, UNITS, load


@pytest.fixture(scope="module")
def history():
    return share_history(UNITS, [D1, D2, D3], load)


@pytest.fixture(scope="module")
def change(history):
    """WEST regained 10 km, EAST gained 10 km."""
    return compare_dates(UNITS, history, D2, D3, load)


def drawn(group) -> dict[str, GeoJsonLayer]:
    """The GeoJSON layers of a feature group, by what they draw."""
    return {c.layer_name: c for c in group._children.values() if isinstance(c, GeoJsonLayer)}


def unit_features(change) -> list[dict]:
    return json.loads(drawn(units_layer(UNITS, change))["units"].data)["features"]


def test_the_change_layer_names_the_source_and_both_dates(change):
    attribution = change_layer(change).options["attribution"]
    assert "DeepStateMap" in attribution
    assert "2025-02-01" in attribution and "2025-03-01" in attribution


def test_the_change_layer_draws_gained_and_regained_ground_and_skips_what_is_empty(history,
                                                                                  change):
    assert list(drawn(change_layer(change))) == ["gained", "regained"]
    taken = compare_dates(UNITS, history, D1, D2, load)
    assert list(drawn(change_layer(taken))) == ["gained"]


def test_regained_ground_is_told_apart_without_colour_by_a_dashed_edge(change):
    styles = {name: layer.style for name, layer in drawn(change_layer(change)).items()}
    assert "dashArray" not in styles["gained"]
    assert styles["regained"]["dashArray"] == REGAINED_DASH
    assert styles["gained"]["weight"] >= 2 and styles["regained"]["weight"] >= 2


def test_the_history_map_with_its_layers_references_only_local_assets(change):
    m = history_base_map()
    for layer in history_layers(UNITS, OCCUPIED[D3], change):
        localize_assets(layer).add_to(m)
    html = m.get_root().render()
    urls = [part.split('"')[0] for part in html.split('src="')[1:]] + \
           [part.split('"')[0] for part in html.split('href="')[1:]]
    assert urls and all(url.startswith(STATIC_URL) for url in urls), urls


def test_the_history_map_draws_the_units_the_occupied_area_and_the_changes(change):
    m = history_base_map()
    for layer in history_layers(UNITS, OCCUPIED[D3], change):
        layer.add_to(m)
    page = m.get_root().render()
    assert page.count("L.geoJson(") == 4  # units, occupied area, gained, regained
    assert "fillPattern" in page


def test_a_units_tooltip_gives_the_shares_of_their_days_and_the_maps_the_ground_moved_on(change):
    restated = with_shares_of(change, share_history(UNITS, [D1, D3], load), D1, D3)
    west = next(f["properties"] for f in unit_features(restated)
                if f["properties"]["name"] == "UA-01")
    assert west["held"] == "50.0 % on 2025-01-01, 90.0 % on 2025-03-01"
    assert west["moved"].endswith("(maps of 2025-02-01 and 2025-03-01)")


def test_a_units_tooltip_is_a_table_of_its_name_share_and_ground_moved(change):
    tooltip = unit_features(change)[0]["properties"]["tooltip"]
    assert re.findall("<th>([^<]+)</th>", tooltip) == ["Unit", "Held by Russia",
                                                      "Changed hands"]
    assert "<td>UA-01</td>" in tooltip


def test_a_units_tooltip_is_in_ukrainian_with_ukrainian_numbers(change):
    restated = with_shares_of(change, share_history(UNITS, [D1, D3], load), D1, D3)
    [layer] = [c for c in units_layer(UNITS, restated, lang="uk")._children.values()
               if isinstance(c, GeoJsonLayer)]
    west = next(f["properties"] for f in json.loads(layer.data)["features"]
                if f["properties"]["name"] == "UA-01")
    assert west["held"] == ("50,0\u00a0% станом на 1 січня 2025\u202fр., 90,0\u00a0% станом на "
                            "1 березня 2025\u202fр.")
    assert re.findall("<th>([^<]+)</th>", west["tooltip"]) == [
        "Регіон", "Під контролем Росії", "Перейшло з рук у руки"]


def test_the_history_map_in_ukrainian_has_a_ukrainian_legend_and_corner(change):
    page = history_base_map(lang="uk").get_root().render()
    assert "Між двома датами" in page and "звільнено Україною (пунктирний контур)" in page
    assert change_layer(change, lang="uk").options["attribution"] == (
        "Окуповані території: DeepStateMap, 1 лютого 2025\u202fр. і 1 березня 2025\u202fр.")
