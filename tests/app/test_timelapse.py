"""The timelapse section (pages/_timelapse.py) under streamlit.testing, shown by the small
page tests/app/timelapse_page.py as a page calls it: the map page holding every frame, its
caption and the GIF's download, a slide in presenter mode, and a note for an empty period."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGE = str(ROOT / "tests" / "app" / "timelapse_page.py")


def open_section(**query: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=180)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def frame_dates(at: AppTest) -> list[str]:
    """The days of the frames the section's map page holds."""
    (frame,) = at.get("iframe")
    return re.findall(r'\{"date": "(\d{4}-\d\d-\d\d)"', frame.proto.srcdoc)


@pytest.fixture(scope="module")
def winter() -> AppTest:
    return open_section(**{"from": "2026-01-01", "to": "2026-03-01"})


def test_the_section_shows_a_map_page_with_a_frame_per_shipped_day(winter):
    assert winter.subheader[0].value == "Timelapse, 2026-01-01 to 2026-03-01"
    dates = frame_dates(winter)
    assert len(dates) == 12
    assert dates[:3] == ["2026-01-01", "2026-01-05", "2026-01-06"]
    assert dates[-1] == "2026-03-01"


def test_the_caption_says_what_a_frame_is_and_where_it_comes_from(winter):
    caption = next(c.value for c in winter.caption if c.value.startswith("12 frames"))
    assert "nothing is drawn between two frames" in caption
    assert "DeepStateMap (deepstatemap.live)" in caption
    assert "daily series" in caption and "EPSG:3035" in caption
    assert re.search(r"The page holds every frame \(0\.\d MB\)", caption)


def test_the_gif_is_offered_for_download_and_made_only_when_clicked(winter):
    (button,) = [b for b in winter.get("download_button") if "GIF" in b.proto.label]
    assert button.proto.label == "Timelapse for slides (GIF, 1920 × 1080, 12 frames)"
    assert button.proto.deferred_file_id  # made on the click, not with the page


def test_the_player_is_offered_as_one_offline_file_made_only_when_clicked(winter):
    (button,) = [b for b in winter.get("download_button") if "HTML" in b.proto.label]
    assert button.proto.label == "Download the timelapse (interactive HTML)"
    assert button.proto.deferred_file_id
    assert winter.selectbox(key="tl_gif_fps").value == 4


def test_presenter_mode_is_a_slide_with_the_map_filling_the_screen():
    at = open_section(**{"from": "2026-01-01", "to": "2026-03-01", "present": "1"})
    slide = next(m.value for m in at.markdown if "atlas-slide" in m.value)
    assert "Territorial control in Ukraine, 2026-01-01 to 2026-03-01" in slide
    assert "Sources: Occupied areas: DeepStateMap" in slide
    assert not at.subheader
    assert '"presenter": true' in at.get("iframe")[0].proto.srcdoc
    assert len(frame_dates(at)) == 12


def test_a_period_without_a_shipped_map_gets_a_note_not_an_error():
    at = open_section(**{"from": "2020-01-01", "to": "2020-06-01"})
    assert not at.get("iframe")
    assert "No timelapse to show: no map ships from 2020-01-01 to 2020-06-01" in at.info[0].value
