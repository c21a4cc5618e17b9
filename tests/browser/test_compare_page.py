"""The Compare page in a real browser: two synchronised maps, drawn offline."""

import pytest

pytestmark = pytest.mark.browser


def test_compare_draws_both_maps_and_keeps_them_in_step(offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(f"{app_url}/compare?a=donbas&b=mutual:15:15")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    left, right = frame.locator("#map_div"), frame.locator("#map_div2")
    left.locator("path.leaflet-interactive").first.wait_for()
    right.locator("path.leaflet-interactive").first.wait_for()
    shape = right.locator("path.leaflet-interactive").first
    before = shape.get_attribute("d")
    left.locator(".leaflet-control-zoom-in").click()
    # Zooming the left map redraws the right one at the new scale.
    for _ in range(40):
        if shape.get_attribute("d") != before:
            break
        page.wait_for_timeout(250)
    assert shape.get_attribute("d") != before
    page.screenshot(path=artifacts / "compare_1280x800.png")
    assert offline_page.blocked == []
