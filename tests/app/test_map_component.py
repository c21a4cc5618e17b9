"""The map's component arguments, made once, are what st_folium itself would send."""

import re

import streamlit_folium

from geo.maps.base import base_map
from geo.maps.scenario_layers import SCENARIO_LEGEND
from pages._map_component import component_args
from pages._prebuilt_layers import groups, prebuild
from tests.app.test_prebuilt import layers


def st_folium_sends(monkeypatch, *, draw: bool, returned_objects: list[str]) -> dict:
    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.update(kwargs))
    streamlit_folium.st_folium(
        base_map(legend_spec=SCENARIO_LEGEND, draw=draw), key="scenario_map",
        feature_group_to_add=groups(prebuild(layers())), use_container_width=True, height=580,
        returned_objects=returned_objects)
    sent.pop("on_change")
    return sent


def ours(*, draw: bool, returned_objects: list[str]) -> dict:
    return component_args(base_map(legend_spec=SCENARIO_LEGEND, draw=draw),
                          groups(prebuild(layers())), key="scenario_map", height=580,
                          returned_objects=returned_objects)


def without_ids(args: dict) -> dict:
    """Element ids are random per folium object; everything else must match (the component's
    key too: it is hashed from the script without them)."""
    return {name: re.sub(r"[0-9a-f]{32}", "ID", value) if isinstance(value, str) else value
            for name, value in args.items()}


def test_a_map_sends_what_st_folium_sends(monkeypatch):
    assert without_ids(ours(draw=False, returned_objects=[])) == \
        without_ids(st_folium_sends(monkeypatch, draw=False, returned_objects=[]))


def test_a_drawing_map_returns_its_drawings_as_st_folium_does(monkeypatch):
    args = ours(draw=True, returned_objects=["all_drawings"])
    assert args["default"] == {"all_drawings": None}
    assert without_ids(args) == without_ids(
        st_folium_sends(monkeypatch, draw=True, returned_objects=["all_drawings"]))
