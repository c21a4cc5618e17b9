"""Every page runs under streamlit.testing without an exception."""

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture
def app():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_control_map_page_runs_and_shows_the_date_picker_and_the_table(app):
    assert len(app.select_slider) == 1
    assert len(app.dataframe) == 1


def test_the_table_has_27_units_and_ukraine(app):
    table = app.dataframe[0].value
    assert len(table) == 28
    assert table.iloc[-1]["iso_3166_2"] == "UA"


def test_the_newest_snapshot_is_shown_first(app):
    assert app.select_slider[0].value.isoformat() == "2026-08-22"


def test_changing_the_date_changes_the_figures(app):
    before = app.dataframe[0].value.set_index("iso_3166_2")["occupied_km2"]
    app.select_slider[0].set_value(dt.date(2024, 7, 8)).run()
    assert not app.exception
    after = app.dataframe[0].value.set_index("iso_3166_2")["occupied_km2"]
    assert after["UA-14"] < before["UA-14"]
    assert any("2024-07-08" in md.value for md in app.markdown)


def test_every_headline_figure_names_its_source_and_date(app):
    captions = [c.value for c in app.caption]
    assert sum("Computed from DeepStateMap, 2026-08-22" in c for c in captions) >= 4
    assert any("BBC News, 2026-01-06" in c for c in captions)


def test_the_control_map_can_be_exported(app):
    labels = {button.label for button in app.get("download_button")}
    assert labels == {"Shares by unit (CSV)", "Occupied area and line of contact (GeoJSON)",
                      "Slide (PNG)"}
