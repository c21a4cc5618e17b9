"""The control map's day under streamlit.testing: which day a link opens, where its figures
and its map come from, what is said when they differ, and how old the data is.

The clock is fixed to 2026-12-01 (tests/conftest.py), so the newest day, 2026-10-10, is 52
days old."""

import datetime as dt

import pytest

from geo.data.series import load_series
from tests.app.running import open_page

PAGE = "pages/control_map.py"
NEWEST = dt.date(2026, 10, 10)


@pytest.fixture(scope="module")
def series():
    return load_series()


def title(at) -> str:
    return next(md.value for md in at.markdown if md.value.startswith("### "))


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def map_page(at) -> str:
    return at.get("iframe")[0].proto.srcdoc


def figures_of(series, day: dt.date):
    return series[series["date"] == day].set_index("iso_3166_2")


@pytest.fixture(scope="module")
def mid_june():
    return open_page(PAGE, date="2025-06-15")


def test_a_link_opens_the_day_it_names(mid_june):
    assert title(mid_june) == "### Territorial control in Ukraine, 2025-06-15"
    assert mid_june.date_input(key="cm_date").value == dt.date(2025, 6, 15)


def test_the_figures_are_the_days_own_from_the_daily_series(mid_june, series):
    own = figures_of(series, dt.date(2025, 6, 15))
    assert metric(mid_june, "Ukraine held by Russia") == f"{own.loc['UA', 'occupied_pct']:.1f} %"
    assert metric(mid_june, "Donetsk Oblast") == f"{own.loc['UA-14', 'occupied_pct']:.1f} %"
    table = mid_june.dataframe[0].value.set_index("iso_3166_2")
    assert table["occupied_km2"].to_dict() == pytest.approx(own["occupied_km2"].to_dict())


def test_a_day_whose_map_is_not_shipped_is_drawn_on_the_nearest_earlier_map_and_says_so(
        mid_june):
    # 2025-06-15 is a Sunday: the map shipped for its week is Monday's.
    note = next(c.value for c in mid_june.main.caption if "Map of" in c.value)
    assert "Map of 2025-06-09, the nearest earlier day whose map ships" in note
    assert "the figures and the table are of 2025-06-15" in note
    assert "2025-06-09" in map_page(mid_june)


def test_the_line_of_contact_names_the_maps_day(mid_june):
    assert any("2025-06-09 (the map's day)" in c.value for c in mid_june.caption)


def test_a_day_whose_map_is_shipped_needs_no_note():
    at = open_page(PAGE, date="2025-06-09")
    assert not any("Map of" in c.value for c in at.main.caption)
    assert title(at) == "### Territorial control in Ukraine, 2025-06-09"


def test_an_old_monthly_link_still_opens_its_day():
    at = open_page(PAGE, date="2025-04-02")
    assert title(at) == "### Territorial control in Ukraine, 2025-04-02"
    assert not any("Link parameter ignored" in w.value for w in at.warning)


@pytest.fixture(scope="module")
def missing_day():
    return open_page(PAGE, date="2025-11-26")


def test_a_day_the_archive_lacks_says_so_and_names_the_held_days_either_side(missing_day):
    message = next(i.value for i in missing_day.info if "holds no map" in i.value)
    assert "2025-11-26" in message
    assert "2025-11-25" in message and "2025-11-27" in message


def test_a_day_the_archive_lacks_shows_the_held_day_before_it(missing_day):
    assert title(missing_day) == "### Territorial control in Ukraine, 2025-11-25"


def test_the_day_after_button_steps_over_the_missing_day():
    at = open_page(PAGE, date="2025-11-25")
    at.button(key="cm_date_forward").click().run()
    assert not at.exception
    assert at.date_input(key="cm_date").value == dt.date(2025, 11, 27)
    assert title(at) == "### Territorial control in Ukraine, 2025-11-27"


def test_the_day_before_button_steps_to_the_held_day_before():
    at = open_page(PAGE, date="2025-11-27")
    at.button(key="cm_date_back").click().run()
    assert at.date_input(key="cm_date").value == dt.date(2025, 11, 25)


def test_there_is_no_day_before_the_first():
    at = open_page(PAGE, date="2024-07-08")
    assert at.button(key="cm_date_back").disabled
    assert not at.button(key="cm_date_forward").disabled


@pytest.mark.parametrize("text", ["2025-13-45", "yesterday", "2020-01-01"])
def test_a_malformed_or_too_early_date_warns_and_opens_the_newest_day(text):
    at = open_page(PAGE, date=text)
    assert any("Link parameter ignored" in w.value and text in w.value for w in at.warning)
    assert title(at) == f"### Territorial control in Ukraine, {NEWEST}"


def test_a_day_after_the_newest_opens_the_newest_and_says_so():
    at = open_page(PAGE, date="2027-01-01")
    assert any("newest day held is 2026-10-10" in w.value for w in at.warning)
    assert title(at) == f"### Territorial control in Ukraine, {NEWEST}"


def test_the_link_keeps_the_day_asked_for(missing_day):
    assert missing_day.query_params["date"] == "2025-11-26"


@pytest.fixture(scope="module")
def newest():
    return open_page(PAGE)


def test_data_older_than_two_weeks_is_flagged_with_its_day_and_age(newest):
    assert any(w.value.startswith("Data: DeepStateMap, 2026-10-10, 52 days ago: newer days "
                                  "are not loaded here") for w in newest.sidebar.warning)


def slide(at) -> str:
    return next(md.value for md in at.markdown if "atlas-slide" in md.value)


def test_a_slide_carries_the_age_of_its_data_in_its_source_line():
    assert "Sources: DeepStateMap, 2026-10-10, 52 days ago; Natural Earth" in \
        slide(open_page(PAGE, present="1"))


def test_a_slide_of_an_older_day_names_its_age_and_the_map_drawn():
    shown = slide(open_page(PAGE, present="1", date="2025-06-15"))
    assert "Territorial control in Ukraine, 2025-06-15" in shown
    assert "Sources: DeepStateMap, 2025-06-15, 534 days ago (map of 2025-06-09)" in shown


def test_fresh_data_gets_a_plain_age_line_and_no_warning(monkeypatch):
    monkeypatch.setenv("ATLAS_TODAY", "2026-10-15")
    at = open_page(PAGE)
    assert any(c.value == "Data: DeepStateMap, 2026-10-10, 5 days ago" for c in at.sidebar.caption)
    assert not any("Not updated" in w.value for w in at.sidebar.warning)
