"""The History page under streamlit.testing: charts over every held day, the two date
controls, the figures of the held days and the ground that changed hands on the maps."""

import datetime as dt

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.data.series import load_series
from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")
PAGE = "pages/history.py"
FIRST, LAST = dt.date(2024, 7, 8), dt.date(2026, 10, 10)
#: The pace section's charts at first: one for Ukraine, one for Donetsk oblast.
PACE_CHARTS = 2


def open_page():
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def title(at) -> str:
    return next(md.value for md in at.markdown if md.value.startswith("### "))


def chart_datasets(at, number: int) -> list[pd.DataFrame]:
    """The data sets of the ``number``-th chart."""
    import pyarrow as pa

    chart = at.get("vega_lite_chart")[number].proto
    return [pa.ipc.open_stream(d.data.data).read_pandas() for d in chart.datasets]


def chart_rows(at, number: int) -> pd.DataFrame:
    """The rows the ``number``-th chart draws (its lines' data set)."""
    return next(d for d in chart_datasets(at, number) if "run" in d.columns)


#: The pace section's chart of Ukraine: after the two charts of the series.
PACE_CHART_UKRAINE = 2


def chart_rows_of(at, number: int) -> pd.DataFrame:
    """The rows of the ``number``-th chart's months (the pace charts)."""
    return next(d for d in chart_datasets(at, number) if "month" in d.columns)


@pytest.fixture
def page():
    return open_page()


@pytest.fixture(scope="module")
def first_view():
    return open_page()


def test_the_page_shows_two_charts_two_date_controls_and_the_table(first_view):
    assert len(first_view.get("vega_lite_chart")) == 2 + PACE_CHARTS
    assert first_view.date_input(key="hi_date").value == LAST
    assert first_view.date_input(key="hi_since").value == FIRST
    assert len(first_view.dataframe) == 1


def test_the_chart_has_a_point_for_every_held_day(first_view):
    rows = chart_rows(first_view, 0)
    assert len(rows) == 773
    assert (rows["date"].min().date(), rows["date"].max().date()) == (FIRST, LAST)


def test_the_chart_never_joins_the_days_either_side_of_a_missing_day(first_view):
    rows = chart_rows(first_view, 0).set_index(chart_rows(first_view, 0)["date"].dt.date)
    assert dt.date(2025, 11, 26) not in rows.index
    assert rows.loc[dt.date(2025, 11, 25), "run"] != rows.loc[dt.date(2025, 11, 27), "run"]
    assert rows.loc[dt.date(2025, 11, 24), "run"] == rows.loc[dt.date(2025, 11, 25), "run"]


def test_the_chart_shows_the_series_figures_of_each_day(first_view):
    series = load_series()
    ukraine = series[series["iso_3166_2"] == "UA"].set_index("date")["occupied_km2"]
    rows = chart_rows(first_view, 0)
    drawn = dict(zip(rows["date"].dt.date, rows["occupied_km2"]))
    assert drawn[dt.date(2025, 6, 15)] == pytest.approx(ukraine[dt.date(2025, 6, 15)])


def test_a_chart_mark_is_described_as_its_tooltip_reads():
    import altair as alt

    from pages._history_charts import described

    description = described([alt.Tooltip("series:N", title=None),
                             alt.Tooltip("day:T", title="Day", format="%Y-%m-%d"),
                             alt.Tooltip("km2:Q", title="Area (km²)", format=",.0f")])
    # A field without a title is its value alone; an empty value reads "—".
    assert description["value"].to_dict() == {"expr": (
        """(isValid(datum["series"]) ? '' + datum["series"] : '—') + "; Day: " + """
        """(isValid(datum["day"]) ? timeFormat(datum["day"], "%Y-%m-%d") : '—') + """
        """"; Area (km²): " + (isValid(datum["km2"]) ? format(datum["km2"], ",.0f") : '—')""")}


def test_the_caption_gives_the_span_and_names_the_missing_days(first_view):
    caption = next(c.value for c in first_view.caption if "days held" in c.value)
    assert "773 days held from 2024-07-08 to 2026-10-10, 52 missing" in caption
    assert "2025-11-26" in caption and "2024-08-18 to 2024-08-19" in caption


