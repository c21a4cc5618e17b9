"""The history of control across the shipped days' geometry."""

import datetime as dt

import pytest

from geo.data.boundaries import load_units
from geo.data.shares import control_shares
from geo.data.snapshots import available_dates, load_occupied
from geo.pace.history import compare_dates, share_history

FIRST, LAST = dt.date(2024, 7, 8), dt.date(2026, 10, 10)


@pytest.fixture(scope="module")
def units():
    return load_units()


@pytest.fixture(scope="module")
def history(units):
    return share_history(units, available_dates(), load_occupied)


def share(history, date, code):
    rows = history[(history["date"] == date) & (history["iso_3166_2"] == code)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_the_history_has_every_shipped_day_of_27_units_and_ukraine(history):
    assert history["date"].nunique() == len(available_dates())
    assert history.groupby("date").size().eq(28).all()
    assert len(history) == len(available_dates()) * 28
    assert (history["date"].min(), history["date"].max()) == (FIRST, LAST)


def test_donetsk_share_rises_between_the_first_and_the_last_snapshot(history):
    assert share(history, LAST, "UA-14")["occupied_pct"] > \
        share(history, FIRST, "UA-14")["occupied_pct"] + 10


def test_each_date_matches_its_snapshot_shares(history, units):
    date = dt.date(2026, 1, 6)
    expected = control_shares(units, load_occupied(date)).set_index("iso_3166_2")
    rows = history[history["date"] == date].set_index("iso_3166_2")
    assert rows["occupied_km2"].to_dict() == pytest.approx(expected["occupied_km2"].to_dict())


def test_the_net_change_matches_the_change_in_ukraine_s_occupied_area(history, units):
    change = compare_dates(units, history, FIRST, LAST, load_occupied)
    difference = share(history, LAST, "UA")["occupied_km2"] - \
        share(history, FIRST, "UA")["occupied_km2"]
    assert change.net_km2 == pytest.approx(difference, abs=5)
    assert change.gained_km2 > 5_000
    by_unit = change.by_unit.set_index("iso_3166_2")
    assert by_unit.loc["UA", "gained_km2"] == pytest.approx(change.gained_km2, rel=1e-3)
    assert by_unit.loc["UA-14", "net_km2"] == by_unit["net_km2"].drop("UA").max()
