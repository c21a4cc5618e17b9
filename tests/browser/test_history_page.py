"""The History page in a real browser, with every non-local request blocked."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.data.series import load_series
from geo.maps.palette import GAINED_EDGE, OCCUPIED_HATCH
from geo.pace.monthly import load_monthly
from geo.pace.tables import window_figures
from tests.browser.test_control_map import map_frame, press_step, type_day, wait_for_change

pytestmark = pytest.mark.browser

#: 27 units, the occupied area, gained and regained ground.
MAP_PATHS = 30


def occupied_outline(frame) -> str:
    return frame.locator(f'path.leaflet-interactive[stroke="{OCCUPIED_HATCH}"]').first \
        .get_attribute("d")


#: The series' two charts, then the pace's monthly bars of Ukraine and of Donetsk oblast.
CHARTS = 4


def charts_drawn(page) -> None:
    """Wait until every chart has drawn its marks (each is a canvas or an SVG)."""
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.first.wait_for()
    page.locator('[data-testid="stVegaLiteChart"] canvas, '
                 '[data-testid="stVegaLiteChart"] svg').nth(CHARTS - 1).wait_for()


def test_the_history_page_draws_the_map_and_charts_offline(offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(f"{app_url}/history")
    page.get_by_text("Change in control, 2024-07-08 to 2026-10-10").wait_for()
    frame = map_frame(page, minimum_paths=MAP_PATHS)
    assert frame.locator(f'path.leaflet-interactive[stroke="{GAINED_EDGE}"]').count() >= 1
    attribution = frame.locator(".leaflet-control-attribution").inner_text()
    assert attribution.count("DeepStateMap") == 1
    assert "2024-07-08" in attribution and "2026-10-10" in attribution
    # The charts are drawn by the page itself: nothing is fetched for them.
    charts_drawn(page)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == CHARTS
    page.screenshot(path=artifacts / "history_1280x800.png")
    assert offline_page.blocked == []


def test_typing_a_map_day_redraws_the_map_of_that_day(offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(f"{app_url}/history")
    frame = map_frame(page, minimum_paths=MAP_PATHS)
    outline_before = occupied_outline(frame)

    type_day(page, "2026-08-03", label="Map day")
    page.get_by_text("Change in control, 2024-07-08 to 2026-08-03").wait_for()
    assert wait_for_change(lambda: occupied_outline(map_frame(page, minimum_paths=MAP_PATHS)),
                           outline_before)
    frame = map_frame(page, minimum_paths=MAP_PATHS)
    assert "2026-08-03" in frame.locator(".leaflet-control-attribution").inner_text()
    page.screenshot(path=artifacts / "history_2026-08-03.png")


def test_a_map_day_without_its_own_map_is_drawn_on_the_nearest_earlier_one_and_says_so(
        offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/history")
    map_frame(page, minimum_paths=MAP_PATHS)
    type_day(page, "2025-06-15", label="Map day")
    page.get_by_text("Change in control, 2024-07-08 to 2025-06-15").wait_for()
    page.get_by_text("drawn from the maps of 2024-07-08 and 2025-06-09").wait_for()
    map_frame(page, minimum_paths=MAP_PATHS).locator(".leaflet-control-attribution") \
        .filter(has_text="2025-06-09").wait_for()


def test_the_compare_with_buttons_step_to_the_next_held_day(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/history")
    map_frame(page, minimum_paths=MAP_PATHS)
    press_step(page, "hi_since_forward")
    page.get_by_text("Change in control, 2024-07-09 to 2026-10-10").wait_for()


def pace_table(page):
    """The pace section's table of figures (an HTML table: its text is in the page)."""
    return page.locator('[data-testid="stTable"]').filter(has_text="Net a month (km²)")


def pace_cell(page, unit: str, column: int) -> str:
    """The text of ``unit``'s ``column``-th cell (0: the unit) in the pace table."""
    return pace_table(page).locator("tbody tr").filter(has_text=unit).locator("td, th") \
        .nth(column).inner_text()


def expected_per_month(start: dt.date, end: dt.date) -> str:
    """Ukraine's net a month over a window, as the page shows it."""
    figures = window_figures(load_series(), load_monthly(), "UA", start, end)
    return f"{figures.km2_per_month:+,.0f}"


def test_changing_the_pace_window_updates_the_figures(offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(f"{app_url}/history")
    table = pace_table(page)
    table.get_by_text("Gained by Russia, 2025-10 to 2026-09 (km²)").wait_for()
    twelve = expected_per_month(dt.date(2025, 10, 10), dt.date(2026, 10, 10))
    three = expected_per_month(dt.date(2026, 7, 10), dt.date(2026, 10, 10))
    assert twelve != three
    assert pace_cell(page, "Ukraine", 1) == twelve

    page.locator(".st-key-hi_pace_window").get_by_text("Last 3 months").click()
    table.get_by_text("Gained by Russia, 2026-07 to 2026-09 (km²)").wait_for()
    page.get_by_text("between the held days 2026-07-10 and 2026-10-10 (92 days)",
                     exact=False).wait_for()
    assert pace_cell(page, "Ukraine", 1) == three
    table.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "history_pace_3_months.png")
    assert offline_page.blocked == []


def test_two_dates_typed_measure_the_pace_between_them(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/history")
    pace_table(page).wait_for()
    page.locator(".st-key-hi_pace_window").get_by_text("Two dates").click()
    page.get_by_role("spinbutton", name="year, From").wait_for()
    type_day(page, "2025-01-01", label="From")
    type_day(page, "2025-12-31", label="To")
    page.get_by_text("Window: 2025-01-01 to 2025-12-31.", exact=False).wait_for()
    page.get_by_text("2025-01-01 is not held: measured from 2025-01-02", exact=False).wait_for()
    pace_table(page).get_by_text("Gained by Russia, 2025-01 to 2025-12 (km²)").wait_for()
