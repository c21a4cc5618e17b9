"""The History page in a real browser, with every non-local request blocked."""

from __future__ import annotations

import time

import pytest

from geo.history_layers import GAINED_EDGE
from geo.layers import OCCUPIED_HATCH
from tests.browser.test_control_map import map_frame

pytestmark = pytest.mark.browser

#: 27 units, the occupied area, gained and regained ground.
MAP_PATHS = 30


def occupied_outline(frame) -> str:
    return frame.locator(f'path.leaflet-interactive[stroke="{OCCUPIED_HATCH}"]').first \
        .get_attribute("d")


def test_the_history_page_draws_the_map_and_charts_and_follows_the_date_slider(
        offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(f"{app_url}/history")
    page.get_by_text("Change in control, 2024-07-08 to 2026-08-22").wait_for()
    frame = map_frame(page, minimum_paths=MAP_PATHS)
    assert frame.locator(f'path.leaflet-interactive[stroke="{GAINED_EDGE}"]').count() >= 1
    attribution = frame.locator(".leaflet-control-attribution").inner_text()
    assert attribution.count("DeepStateMap") == 1
    assert "2024-07-08" in attribution and "2026-08-22" in attribution
    # The charts are drawn by the page itself: nothing is fetched for them.
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.first.wait_for()
    assert charts.count() == 2
    assert page.locator('[data-testid="stVegaLiteChart"] canvas, '
                        '[data-testid="stVegaLiteChart"] svg').count() >= 2
    page.wait_for_timeout(1000)
    page.screenshot(path=artifacts / "history_1280x800.png")
    outline_before = occupied_outline(frame)

    slider = page.locator(
        '[data-testid="stSidebar"] [data-testid="stSlider"] input[type=range]').first
    slider.focus()
    slider.press("ArrowLeft")
    page.get_by_text("Change in control, 2024-07-08 to 2026-08-01").wait_for()
    deadline = time.monotonic() + 30
    while occupied_outline(map_frame(page, minimum_paths=MAP_PATHS)) == outline_before \
            and time.monotonic() < deadline:
        time.sleep(0.25)
    frame = map_frame(page, minimum_paths=MAP_PATHS)
    assert occupied_outline(frame) != outline_before
    assert "2026-08-01" in frame.locator(".leaflet-control-attribution").inner_text()
    page.wait_for_timeout(1000)
    page.screenshot(path=artifacts / "history_2026-08-01.png")
    assert offline_page.blocked == []
