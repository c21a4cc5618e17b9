"""GeoJsonLayer: the lean GeoJSON element every map's layers are drawn with."""

import json

import folium
import shapely

from geo.maps.geojson_layer import (GeoJsonLayer, collection_json, feature_json, geometry_json,
                                    script_json)


def script_of(layer: GeoJsonLayer) -> str:
    group = folium.FeatureGroup()
    layer.add_to(group)
    return layer._template.module.script(layer)


def test_coordinates_are_rounded_to_about_a_metre():
    assert geometry_json(shapely.Point(36.123456789, 48.1)) == \
        '{"type":"Point","coordinates":[36.12346,48.1]}'


def test_json_for_a_script_cannot_close_the_script():
    assert script_json({"a": "</script>&"}) == '{"a": "\\u003c/script\\u003e\\u0026"}'


def test_the_data_and_style_reach_leaflet():
    script = script_of(GeoJsonLayer(geometry_json(shapely.Point(30, 50)),
                                    style={"color": "#123456", "weight": 2}))
    assert 'L.geoJson({"type":"Point","coordinates":[30.0,50.0]}' in script
    assert '{"color": "#123456", "weight": 2}' in script


def test_a_tooltip_is_shown_as_text_not_html():
    script = script_of(GeoJsonLayer("{}", tooltip="<img src=x onerror=alert(1)>"))
    assert "<img" not in script
    assert ".bindTooltip(\"\\u0026lt;img src=x onerror=alert(1)\\u0026gt;\"" in script


def test_points_take_their_own_radius_and_fill():
    script = script_of(GeoJsonLayer("{}", points={"radius": 4}, feature_tooltip="label"))
    assert "L.circleMarker(latlng, options)" in script
    assert 'feature.properties["label"]' in script


def test_permanent_labels_are_placed_again_when_their_size_changes():
    script = script_of(GeoJsonLayer("{}", feature_tooltip="label",
                                    feature_tooltip_options={"permanent": True}))
    assert "new ResizeObserver(place)" in script


def test_the_layer_renders_into_a_plain_folium_page():
    m = folium.Map(tiles=None)
    GeoJsonLayer(geometry_json(shapely.Point(30, 50)), name="spot").add_to(m)
    page = m.get_root().render()
    assert 'L.geoJson({"type":"Point","coordinates":[30.0,50.0]}' in page


def test_a_features_own_fill_property_colours_it():
    script = script_of(GeoJsonLayer("{}", style={"weight": 1}))
    assert "own.fill !== undefined ? {fillColor: own.fill} : {}" in script


def test_a_highlight_is_set_on_hover_and_reset_after():
    script = script_of(GeoJsonLayer("{}", highlight={"weight": 3}, name="units"))
    assert 'layer.on("mouseover", function() { layer.setStyle({"weight": 3}); });' in script
    assert ".resetStyle(layer)" in script


def test_a_feature_carries_its_properties_and_its_geometry_to_about_a_metre():
    feature = json.loads(feature_json(shapely.Point(36.123456789, 48.1), {"label": "<b>"}))
    assert feature == {"type": "Feature", "properties": {"label": "<b>"},
                       "geometry": {"type": "Point", "coordinates": [36.12346, 48.1]}}
    assert "<" not in feature_json(shapely.Point(0, 0), {"label": "</script>"})


def test_features_make_one_collection_in_their_order():
    features = [feature_json(shapely.Point(x, 0), {"n": x}) for x in (1, 2)]
    collection = json.loads(collection_json(features))
    assert collection["type"] == "FeatureCollection"
    assert [f["properties"]["n"] for f in collection["features"]] == [1, 2]
