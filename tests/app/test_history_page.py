"""The History page under streamlit.testing: charts, sliders, figures and the table."""

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
PAGE = "pages/history.py"
FIRST, LAST = dt.date(2024, 7, 8), dt.date(2026, 8, 22)


def open_page():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


@pytest.fixture
def page():
    return open_page()


def test_the_page_shows_two_charts_two_date_sliders_and_the_table(page):
    assert len(page.get("vega_lite_chart")) == 2
    assert page.select_slider(key="hi_date").value == LAST
    assert page.select_slider(key="hi_since").value == FIRST
    assert len(page.dataframe) == 1


def test_the_oblast_chart_starts_with_the_front_line_oblasts(page):
    assert page.multiselect(key="hi_oblasts").value == ["UA-14", "UA-09", "UA-23", "UA-65",
                                                        "UA-63"]


def test_the_table_lists_the_oblasts_that_changed_then_ukraine(page):
    table = page.dataframe[0].value
    assert table.iloc[0]["iso_3166_2"] == "UA-14"
    assert table.iloc[-1]["iso_3166_2"] == "UA"
    oblasts = table.iloc[:-1]
    assert ((oblasts["gained_km2"] >= 0.5) | (oblasts["regained_km2"] >= 0.5)).all()
    assert oblasts["net_km2"].is_monotonic_decreasing


def test_changing_the_date_changes_the_figures(page):
    before = {m.label: m.value for m in page.metric}
    ukraine_before = page.dataframe[0].value.iloc[-1]["pct_later"]
    page.select_slider(key="hi_date").set_value(dt.date(2025, 7, 1)).run()
    assert not page.exception, page.exception
    after = {m.label: m.value for m in page.metric}
    assert after["Gained by Russia"] != before["Gained by Russia"]
    assert after["Net change"] != before["Net change"]
    assert "Held by Russia, 2025-07-01" in after
    assert any("2024-07-08 to 2025-07-01" in md.value for md in page.markdown)
    assert page.dataframe[0].value.iloc[-1]["pct_later"] < ukraine_before


def test_every_figure_names_the_source_and_its_dates(page):
    captions = [c.value for c in page.caption]
    assert len(captions) == 5  # figures, map, two charts, table
    for caption in captions:
        assert "DeepStateMap" in caption
        assert "2024-07-08" in caption and "2026-08-22" in caption


def test_the_same_date_twice_shows_no_change_and_says_why(page):
    page.select_slider(key="hi_since").set_value(LAST).run()
    assert not page.exception, page.exception
    assert metric(page, "Gained by Russia") == "0 km²"
    assert metric(page, "Regained by Ukraine") == "0 km²"
    assert any("same" in i.value for i in page.info)


def test_a_comparison_date_after_the_map_date_is_put_in_order(page):
    page.select_slider(key="hi_date").set_value(FIRST)
    page.select_slider(key="hi_since").set_value(dt.date(2025, 1, 2)).run()
    assert not page.exception, page.exception
    assert any("2024-07-08 to 2025-01-02" in md.value for md in page.markdown)
    assert any("after the map date" in i.value for i in page.info)


def test_no_oblast_chosen_shows_a_hint_instead_of_an_empty_chart(page):
    page.multiselect(key="hi_oblasts").set_value([]).run()
    assert not page.exception, page.exception
    assert len(page.get("vega_lite_chart")) == 1
    assert any("Choose one or more" in i.value for i in page.info)
