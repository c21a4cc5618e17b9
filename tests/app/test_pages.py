"""Every page runs under streamlit.testing without an exception; the control map's basics."""

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
NEWEST = dt.date(2026, 10, 10)


@pytest.fixture
def app():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_control_map_page_runs_and_shows_the_date_control_and_the_table(app):
    assert app.date_input(key="cm_date").label == "Day"
    assert {b.label for b in app.button} >= {"◀ Day before", "Day after ▶"}
    assert len(app.dataframe) == 1


def test_the_table_has_27_units_and_ukraine(app):
    table = app.dataframe[0].value
    assert len(table) == 28
    assert table.iloc[-1]["iso_3166_2"] == "UA"


def test_the_newest_held_day_is_shown_first(app):
    assert app.date_input(key="cm_date").value == NEWEST
    assert any(f"Territorial control in Ukraine, {NEWEST}" in md.value for md in app.markdown)


def test_the_date_control_offers_every_held_day_and_no_other(app):
    control = app.date_input(key="cm_date")
    assert (control.min, control.max) == (dt.date(2024, 7, 8), NEWEST)


def test_changing_the_day_changes_the_figures(app):
    before = app.dataframe[0].value.set_index("iso_3166_2")["occupied_km2"]
    app.date_input(key="cm_date").set_value(dt.date(2024, 7, 8)).run()
    assert not app.exception
    after = app.dataframe[0].value.set_index("iso_3166_2")["occupied_km2"]
    assert after["UA-14"] < before["UA-14"]
    assert any("2024-07-08" in md.value for md in app.markdown)


def test_every_headline_figure_names_its_source_and_day(app):
    captions = [c.value for c in app.caption]
    assert sum(f"Computed from DeepStateMap, {NEWEST}" in c for c in captions) >= 4
    assert any("BBC News, 2026-01-06" in c for c in captions)


def test_the_units_areas_and_names_come_from_the_boundaries(app):
    from geo.data.boundaries import load_units, unit_areas_km2

    table = app.dataframe[0].value.set_index("iso_3166_2")
    units = load_units()
    areas = dict(zip(units["iso_3166_2"], unit_areas_km2(units)))
    assert table.loc["UA-14", "area_km2"] == pytest.approx(areas["UA-14"])
    assert table.loc["UA", "area_km2"] == pytest.approx(sum(areas.values()))
    assert table.loc["UA-14", "name"] == "Donetsk Oblast"


def test_the_control_map_can_be_exported(app):
    labels = {button.label for button in app.get("download_button")}
    assert labels == {"Shares by unit (CSV)", "Occupied area and line of contact (GeoJSON)",
                      "Slide (PNG)", "Download interactive map (HTML)"}

