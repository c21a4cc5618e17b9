"""The Ceasefire lines page under streamlit.testing: every scenario, links, bad links."""

import pytest

from geo.scenarios import PRESETS
from tests.app import running

PAGE = "pages/scenarios.py"


def open_page(**query):
    return running.open_page(PAGE, **query)


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


@pytest.fixture(scope="module")
def page():
    return open_page()


@pytest.mark.parametrize("preset", [p for p in PRESETS])
def test_every_scenario_runs_and_shows_its_figures(page, preset):
    page.selectbox(key="sc_preset").set_value(preset).run()
    assert not page.exception, page.exception
    assert {m.label for m in page.metric} >= {"Goes to Russia", "Demilitarised zone",
                                              "Line(s) to monitor"}
    assert any("DeepStateMap" in c.value and "snapshot 20" in c.value for c in page.caption)


def test_donbas_shows_the_reported_costs_beside_the_computed(page):
    page.selectbox(key="sc_preset").set_value("donbas").run()
    tables = [df.value for df in page.dataframe]
    reported = next(t for t in tables if "why_differs" in t.columns)
    assert set(reported["reported"]) == {7000, 5800, 22, 200000}
    assert reported["why_differs"].str.len().min() > 20


def test_a_link_sets_the_scenario_and_its_sliders():
    at = open_page(preset="mutual", ua_km="20", ru_km="5", date="2026-01-06")
    assert at.selectbox(key="sc_preset").value == "mutual"
    assert at.slider(key="sc_ua_km").value == 20
    assert at.slider(key="sc_ru_km").value == 5
    assert at.select_slider(key="sc_date").value.isoformat() == "2026-01-06"


def test_moving_a_slider_changes_the_figures(page):
    page.selectbox(key="sc_preset").set_value("mutual").run()
    before = metric(page, "Demilitarised zone")
    page.slider(key="sc_ua_km").set_value(40.0).run()
    assert metric(page, "Demilitarised zone") != before


@pytest.mark.parametrize("query", [
    {"preset": "nonsense"}, {"preset": "mutual", "ua_km": "-5"}, {"date": "1999-01-01"},
    {"preset": "shift", "oblasts": "<script>"}, {"preset": "target", "target": "UA-14=abc"},
])
def test_a_bad_link_warns_and_still_shows_a_scenario(query):
    at = open_page(**query)
    assert at.warning, "expected a warning"
    assert metric(at, "Goes to Russia").endswith("km²")


def test_the_view_can_be_exported_as_geojson_csv_and_a_slide(page):
    page.selectbox(key="sc_preset").set_value("plan28").run()
    labels = {button.label for button in page.get(("download_button"))}
    assert labels == {"Zones and lines (GeoJSON)", "Table (CSV)", "Slide (PNG)", "Slide (SVG)",
                      "Slide (PDF)"}


def test_a_link_followed_from_another_page_is_applied_on_a_later_visit():
    at = open_page(preset="donbas")
    at.switch_page("pages/control_map.py").run()
    at.query_params.clear()
    at.query_params["preset"] = "swap"
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.selectbox(key="sc_preset").value == "swap"
