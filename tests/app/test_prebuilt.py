"""Prebuilt layers give streamlit-folium exactly the script it would generate itself."""

import re

import folium
from streamlit_folium import _get_feature_group_string

from geo.maps.base import base_map
from geo.maps.scenario_layers import SCENARIO_LEGEND, lines_layer, zones_layer
from geo.scenario.presets import Scenario, apply_scenario
from pages._prebuilt_layers import groups, prebuild
from tests.unit.scenario.test_presets import GROUND


def layers():
    zones = apply_scenario(GROUND, Scenario("mutual", ua_km=10, ru_km=5))
    return [zones_layer(zones, "test source, 2026-01-06"), lines_layer(zones, GROUND.line)]


def as_streamlit_folium_sends(feature_groups: list[folium.FeatureGroup]) -> str:
    m = base_map(legend_spec=SCENARIO_LEGEND)
    script = "".join(_get_feature_group_string(group, map=m, idx=i)
                     for i, group in enumerate(feature_groups))
    # Element ids are random per object; everything else must match.
    return re.sub(r"[0-9a-f]{32}", "ID", script)


def test_prebuilt_groups_send_the_same_script_as_the_layers_themselves():
    assert as_streamlit_folium_sends(groups(prebuild(layers()))) == \
        as_streamlit_folium_sends(layers())


def test_prebuilt_groups_carry_the_assets_their_elements_need():
    js = [src for prebuilt in prebuild(layers()) for _, src in prebuilt.js]
    assert any("leaflet.pattern" in src for src in js)


def test_each_rerun_gets_fresh_groups():
    built = prebuild(layers())
    assert groups(built)[0] is not groups(built)[0]


def ukrainian_layers():
    zones = apply_scenario(GROUND, Scenario("mutual", ua_km=10, ru_km=5))
    return [zones_layer(zones, "джерело, 2026-01-06", lang="uk"),
            lines_layer(zones, GROUND.line, lang="uk")]


def test_prebuilt_ukrainian_groups_send_the_same_script_as_the_layers_themselves():
    sent = as_streamlit_folium_sends(groups(prebuild(ukrainian_layers())))
    assert sent == as_streamlit_folium_sends(ukrainian_layers())
    assert "Під контролем України за цим сценарієм" in sent
