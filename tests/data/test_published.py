"""Published figures: the BBC's figures of 2026-01-06, each with a source and date."""

import pytest

from geo.data.published import PUBLISHED_COLUMNS, load_published


@pytest.fixture(scope="module")
def published():
    return load_published()


@pytest.mark.parametrize(("area", "percent"), [("UA-14", 75), ("UA-09", 99), ("UA", 20)])
def test_the_bbc_figures_of_the_paris_summit_are_there(published, area, percent):
    bbc = published[(published["source"] == "BBC News") & (published["as_of"] == "2026-01-06")]
    assert bbc.set_index("area").loc[area, "percent"] == percent


def test_every_figure_has_a_source_and_an_iso_date(published):
    assert list(published.columns) == PUBLISHED_COLUMNS
    assert (published["source"].str.len() > 0).all()
    assert published["as_of"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert published["percent"].between(0, 100).all()
