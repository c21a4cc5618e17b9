"""The control map in a real browser, with every non-local request blocked."""

from __future__ import annotations

import time

import pytest

from geo.maps.palette import OCCUPIED_HATCH, SHARE_CLASSES

pytestmark = pytest.mark.browser

UNIT_FILLS = {color for _, color, _ in SHARE_CLASSES}


def map_frame(page, minimum_paths: int = 29, timeout_s: float = 60):
    """The iframe holding the Leaflet map, once it has drawn ``minimum_paths`` shapes."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.locator("path.leaflet-interactive").count() >= minimum_paths:
                    return frame
            except Exception:  # a frame may detach while it is replaced
                pass
        time.sleep(0.25)
    raise AssertionError(f"no map with {minimum_paths} shapes within {timeout_s} s")


def unit_shapes(frame) -> int:
    fills = frame.locator("path.leaflet-interactive").evaluate_all(
        "paths => paths.map(p => p.getAttribute('fill'))")
    return sum(fill in UNIT_FILLS for fill in fills)


def occupied_outline(frame) -> str:
    return frame.locator(f'path.leaflet-interactive[stroke="{OCCUPIED_HATCH}"]').first \
        .get_attribute("d")


def test_the_map_draws_all_27_units_with_no_internet(offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(app_url)
    frame = map_frame(page)
    assert unit_shapes(frame) == 27
    assert frame.locator(".leaflet-control-attribution").inner_text().count("DeepStateMap") == 1
    page.screenshot(path=artifacts / "control_map_1280x800.png")
    assert offline_page.blocked == []


def type_day(page, day: str, label: str = "Day") -> None:
    """Type ``day`` (YYYY-MM-DD) into the sidebar's date field ``label`` from the keyboard,
    as a reader would, and press Enter."""
    page.get_by_role("spinbutton", name=f"year, {label}").focus()
    page.keyboard.type(day.replace("-", ""))
    page.keyboard.press("Enter")


def press_step(page, key: str) -> None:
    """Click the date control's step button of widget key ``key`` (e.g. cm_date_forward);
    Streamlit draws a button with help twice, one of them hidden: the visible one."""
    page.locator(f".st-key-{key}").get_by_role("button").click()


def wait_for_change(read, before, timeout_s: float = 30) -> bool:
    """Whether ``read()`` gives something other than ``before`` within ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while read() == before:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)
    return True


def first_date_drawn(page, outline_before: str, timeout_s: float = 30) -> bool:
    """Type the first held day into the date field; whether the map then drew another
    occupied area than ``outline_before`` within ``timeout_s``."""
    type_day(page, "2024-07-08")
    page.get_by_text("Territorial control in Ukraine, 2024-07-08").wait_for()
    return wait_for_change(lambda: occupied_outline(map_frame(page)), outline_before, timeout_s)


def test_changing_the_date_redraws_the_map_and_the_table(offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(app_url)
    frame = map_frame(page)
    outline_before = occupied_outline(frame)
    table = page.locator('[data-testid="stDataFrame"]')
    table.scroll_into_view_if_needed()
    table_before = table.screenshot()

    assert first_date_drawn(page, outline_before)
    table.scroll_into_view_if_needed()
    assert wait_for_change(table.screenshot, table_before)
    page.screenshot(path=artifacts / "control_map_2024-07-08.png", full_page=True)


def test_the_exports_are_of_the_newest_day_by_default(offline_page, app_url, tmp_path):
    page = offline_page.page
    page.goto(app_url)
    map_frame(page)
    assert download(page, "Shares by unit (CSV)", tmp_path).name == \
        "ceasefire-atlas_control_2026-10-10.csv"


def download(page, button_name: str, folder):
    """Click the download button named ``button_name``; the saved file's path.

    Clicked only once the script has finished: a file made on click (``data`` a callable)
    belongs to the run that drew the button, and a click during a later run can be lost."""
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for()
    button = page.get_by_role("button", name=button_name)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=120_000) as download:
        button.click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_the_occupied_area_downloads_as_geojson(offline_page, app_url, tmp_path):
    import json

    page = offline_page.page
    page.goto(f"{app_url}/?date=2026-01-06")
    map_frame(page)
    path = download(page, "Occupied area and line of contact (GeoJSON)", tmp_path)
    document = json.loads(path.read_text())
    kinds = {feature["properties"].get("kind") for feature in document["features"]}
    assert kinds == {"russian-held", "ukrainian-held", "ceasefire"}


def test_hovering_a_unit_shows_its_figures_and_sources_and_outlines_it(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2026-01-06")
    frame = map_frame(page)
    # Kramatorsk, in the part of Donetsk Oblast Ukraine held on that date (outside the hatch).
    x, y = frame.evaluate("""() => {
        const map = Object.values(window).find((v) => v instanceof L.Map);
        const point = map.latLngToContainerPoint([48.72, 37.56]);
        return [point.x, point.y];
    }""")
    frame.locator(".leaflet-container").first.hover(position={"x": x, "y": y})
    tooltip = frame.locator(".leaflet-tooltip.atlas-unit-tip")
    tooltip.wait_for()
    text = tooltip.inner_text()
    assert "Donetsk Oblast" in text and "Донецька область" in text
    assert "Computed from DeepStateMap, 2026-01-06" in text
    assert "(BBC News, 2026-01-06)" in text
    assert frame.locator('path.leaflet-interactive[stroke="#000000"][stroke-width="3"]').count() == 1


def map_zoom(frame) -> float:
    return frame.evaluate("() => Object.values(window).find((v) => v instanceof L.Map).getZoom()")


def test_the_readers_zoom_is_kept_when_the_date_changes(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/?date=2026-01-06")
    frame = map_frame(page)
    opening_zoom = map_zoom(frame)
    frame.locator(".leaflet-control-zoom-in").click()
    deadline = time.monotonic() + 10
    while map_zoom(frame) == opening_zoom and time.monotonic() < deadline:
        time.sleep(0.1)
    zoomed = map_zoom(frame)
    assert zoomed == opening_zoom + 1
    outline_before = occupied_outline(frame)

    assert first_date_drawn(page, outline_before)
    assert map_zoom(map_frame(page)) == zoomed


def test_a_visitor_sees_no_developer_toolbar(offline_page, app_url):
    page = offline_page.page
    page.goto(app_url)
    map_frame(page)
    page.get_by_text("Data: DeepStateMap").first.wait_for()
    assert page.get_by_role("button", name="Deploy").count() == 0
