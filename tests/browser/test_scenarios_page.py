"""The Ceasefire lines page in a real browser: sliders redraw, links reopen the same view."""

from __future__ import annotations

import re
import time

import pytest

from geo.scenario_layers import ZONE_COLOR
from tests.browser.test_control_map import map_frame

pytestmark = pytest.mark.browser


def metric(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    return box.locator('[data-testid="stMetricValue"]').inner_text()


def zone_outline(frame) -> str:
    return frame.locator(f'path.leaflet-interactive[stroke="{ZONE_COLOR}"]').first \
        .get_attribute("d")


def wait_for_change(read, before, timeout_s=60):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        now = read()
        if now != before:
            return now
        time.sleep(0.25)
    raise AssertionError(f"still {before!r} after {timeout_s} s")


def test_moving_a_slider_redraws_the_zone_and_the_figures(offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=mutual&ua_km=15&ru_km=15")
    frame = map_frame(page)
    outline_before = zone_outline(frame)
    zone_before = metric(page, "Demilitarised zone")

    slider = page.get_by_role("slider", name="Ukraine pulls back (km)")
    slider.focus()
    for _ in range(5):
        slider.press("ArrowRight")
    wait_for_change(lambda: metric(page, "Demilitarised zone"), zone_before)
    wait_for_change(lambda: zone_outline(map_frame(page)), outline_before)
    assert re.search(r"ua_km=20\b", page.url)
    page.screenshot(path=artifacts / "scenario_mutual_20_15.png")
    assert offline_page.blocked == []


def test_a_shared_link_opens_the_same_view_in_a_fresh_browser(browser, app_url, offline_page):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=target&target=UA-14%3D85&date=2026-01-06")
    map_frame(page, minimum_paths=4)
    labels = ["Goes to Russia", "Line(s) to monitor", "People in towns changing side"]
    figures = {label: metric(page, label) for label in labels}
    link = page.url

    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        fresh = context.new_page()
        fresh.goto(link)
        map_frame(fresh, minimum_paths=4)
        assert {label: metric(fresh, label) for label in labels} == figures
        assert "against 2026-01-06" in fresh.locator("h3").first.inner_text()
    finally:
        context.close()