def test_the_oblast_chart_starts_with_the_front_line_oblasts(first_view):
    assert first_view.multiselect(key="hi_oblasts").value == ["UA-14", "UA-09", "UA-23",
                                                              "UA-65", "UA-63"]


def test_the_table_lists_the_oblasts_that_changed_then_ukraine(first_view):
    table = first_view.dataframe[0].value
    assert table.iloc[0]["iso_3166_2"] == "UA-14"
    assert table.iloc[-1]["iso_3166_2"] == "UA"
    oblasts = table.iloc[:-1]
    assert ((oblasts["gained_km2"] >= 0.5) | (oblasts["regained_km2"] >= 0.5)).all()
    assert oblasts["net_km2"].is_monotonic_decreasing


def test_every_figure_names_the_source_and_its_days(first_view):
    captions = [c.value for c in first_view.main.caption]
    # figures, map, two charts, table; then the pace's three and the timelapse's
    assert len(captions) == 5 + 3 + 1
    for caption in captions[:5]:
        assert "DeepStateMap" in caption
        assert "2024-07-08" in caption and "2026-10-10" in caption


def test_changing_the_map_day_changes_the_figures(page):
    before = {m.label: m.value for m in page.metric}
    ukraine_before = page.dataframe[0].value.iloc[-1]["pct_later"]
    page.date_input(key="hi_date").set_value(dt.date(2025, 7, 1)).run()
    assert not page.exception, page.exception
    after = {m.label: m.value for m in page.metric}
    assert after["Gained by Russia"] != before["Gained by Russia"]
    assert after["Net change"] != before["Net change"]
    assert "Held by Russia, 2025-07-01" in after
    assert title(page) == "### Change in control, 2024-07-08 to 2025-07-01"
    assert page.dataframe[0].value.iloc[-1]["pct_later"] < ukraine_before


def test_a_day_without_its_own_map_takes_its_figures_from_the_series_and_says_which_map(page):
    page.date_input(key="hi_date").set_value(dt.date(2025, 6, 15)).run()
    assert not page.exception, page.exception
    series = load_series()
    own = series[(series["date"] == dt.date(2025, 6, 15)) & (series["iso_3166_2"] == "UA")]
    assert metric(page, "Held by Russia, 2025-06-15") == \
        f"{own['occupied_km2'].iloc[0]:,.0f} km²"
    note = next(i.value for i in page.info if "drawn from the maps of" in i.value)
    assert "2024-07-08 and 2025-06-09" in note
    assert page.dataframe[0].value.iloc[-1]["pct_later"] == \
        pytest.approx(own["occupied_pct"].iloc[0])


def test_a_missing_day_says_so_and_names_the_held_days_either_side(page):
    page.date_input(key="hi_date").set_value(dt.date(2025, 11, 26)).run()
    assert not page.exception, page.exception
    message = next(i.value for i in page.info if "holds no map" in i.value)
    assert "2025-11-25" in message and "2025-11-27" in message
    assert title(page) == "### Change in control, 2024-07-08 to 2025-11-25"


def test_the_same_day_twice_shows_no_change_and_says_why(page):
    page.date_input(key="hi_since").set_value(LAST).run()
    assert not page.exception, page.exception
    assert metric(page, "Gained by Russia") == "0 km²"
    assert metric(page, "Regained by Ukraine") == "0 km²"
    assert metric(page, "Net change") == "+0 km²"
    assert any("same" in i.value for i in page.info)


def test_a_comparison_day_after_the_map_day_is_put_in_order(page):
    page.date_input(key="hi_date").set_value(FIRST)
    page.date_input(key="hi_since").set_value(dt.date(2025, 1, 2)).run()
    assert not page.exception, page.exception
    assert title(page) == "### Change in control, 2024-07-08 to 2025-01-02"
    assert any("after the map day" in i.value for i in page.info)


def test_the_compare_with_buttons_step_through_held_days(page):
    page.button(key="hi_since_forward").click().run()
    assert not page.exception, page.exception
    assert page.date_input(key="hi_since").value == dt.date(2024, 7, 9)


def test_no_oblast_chosen_shows_a_hint_instead_of_an_empty_chart(page):
    page.multiselect(key="hi_oblasts").set_value([]).run()
    assert not page.exception, page.exception
    assert len(page.get("vega_lite_chart")) == 1 + PACE_CHARTS
    assert any("Choose one or more" in i.value for i in page.info)


