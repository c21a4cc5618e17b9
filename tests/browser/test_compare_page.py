"""The Compare page in a real browser: two synchronised maps, drawn offline."""

import pytest
from playwright.sync_api import expect

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
    expect(shape).not_to_have_attribute("d", before, timeout=10_000)
    page.screenshot(path=artifacts / "compare_1280x800.png")
    assert offline_page.blocked == []


def test_a_compare_link_with_a_date_opens_that_day_on_both_maps(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/compare?a=donbas&b=mutual:15:15&date=2025-06-15")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    for side in ("#map_div", "#map_div2"):
        frame.locator(side).locator("path.leaflet-interactive").first.wait_for()
    page.get_by_text("You chose 2025-06-15: both scenarios are computed on the line of "
                     "2025-06-09").wait_for()
    assert page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"] input[type=date]') \
        .input_value() == "2025-06-15"
    assert "date=2025-06-15" in page.url
    assert offline_page.blocked == []


def test_the_two_edges_of_a_zone_are_labelled_apart(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/compare?a=donbas&b=mutual:15:15")
    right = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator("#map_div2")
    edges = [right.locator(".atlas-line-label", has_text=f"Zone edge, {side} side")
             for side in ("Ukrainian", "Russian")]
    for edge in edges:
        edge.wait_for()
    ukrainian, russian = (edge.bounding_box() for edge in edges)
    # Side by side on a half-width map, the labels once covered each other.
    assert ukrainian["y"] + ukrainian["height"] <= russian["y"]
