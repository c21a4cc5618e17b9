"""Data files ``python -m geo update`` wrote, damaged since: every page says so in one
sentence and shows nothing drawn from them."""

import pytest

import pages._checked_files
from geo.atomic import write_text
from geo.update.record import file_digest, remember
from tests.app.running import open_page

SERIES = "daily_control.csv"


@pytest.fixture
def updated(tmp_path, monkeypatch):
    """A data folder whose series an update wrote, as the app's."""
    folder = tmp_path / "data"
    write_text(folder / SERIES, "date,iso_3166_2,occupied_km2,occupied_pct\n"
                                "2026-12-01,UA,117000.00,19.3800\n")
    remember(folder, {SERIES: [file_digest(folder / SERIES)]})
    monkeypatch.setattr(pages._checked_files, "DATA_DIR", folder)
    return folder


def test_a_whole_update_shows_the_page(updated):
    at = open_page("pages/method.py")
    assert [e.value for e in at.error] == []
    assert at.markdown  # the page itself


def test_a_damaged_series_stops_every_page_with_one_sentence(updated):
    with open(updated / SERIES, "r+b") as handle:
        handle.truncate(30)
    at = open_page("pages/control_map.py")
    assert [e.value for e in at.error] == [
        "data/daily_control.csv is not as `python -m geo update` wrote it (cut short or "
        "changed since), so no page is shown: restore data/ (`git checkout data/`, then "
        "`git clean -f data/control`) and run `python -m geo update` again, or, if the change "
        "was yours, delete .cache/update/data.json."]
    assert not at.get("iframe")  # no map drawn from it