# --- the pace of the advance ----------------------------------------------------------------

def pace_figures(at) -> pd.DataFrame:
    """The window's figures as the page shows them, one row per unit."""
    return next(t.value for t in at.table if "Net a month (km²)" in t.value.columns) \
        .set_index("Unit")


def published_table(at) -> pd.DataFrame:
    return next(t.value for t in at.table if "Published (km²)" in t.value.columns)


def pace_caption(at) -> str:
    return next(c.value for c in at.main.caption if c.value.startswith("Window: "))


def expected(unit: str, start: dt.date, end: dt.date):
    from geo.pace.monthly import load_monthly
    from geo.pace.tables import window_figures

    return window_figures(load_series(), load_monthly(), unit, start, end)


def test_the_pace_shows_ukraine_and_donetsk_over_the_12_months_to_the_map_day(first_view):
    assert first_view.multiselect(key="hi_pace_units").value == ["UA", "UA-14"]
    assert first_view.radio(key="hi_pace_window").value == "Last 12 months"
    table = pace_figures(first_view)
    assert list(table.index) == ["Ukraine", "Donetsk Oblast"]
    ukraine = expected("UA", dt.date(2025, 10, 10), LAST)
    assert table.loc["Ukraine", "Net a month (km²)"] == f"{ukraine.km2_per_month:+,.0f}"
    assert table.loc["Ukraine", "Net a week (km²)"] == f"{ukraine.km2_per_week:+,.1f}"
    assert table.loc["Ukraine", "Net a day (km²)"] == f"{ukraine.km2_per_day:+,.2f}"
    assert table.loc["Ukraine", "Gained by Russia, 2025-10 to 2026-09 (km²)"] == \
        f"{ukraine.gained_km2:,.0f}"


def test_the_pace_says_its_source_window_days_and_months(first_view):
    caption = pace_caption(first_view)
    assert "the 12 months to the map's day, 2026-10-10" in caption
    assert "between the held days 2025-10-10 and 2026-10-10 (365 days)" in caption
    assert "DeepStateMap" in caption and "grey-zone" in caption
    assert "measured between 2025-10-01 and 2026-10-01" in caption


def test_the_monthly_chart_caption_names_the_months_off_the_1st_and_the_partial_one(
        first_view):
    caption = next(c.value for c in first_view.main.caption if "in each month" in c.value)
    assert "2024-12: 2024-12-01 to 2025-01-02" in caption
    assert "2026-10 is partial (to 2026-10-10" in caption
    assert "DeepStateMap" in caption


def test_the_monthly_chart_has_every_month_and_marks_the_newest_partial(first_view):
    rows = chart_rows_of(first_view, PACE_CHART_UKRAINE)
    months = rows.drop_duplicates("month").set_index("month")
    assert (months.index[0], months.index[-1]) == ("2024-07", "2026-10")
    assert months["partial"].tolist().count(True) == 1 and months.loc["2026-10", "partial"]


def test_a_shorter_window_changes_the_figures(page):
    before = pace_figures(page)
    page.radio(key="hi_pace_window").set_value("Last 3 months").run()
    assert not page.exception, page.exception
    after = pace_figures(page)
    ukraine = expected("UA", dt.date(2026, 7, 10), LAST)
    assert after.loc["Ukraine", "Net a month (km²)"] == f"{ukraine.km2_per_month:+,.0f}"
    assert after.loc["Ukraine", "Net a month (km²)"] != before.loc["Ukraine",
                                                                   "Net a month (km²)"]
    assert "Gained by Russia, 2026-07 to 2026-09 (km²)" in after.columns
    assert "between the held days 2026-07-10 and 2026-10-10 (92 days)" in pace_caption(page)


def test_the_window_ends_on_the_map_day(page):
    page.date_input(key="hi_date").set_value(dt.date(2025, 7, 1)).run()
    assert not page.exception, page.exception
    caption = pace_caption(page)
    assert "the 12 months to the map's day, 2025-07-01" in caption
    # The archive begins on 2024-07-08: the window is measured from there, and says so.
    assert "2024-07-01 is not held: measured from 2024-07-08" in caption
    assert "Gained by Russia, 2024-07 to 2025-06 (km²)" in pace_figures(page).columns


