"""Presenter mode in a real browser at 1920x1080: a slide, a deck, the keyboard."""

from __future__ import annotations

import pytest

from tests.browser.test_control_map import map_frame
from tests.browser.test_scenarios_page import wait_for_change

pytestmark = pytest.mark.browser
FULL_HD = {"width": 1920, "height": 1080}


@pytest.fixture
def slide_page(browser):
    context = browser.new_context(viewport=FULL_HD)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


SCENARIO_MAP = 'iframe[title="streamlit_folium.st_folium"]'
CONTROL_MAP = ".st-key-atlas-map iframe"


def map_share_of_viewport(page, frame: str = SCENARIO_MAP) -> float:
    box = page.locator(frame).bounding_box()
    visible_height = min(box["y"] + box["height"], FULL_HD["height"]) - max(box["y"], 0)
    return box["width"] * visible_height / (FULL_HD["width"] * FULL_HD["height"])


def title(page) -> str:
    return page.locator(".atlas-slide h1").inner_text()


def test_presenter_mode_turns_the_view_into_a_slide(slide_page, app_url, artifacts):
    slide_page.goto(f"{app_url}/scenarios?present=1&preset=mutual&ua_km=15&ru_km=15")
    map_frame(slide_page, minimum_paths=4)
    assert not slide_page.locator('[data-testid="stSidebar"]').is_visible()
    assert map_share_of_viewport(slide_page) >= 0.85
    for selector in (".atlas-slide h1", ".atlas-slide p", ".atlas-slide-line p"):
        size = slide_page.locator(selector).first.evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 20, selector
    subtitle = slide_page.locator(".atlas-slide p").first.inner_text()
    # The sidebar, which says how old the data is, is hidden: the slide says it.
    assert "Sources: DeepStateMap, 2026-10-10, 52 days ago" in subtitle
    slide_page.screenshot(path=artifacts / "presenter_1920x1080.png")


def test_a_slide_has_the_time_to_take_in_a_line_of_its_own(slide_page, app_url):
    slide_page.goto(f"{app_url}/scenarios?present=1&preset=donbas")
    map_frame(slide_page, minimum_paths=4)
    line = slide_page.locator(".atlas-slide-line p")
    assert line.inner_text().startswith("Time to take at the 6-month pace: about ")
    assert "not a forecast" in line.inner_text()
    size = line.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 20
    # Whole: not cut short with an ellipsis.
    assert line.evaluate("e => e.scrollWidth <= e.clientWidth")
    # The map still fills the rest of the screen, and the page does not scroll.
    assert map_share_of_viewport(slide_page) >= 0.85
    assert slide_page.evaluate("() => document.scrollingElement.scrollHeight") <= \
        FULL_HD["height"] + 2


def test_the_control_map_can_be_presented_too(slide_page, app_url, artifacts):
    slide_page.goto(f"{app_url}/?present=1&date=2026-01-06")
    map_frame(slide_page)
    assert "2026-01-06" in title(slide_page)
    assert map_share_of_viewport(slide_page, CONTROL_MAP) >= 0.85
    slide_page.screenshot(path=artifacts / "presenter_control_map_1920x1080.png")


def test_the_arrow_keys_step_through_the_deck_and_each_step_has_its_url(slide_page, app_url):
    slide_page.goto(f"{app_url}/scenarios?present=1&deck=freeze,donbas,mutual:15:15&step=0")
    map_frame(slide_page, minimum_paths=4)
    assert "Freeze" in title(slide_page)
    paths_before = map_frame(slide_page, minimum_paths=4).locator("path").count()

    slide_page.locator("body").press("ArrowRight")
    slide_page.get_by_text("Russia's demand: all of Donbas").first.wait_for()
    assert "all of Donbas" in title(slide_page)
    assert "step=1" in slide_page.url and "preset=donbas" in slide_page.url
    wait_for_change(lambda: map_frame(slide_page, minimum_paths=4).locator("path").count(),
                    paths_before)

    slide_page.locator("body").press("ArrowRight")
    slide_page.get_by_text("Mutual pull-back (Ukraine's offer)").first.wait_for()
    assert "step=2" in slide_page.url
    slide_page.locator("body").press("ArrowLeft")
    slide_page.get_by_text("Russia's demand: all of Donbas").first.wait_for()


def test_escape_leaves_presenter_mode(slide_page, app_url):
    slide_page.goto(f"{app_url}/scenarios?present=1")
    map_frame(slide_page, minimum_paths=4)
    slide_page.locator("body").press("Escape")
    slide_page.locator('[data-testid="stSidebar"]').wait_for(state="visible")
    assert "present=1" not in slide_page.url
