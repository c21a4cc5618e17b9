"""The daily series by unit: held days looked up without filtering the long table again."""

import datetime as dt

import pandas as pd
import pytest

from geo.pace.held import HeldSeries, held_series
from geo.pace.rate import pace

D = dt.date


def long_table() -> pd.DataFrame:
    """Two units; UA-14 lacks 2025-01-02 (a gap), rows not in day order."""
    return pd.DataFrame({
        "date": [D(2025, 1, 3), D(2025, 1, 1), D(2025, 1, 1), D(2025, 1, 2), D(2025, 1, 3)],
        "iso_3166_2": ["UA-14", "UA-14", "UA", "UA", "UA"],
        "occupied_km2": [130.0, 100.0, 1_000.0, 1_010.0, 1_030.0],
        "occupied_pct": 0.0})


def test_a_unit_holds_its_days_sorted_and_only_its_own():
    unit = HeldSeries.of(long_table()).unit("UA-14")
    assert unit.days == (D(2025, 1, 1), D(2025, 1, 3))
    assert (unit.on(D(2025, 1, 1)), unit.on(D(2025, 1, 3))) == (100.0, 130.0)


def test_a_missing_day_stays_missing():
    with pytest.raises(KeyError):
        HeldSeries.of(long_table()).unit("UA-14").on(D(2025, 1, 2))


def test_a_unit_not_in_the_series_is_an_error():
    with pytest.raises(ValueError, match="no such unit in the series: UA-09"):
        HeldSeries.of(long_table()).unit("UA-09")


def test_only_the_units_asked_for_are_read():
    with pytest.raises(ValueError):
        HeldSeries.of(long_table(), units=("UA",)).unit("UA-14")


def test_negated_turns_every_area_and_back():
    held = HeldSeries.of(long_table())
    assert held.negated().unit("UA").on(D(2025, 1, 2)) == -1_010.0
    assert held.negated().negated() is held


def test_the_pace_is_the_same_from_the_table_and_from_its_held_series():
    table = long_table()
    for unit in ("UA", "UA-14"):
        assert pace(held_series(table), unit, D(2025, 1, 1), D(2025, 1, 3)) == \
            pace(table, unit, D(2025, 1, 1), D(2025, 1, 3))