def test_two_dates_of_the_readers_own_measure_between_them(page):
    page.radio(key="hi_pace_window").set_value("Two dates").run()
    page.date_input(key="hi_pace_from").set_value(dt.date(2025, 1, 1))
    page.date_input(key="hi_pace_to").set_value(dt.date(2025, 12, 31)).run()
    assert not page.exception, page.exception
    caption = pace_caption(page)
    assert caption.startswith("Window: 2025-01-01 to 2025-12-31.")
    assert "2025-01-01 is not held: measured from 2025-01-02" in caption
    ukraine = expected("UA", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    table = pace_figures(page)
    assert table.loc["Ukraine", "Net a month (km²)"] == f"{ukraine.km2_per_month:+,.0f}"
    assert "Gained by Russia, 2025-01 to 2025-12 (km²)" in table.columns


def test_two_dates_the_wrong_way_round_are_put_in_order(page):
    page.radio(key="hi_pace_window").set_value("Two dates").run()
    page.date_input(key="hi_pace_from").set_value(dt.date(2026, 3, 1))
    page.date_input(key="hi_pace_to").set_value(dt.date(2025, 3, 1)).run()
    assert not page.exception, page.exception
    assert any("“From” is after “To”" in i.value for i in page.info)
    assert "between the held days 2025-03-01 and 2026-03-01" in pace_caption(page)


def test_the_same_day_twice_has_no_pace_and_says_why(page):
    page.radio(key="hi_pace_window").set_value("Two dates").run()
    page.date_input(key="hi_pace_from").set_value(dt.date(2026, 3, 1))
    page.date_input(key="hi_pace_to").set_value(dt.date(2026, 3, 1)).run()
    assert not page.exception, page.exception
    assert any("no pace to measure" in i.value for i in page.info)
    assert pace_figures(page).loc["Ukraine", "Net a month (km²)"] == "—"


def test_an_oblast_added_gets_its_row_and_chart(page):
    page.multiselect(key="hi_pace_units").set_value(["UA", "UA-14", "UA-23"]).run()
    assert not page.exception, page.exception
    assert list(pace_figures(page).index) == ["Ukraine", "Donetsk Oblast",
                                              "Zaporizhzhia Oblast"]
    assert len(page.get("vega_lite_chart")) == 2 + 3


def test_no_unit_chosen_shows_a_hint_and_still_the_published_figures(page):
    page.multiselect(key="hi_pace_units").set_value([]).run()
    assert not page.exception, page.exception
    assert any("Choose Ukraine or one or more oblasts" in i.value for i in page.info)
    assert len(page.get("vega_lite_chart")) == 2
    assert len(published_table(page)) == 17


def test_published_gains_stand_beside_ours_with_source_date_and_difference(first_view):
    table = published_table(first_view).set_index(["Period", "Source (as of)"])
    row = table.loc[("2026-02", "DeepState via for-ua.com (2026-03-02)")]
    assert (row["Ours: gained (km²)"], row["Published (km²)"], row["Difference"]) == \
        ("170", "126", "+35 %")
    assert row["Ours: measured"] == "2026-02-01 to 2026-03-01"
    assert table.index[-1] == ("2025 (year)", "Russia's chief of general staff (2025-12)")
    caption = next(c.value for c in first_view.main.caption if "Why they differ" in c.value)
    assert "10 of DeepState's 11 monthly figures are within 15 % of ours" in caption
    assert "2026-02 (DeepState via for-ua.com, +35 %): the map was redrawn both ways" in caption
    assert "a claim, not an assessment" in caption and "Natural Earth" in caption


def test_the_page_ends_with_the_timelapse_of_the_two_days_compared(first_view):
    last = [c.value for c in first_view.main.caption][-1]
    assert last.startswith("137 frames from 2024-07-08 to 2026-10-10")


def test_presenter_mode_shows_the_timelapse_as_a_slide_and_can_be_left():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["present"] = "1"
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert any("atlas-slide" in md.value and "weekly maps" in md.value for md in at.markdown)
    assert not at.metric  # the slide holds the timelapse alone
    next(b for b in at.button if b.label == "Exit (Esc)").click().run()
    assert not at.exception, at.exception
    assert at.metric  # back to the page
