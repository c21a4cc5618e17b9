"""With every non-local request blocked, no page asks for anything it cannot get."""

import pytest

from tests.browser.test_control_map import map_frame

pytestmark = pytest.mark.browser
MAP_PAGES = ["/", "/scenarios?preset=plan28", "/compare", "/history"]


@pytest.mark.parametrize("path", MAP_PAGES)
def test_no_asset_fails_to_load(offline_page, app_url, path):
    page = offline_page.page
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    # Streamlit itself probes /<page>/_stcore/... on deep links and gets 404: not an asset.
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}")
            if response.status >= 400 and "/_stcore/" not in response.url else None)
    page.goto(f"{app_url}{path}")
    map_frame(page, minimum_paths=4)
    page.wait_for_load_state("networkidle")
    assert offline_page.blocked == []
    assert failed == []
