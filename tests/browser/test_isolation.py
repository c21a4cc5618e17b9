"""Two visitors at once: one's uploaded line never reaches the other."""

import pytest

from tests.browser.conftest import OfflinePage
from tests.browser.test_control_map import map_frame
from tests.browser.test_scenarios_page import choose_preset

pytestmark = pytest.mark.browser


def test_an_upload_in_one_session_is_not_seen_in_another(browser, app_url, tmp_path):
    line = tmp_path / "private_line.geojson"
    line.write_text('{"type": "LineString", "coordinates": '
                    '[[36.0, 52.6], [35.8, 48.5], [35.2, 46.6], [35.0, 45.0]]}')
    contexts = [browser.new_context(viewport={"width": 1280, "height": 800}) for _ in range(2)]
    try:
        first, second = (OfflinePage(c.new_page()).page for c in contexts)
        for page in (first, second):
            page.set_default_timeout(60_000)
            page.goto(f"{app_url}/scenarios")
            map_frame(page, minimum_paths=4)
            choose_preset(page, "Your own line")
        first.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(line)
        first.get_by_text("Custom line: uploaded file private_line.geojson").wait_for()

        second.reload()
        map_frame(second, minimum_paths=4)
        choose_preset(second, "Your own line")
        second.get_by_text("No line yet").wait_for()
        assert second.get_by_text("private_line.geojson").count() == 0
    finally:
        for context in contexts:
            context.close()
