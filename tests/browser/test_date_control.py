"""The control map's date control in a real browser: a day typed from the keyboard, the
steps to the held days either side, and the map frame drawn again only when its map changes.
"""

from __future__ import annotations

import pytest

from tests.browser.test_control_map import (map_frame, occupied_outline, press_step, type_day,
                                            wait_for_change)

pytestmark = pytest.mark.browser


def headline(page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def test_a_day_typed_and_entered_changes_the_title_and_the_figures(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2026-01-06")
    map_frame(page)
    figure_before = headline(page, "Donetsk Oblast")

    type_day(page, "2024-07-08")
    page.get_by_text("Territorial control in Ukraine, 2024-07-08").wait_for()
    assert wait_for_change(lambda: headline(page, "Donetsk Oblast"), figure_before)
    page.wait_for_function("() => location.search.includes('date=2024-07-08')")


def test_a_day_typed_redraws_the_map_frame(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2026-01-06")
    outline_before = occupied_outline(map_frame(page))
    type_day(page, "2025-03-03")
    page.get_by_text("Territorial control in Ukraine, 2025-03-03").wait_for()
    assert wait_for_change(lambda: occupied_outline(map_frame(page)), outline_before)
    attribution = map_frame(page).locator(".leaflet-control-attribution").inner_text()
    assert "2025-03-03" in attribution


def test_day_after_steps_over_a_day_the_archive_lacks(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2025-11-25")
    map_frame(page)
    press_step(page, "cm_date_forward")
    page.get_by_text("Territorial control in Ukraine, 2025-11-27").wait_for()
    page.wait_for_function("() => location.search.includes('date=2025-11-27')")


def test_day_before_steps_to_the_held_day_before(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2025-11-27")
    map_frame(page)
    press_step(page, "cm_date_back")
    page.get_by_text("Territorial control in Ukraine, 2025-11-25").wait_for()


def test_a_missing_day_names_the_held_days_either_side(offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2026-01-06")
    map_frame(page)
    type_day(page, "2025-11-26")
    message = page.get_by_text("The archive holds no map for 2025-11-26")
    message.wait_for()
    assert "2025-11-25 and 2025-11-27" in message.inner_text()
    page.screenshot(path=artifacts / "control_map_missing_day.png")


def test_a_step_within_one_weeks_map_keeps_the_frame_and_says_which_map_it_is(
        offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2025-06-10")
    frame = map_frame(page)
    page.get_by_text("Map of 2025-06-09, the nearest earlier day").wait_for()
    # A mark left in the frame's page survives only if the frame is not loaded again.
    frame.evaluate("() => { window.atlasSameFrame = true; }")
    press_step(page, "cm_date_forward")
    page.get_by_text("Territorial control in Ukraine, 2025-06-11").wait_for()
    page.get_by_text("the figures and the table are of 2025-06-11").wait_for()
    assert map_frame(page).evaluate("() => window.atlasSameFrame === true")


def test_stepping_onto_a_new_weeks_map_redraws_the_frame(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2025-06-15")
    outline_before = occupied_outline(map_frame(page))
    press_step(page, "cm_date_forward")
    page.get_by_text("Territorial control in Ukraine, 2025-06-16").wait_for()
    assert wait_for_change(lambda: occupied_outline(map_frame(page)), outline_before)
    assert page.get_by_text("the nearest earlier day whose map ships").count() == 0
