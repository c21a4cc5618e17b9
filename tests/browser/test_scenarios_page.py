"""The Ceasefire lines page in a real browser: sliders redraw, links reopen the same view."""

from __future__ import annotations

import time

import pytest

from geo.maps.palette import ZONE_COLOR
from tests.browser.test_control_map import download, map_frame

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
    # Survives only if the map's frame is updated in place rather than rebuilt.
    frame.evaluate("window.atlasMarker = 42")

    slider = page.get_by_role("slider", name="Ukraine pulls back (km)")
    slider.focus()
    for _ in range(5):
        slider.press("ArrowRight")
    wait_for_change(lambda: metric(page, "Demilitarised zone"), zone_before)
    wait_for_change(lambda: zone_outline(map_frame(page)), outline_before)
    assert map_frame(page).evaluate("window.atlasMarker") == 42
    # Five key presses may arrive as fewer reruns; the last one settles on 20 km.
    page.wait_for_function("() => /ua_km=20(&|$)/.test(location.search)", timeout=60_000)
    page.screenshot(path=artifacts / "scenario_mutual_20_15.png")
    assert offline_page.blocked == []


def date_box(page):
    return page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]')


def date_field(page):
    """The date field's value as a form would send it (YYYY-MM-DD)."""
    return date_box(page).locator("input[type=date]")


def heading(page) -> str:
    return page.locator("h3").first.inner_text()


