"""The timelapse in a real browser, with every non-local request blocked: it plays in place
(the map is never reloaded), pauses, steps from the keyboard, and its GIF downloads.

The section is shown by the small page tests/app/timelapse_page.py, run as an app of its
own (the period comes from the link), with the project's config and static files.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import OfflinePage, running_app
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PAGE = ROOT / "tests" / "app" / "timelapse_page.py"
#: 2026-01-01 to 2026-03-01: 12 shipped days, the first three 2026-01-01, 2026-01-05, 2026-01-06.
PERIOD = "from=2026-01-01&to=2026-03-01"
FIRST, SECOND = "2026-01-01", "2026-01-05"
FRAMES = 12


@contextlib.contextmanager
def running_page(folder: Path):
    """The timelapse page as an app of its own on a free local port; yields its URL.

    Streamlit serves static files from beside the main script: the script is copied into
    ``folder`` beside a link to the project's static/; it runs from the project (its
    .streamlit/config.toml, its modules)."""
    script = folder / "timelapse_app.py"
    shutil.copy(PAGE, script)
    (folder / "static").symlink_to(ROOT / "static", target_is_directory=True)
    with running_app(folder / "streamlit.log", script, {"PYTHONPATH": str(ROOT)}) as url:
        yield url


@pytest.fixture(scope="module")
def page_url(tmp_path_factory) -> str:
    with running_page(tmp_path_factory.mktemp("timelapse")) as url:
        yield url


def _offline(browser, viewport: dict):
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = OfflinePage(context.new_page())
    page.page.set_default_timeout(60_000)
    return context, page


@pytest.fixture
def offline(browser, page_url):
    context, page = _offline(browser, {"width": 1280, "height": 800})
    yield page
    context.close()


@pytest.fixture
def full_hd(browser, page_url):
    context, page = _offline(browser, {"width": 1920, "height": 1080})
    yield page
    context.close()


def player(page, timeout_ms: int = 60_000):
    """The frame holding the timelapse, once its player has started."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('iframe')].some(
                 f => f.contentWindow && f.contentWindow.atlasTimelapse)""",
        timeout=timeout_ms)
    for frame in page.frames:
        if frame.evaluate("() => Boolean(window.atlasTimelapse)"):
            return frame
    raise AssertionError("no timelapse player in the page")


def shown_date(frame) -> str:
    return frame.locator(".tl-counter .tl-date").inner_text()


def wait_for_date_other_than(frame, date: str) -> str:
    frame.wait_for_function(
        "date => document.querySelector('.tl-counter .tl-date').textContent !== date", arg=date)
    return shown_date(frame)


def still_after_frames(frame, frames: int) -> bool:
    """Whether the date shown stays the same for ``frames`` frame times of the chosen speed
    (what "paused" means: no step is taken although steps were due)."""
    return frame.evaluate("""frames => new Promise(resolve => {
        const date = () => document.querySelector('.tl-counter .tl-date').textContent;
        const before = date();
        const speed = Number(document.querySelector('.tl-speed').value);
        setTimeout(() => resolve(date() === before), frames * 1000 / speed);
    })""", frames)


def test_the_timelapse_plays_in_place_and_stops_when_paused(offline, page_url):
    page = offline.page
    page.goto(f"{page_url}/?{PERIOD}")
    frame = player(page)
    assert shown_date(frame) == FIRST
    assert frame.evaluate("() => window.atlasTimelapse.frames") == FRAMES
    # Marks on the map object and on the window: a reloaded page would have neither.
    frame.evaluate("() => { window.atlasTimelapse.map._testMark = 'kept'; }")
    paths = frame.locator(".leaflet-overlay-pane path").count()
    frame.locator(".tl-speed").select_option("8")

    frame.get_by_role("button", name="Play").click()
    assert wait_for_date_other_than(frame, FIRST) == SECOND
    later = wait_for_date_other_than(frame, SECOND)
    assert later > SECOND
    frame.get_by_role("button", name="Pause").click()
    paused_at = shown_date(frame)
    assert still_after_frames(frame, 4)
    assert shown_date(frame) == paused_at

    assert frame.evaluate("() => window.atlasTimelapse.map._testMark") == "kept"
    # The same paths, their data swapped: no layer added per frame.
    assert frame.locator(".leaflet-overlay-pane path").count() == paths
    assert offline.blocked == []


def test_the_keyboard_steps_one_frame_and_plays(offline, page_url):
    page = offline.page
    page.goto(f"{page_url}/?{PERIOD}")
    frame = player(page)
    frame.locator(".tl-counter").click()  # focus the map's frame, as a reader would

    page.keyboard.press("ArrowRight")
    assert shown_date(frame) == SECOND
    assert frame.evaluate("() => window.atlasTimelapse.index") == 1
    page.keyboard.press("ArrowLeft")
    assert shown_date(frame) == FIRST
    page.keyboard.press("ArrowLeft")  # the first frame stays the first
    assert shown_date(frame) == FIRST

    page.keyboard.press(" ")
    assert frame.evaluate("() => window.atlasTimelapse.playing")
    wait_for_date_other_than(frame, FIRST)
    page.keyboard.press(" ")
    assert not frame.evaluate("() => window.atlasTimelapse.playing")
    assert frame.get_by_role("button", name="Play").is_visible()


def test_the_slider_shows_the_last_frame_and_play_starts_again(offline, page_url):
    page = offline.page
    page.goto(f"{page_url}/?{PERIOD}")
    frame = player(page)
    slider = frame.get_by_role("slider", name="Frame")
    slider.focus()
    page.keyboard.press("End")
    assert shown_date(frame) == "2026-03-01"
    assert frame.locator(".tl-frame").inner_text().startswith(f"Frame {FRAMES} of {FRAMES}")
    frame.get_by_role("button", name="Play").click()  # from the end, it starts again
    assert wait_for_date_other_than(frame, "2026-03-01") in (FIRST, SECOND)


def test_the_whole_range_at_1280x800(offline, page_url, artifacts):
    page = offline.page
    page.goto(f"{page_url}/?from=2024-07-08&to=2026-10-10")
    frame = player(page, timeout_ms=120_000)
    assert frame.evaluate("() => window.atlasTimelapse.frames") == 137
    assert "DeepStateMap" in frame.locator(".leaflet-control-attribution").inner_text()
    assert "2024-07-08" in frame.locator(".leaflet-control-attribution").inner_text()
    frame.evaluate("() => window.atlasTimelapse.show(70)")
    page.screenshot(path=artifacts / "timelapse_1280x800.png")
    assert offline.blocked == []


def test_presenter_mode_fills_a_slide_in_large_type_and_keys_work_anywhere(full_hd, page_url,
                                                                         artifacts):
    page = full_hd.page
    page.goto(f"{page_url}/?{PERIOD}&present=1")
    frame = player(page)
    size = frame.locator(".tl-counter .tl-date").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 40
    box = page.locator(".st-key-atlas-map iframe").bounding_box()
    assert box["height"] >= 0.8 * 1080
    page.locator(".atlas-slide h1").click()  # the focus outside the map's frame
    page.keyboard.press("ArrowRight")
    assert shown_date(frame) == SECOND
    page.screenshot(path=artifacts / "timelapse_presenter_1920x1080.png")
    assert full_hd.blocked == []


def test_the_section_at_1920x1080(full_hd, page_url, artifacts):
    page = full_hd.page
    page.goto(f"{page_url}/?{PERIOD}")
    player(page)
    page.screenshot(path=artifacts / "timelapse_1920x1080.png", full_page=True)


def test_the_gif_is_made_on_the_click(offline, page_url, tmp_path):
    page = offline.page
    page.goto(f"{page_url}/?from=2026-09-01&to=2026-10-10")
    player(page)
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="Timelapse for slides").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "ceasefire-atlas_timelapse_2026-09-01_2026-10-10.gif"
    from PIL import Image

    with Image.open(path) as gif:
        assert (gif.size, gif.n_frames) == ((1920, 1080), 4)


def test_the_player_downloads_as_one_file_that_plays_from_disk_with_no_network(
        offline, page_url, browser, tmp_path):
    from geo.maps.standalone import ENGLISH, SIZE_BUDGET_BYTES
    from tests.browser.test_control_map import download
    from tests.browser.test_standalone_map import FromDisk

    page = offline.page
    page.goto(f"{page_url}/?{PERIOD}")
    player(page)
    path = download(page, ENGLISH.timelapse_button, tmp_path)
    assert path.name == f"ceasefire-atlas_timelapse_{FIRST}_2026-03-01.html"
    assert path.stat().st_size <= SIZE_BUDGET_BYTES
    disk = FromDisk(browser)
    try:
        disk.page.goto(path.as_uri())
        disk.page.locator(".leaflet-overlay-pane path").first.wait_for()
        assert disk.page.evaluate("() => window.atlasTimelapse.frames") == FRAMES
        assert shown_date(disk.page) == FIRST
        disk.page.locator(".tl-counter").click()
        disk.page.keyboard.press("ArrowRight")
        assert shown_date(disk.page) == SECOND
        assert disk.asked == []
    finally:
        disk.context.close()


def test_the_player_and_its_page_pass_the_accessibility_audit(offline, page_url):
    from tests.browser.test_accessibility import AXE, audit

    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run scripts/setup.sh test (it fetches axe-core)")
    axe_source = AXE.read_text(encoding="utf-8")
    page = offline.page
    page.goto(f"{page_url}/?{PERIOD}")
    frame = player(page)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for()
    assert audit(frame, axe_source) == []
    assert audit(page.main_frame, axe_source) == []
