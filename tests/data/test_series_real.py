"""The shipped daily series and shipped geometry against the archive they come from."""

import datetime as dt
import json

import pytest

from geo.data.boundaries import load_units, ukraine_outline
from geo.data.cadence import shipped_days
from geo.data.occupied import occupied_within
from geo.data.series import held_days, load_series
from geo.data.shares import control_shares
from geo.data.snapshots import available_dates, load_occupied
from geo.pace.history import day_shares, series_history
from geo.paths import DATA_DIR
from geo.update.daily import raw_occupied

#: All of data/ must stay below this in git (the issue's size budget).
DATA_BUDGET_BYTES = 12_000_000
#: Days checked against the unsimplified archive: spread evenly over the range.
CHECKED_DAYS = 20


@pytest.fixture(scope="module")
def series():
    return load_series()


@pytest.fixture(scope="module")
def history(series):
    return series_history(series, load_units())


def archived_days(deepstate_dir) -> list[dt.date]:
    return sorted(dt.datetime.strptime(p.stem[-8:], "%Y%m%d").date()
                  for p in (deepstate_dir / "daily").glob("deepstatemap_data_*.geojson"))


def test_the_series_holds_every_archived_day_and_no_other(deepstate_dir):
    assert held_days() == archived_days(deepstate_dir)


def test_a_day_the_archive_lacks_has_no_row(series):
    assert not (series["date"] == dt.date(2025, 11, 26)).any()
    assert (series["date"] == dt.date(2025, 11, 25)).any()


def test_every_held_day_has_27_units_and_ukraine(series):
    assert series.groupby("date").size().eq(28).all()
    assert (series.groupby("date")["iso_3166_2"].last() == "UA").all()


def test_the_shipped_geometry_is_the_cadence_of_the_held_days():
    assert available_dates() == shipped_days(held_days())


def test_the_newest_day_and_the_paris_summit_are_shipped():
    assert {dt.date(2026, 10, 10), dt.date(2026, 1, 6)} <= set(available_dates())


def test_data_stays_within_its_size_budget():
    size = sum(p.stat().st_size for p in DATA_DIR.rglob("*") if p.is_file())
    assert size < DATA_BUDGET_BYTES, f"data/ is {size / 1e6:.1f} MB"


def test_the_series_agrees_with_the_shipped_geometry_on_every_shipped_day(history):
    units = load_units()
    worst = 0.0
    for day in available_dates():
        computed = control_shares(units, load_occupied(day)).set_index("iso_3166_2")
        shipped = day_shares(history, day).set_index("iso_3166_2")
        worst = max(worst, (computed["occupied_pct"] - shipped["occupied_pct"]).abs().max())
    assert worst < 1e-3


def test_the_series_agrees_with_the_unsimplified_archive_within_a_tenth_of_a_point(
        history, deepstate_dir):
    held = held_days()
    days = [held[round(i * (len(held) - 1) / (CHECKED_DAYS - 1))] for i in range(CHECKED_DAYS)]
    full_units = load_units(source=True)
    ukraine = ukraine_outline(full_units)
    for day in days:
        path = deepstate_dir / "daily" / f"deepstatemap_data_{day:%Y%m%d}.geojson"
        full = occupied_within(ukraine, raw_occupied(json.loads(path.read_text())))
        reference = control_shares(full_units, full).set_index("iso_3166_2")
        shipped = day_shares(history, day).set_index("iso_3166_2")
        difference = (shipped["occupied_pct"] - reference["occupied_pct"]).abs()
        assert difference.max() <= 0.1, (day, difference.sort_values().tail(3).to_dict())