def test_a_day_typed_into_the_date_field_redraws_the_map_and_the_figures(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=mutual&ua_km=15&ru_km=15")
    outline_before = zone_outline(map_frame(page, minimum_paths=4))
    line_before = metric(page, "Line(s) to monitor")
    # The field is three segments (year, month, day); typing fills them in turn.
    date_box(page).get_by_role("spinbutton", name="year").focus()
    page.keyboard.type("20240708")
    page.keyboard.press("Enter")
    page.locator("h3", has_text="against 2024-07-08").wait_for()
    wait_for_change(lambda: metric(page, "Line(s) to monitor"), line_before)
    wait_for_change(lambda: zone_outline(map_frame(page, minimum_paths=4)), outline_before)
    page.wait_for_function("() => /date=2024-07-08(&|$)/.test(location.search)")
    assert offline_page.blocked == []


def test_the_day_before_button_steps_to_the_held_day_before(offline_page, app_url):
    page = offline_page.page
    # A Monday, whose map ships; the Sunday before is drawn with the line of the week before.
    page.goto(f"{app_url}/scenarios?date=2025-06-09")
    map_frame(page, minimum_paths=4)
    assert heading(page).endswith("against 2025-06-09")
    page.get_by_role("button", name="◀ Day before").click()
    page.locator("h3", has_text="against 2025-06-02").wait_for()
    assert date_field(page).input_value() == "2025-06-08"
    page.get_by_text("You chose 2025-06-08: the scenario is computed on the line of "
                     "2025-06-02").wait_for()
    page.wait_for_function("() => /date=2025-06-08(&|$)/.test(location.search)")


def test_after_a_change_of_day_a_slider_still_redraws_the_map_in_place(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=mutual&ua_km=15&ru_km=15&date=2025-06-09")
    map_frame(page, minimum_paths=4)
    page.get_by_role("button", name="Day after ▶").click()
    page.get_by_text("You chose 2025-06-10: the scenario is computed on the line of "
                     "2025-06-09").wait_for()
    page.wait_for_function("() => /date=2025-06-10(&|$)/.test(location.search)")
    outline_before = zone_outline(map_frame(page, minimum_paths=4))
    zone_before = metric(page, "Demilitarised zone")
    map_frame(page, minimum_paths=4).evaluate("window.atlasMarker = 42")

    slider = page.get_by_role("slider", name="Russia pulls back (km)")
    slider.focus()
    slider.press("ArrowRight")
    wait_for_change(lambda: metric(page, "Demilitarised zone"), zone_before)
    wait_for_change(lambda: zone_outline(map_frame(page, minimum_paths=4)), outline_before)
    assert map_frame(page, minimum_paths=4).evaluate("window.atlasMarker") == 42
    page.wait_for_function("() => /ru_km=16(&|$)/.test(location.search)")
    assert "date=2025-06-10" in page.url


def test_the_lines_are_labelled_on_the_map_as_it_opens(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=mutual&ua_km=15&ru_km=15")
    frame = map_frame(page)
    labels = frame.locator(".atlas-line-label")
    labels.first.wait_for()
    assert sorted(labels.all_inner_texts())[0].startswith("Zone edge, Russian side:")
    # Until they were placed again once the frame settled, they stayed left of the map.
    frame.wait_for_function("""() => {
        const map = document.querySelector(".leaflet-container").getBoundingClientRect();
        return [...document.querySelectorAll(".atlas-line-label")].every(label => {
            const box = label.getBoundingClientRect();
            return box.left >= map.left && box.right <= map.right;
        });
    }""", timeout=10_000)


def town_tooltip(page, timeout_s: float = 60) -> str:
    """Hover the first town changing side; its tooltip's text. Tried again on the map's
    current frame until it shows: on a busy machine the frame can be replaced as it opens."""
    from playwright.sync_api import Error as PlaywrightError  # a timeout, a detached frame

    deadline = time.monotonic() + timeout_s
    while True:
        frame = map_frame(page, minimum_paths=4)
        try:
            frame.locator('path.leaflet-interactive[stroke="#000000"]').first \
                .hover(force=True, timeout=5_000)
            tooltip = frame.locator(".leaflet-tooltip", has_text="population").first
            tooltip.wait_for(timeout=5_000)
            return tooltip.inner_text()
        except PlaywrightError:
            if time.monotonic() > deadline:
                raise


def test_a_town_changing_side_names_itself_on_hover(offline_page, app_url):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=donbas&date=2026-01-06")
    assert "-> Russian-held" in town_tooltip(page)


def test_a_shared_link_opens_the_same_view_in_a_fresh_browser(browser, app_url, offline_page):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=target&target=UA-14%3D85&date=2026-01-06")
    map_frame(page, minimum_paths=4)
    labels = ["Goes to Russia", "Line(s) to monitor", "People changing side"]
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


def choose_preset(page, title: str) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name=title).click()


def time_to_take_headline(page) -> str:
    """The headline sentence of the "Time to take" block (its first bold line)."""
    block = page.locator(".st-key-time-to-take")
    block.wait_for()
    return block.locator("strong").first.inner_text()


def expected_headlines() -> dict[str, str]:
    """Each preset's 6-month sentence on the newest day, as the library words it, with the
    sidebar's default parameters."""
    from geo.scenario.evaluate import evaluate
    from geo.scenario.presets import scenario_of
    from geo.scenario.proposal_time import evaluation_time, headline_sentence
    from geo.scenario.proposals import in_links

    # scenario_of gives each parameter its registry default, as the sidebar does.
    return {preset: headline_sentence(evaluation_time(evaluate(scenario_of(preset))))
            for preset in in_links()}


def test_every_proposal_shows_its_time_to_take(offline_page, app_url, artifacts):
    from geo.scenario.proposals import PROPOSALS

    expected = expected_headlines()
    page = offline_page.page
    page.goto(f"{app_url}/scenarios")
    map_frame(page, minimum_paths=4)
    for preset, sentence in expected.items():
        if preset != "freeze":
            choose_preset(page, PROPOSALS[preset].title)
        page.locator("h3", has_text=PROPOSALS[preset].title).wait_for()
        wait_for_change(lambda: time_to_take_headline(page) == sentence, False)
        block = page.locator(".st-key-time-to-take")
        assert "not a forecast" in block.inner_text()
        assert block.get_by_text("Published estimates, beside ours at their dates").count()
    page.locator(".st-key-time-to-take").scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "scenario_time_to_take.png")
    assert offline_page.blocked == []


def test_an_uploaded_line_becomes_the_ceasefire_line(offline_page, app_url, tmp_path, artifacts):
    line = tmp_path / "my_line.geojson"
    # North to south through Kharkiv, Dnipropetrovsk and Zaporizhzhia oblasts.
    line.write_text('{"type": "Feature", "properties": {}, "geometry": {"type": "LineString", '
                    '"coordinates": [[36.0, 52.6], [35.8, 48.5], [35.2, 46.6], [35.0, 45.0]]}}')
    page = offline_page.page
    page.goto(f"{app_url}/scenarios")
    map_frame(page, minimum_paths=4)
    choose_preset(page, "Your own line")
    page.get_by_text("No line yet").wait_for()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(line)
    page.get_by_text("Custom line: uploaded file my_line.geojson").wait_for()
    wait_for_change(lambda: metric(page, "Goes to Russia"), "0 km²")
    page.screenshot(path=artifacts / "scenario_custom_upload.png")
    assert offline_page.blocked == []


def test_a_file_that_is_not_a_line_gets_a_clear_message(offline_page, app_url, tmp_path):
    bad = tmp_path / "points.geojson"
    bad.write_text('{"type": "Point", "coordinates": [35.0, 48.0]}')
    page = offline_page.page
    page.goto(f"{app_url}/scenarios")
    map_frame(page, minimum_paths=4)
    choose_preset(page, "Your own line")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(bad)
    page.get_by_text("the file holds no LineString").wait_for()
    assert metric(page, "Goes to Russia") == "0 km²"


def test_the_first_visitor_of_a_new_server_arriving_on_a_deep_link_gets_the_app(
        browser, tmp_path):
    from tests.browser.conftest import running_app

    with running_app(tmp_path / "streamlit.log") as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            page = context.new_page()
            page.goto(f"{url}/scenarios?preset=donbas")
            map_frame(page, minimum_paths=4)
            navigation = page.locator('[data-testid="stSidebarNav"]')
            assert navigation.get_by_text("Control map").is_visible()
            assert navigation.get_by_text("Ceasefire lines").is_visible()
            assert "all of Donbas" in page.locator("h3").first.inner_text()
        finally:
            context.close()


def draw_frame(page, timeout_s: float = 60):
    """The map's frame once its Draw toolbar is there."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.locator(".leaflet-draw-draw-polyline").count():
                    return frame
            except Exception:  # a frame may detach while it is replaced
                pass
        time.sleep(0.25)
    raise AssertionError("no Draw toolbar on the map")


#: Whether the line being drawn has ``n`` vertices and takes the next one: Leaflet.draw
#: ignores a click in the 50 ms after a vertex is placed.
VERTEX_PLACED = """n => {
    const name = Object.keys(window).find(key => key.startsWith("draw_control_"));
    const handler = window[name]._toolbars.draw._modes.polyline.handler;
    return handler._markers.length === n && !handler._disableMarkers;
}"""


def test_a_line_drawn_on_the_map_becomes_the_ceasefire_line(offline_page, app_url, artifacts):
    page = offline_page.page
    page.goto(f"{app_url}/scenarios")
    map_frame(page, minimum_paths=4)
    choose_preset(page, "Your own line")
    frame = draw_frame(page)
    frame.locator(".leaflet-draw-draw-polyline").click()
    box = frame.frame_element().bounding_box()
    # North to south across eastern Ukraine, in fractions of the map's frame.
    for placed, (x, y) in enumerate(((0.62, 0.06), (0.66, 0.5), (0.62, 0.93)), start=1):
        page.mouse.click(box["x"] + box["width"] * x, box["y"] + box["height"] * y)
        frame.wait_for_function(VERTEX_PLACED, arg=placed)
    frame.get_by_role("link", name="Finish").click()
    page.get_by_text("Custom line: line drawn on the map").wait_for()
    wait_for_change(lambda: metric(page, "Goes to Russia"), "0 km²")
    # The line hands Russia ground: the time to take is of that ground.
    wait_for_change(lambda: "hands it in " in time_to_take_headline(page), False)
    assert "At the pace of the last 6 months, Russia would take the ground" in \
        time_to_take_headline(page)
    page.screenshot(path=artifacts / "scenario_custom_drawn.png")
    assert offline_page.blocked == []


def test_the_slide_downloads_as_a_1920_px_png(offline_page, app_url, tmp_path):
    import struct

    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=donbas")
    map_frame(page, minimum_paths=4)
    path = download(page, "Slide (PNG)", tmp_path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    # The newest day by default, named in the file.
    assert width >= 1920 and path.name == "ceasefire-atlas_donbas_2026-10-10.png"


def test_the_geojson_of_a_day_whose_map_is_not_shipped_names_the_day_of_its_line(
        offline_page, app_url, tmp_path):
    import json

    page = offline_page.page
    page.goto(f"{app_url}/scenarios?preset=donbas&date=2025-06-15")
    map_frame(page, minimum_paths=4)
    path = download(page, "Zones and lines (GeoJSON)", tmp_path)
    assert path.name == "ceasefire-atlas_donbas_2025-06-09.geojson"
    assert json.loads(path.read_text())["snapshot_date"] == "2025-06-09"
