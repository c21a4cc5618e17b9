"""With every non-local request blocked, no page asks for anything it cannot get."""

import time

import pytest

from tests.browser.test_control_map import map_frame

pytestmark = pytest.mark.browser
MAP_PAGES = ["/", "/scenarios?preset=plan28", "/compare", "/history"]


def wait_until_loaded(page, in_flight: set, timeout_s: float = 60) -> None:
    """Until every frame's document has loaded with all it asked for, and no request the
    page made is still open (a condition, not a quiet period: a busy machine only slows it)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        loaded = []
        for frame in page.frames:
            try:
                loaded.append(frame.evaluate("document.readyState") == "complete")
            except Exception:  # a frame replaced in the meantime: look again
                loaded.append(False)
        if all(loaded) and not in_flight:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still loading after {timeout_s} s: {sorted(r.url for r in in_flight)}")


@pytest.mark.parametrize("path", MAP_PAGES)
def test_no_asset_fails_to_load(offline_page, app_url, path):
    page = offline_page.page
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    # Streamlit itself probes /<page>/_stcore/... on deep links and gets 404: not an asset.
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}")
            if response.status >= 400 and "/_stcore/" not in response.url else None)
    in_flight: set = set()
    page.on("request", lambda request: in_flight.add(request))
    page.on("requestfinished", lambda request: in_flight.discard(request))
    page.on("requestfailed", lambda request: in_flight.discard(request))
    page.goto(f"{app_url}{path}")
    map_frame(page, minimum_paths=4)
    wait_until_loaded(page, in_flight)
    assert offline_page.blocked == []
    assert failed == []
