"""The base every map is drawn on: extent, furniture, attribution, the kept view."""

import json
import re

import folium

from geo.maps.base import (UKRAINE_BOUNDS, AttributedGroup, base_map, dual_map, legend,
                           remembered_view, tooltip_lines, tooltip_table)


def page(m: folium.Map) -> str:
    return m.get_root().render()


def test_a_groups_attribution_reaches_leaflet():
    m = folium.Map(tiles=None)
    AttributedGroup(name="Zones", attribution="DeepStateMap, 2026-01-06").add_to(m)
    assert "L.featureGroup(null, {" in page(m)
    assert '"attribution": "DeepStateMap, 2026-01-06"' in page(m)


def test_the_reader_can_zoom_the_page_the_map_is_in():
    html = page(base_map(legend_spec=None))
    assert "user-scalable=no" not in html
    assert "maximum-scale=1.0" not in html


def test_the_scale_bar_is_in_km_only():
    assert "L.control.scale({metric: true, imperial: false" in page(base_map(legend_spec=None))


def test_the_map_opens_on_ukraine():
    script = re.sub(r"\s+", "", page(base_map(legend_spec=None)))
    assert f".fitBounds({json.dumps([list(corner) for corner in UKRAINE_BOUNDS])}" \
        .replace(" ", "") in script


def test_a_legend_lists_its_entries_and_none_is_drawn_without_one():
    spec = ("Under this scenario", (("box", "#b2182b", "Russian-held"),))
    assert "Russian-held" in page(base_map(legend_spec=spec))
    assert "atlas-legend" not in page(base_map(legend_spec=None))


def test_a_legend_is_a_note_for_screen_readers():
    m = folium.Map(tiles=None)
    legend("Title", (("dash", "#111111", "ceasefire line"),)).add_to(m)
    assert 'role="note" aria-label="Map legend"' in page(m)


def test_only_leaflet_is_loaded_of_folium_s_scripts():
    html = page(base_map(legend_spec=None))
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()


def test_nothing_is_fetched_from_the_internet_without_tiles():
    html = page(base_map(legend_spec=None))
    assert "tile.openstreetmap.org" not in html
    assert "tile.openstreetmap.org" in page(base_map(legend_spec=None, tiles=True))


def test_both_maps_of_a_dual_map_have_a_scale_bar_and_no_legend():
    m = dual_map()
    html = m.get_root().render()
    assert html.count("L.control.scale(") == 2
    assert "atlas-legend" not in html


def test_a_remembered_view_is_kept_under_its_maps_name():
    m = folium.Map(tiles=None)
    remembered_view("control-map").add_to(m)
    assert '"atlas-view-control-map"' in page(m)


def test_tooltip_values_are_text_and_labels_are_escaped():
    table = tooltip_table((("A & B", tooltip_lines("<b>x</b>", "second")),))
    assert table == "<table><tr><th>A &amp; B</th><td>&lt;b&gt;x&lt;/b&gt;<br>second</td></tr>" \
        "</table>"


# In Ukrainian (the catalogue compiled, as set-up does).

def test_a_legend_is_drawn_in_the_maps_language():
    spec = ("Under this scenario", (("box", "#b2182b", "Russian-held"),
                                    ("line", "#555555", "today's line of contact")))
    html = page(base_map(legend_spec=spec, lang="uk"))
    assert re.search(r">\s*За цим сценарієм\s*<", html)
    assert "Під контролем Росії</div>" in html and "нинішня лінія зіткнення</div>" in html
    assert 'aria-label="Легенда карти"' in html


def test_a_legend_text_already_in_the_maps_language_is_kept():
    html = page(base_map(legend_spec=("Станом на 1 січня", (("box", "#fff", "власна"),)),
                         lang="uk"))
    assert "Станом на 1 січня" in html and "власна</div>" in html


def test_the_ukrainian_scale_and_zoom_buttons_are_labelled_in_ukrainian():
    html = page(base_map(legend_spec=None, lang="uk"))
    words = json.loads(re.search(r"\}\)\((map_\w+), (\{.*?\})\);", html).group(2))
    assert words == {"km": "км", "m": "м", "zoom_in": "Збільшити", "zoom_out": "Зменшити",
                     "leaflet": "Бібліотека JavaScript для інтерактивних карт"}


def test_the_ukrainian_drawing_toolbar_is_labelled_in_ukrainian_before_it_is_made():
    html = page(base_map(legend_spec=None, draw=True, lang="uk"))
    assert html.index("L.drawLocal, {") < html.index("new L.Control.Draw")
    assert '"polyline": "Намалювати лінію"' in html and '"finish": "Завершити"' in html


def test_the_english_map_keeps_leaflets_own_texts():
    html = page(base_map(legend_spec=None, draw=True))
    assert "L.drawLocal" not in html and "zoomInTitle" not in html


def test_an_empty_legend_title_stays_empty_in_ukrainian():
    html = page(base_map(legend_spec=("", (("box", "#fff", "власна"),)), lang="uk"))
    assert "Project-Id-Version" not in html
