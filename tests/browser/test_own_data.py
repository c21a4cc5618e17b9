"""A visitor's own occupied-area file and the live data, in a real browser."""

from __future__ import annotations

import json

import pytest

from tests.browser.test_control_map import map_frame
from tests.browser.test_scenarios_page import metric, wait_for_change

pytestmark = pytest.mark.browser
SCRIPT = "<script>alert('x')</script>"
ONERROR = "<img src=x onerror=alert('y')>"


def donetsk_square(properties: dict) -> str:
    ring = [[37.0, 47.8], [38.2, 47.8], [38.2, 48.6], [37.0, 48.6], [37.0, 47.8]]
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": properties,
         "geometry": {"type": "Polygon", "coordinates": [ring]}}]})


def upload(page, path) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stFileUploaderDropzoneInput"]') \
        .set_input_files(path)


def test_an_uploaded_file_replaces_the_bundled_snapshot(offline_page, app_url, tmp_path):
    path = tmp_path / "my_area_2026-02-01.geojson"
    path.write_text(donetsk_square({"date": "2026-02-01"}))
    page = offline_page.page
    page.goto(app_url)
    map_frame(page)
    before = metric(page, "Ukraine held by Russia")
    upload(page, path)
    page.get_by_text("Showing: my_area_2026-02-01.geojson (2026-02-01)").wait_for()
    wait_for_change(lambda: metric(page, "Ukraine held by Russia"), before)
    assert metric(page, "Ukraine held by Russia") == "1.3 %"  # about 7,900 km2
    page.get_by_role("button", name="Back to the bundled snapshots").click()
    wait_for_change(lambda: metric(page, "Ukraine held by Russia"), "1.3 %")
    assert offline_page.blocked == []


def test_script_in_a_files_properties_is_shown_as_text_and_never_runs(offline_page, app_url,
                                                                       tmp_path):
    path = tmp_path / "tricky.geojson"
    path.write_text(donetsk_square({"name": SCRIPT, "note": ONERROR}))
    page = offline_page.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(app_url)
    map_frame(page)
    upload(page, path)
    page.get_by_text("Showing: tricky.geojson").wait_for()
    page.get_by_text("What your file holds").click()
    page.get_by_text(SCRIPT).wait_for()
    assert page.get_by_text(ONERROR).count() == 1
    # Shown as text, neither became an element (an image that fails would run its onerror).
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("script", has_text="alert('x')").count() == 0
    assert dialogs == []


def test_a_bad_file_gets_one_clear_sentence_and_the_app_keeps_working(offline_page, app_url,
                                                                       tmp_path):
    path = tmp_path / "points.geojson"
    path.write_text('{"type": "Point", "coordinates": [37.5, 48.0]}')
    page = offline_page.page
    page.goto(app_url)
    map_frame(page)
    upload(page, path)
    # The sidebar's other alert says how old the data is: the file's is the one naming it.
    message = page.locator('[data-testid="stSidebar"] [data-testid="stAlert"]',
                           has_text="points.geojson")
    message.wait_for()
    assert message.count() == 1
    assert metric(page, "Ukraine held by Russia").endswith("%")


def test_live_data_offline_falls_back_visibly(offline_page, app_url):
    page = offline_page.page
    page.goto(app_url)
    map_frame(page)
    page.get_by_role("button", name="Load the newest from DeepStateMap (online)").click()
    # The server has no internet here: the bundled snapshot stays, and the page says so.
    page.get_by_text("Live data unavailable").or_(page.get_by_text("Showing: DeepStateMap live")) \
        .first.wait_for(timeout=30_000)
    assert metric(page, "Ukraine held by Russia").endswith("%")
