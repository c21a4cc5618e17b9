"""data/reported_costs.csv: every reported cost has its text in each language."""

import pytest

from geo.scenario.reported import MEASURES, TEXT_COLUMNS, load_reported


@pytest.fixture(scope="module")
def reported():
    return load_reported()


@pytest.mark.parametrize("column", TEXT_COLUMNS)
def test_every_reported_cost_has_its_ukrainian_text(reported, column):
    assert (reported[f"{column}_uk"] != "").all()


@pytest.mark.parametrize("column", ["as_of", "why_differs"])
def test_the_ukrainian_dates_and_reasons_are_written_in_ukrainian(reported, column):
    # Sources are names ("Russia Matters") and may stay as they are.
    assert reported[f"{column}_uk"].str.contains("[а-яіїєґ]", regex=True).all()


def test_every_measure_is_one_the_page_can_label(reported):
    assert set(reported["measure"]) <= set(MEASURES)
